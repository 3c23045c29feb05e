import { PERIOD_FIRST_YEAR, PERIOD_LAST_YEAR, type PublicStats } from '@vo-feedback/shared';
import {
  documentShell,
  formatCount,
  formatDate,
  formatInterval,
  formatMean,
  formatPercent,
  html,
  type Html,
} from './html.ts';

// /transparantie: how satisfied citizens are with each active digital service, for everyone, in
// Dutch, without a script. Services with too few responses are listed as such, with no figure.

export interface TransparencyPage {
  stats: PublicStats;
  /** Years a visitor can switch to, newest first. */
  years: readonly number[];
}

/**
 * "Dankzij uw feedback": per service, what its provider changed because of citizens' feedback
 * (public improvement actions that are done), the most recent first. Nothing when none has any.
 */
function improvementsSection(services: PublicStats['services']): Html | '' {
  const improved = services.filter((s) => s.improvements.length > 0);
  if (improved.length === 0) return '';
  return html`<section aria-labelledby="verbeteringen">
    <h2 id="verbeteringen">Dankzij uw feedback</h2>
    <p>Wat diensten verbeterden na de feedback van burgers.</p>
    ${improved.map(
      (s) =>
        html`<h3>${s.name} <span class="note">(${s.organisationName})</span></h3>
          <ul>
            ${s.improvements.map(
              (i) =>
                html`<li>
                  <strong>${i.title}</strong>${i.description ? html`<br />${i.description}` : ''}
                  <br /><span class="note">Klaar op ${formatDate(i.doneOn)}</span>
                </li>`,
            )}
          </ul>`,
    )}
  </section>`;
}

export function transparencyHtml({ stats, years }: TransparencyPage): string {
  const sorted = [...stats.services].sort(
    (a, b) =>
      a.organisationName.localeCompare(b.organisationName, 'nl') ||
      a.name.localeCompare(b.name, 'nl'),
  );
  const published = sorted.filter((s) => !s.suppressed).length;
  const rows = sorted.map((s) =>
    s.suppressed
      ? html`<tr>
          <th scope="row">${s.name}</th>
          <td>${s.organisationName}</td>
          <td colspan="4" class="suppressed">
            Minder dan ${s.minimum} antwoorden: niet gepubliceerd
          </td>
        </tr>`
      : html`<tr>
          <th scope="row">${s.name}</th>
          <td>${s.organisationName}</td>
          <td class="number">${s.csat === null ? '' : formatPercent(s.csat)}</td>
          <td class="number">${s.csatInterval ? formatInterval(s.csatInterval) : ''}</td>
          <td class="number">${s.mean === null ? '' : formatMean(s.mean)}</td>
          <td class="number">${formatCount(s.responses)}</td>
        </tr>`,
  );
  const json = `/api/v1/public/stats?year=${stats.year}`;
  const csv = `/api/v1/public/stats.csv?year=${stats.year}`;
  const running = !stats.to.endsWith('-12-31');
  return documentShell({
    title: `Tevredenheid over de digitale dienstverlening ${stats.year} – Vlaamse overheid`,
    body: html`<a class="skip" href="#inhoud">Naar de inhoud</a>
      <header class="masthead">
        <div class="page">
          <p class="brand">Vlaamse overheid · Feedback op de digitale dienstverlening</p>
          <h1>Hoe tevreden zijn burgers over onze digitale diensten?</h1>
          <p class="lead">
            Na een aanvraag, een betaling of een ander onlineloket vragen we hoe tevreden u bent.
            Hier ziet u per dienst wat burgers in ${stats.year} antwoordden.
          </p>
        </div>
      </header>
      <main class="page" id="inhoud">
        <h2>Resultaten ${stats.year}</h2>
        <p>
          Periode: ${formatDate(stats.from)} tot en met
          ${formatDate(stats.to)}${running ? ' (het jaar loopt nog)' : ''}.
          ${formatCount(sorted.length)} diensten, waarvan ${formatCount(published)} met genoeg
          antwoorden om te publiceren.
        </p>
        ${
          years.length > 1
            ? html`<nav aria-label="Andere jaren">
                <p>
                  Ander jaar:
                  ${years.map((year, i) =>
                    year === stats.year
                      ? html`${i ? ', ' : ''}<strong aria-current="page">${year}</strong>`
                      : html`${i ? ', ' : ''}<a href="/transparantie?jaar=${year}">${year}</a>`,
                  )}
                </p>
              </nav>`
            : ''
        }
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="diensten">
          <table class="wide">
            <caption id="diensten">
              Tevredenheid per digitale dienst in ${stats.year}
            </caption>
            <thead>
              <tr>
                <th scope="col">Dienst</th>
                <th scope="col">Organisatie</th>
                <th scope="col" class="number">Tevreden</th>
                <th scope="col" class="number">95%-interval</th>
                <th scope="col" class="number">Gemiddelde score (1 tot 5)</th>
                <th scope="col" class="number">Antwoorden</th>
              </tr>
            </thead>
            <tbody>
              ${
                rows.length
                  ? rows
                  : html`<tr>
                      <td colspan="6">Er zijn nog geen actieve diensten.</td>
                    </tr>`
              }
            </tbody>
          </table>
        </div>
        ${improvementsSection(sorted)}
        <h2>Zo leest u de cijfers</h2>
        <ul>
          <li>
            <strong>Tevreden</strong> is het aandeel burgers dat “tevreden” of “zeer tevreden”
            antwoordde.
          </li>
          <li>
            Het <strong>95%-interval</strong> toont hoe zeker dat aandeel is. Met weinig antwoorden
            is het breder.
          </li>
          <li>
            De <strong>gemiddelde score</strong> loopt van 1 (zeer ontevreden) tot 5 (zeer
            tevreden).
          </li>
          <li>
            Een dienst met minder dan ${stats.minimum} antwoorden tonen we niet: zo weinig
            antwoorden zeggen nog weinig, en ze kunnen naar personen terug te leiden zijn.
          </li>
          <li>
            We publiceren alleen tellingen. Wat burgers in hun opmerkingen schrijven, blijft bij de
            dienst die het kan verbeteren.
          </li>
        </ul>
        <h2>Open data</h2>
        <p>
          Dezelfde cijfers als open data: <a href="${json}">JSON</a> of
          <a href="${csv}">CSV</a> (puntkomma als scheidingsteken, decimale komma, UTF-8).
        </p>
      </main>
      <footer>
        <div class="page">
          <p>vo-feedback, het feedbackinstrument van de Vlaamse digitale dienstverlening.</p>
        </div>
      </footer>`,
  });
}

/** Why `?jaar` cannot be shown, as the public routes tell it. */
export type TransparencyRefusal = 'not-a-year' | 'out-of-range' | 'not-begun';

const REFUSALS: Record<TransparencyRefusal, string> = {
  'not-a-year': 'Geef het jaar in vier cijfers, bijvoorbeeld 2026.',
  'out-of-range': `Kies een jaar van ${PERIOD_FIRST_YEAR} tot en met ${PERIOD_LAST_YEAR}.`,
  'not-begun': 'Dat jaar is nog niet begonnen. Kies dit jaar of een vroeger jaar.',
};

/** The page for a year that cannot be shown: what to do instead, and the years that can. */
export function transparencyRefusalHtml({
  reason,
  years,
}: {
  reason: TransparencyRefusal;
  years: readonly number[];
}): string {
  return documentShell({
    title: 'Dit jaar kunnen we niet tonen – Vlaamse overheid',
    body: html`<main class="page" id="inhoud">
      <p class="brand">Vlaamse overheid · Feedback op de digitale dienstverlening</p>
      <h1>Dit jaar kunnen we niet tonen</h1>
      <p>${REFUSALS[reason]}</p>
      <nav aria-label="Jaren met resultaten">
        <p>
          Bekijk de resultaten van
          ${years.map(
            (year, i) =>
              html`${i ? (i === years.length - 1 ? ' of ' : ', ') : ''}<a
                  href="/transparantie?jaar=${year}"
                  >${year}</a
                >`,
          )}.
        </p>
      </nav>
    </main>`,
  });
}
