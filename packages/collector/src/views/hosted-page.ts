import type { Language, Reason } from '@vo-feedback/shared';
import { html, type Html } from './html.ts';
import { documentPage } from './form-pages.ts';

// The hosted feedback page, GET /f/:serviceId: the whole question on the collector, for links in
// e-mails, SMS, letters and chats and for QR codes at counters. No script at all: it works with
// JavaScript off and under the collector's strict CSP, styled by DOCUMENT_CSS. Without script it
// cannot react to the rating, so the reasons are always shown, marked as meant for a bad
// experience.

type Text = {
  title: string;
  question: string;
  ratings: readonly [string, string, string, string, string];
  reasons: string;
  reasonsNote: string;
  comment: string;
  optional: string;
  hint: string;
  send: string;
  honeypot: string;
};

const TEXT: Record<Language, Text> = {
  nl: {
    title: 'Uw feedback',
    question: 'Hoe tevreden bent u over onze dienstverlening?',
    ratings: ['Zeer ontevreden', 'Ontevreden', 'Neutraal', 'Tevreden', 'Zeer tevreden'],
    reasons: 'Wat liep er mis?',
    reasonsNote: 'Alleen als u niet tevreden bent. U mag meer dan één antwoord aanduiden.',
    comment: 'Wat kunnen we verbeteren?',
    optional: '(optioneel)',
    hint: 'Vermeld geen persoonsgegevens zoals uw naam, rijksregisternummer, adres, telefoonnummer of e-mailadres.',
    send: 'Versturen',
    honeypot: 'Laat dit veld leeg',
  },
  fr: {
    title: 'Votre avis',
    question: 'Êtes-vous satisfait de nos services\u202f?',
    ratings: ['Très insatisfait', 'Insatisfait', 'Neutre', 'Satisfait', 'Très satisfait'],
    reasons: 'Qu’est-ce qui n’a pas fonctionné\u202f?',
    reasonsNote: 'Seulement si vous n’êtes pas satisfait. Vous pouvez cocher plusieurs réponses.',
    comment: 'Que pouvons-nous améliorer\u202f?',
    optional: '(facultatif)',
    hint: 'Ne mentionnez aucune donnée personnelle\u202f: nom, numéro de registre national, adresse, téléphone, e-mail.',
    send: 'Envoyer',
    honeypot: 'Laissez ce champ vide',
  },
  en: {
    title: 'Your feedback',
    question: 'How satisfied are you with our service?',
    ratings: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
    reasons: 'What went wrong?',
    reasonsNote: 'Only if you are not satisfied. You may tick more than one.',
    comment: 'What could we improve?',
    optional: '(optional)',
    hint: 'Do not include personal data such as your name, national register number, address, phone number or email.',
    send: 'Send',
    honeypot: 'Leave this field empty',
  },
  de: {
    title: 'Ihr Feedback',
    question: 'Wie zufrieden sind Sie mit unserem Dienst?',
    ratings: ['Sehr unzufrieden', 'Unzufrieden', 'Neutral', 'Zufrieden', 'Sehr zufrieden'],
    reasons: 'Was ist schiefgelaufen?',
    reasonsNote: 'Nur wenn Sie nicht zufrieden sind. Sie können mehrere Antworten ankreuzen.',
    comment: 'Was können wir verbessern?',
    optional: '(freiwillig)',
    hint: 'Geben Sie keine personenbezogenen Daten an: Name, Nationalregisternummer, Adresse, Telefon, E-Mail.',
    send: 'Senden',
    honeypot: 'Lassen Sie dieses Feld leer',
  },
};

/** What the hosted page shows of a service. */
export interface HostedService {
  id: string;
  name: string;
  /** The service's help (https or tel:), or null for the info line 1700. */
  helpUrl: string | null;
  reasons: readonly Reason[];
}

/** The promise (anonymous, no answer) and where to get help instead, in the page's language. */
export function promise(lang: Language, helpUrl: string | null): Html {
  const text = PROMISE[lang];
  return html`<p class="promise">
    ${text.promise} ${text.help}
    <a href="${helpUrl ?? 'tel:1700'}">${helpUrl ? text.contact : text.line}</a>.
  </p>`;
}

const PROMISE: Record<Language, { promise: string; help: string; line: string; contact: string }> =
  {
    nl: {
      promise: 'Uw feedback is anoniem en u krijgt er geen antwoord op.',
      help: 'Hulp nodig? Neem contact op met',
      line: 'de gratis infolijn 1700',
      contact: 'het contactpunt van deze dienst',
    },
    fr: {
      promise: 'Votre avis est anonyme et ne reçoit pas de réponse.',
      help: 'Besoin d’aide\u202f? Contactez',
      line: 'la ligne d’info gratuite 1700',
      contact: 'le point de contact de ce service',
    },
    en: {
      promise: 'Your feedback is anonymous and gets no reply.',
      help: 'Need help? Contact',
      line: 'the free info line 1700',
      contact: 'this service’s contact point',
    },
    de: {
      promise: 'Ihr Feedback ist anonym und erhält keine Antwort.',
      help: 'Brauchen Sie Hilfe? Kontaktieren Sie',
      line: 'die kostenlose Infoline 1700',
      contact: 'die Kontaktstelle dieses Dienstes',
    },
  };

/** The hosted feedback page of a service, for one channel, in one language. */
export function hostedPage(lang: Language, service: HostedService, channel: string): string {
  const text = TEXT[lang];
  const body = html`<p class="lead">${service.name}</p>
    <form method="post" action="/api/v1/feedback/form?lang=${lang}" class="feedback-form">
      <input type="hidden" name="serviceId" value="${service.id}" />
      <input type="hidden" name="lang" value="${lang}" />
      <input type="hidden" name="channel" value="${channel}" />
      <fieldset>
        <legend>${text.question}</legend>
        ${text.ratings.map(
          (label, index) =>
            html`<label class="choice"
              ><input
                type="radio"
                name="rating"
                value="${index + 1}"
                ${index === 0 ? html`required` : ''}
              />
              ${label}</label
            >`,
        )}
      </fieldset>
      ${
        service.reasons.length === 0
          ? ''
          : html`<fieldset aria-describedby="reasons-note">
              <legend>${text.reasons}</legend>
              <p id="reasons-note" class="note">${text.reasonsNote}</p>
              ${service.reasons.map(
                (reason) =>
                  html`<label class="choice"
                    ><input type="checkbox" name="reasons" value="${reason.code}" />
                    ${reason.labels[lang]}</label
                  >`,
              )}
            </fieldset>`
      }
      <label for="comment" class="field-label">${text.comment} ${text.optional}</label>
      <p id="comment-hint" class="note">${text.hint}</p>
      <textarea
        id="comment"
        name="comment"
        maxlength="2000"
        rows="5"
        aria-describedby="comment-hint"
      ></textarea>
      ${promise(lang, service.helpUrl)}
      <div class="honeypot" aria-hidden="true">
        <label for="website">${text.honeypot}</label>
        <input type="text" id="website" name="website" tabindex="-1" autocomplete="off" />
      </div>
      <button type="submit">${text.send}</button>
    </form>`;
  return documentPage(lang, text.title, body);
}
