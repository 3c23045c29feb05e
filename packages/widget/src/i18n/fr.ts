import type { Messages } from './nl.ts';

// French puts a narrow no-break space (U+202F) before ":" and "?".
export const fr: Messages = {
  heading: 'Votre avis',
  question: 'Êtes-vous satisfait de ce service\u202f?',
  ratings: ['Très insatisfait', 'Insatisfait', 'Neutre', 'Satisfait', 'Très satisfait'],
  send: 'Envoyer',
  error: 'Erreur\u202f:',
  chooseRating: 'Indiquez votre degré de satisfaction.',
  rated: 'Merci pour votre évaluation.',
  comment: 'Que pouvons-nous améliorer\u202f?',
  hint: 'Facultatif. Ne mentionnez aucune donnée personnelle\u202f: nom, numéro de registre national, adresse, téléphone, e-mail.',
  kept: 'Si l’envoi échoue, nous gardons votre réponse jusqu’à 7 jours dans ce navigateur et l’envoyons plus tard.',
  left: 'Caractères restants\u202f:',
  over: 'Caractères en trop\u202f:',
  tooLong: 'Raccourcissez votre commentaire.',
  privacy: 'Vie privée',
  thanks: 'Merci pour votre avis',
  sending: 'Envoi…',
  queued:
    'Pas encore envoyée\u202f: votre réponse est conservée sur cet appareil et sera envoyée plus tard.',
  sendComment: 'Envoyer la remarque',
  reasons: 'Qu’est-ce qui n’a pas marché\u202f?',
  promise: 'Votre avis est anonyme et ne reçoit pas de réponse.',
  help: 'Besoin d’aide\u202f? Contactez',
  line: 'la ligne d’info gratuite 1700',
  contact: 'le point de contact de ce service',
  failed: 'Votre avis n’a pas pu être envoyé. Vous pouvez nous joindre via',
};
