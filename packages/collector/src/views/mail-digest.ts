import type { ActionStatus } from '@vo-feedback/shared';
import type { Digest, DigestService } from '../domain/digest.ts';
import { fewAnswers } from './few-answers.ts';
import {
  formatChange,
  formatCount,
  formatDate,
  formatInterval,
  formatMonth,
  formatPercent,
  html,
  type Html,
} from './html.ts';
import {
  fewMark,
  mailHtml,
  mailLink,
  mailText,
  STYLE,
  type MailRecipient,
  type RenderedMail,
} from './mail-layout.ts';

// The digest mail: per service of the subscription its answers, satisfaction with its 95 %
// interval and change, response rate, top reasons and themes (words, never a comment) and new
// improvement actions, in Dutch — as HTML tables and as plain text with the same figures.

const ACTION_STATUS = {
  planned: 'gepland',
  'in-progress': 'bezig',
  done: 'klaar',
} as const satisfies Record<ActionStatus, string>;

const periodText = (period: { from: string; to: string }) =>
  period.from === period.to
    ? formatDate(period.from)
    : `${formatDate(period.from)} tot en met ${formatDate(period.to)}`;

/** "1–7 juni 2026", "25 mei – 7 juni 2026", "29 december 2025 – 4 januari 2026". */
export function dayRange(period: { from: string; to: string }): string {
  const [from, to] = [formatDate(period.from), formatDate(period.to)];
  if (period.from === period.to) return to;
  if (period.from.slice(0, 7) === period.to.slice(0, 7)) return `${from.split(' ')[0]}–${to}`;
  if (period.from.slice(0, 4) === period.to.slice(0, 4)) {
    return `${from.split(' ').slice(0, 2).join(' ')} – ${to}`;
  }
  return `${from} – ${to}`;
}

function subjectOf(digest: Digest): string {
  const { period } = digest;
  const what = digest.frequency === 'weekly' ? 'Weekoverzicht' : 'Maandoverzicht';
  const span =
    digest.frequency === 'monthly' && !digest.soFar
      ? formatMonth(period.from.slice(0, 7))
      : dayRange(period);
  return `${what} feedback${digest.soFar ? ' tot nu toe' : ''}: ${span} – ${digest.organisationName}`;
}

/** "vorige week" or "vorige maand": what the change compares with, in short. */
const previousName = (digest: Digest) =>
  digest.frequency === 'weekly' ? 'vorige week' : 'vorige maand';

/**
 * What the change compares with, in words: last week or month, or — for a period so far — the
 * same days of it (domain/mail.ts previousDigestPeriod).
 */
const comparedWith = (digest: Digest) =>
  `De verandering is vergeleken met ${digest.soFar ? 'dezelfde dagen van ' : ''}${previousName(digest)}: ${periodText(digest.previousPeriod)}.`;

/** The figures of one service as label and value, the same in HTML and text. */
function figures(service: DigestService, digest: Digest) {
  const few = fewAnswers(service.responses, digest.minimum);
  const satisfaction =
    service.csat === null || service.csatInterval === null
      ? '–'
      : `${formatPercent(service.csat)} (95 %-interval: ${formatInterval(service.csatInterval)})`;
  const previous =
    service.previous.csat === null
      ? `geen antwoorden ${previousName(digest)}`
      : `${previousName(digest)}: ${formatPercent(service.previous.csat)} op ${formatCount(service.previous.responses)} antwoorden`;
  const change =
    service.change === null
      ? `– (${previous})`
      : `${formatChange(service.change, 'points')} (${previous})`;
  const rate =
    service.responseRate === null
      ? '– (de widget werd niet getoond)'
      : `${formatPercent(service.responseRate)} (${formatCount(service.impressions)} keer getoond)`;
  return { few, satisfaction, change, rate };
}

const listText = <T>(items: readonly T[], text: (item: T) => string, none: string) =>
  items.length === 0 ? none : items.map(text).join('; ');

function serviceText(service: DigestService, digest: Digest): string[] {
  const f = figures(service, digest);
  return [
    service.name,
    `  Antwoorden: ${formatCount(service.responses)}`,
    `  Tevredenheid: ${f.satisfaction}${f.few ? ' – weinig antwoorden' : ''}`,
    `  Verandering: ${f.change}`,
    `  Responsgraad: ${f.rate}`,
    `  Redenen: ${listText(service.reasons, (r) => `${r.label} (${formatCount(r.count)})`, 'geen')}`,
    `  Thema's: ${listText(service.themes, (t) => `${t.term} (${formatCount(t.count)})`, 'geen')}`,
    `  Nieuwe verbeteracties: ${listText(service.actions, (a) => `${a.title} (${ACTION_STATUS[a.status]})`, 'geen')}`,
    '',
  ];
}

const row = (label: string, value: Html | string) =>
  html`<tr valign="top">
    <th scope="row" style="${STYLE.th}width:38%;">${label}</th>
    <td style="${STYLE.td}">${value}</td>
  </tr>`;

function listHtml<T>(items: readonly T[], item: (value: T) => Html | string): Html | string {
  if (items.length === 0) return 'geen';
  return html`<ol style="margin:0;padding-left:20px;">
    ${items.map((value) => html`<li>${item(value)}</li>`)}
  </ol>`;
}

function serviceHtml(service: DigestService, digest: Digest, dashboard: string): Html {
  const f = figures(service, digest);
  const link = `${dashboard}#/services/${service.serviceId}?from=${digest.period.from}&to=${digest.period.to}`;
  return html`<h2 style="${STYLE.h2}">${service.name}</h2>
    <table role="table" style="${STYLE.table}">
      ${row('Antwoorden', formatCount(service.responses))}
      ${row('Tevredenheid', html`${f.satisfaction}${f.few ? fewMark() : ''}`)}
      ${row('Verandering', f.change)} ${row('Responsgraad', f.rate)}
      ${row(
        'Meest gekozen redenen',
        listHtml(service.reasons, (r) => `${r.label} (${formatCount(r.count)})`),
      )}
      ${row(
        'Thema’s in de opmerkingen',
        listHtml(service.themes, (t) => `${t.term} (in ${formatCount(t.count)} opmerkingen)`),
      )}
      ${row(
        'Nieuwe verbeteracties',
        listHtml(service.actions, (a) => `${a.title} (${ACTION_STATUS[a.status]})`),
      )}
    </table>
    <p style="${STYLE.note}">
      ${mailLink(link, `Alle cijfers van ${service.name} in het dashboard`)}
    </p>`;
}

/**
 * The digest mail. `dashboard` is the dashboard's address (PUBLIC_URL/dashboard/); each service
 * links to its page there for the same period.
 */
export function digestMail(
  digest: Digest,
  recipient: MailRecipient,
  dashboard: string,
): RenderedMail {
  const subject = subjectOf(digest);
  const intro = `${digest.soFar ? 'De cijfers tot nu toe' : 'De cijfers'} van ${periodText(digest.period)}, per dienst. ${comparedWith(digest)}`;
  const explain =
    'Tevredenheid is het aandeel antwoorden met 4 of 5 op 5, met het 95 %-interval waarbinnen het werkelijke aandeel waarschijnlijk ligt. "Weinig antwoorden": minder dan ' +
    `${digest.minimum} antwoorden, vergelijk dan voorzichtig. Thema's zijn woorden die in meerdere opmerkingen terugkomen; de opmerkingen zelf staan in het dashboard, niet in deze e-mail.`;
  const none = 'Er zijn geen diensten om over te rapporteren.';
  const text = mailText(
    [
      subject,
      '',
      intro,
      '',
      ...(digest.services.length === 0
        ? [none, '']
        : digest.services.flatMap((service) => serviceText(service, digest))),
      explain,
      `Dashboard: ${dashboard}`,
    ],
    recipient,
  );
  const body = html`<h1 style="${STYLE.h1}">${subject}</h1>
    <p style="${STYLE.p}">${intro}</p>
    ${digest.services.length === 0 ? html`<p style="${STYLE.p}">${none}</p>` : digest.services.map((service) => serviceHtml(service, digest, dashboard))}
    <p style="${STYLE.note}">${explain}</p>`;
  return {
    subject,
    html: mailHtml({ title: subject, preheader: intro, body, recipient }),
    text,
  };
}
