import { OUTCOMES, type AnnualReport, type ServiceReport } from '@vo-feedback/shared';
import { formatCount, formatPercent, html, raw, type Html } from './html.ts';

// The small tables of a service in the annual report: its year split by outcome, step and
// language (and, in report-html.ts, by channel and reason). Every figure is one of the JSON's.

type Row = readonly [Html | string, ...string[]];

/** A small table of counts: a caption, the column headings (the first names the rows), a row per item. */
export function countTable(
  captionId: string,
  caption: string,
  headings: readonly [string, ...string[]],
  rows: readonly Row[],
): Html {
  const [first, ...numbers] = headings;
  // Within a region of its own that scrolls sideways at 320 px, not the page.
  return html`<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${captionId}">
    <table>
      <caption id="${captionId}">
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${first}</th>
          ${numbers.map((heading) => html`<th scope="col" class="number">${heading}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ([name, ...cells]) =>
            html`<tr>
              <th scope="row">${name}</th>
              ${cells.map((cell) => html`<td class="number">${cell}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

const OUTCOME_NAMES: Record<string, string> = {
  completed: 'Afgerond',
  rejected: 'Geweigerd',
  error: 'Fout',
  info: 'Informatie',
  unknown: 'Niet opgegeven',
};

const LANGUAGE_NAMES: Record<string, string> = {
  nl: 'Nederlands',
  fr: 'Frans',
  en: 'Engels',
  de: 'Duits',
};

const percent = (value: number | null) => (value === null ? '–' : formatPercent(value));

/** Three small tables: the responses per outcome, per step of the journey and per language. */
export function breakdownsOf(service: ServiceReport, report: AnnualReport, level: number): Html {
  const h = (text: string) => raw(`<h${level}>${html`${text}`}</h${level}>`);
  const id = `dienst-${service.serviceId}`;
  const none = html`<p class="note">Geen antwoorden in ${report.year}.</p>`;
  const outcomes = [...OUTCOMES, 'unknown' as const].flatMap((outcome) => {
    const figures = service.byOutcome[outcome];
    return figures
      ? [[OUTCOME_NAMES[outcome]!, formatCount(figures.responses), percent(figures.csat)] as const]
      : [];
  });
  const byOutcome =
    outcomes.length === 0
      ? none
      : countTable(
          `${id}-uitkomsten`,
          `Antwoorden per uitkomst in ${report.year}: hoe de burger de dienst verliet`,
          ['Uitkomst', 'Antwoorden', 'Tevreden'],
          outcomes,
        );
  const bySteps =
    service.byStep.length === 0
      ? html`<p class="note">Geen antwoorden met een stap in ${report.year}.</p>`
      : html`${countTable(
            `${id}-stappen`,
            `Antwoorden per stap in ${report.year}, in de volgorde van de klantreis`,
            ['Stap', 'Antwoorden', 'Tevreden', 'Niet voltooid'],
            service.byStep.map((s) => [
              s.step,
              formatCount(s.responses),
              percent(s.csat),
              percent(s.shareNotCompleted),
            ]),
          )}
          <p class="note">
            Niet voltooid: het aandeel geweigerd of fout van de antwoorden waarbij de uitkomst
            gekend is.
          </p>`;
  const byLanguage =
    service.byLanguage.length === 0
      ? none
      : countTable(
          `${id}-talen`,
          `Antwoorden per taal in ${report.year}`,
          ['Taal', 'Antwoorden', 'Tevreden'],
          service.byLanguage.map((l) => [
            LANGUAGE_NAMES[l.lang] ?? l.lang,
            formatCount(l.responses),
            percent(l.csat),
          ]),
        );
  return html`${h('Uitkomsten')}${byOutcome}${h('Stappen in de klantreis')}${bySteps}${h('Talen')}${byLanguage}`;
}
