import { documentPage } from './form-pages.ts';
import { html } from './html.ts';

// The pages a person sees on the way in to the dashboard, in Dutch, server-rendered with no
// script: signed in at the issuer but not registered here (and nothing else), and a sign-in that
// failed. Each says what to do next.

const DASHBOARD = '/dashboard/';

/**
 * Signed in at the issuer, but not registered at this collector: says so, names the address the
 * issuer gave, whom to ask, and offers to sign out at the issuer (a form to its end-session
 * endpoint, with the ID token as the hint, when it offers one).
 */
export function noAccessPage(options: { email: string | null; endSession: URL | null }): string {
  const { email, endSession } = options;
  const signOut = endSession
    ? html`<form method="get" action="${endSession.origin + endSession.pathname}">
        ${[...endSession.searchParams].map(
          ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
        )}
        <button type="submit">Afmelden</button>
      </form>`
    : html`<p>
        Sluit uw browser om u af te melden, of
        <a href="${DASHBOARD}">ga terug naar de aanmeldpagina</a>.
      </p>`;
  return documentPage(
    'nl',
    'U hebt geen toegang tot het feedbackdashboard',
    html`<p class="lead">
        ${
          email
            ? html`U bent aangemeld als <strong>${email}</strong>, maar dat e-mailadres is niet
                geregistreerd voor het feedbackdashboard.`
            : html`U bent aangemeld, maar uw account is niet geregistreerd voor het
              feedbackdashboard.`
        }
      </p>
      <p>
        Vraag de beheerder (manager) van het feedbackdashboard in uw organisatie, of de
        platformbeheerder, om u te registreren${email ? html` met dit e-mailadres` : ''}. Daarna
        kunt u zich opnieuw aanmelden.
      </p>
      ${signOut}`,
  );
}

/** Why a sign-in did not finish, by the problem's slug, in words a person can act on. */
const FAILURES: Record<string, string> = {
  'sign-in-refused':
    'Deze aanmelding is niet in deze browser begonnen, of het antwoord van de aanmeldingsdienst is onderweg gewijzigd of afgewezen.',
  'sign-in-expired': 'Deze aanmelding werd al gebruikt, of duurde langer dan 10 minuten.',
  'issuer-unavailable':
    'De aanmeldingsdienst is nu niet bereikbaar. Probeer het over een minuut opnieuw.',
  'sign-in-off': 'Aanmelden met uw account is niet ingeschakeld op deze server.',
  'too-many-sign-ins':
    'Er werd in korte tijd te vaak aangemeld. Wacht een minuut en probeer opnieuw.',
};

/** A sign-in that was refused or could not finish: why, and a way to begin again. */
export function signInFailedPage(slug: string): string {
  return documentPage(
    'nl',
    'Aanmelden is niet gelukt',
    html`<p class="lead">U bent niet aangemeld.</p>
      <p>${FAILURES[slug] ?? 'Er ging iets mis bij het aanmelden.'}</p>
      <p><a href="${DASHBOARD}">Opnieuw aanmelden</a></p>`,
  );
}
