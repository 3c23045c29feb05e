import type { Alert } from '@vo-feedback/shared';
import type { WebhookDisabledPayload } from '../domain/mail.ts';
import { formatCount, formatDate, formatInterval, formatPercent, html } from './html.ts';
import {
  mailHtml,
  mailLink,
  mailText,
  STYLE,
  type MailRecipient,
  type RenderedMail,
} from './mail-layout.ts';

// The mails that are not digests: an alert (a service's satisfaction dropped, or a theme rose,
// significantly) and a notice (a webhook was disabled after 5 days of failures), each saying what
// happened in figures and what to do. Dutch; no comment text.

const brusselsTime = new Intl.DateTimeFormat('nl-BE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Brussels',
});

const span = (window: { from: string; to: string }) =>
  `${formatDate(window.from)} tot en met ${formatDate(window.to)}`;

const share = (window: Alert['recent']) =>
  `${formatPercent(window.share)} (95 %-interval: ${formatInterval(window.interval)})`;

function render(
  subject: string,
  paragraphs: string[],
  link: { href: string; text: string },
  recipient: MailRecipient,
): RenderedMail {
  const body = html`<h1 style="${STYLE.h1}">${subject}</h1>
    ${paragraphs.map((paragraph) => html`<p style="${STYLE.p}">${paragraph}</p>`)}
    <p style="${STYLE.p}">${mailLink(link.href, link.text)}</p>`;
  return {
    subject,
    html: mailHtml({ title: subject, preheader: paragraphs[0] ?? subject, body, recipient }),
    text: mailText(
      [subject, '', ...paragraphs.flatMap((p) => [p, '']), `${link.text}: ${link.href}`],
      recipient,
    ),
  };
}

/** An alert to an `alerts` subscriber, from the alert as it was raised. */
export function alertMail(alert: Alert, recipient: MailRecipient, dashboard: string): RenderedMail {
  const { recent, previous } = alert;
  const satisfaction = alert.kind === 'satisfaction';
  const subject = satisfaction
    ? `Melding: de tevredenheid over ${alert.serviceName} daalt`
    : `Melding: het thema "${alert.theme ?? ''}" komt vaker terug bij ${alert.serviceName}`;
  const paragraphs = satisfaction
    ? [
        `In de laatste 7 dagen (${span(recent)}) was ${share(recent)} van de ${formatCount(recent.n)} antwoorden over ${alert.serviceName} tevreden (4 of 5 op 5).`,
        `In de 8 weken daarvoor (${span(previous)}) was dat ${share(previous)} van ${formatCount(previous.n)} antwoorden.`,
      ]
    : [
        `In de laatste 7 dagen (${span(recent)}) noemde ${share(recent)} van de ${formatCount(recent.n)} opmerkingen over ${alert.serviceName} het thema "${alert.theme ?? ''}".`,
        `In de 8 weken daarvoor (${span(previous)}) was dat ${share(previous)} van ${formatCount(previous.n)} opmerkingen.`,
      ];
  paragraphs.push(
    'De twee intervallen overlappen niet: het verschil is waarschijnlijk geen toeval. Bekijk de opmerkingen van de laatste dagen in het dashboard.',
  );
  return render(
    subject,
    paragraphs,
    {
      href: `${dashboard}#/services/${alert.serviceId}?from=${recent.from}&to=${recent.to}`,
      text: `${alert.serviceName} in het dashboard`,
    },
    recipient,
  );
}

/** The notice that a webhook of the organisation was disabled, and how to enable it again. */
export function webhookDisabledMail(
  notice: WebhookDisabledPayload,
  recipient: MailRecipient,
  dashboard: string,
): RenderedMail {
  const since =
    notice.failingSince === null ? '' : ` sinds ${brusselsTime.format(notice.failingSince)}`;
  return render(
    `Webhook naar ${notice.host} uitgeschakeld – ${recipient.organisationName}`,
    [
      `Elke levering aan de webhook van ${recipient.organisationName} naar ${notice.host} mislukte${since}, 5 dagen lang. Daarom is hij op ${brusselsTime.format(notice.disabledAt)} uitgeschakeld: vo-feedback stuurt er niets meer naar.`,
      'Wat te doen: herstel eerst de ontvanger. De laatste foutmelding van elke levering staat in het dashboard bij Webhooks. Verstuur daarna één levering opnieuw ("Opnieuw versturen", of POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/resend): dat zet de webhook weer aan. Is hij niet meer nodig, verwijder hem dan.',
      `Webhook-id: ${notice.webhookId}.`,
    ],
    { href: `${dashboard}#/webhooks`, text: 'Webhooks in het dashboard' },
    recipient,
  );
}
