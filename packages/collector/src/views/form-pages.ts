import { LanguageSchema, type FieldError, type Language } from '@vo-feedback/shared';
import { DOCUMENT_CSS, escapeHtml, html, type Html } from './html.ts';

// The pages of the no-JavaScript fallback: every answer of POST /api/v1/feedback/form, the thanks
// and each refusal, in the citizen's language, saying what to do next. Server-rendered, no script;
// their one inline stylesheet is DOCUMENT_CSS, which the collector's Content-Security-Policy allows
// by its hash, so they look like the collector's other documents and pass the same policy.

type Text = {
  brand: string;
  thanksTitle: string;
  thanks: string;
  errorTitle: string;
  back: string;
  backLink: string;
  backButton: string;
  serviceLink: string;
  rating: string;
  comment: string;
  other: string;
  tooLarge: string;
  tooMany: (seconds: number) => string;
  unavailable: string;
  unknownService: string;
  forbidden: string;
  contact: string;
  conflictTitle: string;
  conflict: string;
};

const TEXT: Record<Language, Text> = {
  nl: {
    brand: 'Vlaamse overheid',
    thanksTitle: 'Bedankt voor uw feedback',
    thanks: 'We hebben uw feedback goed ontvangen. Zo kunnen we deze digitale dienst verbeteren.',
    errorTitle: 'Uw feedback is nog niet verstuurd',
    back: 'Ga terug en probeer het opnieuw.',
    backLink: 'Terug naar de vorige pagina',
    backButton: 'Gebruik de knop Terug van uw browser om naar de vorige pagina te gaan.',
    serviceLink: 'Naar de website van de dienst',
    rating: 'Kies hoe tevreden u bent.',
    comment: 'Maak uw opmerking korter: ten hoogste 2000 tekens.',
    other: 'Het formulier kon niet worden verwerkt.',
    tooLarge:
      'Uw opmerking is te lang. Ga terug, maak ze korter (ten hoogste 2000 tekens) en verstuur het formulier opnieuw.',
    tooMany: (s) =>
      `U hebt in korte tijd te veel formulieren verstuurd. Wacht ${s} ${s === 1 ? 'seconde' : 'seconden'}, ga dan terug en verstuur het formulier opnieuw.`,
    unavailable:
      'We kunnen uw feedback op dit moment niet bewaren. Probeer het over enkele minuten opnieuw: ga terug en verstuur het formulier nog eens.',
    unknownService: 'Via dit formulier kunt u geen feedback (meer) geven over deze dienst.',
    forbidden: 'Deze pagina mag geen feedback versturen voor deze dienst.',
    contact: 'Hebt u een vraag of een opmerking? Neem dan rechtstreeks contact op met de dienst.',
    conflictTitle: 'Deze feedback is al verstuurd',
    conflict:
      'We hebben deze feedback al eerder ontvangen en ze kan niet meer worden gewijzigd. U hoeft niets meer te doen.',
  },
  fr: {
    brand: 'Gouvernement flamand',
    thanksTitle: 'Merci pour votre avis',
    thanks: 'Nous avons bien reçu votre avis. Il nous aide à améliorer ce service numérique.',
    errorTitle: "Votre avis n'a pas encore été envoyé",
    back: 'Revenez en arrière et réessayez.',
    backLink: 'Retour à la page précédente',
    backButton: 'Utilisez le bouton Retour de votre navigateur pour revenir à la page précédente.',
    serviceLink: 'Vers le site web du service',
    rating: 'Choisissez votre niveau de satisfaction.',
    comment: 'Raccourcissez votre commentaire : 2000 caractères au maximum.',
    other: "Le formulaire n'a pas pu être traité.",
    tooLarge:
      'Votre commentaire est trop long. Revenez en arrière, raccourcissez-le (2000 caractères au maximum) et renvoyez le formulaire.',
    tooMany: (s) =>
      `Vous avez envoyé trop de formulaires en peu de temps. Attendez ${s} ${s === 1 ? 'seconde' : 'secondes'}, puis revenez en arrière et renvoyez le formulaire.`,
    unavailable:
      'Nous ne pouvons pas enregistrer votre avis pour le moment. Réessayez dans quelques minutes : revenez en arrière et renvoyez le formulaire.',
    unknownService: 'Ce formulaire ne permet pas (ou plus) de donner votre avis sur ce service.',
    forbidden: "Cette page n'est pas autorisée à envoyer des avis pour ce service.",
    contact: 'Vous avez une question ou une remarque ? Contactez directement le service.',
    conflictTitle: 'Cet avis a déjà été envoyé',
    conflict:
      "Nous avons déjà reçu cet avis et il ne peut plus être modifié. Vous n'avez plus rien à faire.",
  },
  en: {
    brand: 'Flemish Government',
    thanksTitle: 'Thank you for your feedback',
    thanks: 'We have received your feedback. It helps us improve this digital service.',
    errorTitle: 'Your feedback has not been sent yet',
    back: 'Go back and try again.',
    backLink: 'Back to the previous page',
    backButton: "Use your browser's Back button to return to the previous page.",
    serviceLink: 'To the service’s website',
    rating: 'Choose how satisfied you are.',
    comment: 'Shorten your comment to at most 2000 characters.',
    other: 'The form could not be processed.',
    tooLarge:
      'Your comment is too long. Go back, shorten it to at most 2000 characters and send the form again.',
    tooMany: (s) =>
      `You have sent too many forms in a short time. Wait ${s} ${s === 1 ? 'second' : 'seconds'}, then go back and send the form again.`,
    unavailable:
      'We cannot save your feedback right now. Try again in a few minutes: go back and send the form again.',
    unknownService: 'This form cannot (or can no longer) be used to give feedback on this service.',
    forbidden: 'This page may not send feedback for this service.',
    contact: 'Do you have a question or a remark? Contact the service directly.',
    conflictTitle: 'This feedback was already sent',
    conflict:
      'We received this feedback before and it can no longer be changed. There is nothing more you need to do.',
  },
  de: {
    brand: 'Flämische Regierung',
    thanksTitle: 'Vielen Dank für Ihr Feedback',
    thanks: 'Wir haben Ihr Feedback erhalten. Es hilft uns, diesen digitalen Dienst zu verbessern.',
    errorTitle: 'Ihr Feedback wurde noch nicht gesendet',
    back: 'Gehen Sie zurück und versuchen Sie es erneut.',
    backLink: 'Zurück zur vorherigen Seite',
    backButton:
      'Verwenden Sie die Zurück-Schaltfläche Ihres Browsers, um zur vorherigen Seite zurückzukehren.',
    serviceLink: 'Zur Website des Dienstes',
    rating: 'Wählen Sie, wie zufrieden Sie sind.',
    comment: 'Kürzen Sie Ihren Kommentar auf höchstens 2000 Zeichen.',
    other: 'Das Formular konnte nicht verarbeitet werden.',
    tooLarge:
      'Ihr Kommentar ist zu lang. Gehen Sie zurück, kürzen Sie ihn auf höchstens 2000 Zeichen und senden Sie das Formular erneut.',
    tooMany: (s) =>
      `Sie haben in kurzer Zeit zu viele Formulare gesendet. Warten Sie ${s} ${s === 1 ? 'Sekunde' : 'Sekunden'}, gehen Sie dann zurück und senden Sie das Formular erneut.`,
    unavailable:
      'Wir können Ihr Feedback im Moment nicht speichern. Versuchen Sie es in einigen Minuten erneut: Gehen Sie zurück und senden Sie das Formular noch einmal.',
    unknownService:
      'Über dieses Formular kann für diesen Dienst kein Feedback (mehr) gegeben werden.',
    forbidden: 'Diese Seite darf kein Feedback für diesen Dienst senden.',
    contact: 'Haben Sie eine Frage oder eine Anmerkung? Wenden Sie sich direkt an den Dienst.',
    conflictTitle: 'Dieses Feedback wurde bereits gesendet',
    conflict:
      'Wir haben dieses Feedback bereits erhalten; es kann nicht mehr geändert werden. Sie müssen nichts weiter tun.',
  },
};

/**
 * The language of an answer whose body gave none (not read, or without a valid `lang`): the
 * form's `?lang=` query parameter, else the browser's preferred language of the four, else Dutch.
 */
export function requestLanguage(
  query: string | undefined,
  acceptLanguage: string | undefined,
): Language {
  const asked = LanguageSchema.safeParse(query?.trim().toLowerCase()).data;
  if (asked) return asked;
  let best: Language | undefined;
  let bestWeight = 0;
  for (const range of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = range.split(';');
    const language = LanguageSchema.safeParse(tag.trim().toLowerCase().split('-')[0]).data;
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find(Boolean);
    const weight = q === undefined ? 1 : Number(q);
    // The first of equal weights wins, as the browser listed them.
    if (language && Number.isFinite(weight) && weight > bestWeight) {
      best = language;
      bestWeight = weight;
    }
  }
  return best ?? 'nl';
}

function page(lang: Language, title: string, body: Html, back?: string): string {
  const text = TEXT[lang];
  return documentPage(
    lang,
    title,
    html`${body}
      <p>${back ? html`<a href="${back}">${text.backLink}</a>` : text.backButton}</p>`,
  );
}

/** A citizen's page on the collector: the masthead, a title and `body`, in `lang`, no script. */
export function documentPage(lang: Language, title: string, body: Html): string {
  const text = TEXT[lang];
  const main = html`<header class="masthead">
      <div class="page"><p class="brand">${text.brand}</p></div>
    </header>
    <main class="page">
      <h1>${title}</h1>
      ${body}
    </main>`;
  // Plain strings around the template: the <style> element's text must be DOCUMENT_CSS byte for
  // byte, or its hash no longer matches the CSP.
  return (
    `<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<link rel="icon" href="data:,">\n' +
    `<title>${escapeHtml(title)}</title>\n` +
    `<style>${DOCUMENT_CSS}</style>\n` +
    `</head>\n<body>\n${main.value}\n</body>\n</html>\n`
  );
}

/**
 * The collector's thank-you page after the form, with the promise and help again, and a link
 * back: to the page the form was on, or else to the service's site (none when it has neither).
 */
export function thankYouPage(
  lang: Language,
  options: { back?: { href: string; to: 'page' | 'service' }; help: Html },
): string {
  const text = TEXT[lang];
  const { back } = options;
  return documentPage(
    lang,
    text.thanksTitle,
    html`<p>${text.thanks}</p>
      ${options.help}
      ${
        back
          ? html`<p>
              <a href="${back.href}">${back.to === 'page' ? text.backLink : text.serviceLink}</a>
            </p>`
          : ''
      }`,
  );
}

/** Every refusal the form can meet, with what its page needs to know. */
export type FormRefusal = {
  status: 400 | 403 | 404 | 409 | 413 | 415 | 429 | 503;
  errors?: FieldError[];
  retryAfterSeconds?: number;
};

/**
 * What went wrong, said so that the citizen knows what to do; `back` is a link to the page the
 * form was on, when the collector may point there.
 */
export function formErrorPage(lang: Language, refusal: FormRefusal, back?: string): string {
  const text = TEXT[lang];
  switch (refusal.status) {
    case 400: {
      const messages = new Set(
        (refusal.errors ?? [{ path: '', message: '' }]).map((error) =>
          error.path === 'rating'
            ? text.rating
            : error.path === 'comment'
              ? text.comment
              : text.other,
        ),
      );
      return page(
        lang,
        text.errorTitle,
        html`<ul>
            ${[...messages].map((message) => html`<li>${message}</li>`)}
          </ul>
          <p>${text.back}</p>`,
        back,
      );
    }
    case 403:
      return page(
        lang,
        text.errorTitle,
        html`<p>${text.forbidden}</p>
          <p>${text.contact}</p>`,
        back,
      );
    case 404:
      return page(
        lang,
        text.errorTitle,
        html`<p>${text.unknownService}</p>
          <p>${text.contact}</p>`,
        back,
      );
    case 409:
      return page(lang, text.conflictTitle, html`<p>${text.conflict}</p>`, back);
    case 413:
      return page(lang, text.errorTitle, html`<p>${text.tooLarge}</p>`, back);
    case 429:
      return page(
        lang,
        text.errorTitle,
        html`<p>${text.tooMany(refusal.retryAfterSeconds ?? 60)}</p>`,
        back,
      );
    case 503:
      return page(lang, text.errorTitle, html`<p>${text.unavailable}</p>`, back);
    case 415:
      return page(
        lang,
        text.errorTitle,
        html`<p>${text.other}</p>
          <p>${text.back}</p>`,
        back,
      );
  }
}
