import { html } from 'hono/html';
import type { FieldError, Language } from '@vo-feedback/shared';

// The pages of the no-JavaScript fallback. Plain, server-rendered, no script and no inline style,
// so they pass the collector's own Content-Security-Policy; the citizen's language throughout.

const TEXT = {
  nl: {
    thanksTitle: 'Bedankt voor uw feedback',
    thanks: 'We hebben uw feedback goed ontvangen. Zo kunnen we deze digitale dienst verbeteren.',
    errorTitle: 'Uw feedback is nog niet verstuurd',
    back: 'Ga terug en probeer het opnieuw.',
    rating: 'Kies hoe tevreden u bent.',
    comment: 'Maak uw opmerking korter: ten hoogste 2000 tekens.',
    other: 'Het formulier kon niet worden verwerkt.',
  },
  fr: {
    thanksTitle: 'Merci pour votre avis',
    thanks: 'Nous avons bien reçu votre avis. Il nous aide à améliorer ce service numérique.',
    errorTitle: "Votre avis n'a pas encore été envoyé",
    back: 'Revenez en arrière et réessayez.',
    rating: 'Choisissez votre niveau de satisfaction.',
    comment: 'Raccourcissez votre commentaire : 2000 caractères au maximum.',
    other: "Le formulaire n'a pas pu être traité.",
  },
  en: {
    thanksTitle: 'Thank you for your feedback',
    thanks: 'We have received your feedback. It helps us improve this digital service.',
    errorTitle: 'Your feedback has not been sent yet',
    back: 'Go back and try again.',
    rating: 'Choose how satisfied you are.',
    comment: 'Shorten your comment to at most 2000 characters.',
    other: 'The form could not be processed.',
  },
  de: {
    thanksTitle: 'Vielen Dank für Ihr Feedback',
    thanks: 'Wir haben Ihr Feedback erhalten. Es hilft uns, diesen digitalen Dienst zu verbessern.',
    errorTitle: 'Ihr Feedback wurde noch nicht gesendet',
    back: 'Gehen Sie zurück und versuchen Sie es erneut.',
    rating: 'Wählen Sie, wie zufrieden Sie sind.',
    comment: 'Kürzen Sie Ihren Kommentar auf höchstens 2000 Zeichen.',
    other: 'Das Formular konnte nicht verarbeitet werden.',
  },
} satisfies Record<Language, Record<string, string>>;

function page(lang: Language, title: string, body: ReturnType<typeof html>) {
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
      </head>
      <body>
        <main>
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`;
}

export function thankYouPage(lang: Language) {
  const text = TEXT[lang];
  return page(lang, text.thanksTitle, html`<p>${text.thanks}</p>`);
}

/** What went wrong, said so that the citizen knows what to do. */
export function formErrorPage(lang: Language, rejection: { errors?: FieldError[] }) {
  const text = TEXT[lang];
  const messages = new Set(
    (rejection.errors ?? [{ path: '', message: '' }]).map((error) =>
      error.path === 'rating' ? text.rating : error.path === 'comment' ? text.comment : text.other,
    ),
  );
  return page(
    lang,
    text.errorTitle,
    html`<ul>
        ${[...messages].map((message) => html`<li>${message}</li>`)}
      </ul>
      <p>${text.back}</p>`,
  );
}
