import type { AnnualReport, MonthFigures, ReportBlock, ReportFigures } from '@vo-feedback/shared';
import { fewAnswersNote, withFewNote } from './few-answers.ts';
import {
  formatChange,
  formatCount,
  formatInterval,
  formatMean,
  formatMonth,
  formatPercent,
  html,
  MONTHS,
  MONTHS_SHORT,
  RATING_LABELS,
  raw,
  type Html,
} from './html.ts';

// The figures of one block of the annual report (the whole, an organisation, a service): key
// figures, the distribution of the answers and satisfaction per month, each chart an SVG with a
// title and description and its figures in a table beside it.

const BLUE = '#0055cc';
const GREY = '#687483';
const BAND = '#c7daf5';

const none = html`<span class="none">geen</span>`;

function percentOrNone(value: number | null): Html | string {
  return value === null ? none : formatPercent(value);
}

function meanOrNone(value: number | null): Html | string {
  return value === null ? none : formatMean(value);
}

function intervalOrNone(value: readonly [number, number] | null): Html | string {
  return value === null ? none : formatInterval(value);
}

function changeOrNone(value: number | null, kind: 'count' | 'mean' | 'points'): Html | string {
  return value === null ? none : formatChange(value, kind);
}

function share(count: number, total: number): string {
  return total === 0 ? '' : formatPercent(count / total);
}

/** What every table of a block needs from its report: the year, and MIN_PUBLIC_N. */
type Context = Pick<AnnualReport, 'year' | 'minimum'>;

function keyFigures(block: ReportBlock, { year, minimum }: Context, id: string): Html {
  const { current, previous, change } = block;
  const row = (label: string, now: Html | string, before: Html | string, diff: Html | string) =>
    html`<tr>
      <th scope="row">${label}</th>
      <td class="number">${now}</td>
      <td class="number">${before}</td>
      <td class="number">${diff}</td>
    </tr>`;
  return html`<div
    class="table-scroll"
    role="region"
    tabindex="0"
    aria-labelledby="${id}-kerncijfers"
  >
    <table>
      <caption id="${id}-kerncijfers">
        Kerncijfers ${year} en ${year - 1}
      </caption>
      <thead>
        <tr>
          <th scope="col">Indicator</th>
          <th scope="col" class="number">${year}</th>
          <th scope="col" class="number">${year - 1}</th>
          <th scope="col" class="number">Verschil</th>
        </tr>
      </thead>
      <tbody>
        ${row('Antwoorden', formatCount(current.responses), formatCount(previous.responses), formatChange(change.responses, 'count'))}
        ${row('Gemiddelde score (1 tot 5)', meanOrNone(current.mean), meanOrNone(previous.mean), changeOrNone(change.mean, 'mean'))}
        ${row('Tevredenheid (aandeel tevreden en zeer tevreden)', withFewNote(percentOrNone(current.csat), current.responses, minimum), withFewNote(percentOrNone(previous.csat), previous.responses, minimum), changeOrNone(change.csat, 'points'))}
        ${row('95%-betrouwbaarheidsinterval van de tevredenheid', intervalOrNone(current.csatInterval), intervalOrNone(previous.csatInterval), '')}
        ${row('Antwoorden met een opmerking', formatCount(current.comments), formatCount(previous.comments), formatChange(change.comments, 'count'))}
        ${row('Keren dat de vraag getoond werd', formatCount(current.impressions), formatCount(previous.impressions), formatChange(current.impressions - previous.impressions, 'count'))}
        ${row('Responsgraad (antwoorden per keer getoond)', percentOrNone(current.responseRate), percentOrNone(previous.responseRate), changeOrNone(change.responseRate, 'points'))}
      </tbody>
    </table>
  </div>`;
}

/** Horizontal bars: this year's share of each answer, the previous year's as a thin bar below. */
function distributionChart(
  current: ReportFigures,
  previous: ReportFigures,
  year: number,
  id: string,
): Html {
  const rowHeight = 34;
  const top = 6;
  const labelWidth = 124;
  const barSpace = 250;
  const width = 480;
  const height = top + rowHeight * 5 + 4;
  const keys = ['1', '2', '3', '4', '5'] as const;
  const description = keys
    .map(
      (key, i) =>
        `${RATING_LABELS[i]}: ${formatCount(current.ratings[key])}${current.responses ? ` (${share(current.ratings[key], current.responses)})` : ''}, ${year - 1}: ${formatCount(previous.ratings[key])}`,
    )
    .join('; ');
  const shares = (f: ReportFigures) =>
    keys.map((key) => (f.responses === 0 ? 0 : f.ratings[key] / f.responses));
  const scale = Math.max(...shares(current), ...shares(previous)) || 1;
  const bars = keys.map((key, i) => {
    const y = top + i * rowHeight;
    const now = current.responses === 0 ? 0 : current.ratings[key] / current.responses;
    const before = previous.responses === 0 ? 0 : previous.ratings[key] / previous.responses;
    // The longest bar of either year fills the space; the labels carry the values.
    const nowWidth = Math.round((now / scale) * barSpace * 10) / 10;
    const beforeWidth = Math.round((before / scale) * barSpace * 10) / 10;
    const label = `${formatCount(current.ratings[key])}${current.responses ? ` (${share(current.ratings[key], current.responses)})` : ''}`;
    return html`<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end"
        >${RATING_LABELS[i]}</text
      >
      <rect x="${labelWidth}" y="${y + 2}" width="${nowWidth}" height="16" fill="${BLUE}" />
      <rect x="${labelWidth}" y="${y + 21}" width="${beforeWidth}" height="6" fill="${GREY}" />
      <text x="${labelWidth + nowWidth + 6}" y="${y + 15}">${label}</text>`;
  });
  return html`<svg
    class="chart"
    viewBox="0 0 ${width} ${height}"
    width="${width}"
    height="${height}"
    role="img"
    aria-labelledby="${id}-dist-title ${id}-dist-desc"
  >
    <title id="${id}-dist-title">Verdeling van de antwoorden in ${year}</title>
    <desc id="${id}-dist-desc">${description}</desc>
    <line class="axis" x1="${labelWidth}" y1="0" x2="${labelWidth}" y2="${height}" />
    ${bars}
  </svg>`;
}

function distributionTable(
  current: ReportFigures,
  previous: ReportFigures,
  { year, minimum }: Context,
  id: string,
): Html {
  const keys = ['1', '2', '3', '4', '5'] as const;
  return html`<div
    class="table-scroll"
    role="region"
    tabindex="0"
    aria-labelledby="${id}-dist-table"
  >
    <table>
      <caption id="${id}-dist-table">
        Verdeling van de antwoorden: de cijfers
      </caption>
      <thead>
        <tr>
          <th scope="col">Antwoord</th>
          <th scope="col" class="number">${year}</th>
          <th scope="col" class="number">Aandeel</th>
          <th scope="col" class="number">${year - 1}</th>
          <th scope="col" class="number">Aandeel</th>
        </tr>
      </thead>
      <tbody>
        ${keys.map(
          (key, i) =>
            html`<tr>
              <th scope="row">${RATING_LABELS[i]} (${key})</th>
              <td class="number">${formatCount(current.ratings[key])}</td>
              <td class="number">${share(current.ratings[key], current.responses)}</td>
              <td class="number">${formatCount(previous.ratings[key])}</td>
              <td class="number">${share(previous.ratings[key], previous.responses)}</td>
            </tr>`,
        )}
        <tr>
          <th scope="row">Totaal</th>
          <td class="number">${formatCount(current.responses)}</td>
          <td class="number">${fewAnswersNote(current.responses, minimum)}</td>
          <td class="number">${formatCount(previous.responses)}</td>
          <td class="number">${fewAnswersNote(previous.responses, minimum)}</td>
        </tr>
      </tbody>
    </table>
  </div>`;
}

/** Runs of consecutive months that have responses: a band or line is not drawn across a gap. */
function runs(months: readonly MonthFigures[]): number[][] {
  const result: number[][] = [];
  let run: number[] = [];
  months.forEach((month, i) => {
    if (month.csat === null) {
      if (run.length) result.push(run);
      run = [];
    } else run.push(i);
  });
  if (run.length) result.push(run);
  return result;
}

/** Monthly satisfaction: points and line, the 95 % interval as a band, last year dashed. */
function monthlyChart(block: ReportBlock, year: number, id: string): Html {
  const width = 560;
  const height = 250;
  const left = 46;
  const right = 10;
  const top = 12;
  const plotHeight = 190;
  const slots = Math.max(block.byMonth.length, 1);
  const slot = (width - left - right) / slots;
  const x = (i: number) => Math.round((left + (i + 0.5) * slot) * 10) / 10;
  const y = (fraction: number) => Math.round((top + (1 - fraction) * plotHeight) * 10) / 10;
  const current = block.byMonth.map((m) => m.current);
  const previous = block.byMonth.map((m) => m.previous);

  const grid = [0, 0.25, 0.5, 0.75, 1].map(
    (f) =>
      html`<line class="axis" x1="${left}" y1="${y(f)}" x2="${width - right}" y2="${y(f)}" /><text
          x="${left - 6}"
          y="${y(f) + 4}"
          text-anchor="end"
          >${Math.round(f * 100)}%</text
        >`,
  );
  const labels = block.byMonth.map(
    (m, i) =>
      html`<text x="${x(i)}" y="${top + plotHeight + 20}" text-anchor="middle"
        >${MONTHS_SHORT[Number(m.month.slice(5, 7)) - 1]}</text
      >`,
  );
  const bands = runs(current).map((run) => {
    if (run.length === 1) {
      const i = run[0]!;
      const [low, high] = current[i]!.csatInterval!;
      return html`<rect
        x="${x(i) - 6}"
        y="${y(high)}"
        width="12"
        height="${Math.max(y(low) - y(high), 1)}"
        fill="${BAND}"
      />`;
    }
    const upper = run.map((i) => `${x(i)},${y(current[i]!.csatInterval![1])}`);
    const lower = run
      .slice()
      .reverse()
      .map((i) => `${x(i)},${y(current[i]!.csatInterval![0])}`);
    return html`<polygon points="${[...upper, ...lower].join(' ')}" fill="${BAND}" />`;
  });
  const line = (series: MonthFigures[], stroke: string, dashed: boolean) =>
    runs(series)
      .filter((run) => run.length > 1)
      .map(
        (run) =>
          html`<polyline
            points="${run.map((i) => `${x(i)},${y(series[i]!.csat!)}`).join(' ')}"
            fill="none"
            stroke="${stroke}"
            stroke-width="2"
            ${raw(dashed ? ' stroke-dasharray="6 4"' : '')}
          />`,
      );
  const points = current.map((m, i) =>
    m.csat === null ? '' : html`<circle cx="${x(i)}" cy="${y(m.csat)}" r="4" fill="${BLUE}" />`,
  );
  const described = current
    .map((m) =>
      m.csat === null
        ? `${formatMonth(m.month)}: geen antwoorden`
        : `${formatMonth(m.month)}: ${formatPercent(m.csat)} (interval ${formatInterval(m.csatInterval!)}, ${formatCount(m.responses)} antwoorden)`,
    )
    .join('; ');
  return html`<svg
    class="chart"
    viewBox="0 0 ${width} ${height}"
    width="${width}"
    height="${height}"
    role="img"
    aria-labelledby="${id}-month-title ${id}-month-desc"
  >
    <title id="${id}-month-title">
      Tevredenheid per maand in ${year}, met 95%-betrouwbaarheidsinterval, en ${year - 1}
    </title>
    <desc id="${id}-month-desc">${described}</desc>
    ${grid} ${bands} ${line(previous, GREY, true)} ${line(current, BLUE, false)} ${points} ${labels}
  </svg>`;
}

function monthlyTable(block: ReportBlock, { year, minimum }: Context, id: string): Html {
  const satisfaction = (month: MonthFigures) =>
    withFewNote(percentOrNone(month.csat), month.responses, minimum);
  return html`<div
    class="table-scroll"
    role="region"
    tabindex="0"
    aria-labelledby="${id}-month-table"
  >
    <table>
      <caption id="${id}-month-table">
        Tevredenheid per maand in ${year}: de cijfers
      </caption>
      <thead>
        <tr>
          <th scope="col">Maand</th>
          <th scope="col" class="number">Antwoorden</th>
          <th scope="col" class="number">Tevredenheid</th>
          <th scope="col" class="number">95%-interval</th>
          <th scope="col" class="number">Gemiddelde</th>
          <th scope="col" class="number">Tevredenheid ${year - 1}</th>
        </tr>
      </thead>
      <tbody>
        ${block.byMonth.map(
          (m) =>
            html`<tr>
              <th scope="row">${MONTHS[Number(m.month.slice(5, 7)) - 1]}</th>
              <td class="number">${formatCount(m.current.responses)}</td>
              <td class="number">${satisfaction(m.current)}</td>
              <td class="number">${intervalOrNone(m.current.csatInterval)}</td>
              <td class="number">${meanOrNone(m.current.mean)}</td>
              <td class="number">${satisfaction(m.previous)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function legend(items: readonly [string, string][]): Html {
  return html`<ul class="legend">
    ${items.map(([kind, label]) => html`<li><span class="swatch ${kind}"></span>${label}</li>`)}
  </ul>`;
}

/**
 * A block's key figures, its distribution and its months: each chart with its table, and
 * "weinig antwoorden" beside a share counted on fewer answers than the report's minimum.
 */
export function figuresOfBlock(
  block: ReportBlock,
  report: Context,
  id: string,
  level: number,
): Html {
  const { year } = report;
  const h = (text: string) => raw(`<h${level}>${html`${text}`}</h${level}>`);
  return html`${keyFigures(block, report, id)} ${h('Verdeling van de antwoorden')}
    <div class="chart-with-table">
      <figure>
        <figcaption>Aandeel van elk antwoord</figcaption>
        ${distributionChart(block.current, block.previous, year, id)}
        ${legend([
          ['current', String(year)],
          ['previous', String(year - 1)],
        ])}
      </figure>
      ${distributionTable(block.current, block.previous, report, id)}
    </div>
    ${h('Tevredenheid per maand')}
    <div class="chart-with-table stacked">
      <figure>
        <figcaption>Tevredenheid per maand</figcaption>
        ${monthlyChart(block, year, id)}
        ${legend([
          ['current', `${year}`],
          ['band', '95%-betrouwbaarheidsinterval'],
          ['dashed', `${year - 1}`],
        ])}
      </figure>
      ${monthlyTable(block, report, id)}
    </div>`;
}
