// The French strings of the e-mail subscriptions view.
import type { SubscriptionsMessages } from './nl.ts';

export const subscriptions: SubscriptionsMessages = {
  navSubscriptions: 'Notifications par e-mail',
  subscriptionsHeading: 'Notifications par e-mail',
  subscriptionsIntro:
    'Faites recevoir par des collaborateurs de votre organisation un aperçu par e-mail chaque semaine ou chaque mois, ou seulement un message en cas d’alerte.',
  subscriptionsDigest:
    'Un aperçu ne contient que des chiffres (nombre de réponses, satisfaction avec sa marge d’erreur, l’évolution, les principales raisons et les thèmes) et jamais le texte d’un commentaire ; chaque e-mail contient un lien pour se désinscrire en un clic.',
  subscriptionsSteering:
    'Les notifications par e-mail appartiennent à une organisation. Connectez-vous comme prestataire pour les gérer.',
  subscriptionsLoading: 'Chargement des notifications par e-mail…',
  subscriptionsListHeading: 'Qui reçoit des notifications',
  subscriptionsEmpty:
    'Personne ne reçoit encore de notifications par e-mail. Inscrivez quelqu’un ci-dessous.',
  subscriptionFrequencies: {
    weekly: 'aperçu hebdomadaire',
    monthly: 'aperçu mensuel',
    alerts: 'alertes uniquement',
  },
  subscriptionWhatTerm: 'Quoi',
  subscriptionServicesTerm: 'Services',
  subscriptionAllServices: 'Tous les services, y compris les futurs',
  subscriptionSinceTerm: 'Inscrit le',
  subscriptionDelete: 'Désinscrire',
  subscriptionOf: (email: string, what: string) => `${email}, ${what}`,
  subscriptionDeleteQuestion: (email: string, what: string) =>
    `Voulez-vous désinscrire ${email} (${what}) ? Plus rien n’y sera envoyé, pas même un e-mail déjà prêt.`,
  subscriptionDeleteYes: 'Oui, désinscrire',
  subscriptionDeleteNo: 'Non, conserver',
  subscriptionDeleted: (email: string, what: string) => `${email} est désinscrit (${what}).`,

  subscriptionAddHeading: 'Inscrire quelqu’un',
  subscriptionEmail: 'Adresse e-mail',
  subscriptionEmailHint:
    'L’adresse d’un collaborateur ou d’une équipe, par exemple equipe.guichet@gent.be. Jamais l’adresse d’un citoyen.',
  subscriptionEmailMissing: 'Saisissez une adresse e-mail, par exemple equipe.guichet@gent.be.',
  subscriptionEmailInvalid:
    'Saisissez une adresse e-mail complète, avec @ et un domaine, par exemple equipe.guichet@gent.be.',
  subscriptionFrequencyLegend: 'Que reçoit cette adresse ?',
  subscriptionFrequencyMissing: 'Choisissez ce que reçoit cette adresse.',
  subscriptionFrequencyHints: {
    weekly: 'Chaque lundi à 8 h : les chiffres de la semaine écoulée.',
    monthly: 'Le premier de chaque mois à 8 h : les chiffres du mois écoulé.',
    alerts:
      'Seulement un message quand la satisfaction baisse nettement ou qu’un thème revient nettement plus souvent.',
  },
  subscriptionServicesLegend: 'Pour quels services ?',
  subscriptionServicesAll: 'Tous les services de votre organisation, y compris les futurs',
  subscriptionServicesChosen: 'Seulement les services que je coche',
  subscriptionServicesPick: 'Cochez les services',
  subscriptionServicesMissing: 'Cochez au moins un service, ou choisissez tous les services.',
  subscriptionAdd: 'Inscrire',
  subscriptionAdded: (email: string, what: string) => `${email} est inscrit : ${what}.`,
};
