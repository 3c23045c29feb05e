import { LitElement, html, svg, nothing } from 'lit';
import type { MonthFigures } from '@vo-feedback/shared';
import { chartImage, chartTable } from '../chart.ts';
import { ChartSize } from '../chart-size.ts';
import type { DashboardContext } from '../context.ts';
import { inputs } from '../element.ts';
import { fewAnswersNote } from '../few-answers.ts';
import { styles } from './vo-csat-chart.styles.ts';

let nextId = 0;

/** Consecutive months that have a figure, as index ranges. */
function runs(months: MonthFigures[]): number[][] {
  const result: number[][] = [];
  let current: number[] = [];
  months.forEach((month, index) => {
    if (month.csat !== null && month.csatInterval !== null) current.push(index);
    else if (current.length) {
      result.push(current);
      current = [];
    }
  });
  if (current.length) result.push(current);
  return result;
}

/** A month's response rate: the API's, or responses / impressions. */
export function monthResponseRate(month: MonthFigures): number | null {
  const given = (month as Partial<MonthFigures>).responseRate;
  if (given !== undefined) return given;
  return month.impressions > 0 ? month.responses / month.impressions : null;
}

/**
 * Satisfaction (csat) per month as a line with its 95 % Wilson interval as a band, hand-drawn in
 * SVG, and a data table with every figure: responses, csat, the interval, impressions and the
 * response rate. A month without responses has no point, rather than a misleading zero.
 *
 * Accessibility criteria: the SVG is one image whose text alternative names the months and points
 * to the table; the table has a caption and row headers; a month's satisfaction counted on fewer
 * answers than MIN_PUBLIC_N says "weinig antwoorden" beside it; the band, line and points stay
 * visible in forced colours.
 *
 * @summary Monthly satisfaction with its confidence band and data table.
 * @tagname vo-csat-chart
 */
export class VoCsatChart extends LitElement {
  static override styles = styles;

  static override properties = { ...inputs('context', 'months') };

  declare context: DashboardContext;
  /** `byMonth` of the summary. */
  declare months: MonthFigures[];

  readonly #size = new ChartSize(this, '.chart');
  readonly #id = `csat-chart-${nextId++}`;

  constructor() {
    super();
    this.months = [];
  }

  override render() {
    return html`<div class="chart">${this.#chart()}</div>
      ${this.#table()}`;
  }

  #chart() {
    const { t, f } = this.context;
    const months = this.months;
    if (months.length === 0) return nothing;
    const { width, em } = this.#size;
    const left = Math.round(em * 3.5);
    const right = Math.round(em * 0.75);
    const top = Math.round(em * 0.75);
    const plot = Math.round(em * 12);
    const height = top + plot + Math.round(em * 3);
    const slot = Math.max(1, (width - left - right) / months.length);
    const x = (index: number) => left + slot * (index + 0.5);
    const y = (value: number) => top + (1 - value) * plot;
    // Label every k-th month so that labels (about 3em wide) never overlap.
    const every = Math.max(1, Math.ceil((em * 3) / slot));
    const groups = runs(months);
    const first = months[0]!.month;
    const last = months[months.length - 1]!.month;

    const band = groups.map((group) => {
      if (group.length === 1) {
        const index = group[0]!;
        const [low, high] = months[index]!.csatInterval!;
        const w = Math.min(slot * 0.6, em * 1.2);
        return svg`<rect class="band" x=${x(index) - w / 2} y=${y(high)} width=${w} height=${Math.max(1, y(low) - y(high))}></rect>`;
      }
      const upper = group.map((i) => `${x(i)},${y(months[i]!.csatInterval![1])}`);
      const lower = group.map((i) => `${x(i)},${y(months[i]!.csatInterval![0])}`).reverse();
      return svg`<polygon class="band" points=${[...upper, ...lower].join(' ')}></polygon>`;
    });
    const lines = groups
      .filter((group) => group.length > 1)
      .map(
        (group) =>
          svg`<polyline class="line" points=${group.map((i) => `${x(i)},${y(months[i]!.csat!)}`).join(' ')}></polyline>`,
      );
    const points = months.map((month, index) =>
      month.csat === null
        ? nothing
        : svg`<circle class="point" cx=${x(index)} cy=${y(month.csat)} r=${Math.max(3, em * 0.3)}></circle>`,
    );
    const grid = [0, 0.25, 0.5, 0.75, 1].map(
      (
        value,
      ) => svg`<line class="grid" x1=${left} x2=${width - right} y1=${y(value)} y2=${y(value)}></line>
        <text class="axis" x=${left - em * 0.4} y=${y(value) + em * 0.35} text-anchor="end">${f.axisPercent(value)}</text>`,
    );
    const labels = months.map((month, index) => {
      if (index % every !== 0) return nothing;
      const showYear = index === 0 || month.month.endsWith('-01');
      return svg`<text class="axis" x=${x(index)} y=${top + plot + em * 1.3} text-anchor="middle">${f.shortMonth(month.month)}</text>
        ${showYear ? svg`<text class="axis year" x=${x(index)} y=${top + plot + em * 2.5} text-anchor="middle">${month.month.slice(0, 4)}</text>` : nothing}`;
    });
    return chartImage(
      this.#id,
      width,
      height,
      t.monthlyChart(f.month(first), f.month(last)),
      svg`${grid} ${band} ${lines} ${points} ${labels}`,
    );
  }

  #table() {
    const { t, f } = this.context;
    return chartTable(
      this.#id,
      t.monthlyHeading,
      [t.month, t.responses, t.csat, t.intervalColumn, t.impressions, t.responseRate],
      this.months.map(
        (month) =>
          html`<tr data-month=${month.month}>
            <th scope="row">${f.month(month.month)}</th>
            <td class="number">${f.integer(month.responses)}</td>
            <td class="number">
              ${f.percent(month.csat)}${fewAnswersNote(this.context, month.responses)}
            </td>
            <td class="number">
              ${
                month.csatInterval
                  ? `${f.percent(month.csatInterval[0])} – ${f.percent(month.csatInterval[1])}`
                  : '–'
              }
            </td>
            <td class="number">${f.integer(month.impressions)}</td>
            <td class="number">${f.percent(monthResponseRate(month))}</td>
          </tr>`,
      ),
    );
  }
}
