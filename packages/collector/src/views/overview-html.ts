import type { AnnualReport, OverviewFlag, OverviewRow } from '@vo-feedback/shared';
import { fewAnswersNote } from './few-answers.ts';
import { formatCount, formatInterval, formatPercent, html, type Html } from './html.ts';

// The opening of the annual report of all organisations: every service side by side (the
// overview's rows) and a summary per policy domain, before the details of each organisation.

/** Each flag as the report says it. */
export const FLAG_NAMES: Record<OverviewFlag, string> = {
  'below-target': 'onder het doel',
  falling: 'dalend',
  'few-responses': 'weinig antwoorden',
  silent: 'geen vertoningen in 30 dagen',
};

const percent = (value: number | null) => (value === null ? '–' : formatPercent(value));

/**
 * "82,0 % (74,1–88,0 %)", or a dash without responses; counted on fewer than `minimum` answers
 * (when the count is known), "weinig antwoorden" after the percentage.
 */
function satisfaction(
  csat: number | null,
  interval: readonly [number, number] | null,
  few?: { answers: number; minimum: number },
): Html {
  if (csat === null || interval === null) return html`–`;
  const note = few ? fewAnswersNote(few.answers, few.minimum) : '';
  const figure = html`${formatPercent(csat)}${note}`;
  return html`${figure} <span class="note">(${formatInterval(interval)})</span>`;
}

function comparisonRow(row: OverviewRow, minimum: number): Html {
  // Last year's count is not in the row: its interval says how sure it is.
  const now = satisfaction(row.csat, row.csatInterval, { answers: row.responses, minimum });
  return html`<tr>
    <td>${row.organisationName}</td>
    <th scope="row">${row.serviceName}</th>
    <td class="number">${formatCount(row.responses)}</td>
    <td class="number">${now}</td>
    <td class="number">${satisfaction(row.previousCsat, row.previousCsatInterval)}</td>
    <td class="number">${percent(row.target)}</td>
    <td>${row.flags.length === 0 ? '–' : row.flags.map((flag) => FLAG_NAMES[flag]).join(', ')}</td>
  </tr>`;
}

/**
 * The comparison table and the summary per policy domain, with their entries for the table of
 * contents; undefined for the report of one organisation (whose JSON has neither).
 */
export function comparisonSections(
  report: AnnualReport,
): { toc: [string, string][]; body: Html } | undefined {
  if (!report.overview || !report.byPolicyDomain) return undefined;
  const body = html`<section class="comparison" aria-labelledby="vergelijking">
      <h2 id="vergelijking">Alle diensten naast elkaar</h2>
      <p class="note">
        Tevredenheid met het 95%-betrouwbaarheidsinterval tussen haakjes. Signalen volgen de
        intervallen, niet de percentages: “onder het doel” als zelfs de bovengrens onder het doel
        ligt, “dalend” als het interval van dit jaar volledig onder dat van vorig jaar ligt.
      </p>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="vergelijking-tabel">
        <table class="wide">
          <caption id="vergelijking-tabel">
            Diensten in ${report.year}, met dezelfde periode van ${report.year - 1}
          </caption>
          <thead>
            <tr>
              <th scope="col">Organisatie</th>
              <th scope="col">Dienst</th>
              <th scope="col" class="number">Antwoorden</th>
              <th scope="col" class="number">Tevredenheid</th>
              <th scope="col" class="number">Vorig jaar</th>
              <th scope="col" class="number">Doel</th>
              <th scope="col">Signalen</th>
            </tr>
          </thead>
          <tbody>
            ${report.overview.map((row) => comparisonRow(row, report.minimum))}
          </tbody>
        </table>
      </div>
    </section>
    <section aria-labelledby="per-beleidsdomein">
      <h2 id="per-beleidsdomein">Per beleidsdomein</h2>
      <table>
        <caption>
          Diensten per beleidsdomein in ${report.year}
        </caption>
        <thead>
          <tr>
            <th scope="col">Beleidsdomein</th>
            <th scope="col" class="number">Diensten</th>
            <th scope="col" class="number">Antwoorden</th>
            <th scope="col" class="number">Tevredenheid</th>
          </tr>
        </thead>
        <tbody>
          ${report.byPolicyDomain.map((domain) => {
            const few = { answers: domain.responses, minimum: report.minimum };
            return html`<tr>
              <th scope="row">${domain.policyDomain ?? 'Zonder beleidsdomein'}</th>
              <td class="number">${formatCount(domain.services)}</td>
              <td class="number">${formatCount(domain.responses)}</td>
              <td class="number">${satisfaction(domain.csat, domain.csatInterval, few)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>`;
  return {
    toc: [
      ['vergelijking', 'Alle diensten naast elkaar'],
      ['per-beleidsdomein', 'Per beleidsdomein'],
    ],
    body,
  };
}
