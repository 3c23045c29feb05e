import { documentShell, html, type Html } from './html.ts';

// The pages of the one-click unsubscribe link in every mail: a confirmation with one button (a
// GET never unsubscribes: mail scanners follow links), the page after it, and the page of a link
// that names no subscription (any more). Dutch, no script, the collector's one stylesheet.

/** What a subscription sends, in the words of its pages and mails. */
export const FREQUENCY_NAMES = {
  weekly: 'het wekelijkse overzicht',
  monthly: 'het maandelijkse overzicht',
  alerts: 'de meldingen bij een opvallende verandering',
} as const;

export interface UnsubscribeSubject {
  email: string;
  frequency: keyof typeof FREQUENCY_NAMES;
  organisationName: string;
}

function page(title: string, body: Html): string {
  return documentShell({
    title: `${title} – Feedback Vlaamse overheid`,
    body: html`<header class="masthead">
        <div class="page"><p class="brand">Vlaamse overheid · Feedback</p></div>
      </header>
      <main class="page">
        <h1>${title}</h1>
        ${body}
      </main>`,
  });
}

/** GET with a valid link: what it ends, and the button that ends it. */
export function unsubscribeConfirmPage(subject: UnsubscribeSubject, action: string): string {
  return page(
    'Afmelden',
    html`<p class="lead">
        U ontvangt ${FREQUENCY_NAMES[subject.frequency]} van ${subject.organisationName} op
        <strong>${subject.email}</strong>.
      </p>
      <form method="post" action="${action}">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit">Afmelden</button>
      </form>
      <p class="note">
        Wilt u deze e-mails blijven ontvangen? Sluit dan deze pagina: er verandert niets.
      </p>`,
  );
}

/** After the POST: it is done. */
export function unsubscribedPage(subject: UnsubscribeSubject): string {
  return page(
    'U bent afgemeld',
    html`<p class="lead" role="status">
        ${subject.email} ontvangt ${FREQUENCY_NAMES[subject.frequency]} van
        ${subject.organisationName} niet meer.
      </p>
      <p>
        Ontvangt u nog andere e-mails van vo-feedback? Elk bericht heeft een eigen link om af te
        melden. Wilt u zich opnieuw aanmelden, vraag het dan aan wie de dienst beheert.
      </p>`,
  );
}

/** A link that names no subscription: used already, or not copied whole. */
export function noSubscriptionPage(): string {
  return page(
    'Geen abonnement bij deze link',
    html`<p class="lead" role="status">
        Bij deze link hoort geen abonnement (meer): u bent al afgemeld, of de link is niet volledig
        overgenomen.
      </p>
      <p>
        Krijgt u toch nog e-mails? Gebruik dan de link onderaan het nieuwste bericht, of vraag wie
        de dienst beheert om u af te melden.
      </p>`,
  );
}

/** The database is away (or something broke): nothing changed, try again later. */
export function unsubscribeUnavailablePage(): string {
  return page(
    'Afmelden lukt nu even niet',
    html`<p class="lead" role="status">
      Er is niets veranderd: u bent nog niet afgemeld. Probeer het over enkele minuten opnieuw met
      dezelfde link.
    </p>`,
  );
}
