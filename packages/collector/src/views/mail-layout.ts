import { escapeHtml, html, type Html } from './html.ts';
import { FREQUENCY_NAMES } from './unsubscribe-page.ts';

// The frame of every mail: HTML that common mail clients show alike (tables for layout, inline
// styles only, no external image, no script, no web font), and a plain-text part that says the
// same. Both end with why the reader gets it and a visible one-click unsubscribe link — except a
// notice, which every subscriber gets whatever they subscribed to: no link of one subscription
// may end it (it would end that digest), so its foot points to where subscriptions are managed.

/** A rendered mail: its subject, HTML and plain text. */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** Who gets the mail, and how they stop it. */
export interface MailRecipient {
  email: string;
  frequency: keyof typeof FREQUENCY_NAMES;
  organisationName: string;
  unsubscribeUrl: string;
  /**
   * Set on a notice: the dashboard's page of e-mail subscriptions, shown in its foot instead of
   * the unsubscribe link (the notice comes with every subscription, and ends none).
   */
  manageUrl?: string | undefined;
}

export const COLORS = {
  text: '#333332',
  muted: '#5c6670',
  action: '#0055cc',
  border: '#cfd5dd',
  light: '#f7f9fc',
  accent: '#ffed00',
  error: '#bc3136',
} as const;

// Unquoted (a valid family name of words): in a style attribute, quotes would be escaped to &#39;.
const FONT = 'Flanders Art Sans, Arial, Helvetica, sans-serif';

/**
 * Inline styles of the elements mails use, written once. A figures table carries its cells' font,
 * size and colour (they inherit them) and its rows `valign="top"`: a digest repeats its cells
 * hundreds of times, and each byte of theirs counts towards Gmail's 102 KB.
 */
export const STYLE = {
  h1: `margin:0 0 8px;font-size:24px;line-height:1.25;color:${COLORS.text};font-family:${FONT};`,
  h2: `margin:28px 0 8px;font-size:19px;line-height:1.3;color:${COLORS.text};font-family:${FONT};`,
  p: `margin:0 0 12px;font-size:16px;line-height:1.5;color:${COLORS.text};font-family:${FONT};`,
  note: `margin:0 0 12px;font-size:14px;line-height:1.5;color:${COLORS.muted};font-family:${FONT};`,
  link: `color:${COLORS.action};text-decoration:underline;`,
  table: `border-collapse:collapse;width:100%;margin:0 0 8px;font-family:${FONT};font-size:15px;color:${COLORS.text};`,
  // A th is bold by default.
  th: `text-align:left;padding:6px 8px;border:1px solid ${COLORS.border};background:${COLORS.light};`,
  td: `padding:6px 8px;border:1px solid ${COLORS.border};`,
  few: `display:inline-block;padding:0 4px;border:1px solid ${COLORS.text};border-radius:2px;font-size:13px;white-space:nowrap;`,
} as const;

/** The reason at the foot of every mail, in words. */
function why(recipient: MailRecipient): string {
  if (recipient.manageUrl !== undefined) {
    return `U ontvangt dit bericht omdat ${recipient.email} bij ${recipient.organisationName} is aangemeld voor e-mail over de feedback: elke abonnee krijgt het.`;
  }
  return `U ontvangt deze e-mail omdat ${recipient.email} bij ${recipient.organisationName} is aangemeld voor ${FREQUENCY_NAMES[recipient.frequency]}.`;
}

/** A notice's foot: where subscriptions are managed, and that each subscription's mail ends it. */
const MANAGE_TEXT =
  'Elke e-mail van een overzicht of melding heeft een afmeldlink die alleen dat abonnement beëindigt.';

/** The HTML document of a mail: a 600-pixel column on a light background. */
export function mailHtml(options: {
  title: string;
  /** The line a mail client shows after the subject, hidden in the message itself. */
  preheader: string;
  body: Html;
  recipient: MailRecipient;
}): string {
  const { recipient } = options;
  const content = html`<table
    role="presentation"
    width="100%"
    cellpadding="0"
    cellspacing="0"
    border="0"
    style="background:${COLORS.light};"
  >
    <tr>
      <td align="center" style="padding:24px 12px;">
        <table
          role="presentation"
          width="600"
          cellpadding="0"
          cellspacing="0"
          border="0"
          style="width:100%;max-width:600px;background:#ffffff;border-top:8px solid ${COLORS.accent};border-bottom:1px solid ${COLORS.border};"
        >
          <tr>
            <td style="padding:24px 24px 8px;">
              <p style="${STYLE.note}"><strong>Vlaamse overheid · Feedback</strong></p>
              ${options.body}
            </td>
          </tr>
          <tr>
            <td style="padding:16px 24px 24px;border-top:1px solid ${COLORS.border};">
              <p style="${STYLE.note}">${why(recipient)}</p>
              ${
                recipient.manageUrl === undefined
                  ? html`<p style="${STYLE.note}">
                      <a href="${recipient.unsubscribeUrl}" style="${STYLE.link}">Afmelden</a>: één
                      klik op de pagina die opent.
                    </p>`
                  : html`<p style="${STYLE.note}">
                      ${mailLink(recipient.manageUrl, 'Uw e-mailabonnementen in het dashboard')}.
                      ${MANAGE_TEXT}
                    </p>`
              }
            </td>
          </tr>
        </table>
      </td>
    </tr>
  </table>`;
  // The template's indentation and line breaks collapsed to single spaces: a mail client renders
  // them the same, and a digest of twenty services stays well under the 102 KB at which Gmail
  // clips a message (and hides the unsubscribe link at its end).
  return (
    '<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<meta name="color-scheme" content="light">\n' +
    `<title>${escapeHtml(options.title)}</title>\n</head>\n` +
    `<body style="margin:0;padding:0;background:${COLORS.light};">\n` +
    `<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(options.preheader)}</div>\n` +
    `${collapseWhitespace(content.value)}\n</body>\n</html>\n`
  );
}

/** The plain-text part: the lines of the body, then the same foot. */
export function mailText(lines: readonly string[], recipient: MailRecipient): string {
  return [
    ...lines,
    '',
    '-- ',
    why(recipient),
    ...(recipient.manageUrl === undefined
      ? [`Afmelden (één klik op de pagina die opent): ${recipient.unsubscribeUrl}`]
      : [`Uw e-mailabonnementen in het dashboard: ${recipient.manageUrl}`, MANAGE_TEXT]),
    '',
  ].join('\n');
}

/** A link in a mail's HTML. */
export const mailLink = (href: string, text: string): Html =>
  html`<a href="${href}" style="${STYLE.link}">${text}</a>`;

/** "weinig antwoorden" beside a figure: a word in a frame, never a colour alone. */
export const fewMark = (): Html => html` <span style="${STYLE.few}">weinig antwoorden</span>`;

/**
 * Runs of spaces, tabs and line breaks as one space — never a no-break space (\s would take
 * those: "73,4 %" keeps its U+00A0). Safe for the HTML of mails: none has a `<pre>` or
 * `white-space: pre`, and HTML renders such a run as one space anyway.
 */
export const collapseWhitespace = (markup: string) => markup.replace(/[ \t\r\n]+/g, ' ');
