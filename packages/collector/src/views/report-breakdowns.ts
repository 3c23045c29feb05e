import { OUTCOMES, type AnnualReport, type ServiceReport } from '@vo-feedback/shared';
import { intervalOrDash, withFewNote } from './few-answers.ts';
import { formatCount, formatPercent, html, raw, type Html } from './html.ts';

// The small tables of a service in the annual report: its year split by outcome, step and
// language (and, in report-html.ts, by channel and reason). Every figure is one of the JSON's;
// satisfaction stands beside its 95 % interval, and a share counted on fewer answers than
// MIN_PUBLIC_N says "weinig antwoorden".

type Cell = Html | string;
type Row = readonly [Cell, ...Cell[]];

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

/** A share and the note beside it when it is counted on few answers. */
export function shareCell(value: number | null, answers: number, minimum: number): Html {
  return withFewNote(percent(value), answers, minimum);
}

/** The cells of a group's satisfaction: the share with its note, then its 95 % interval. */
export function satisfactionCells(
  figures: { responses: number; csat: number | null; csatInterval: [number, number] | null },
  minimum: number,
): [Html, string] {
  return [
    shareCell(figures.csat, figures.responses, minimum),
    intervalOrDash(figures.csatInterval),
  ];
}

/** Three small tables: the responses per outcome, per step of the journey and per language. */
export function breakdownsOf(service: ServiceReport, report: AnnualReport, level: number): Html {
  const h = (text: string) => raw(`<h${level}>${html`${text}`}</h${level}>`);
  const id = `dienst-${service.serviceId}`;
  const { minimum } = report;
  const none = html`<p class="note">Geen antwoorden in ${report.year}.</p>`;
  const outcomes = [...OUTCOMES, 'unknown' as const].flatMap((outcome) => {
    const figures = service.byOutcome[outcome];
    return figures
      ? [
          [
            OUTCOME_NAMES[outcome]!,
            formatCount(figures.responses),
            ...satisfactionCells(figures, minimum),
          ] as const,
        ]
      : [];
  });
  const byOutcome =
    outcomes.length === 0
      ? none
      : countTable(
          `${id}-uitkomsten`,
          `Antwoorden per uitkomst in ${report.year}: hoe de burger de dienst verliet`,
          ['Uitkomst', 'Antwoorden', 'Tevreden', '95%-interval'],
          outcomes,
        );
  const bySteps =
    service.byStep.length === 0
      ? html`<p class="note">Geen antwoorden met een stap in ${report.year}.</p>`
      : html`${countTable(
            `${id}-stappen`,
            `Antwoorden per stap in ${report.year}, in de volgorde van de klantreis`,
            ['Stap', 'Antwoorden', 'Tevreden', '95%-interval', 'Niet voltooid'],
            service.byStep.map((s) => [
              s.step,
              formatCount(s.responses),
              ...satisfactionCells(s, minimum),
              shareCell(s.shareNotCompleted, s.withOutcome, minimum),
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
          ['Taal', 'Antwoorden', 'Tevreden', '95%-interval'],
          service.byLanguage.map((l) => [
            LANGUAGE_NAMES[l.lang] ?? l.lang,
            formatCount(l.responses),
            ...satisfactionCells(l, minimum),
          ]),
        );
  return html`${h('Uitkomsten')}${byOutcome}${h('Stappen in de klantreis')}${bySteps}${h('Talen')}${byLanguage}`;
}
