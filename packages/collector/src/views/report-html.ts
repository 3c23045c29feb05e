import type { Action, AnnualReport, ServiceReport, Theme } from '@vo-feedback/shared';
import { documentShell, formatCount, formatDate, html, raw, type Html } from './html.ts';
import { breakdownsOf, countTable, satisfactionCells, shareCell } from './report-breakdowns.ts';
import { figuresOfBlock } from './report-figures.ts';
import { comparisonSections } from './overview-html.ts';
import { brusselsDay } from '../domain/time.ts';

// The annual report as a document a civil servant prints or saves as PDF: Dutch, headings that
// outline it, each chart an SVG with a title and description and its figures in a table beside
// it, print CSS, no script. Every figure on it is a figure of the JSON report.

function themeList(themes: readonly Theme[]): Html {
  if (themes.length === 0) return html`<p class="note">Geen.</p>`;
  return html`<ol>
    ${themes.map(
      (t) =>
        html`<li>${t.term} <span class="note">(${formatCount(t.count)} opmerkingen)</span></li>`,
    )}
  </ol>`;
}

function themesOf(service: ServiceReport, report: AnnualReport, level: number): Html {
  const h = (text: string) => raw(`<h${level}>${html`${text}`}</h${level}>`);
  const sub = raw(`h${level + 1}`);
  const { words, pairs, comments } = service.themes;
  const basis =
    comments < service.current.comments
      ? `Geteld in de ${formatCount(comments)} recentste van de ${formatCount(service.current.comments)} opmerkingen van ${report.year}.`
      : `Geteld in ${comments === 1 ? 'de enige opmerking' : `alle ${formatCount(comments)} opmerkingen`} van ${report.year}.`;
  return html`${h("Thema's in de opmerkingen")}
    <p class="note">${basis}</p>
    ${
      words.length === 0 && pairs.length === 0
        ? html`<p class="note">
            Geen woord kwam in minstens ${report.themeMinimum} opmerkingen voor.
          </p>`
        : html`<div class="themes">
          <div><${sub}>Woorden</${sub}>${themeList(words)}</div>
          <div><${sub}>Woordparen</${sub}>${themeList(pairs)}</div>
        </div>`
    }`;
}

const CHANNEL_NAMES: Record<string, string> = {
  web: 'Website',
  phone: 'Telefoon',
  counter: 'Loket',
  chat: 'Chat',
  email: 'E-mail',
  letter: 'Brief',
};

/** Two small tables: the responses per channel and what went wrong (ratings 1–3). */
function channelsAndReasons(service: ServiceReport, report: AnnualReport, level: number): Html {
  const h = (text: string) => raw(`<h${level}>${html`${text}`}</h${level}>`);
  const id = `dienst-${service.serviceId}`;
  const { minimum } = report;
  // Reasons are ticked only with a rating of 1–3: their shares are of those answers.
  const low =
    service.current.ratings['1'] + service.current.ratings['2'] + service.current.ratings['3'];
  const channels =
    service.byChannel.length === 0
      ? html`<p class="note">Geen antwoorden in ${report.year}.</p>`
      : countTable(
          `${id}-kanalen`,
          `Antwoorden per kanaal in ${report.year}`,
          ['Kanaal', 'Antwoorden', 'Tevreden', '95%-interval'],
          service.byChannel.map((c) => [
            CHANNEL_NAMES[c.channel] ?? c.channel,
            formatCount(c.responses),
            ...satisfactionCells(c, minimum),
          ]),
        );
  const reasons =
    service.byReason.length === 0
      ? html`<p class="note">Geen redenen aangeduid in ${report.year}.</p>`
      : countTable(
          `${id}-redenen`,
          `Wat liep er mis? Redenen bij een score van 1 tot 3 in ${report.year}`,
          ['Reden', 'Aantal', 'Aandeel'],
          service.byReason.map((r) => [
            html`<code>${r.reason}</code>`,
            formatCount(r.count),
            shareCell(r.share, low, minimum),
          ]),
        );
  return html`${h('Kanalen')}${channels}${h('Redenen')}${reasons}`;
}

/** A provider's explanation, as it wrote it: paragraphs at blank lines, line breaks kept. */
function explanationOf(text: string | null, level: number, id: string): Html {
  if (!text) return html``;
  const heading = raw(`h${level}`);
  const paragraphs = text.split(/\n\s*\n/).map((paragraph) => {
    const lines = paragraph.trim().split('\n');
    return html`<p>${lines.map((line, i) => html`${i ? html`<br />` : ''}${line}`)}</p>`;
  });
  return html`<section class="explanation" aria-labelledby="${id}">
    <${heading} id="${id}">Toelichting</${heading}>
    ${paragraphs}
  </section>`;
}

const ACTION_STATUS_NAMES: Record<Action['status'], string> = {
  planned: 'Gepland',
  'in-progress': 'Bezig',
  done: 'Klaar',
};

/** "Wat we verbeteren": the service's improvement actions of the year, public or not. */
function actionsOf(service: ServiceReport, report: AnnualReport, level: number): Html {
  const heading = raw(`h${level}`);
  const id = `dienst-${service.serviceId}-acties`;
  const day = (value: string | null) => (value ? formatDate(value) : '–');
  const body =
    service.actions.length === 0
      ? html`<p class="note">Geen verbeteracties in ${report.year}.</p>`
      : html`<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${id}-tabel">
          <table class="wide">
            <caption id="${id}-tabel">
              Verbeteracties in ${report.year}
            </caption>
            <thead>
              <tr>
                <th scope="col">Actie</th>
                <th scope="col">Status</th>
                <th scope="col">Gepland</th>
                <th scope="col">Klaar op</th>
                <th scope="col">Openbaar</th>
              </tr>
            </thead>
            <tbody>
              ${service.actions.map(
                (action) =>
                  html`<tr>
                    <th scope="row">
                      ${action.title}${
                        action.description
                          ? html`<br /><span class="note">${action.description}</span>`
                          : ''
                      }
                    </th>
                    <td>${ACTION_STATUS_NAMES[action.status]}</td>
                    <td>${day(action.plannedOn)}</td>
                    <td>${day(action.doneOn)}</td>
                    <td>${action.public ? 'Ja, op /transparantie' : 'Nee'}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`;
  return html`<${heading} id="${id}">Wat we verbeteren</${heading}>${body}`;
}

function serviceSection(service: ServiceReport, report: AnnualReport, level: number): Html {
  const id = `dienst-${service.serviceId}`;
  const heading = raw(`h${level}`);
  const sub = raw(`h${level + 1}`);
  return html`<section class="service" aria-labelledby="${id}">
<${heading} id="${id}">${service.name}</${heading}>
<p class="note">Dienst <code>${service.serviceId}</code>${service.active ? '' : ' (niet meer actief)'}</p>
<${sub}>Kerncijfers</${sub}>
${figuresOfBlock(service, report, id, level + 1)}
${explanationOf(service.explanation, level + 1, `${id}-toelichting`)}
${breakdownsOf(service, report, level + 1)}
${channelsAndReasons(service, report, level + 1)}
${themesOf(service, report, level + 1)}
${actionsOf(service, report, level + 1)}
</section>`;
}

function about(report: AnnualReport): Html {
  return html`<section aria-labelledby="over-dit-rapport">
    <h2 id="over-dit-rapport">Over dit rapport</h2>
    <ul>
      <li>
        Burgers beoordelen een digitale dienst op een schaal van 1 (zeer ontevreden) tot 5 (zeer
        tevreden), direct nadat ze hem gebruikten.
      </li>
      <li>
        <strong>Tevredenheid</strong> is het aandeel antwoorden 4 (tevreden) en 5 (zeer tevreden).
        Het <strong>95%-betrouwbaarheidsinterval</strong> (Wilson) geeft aan hoe zeker dat aandeel
        is: hoe minder antwoorden, hoe breder het interval.
      </li>
      <li>
        <strong>Weinig antwoorden</strong> staat naast een tevredenheid of aandeel dat op minder dan
        ${formatCount(report.minimum)} antwoorden geteld is: lees het met de nodige voorzichtigheid
        en vergelijk de intervallen, niet de percentages.
      </li>
      <li>
        De <strong>responsgraad</strong> is het aantal antwoorden gedeeld door het aantal keren dat
        de vraag getoond werd.
      </li>
      <li>
        Dagen en maanden zijn geteld in Belgische tijd (Europe/Brussels).
        ${formatDate(report.period.from)} tot en met ${formatDate(report.period.to)} wordt
        vergeleken met ${formatDate(report.previousPeriod.from)} tot en met
        ${formatDate(report.previousPeriod.to)}.
      </li>
      <li>
        Thema's zijn de woorden en woordparen die in minstens ${report.themeMinimum} opmerkingen
        voorkomen, zonder lidwoorden en andere veelvoorkomende woorden (Nederlands, Frans, Engels,
        Duits). Opmerkingen zelf staan niet in dit rapport; persoonsgegevens werden eruit verwijderd
        vóór ze bewaard werden.
      </li>
    </ul>
  </section>`;
}

/** The annual report as a printable HTML document in Dutch. */
export function annualReportHtml(report: AnnualReport): string {
  const single = report.organisationId !== null ? report.organisations[0] : undefined;
  const scopeName = single ? single.name : 'Alle organisaties';
  const title = `Jaarrapport feedback ${report.year} – ${scopeName}`;
  // The report of all organisations opens with every service side by side.
  const comparison = comparisonSections(report);
  const toc: [string, string][] = [
    ...(comparison?.toc ?? []),
    ['samenvatting', `Samenvatting: ${scopeName}`],
  ];

  const body: Html[] = comparison ? [comparison.body] : [];
  body.push(
    html`<section aria-labelledby="samenvatting">
      <h2 id="samenvatting">Samenvatting: ${scopeName}</h2>
      ${figuresOfBlock(single ?? report.total, report, 'samenvatting', 3)}
      ${single ? explanationOf(single.explanation, 3, 'samenvatting-toelichting') : ''}
    </section>`,
  );
  if (single) {
    for (const service of single.services) {
      toc.push([`dienst-${service.serviceId}`, service.name]);
      body.push(serviceSection(service, report, 2));
    }
  } else {
    for (const organisation of report.organisations) {
      const id = `organisatie-${organisation.organisationId}`;
      toc.push([id, organisation.name]);
      body.push(
        html`<section class="organisation" aria-labelledby="${id}">
          <h2 id="${id}">${organisation.name}</h2>
          ${figuresOfBlock(organisation, report, id, 3)}
          ${explanationOf(organisation.explanation, 3, `${id}-toelichting`)}
          ${organisation.services.map((service) => serviceSection(service, report, 3))}
        </section>`,
      );
    }
  }
  toc.push(['over-dit-rapport', 'Over dit rapport']);

  return documentShell({
    title,
    body: html`<header class="masthead">
        <div class="page">
          <p class="brand">Vlaamse overheid · Feedback op de digitale dienstverlening</p>
          <h1>Jaarrapport feedback ${report.year}</h1>
          <p class="lead">${scopeName}</p>
          <dl class="meta">
            <dt>Periode</dt>
            <dd>${formatDate(report.period.from)} tot en met ${formatDate(report.period.to)}</dd>
            <dt>Vergeleken met</dt>
            <dd>
              ${formatDate(report.previousPeriod.from)} tot en met
              ${formatDate(report.previousPeriod.to)}
            </dd>
            <dt>Opgemaakt op</dt>
            <dd>${formatDate(brusselsDay(Date.parse(report.generatedAt)))}</dd>
          </dl>
        </div>
      </header>
      <main class="page">
        <nav class="toc" aria-labelledby="inhoud">
          <h2 id="inhoud">Inhoud</h2>
          <ol>
            ${toc.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}
          </ol>
        </nav>
        ${body} ${about(report)}
      </main>
      <footer>
        <div class="page">
          <p>
            Opgemaakt met vo-feedback, het feedbackinstrument van de Vlaamse digitale
            dienstverlening. Alle cijfers komen uit de dagelijkse tellingen per dienst.
          </p>
        </div>
      </footer>`,
  });
}
