// The French strings of the webhooks view.
import type { WebhooksMessages } from './nl.ts';

export const webhooks: WebhooksMessages = {
  navWebhooks: 'Webhooks',
  webhooksHeading: 'Webhooks',
  webhooksIntro:
    'Informez vos propres systèmes (un système de tickets, un canal de discussion) des nouveaux avis. Chaque message est signé avec une clé secrète (Standard Webhooks).',
  webhooksSteering:
    'Les webhooks appartiennent à une organisation. Connectez-vous avec le jeton d’un prestataire pour les gérer.',
  webhooksLoading: 'Chargement des webhooks…',
  webhooksListHeading: 'Vos webhooks',
  webhooksEmpty: 'Pas encore de webhooks. Ajoutez le premier ci-dessous.',
  webhooksManagersOnly:
    'Un gestionnaire de votre organisation ajoute et supprime les webhooks et renvoie les livraisons.',
  webhooksNone: 'Pas encore de webhooks.',
  webhookEvents: {
    'feedback.created': 'nouvel avis',
    'feedback.low-rating': 'note basse (1–2)',
    'report.submitted': 'rapport annuel remis',
    'alert.raised': 'alerte',
  },
  webhookEventsTerm: 'Événements',
  webhookServicesTerm: 'Services',
  webhookAllServices: 'Tous les services, y compris les futurs',
  webhookCommentTerm: 'Commentaire',
  webhookWithComment: 'Envoyé (expurgé)',
  webhookWithoutComment: 'Non envoyé',
  webhookFailingSince: (since: string) =>
    `Chaque tentative échoue depuis le ${since}. Vérifiez que le destinataire est joignable.`,
  webhookDisabled: (since: string, reason: string) =>
    `Désactivé depuis le ${since} : ${reason} Réparez le destinataire et renvoyez une livraison pour réactiver le webhook.`,
  webhookDelete: 'Supprimer',
  webhookDeleteQuestion: (url: string) =>
    `Voulez-vous supprimer le webhook vers ${url} ? Plus rien n’y sera envoyé et ses livraisons disparaissent. Cette action est irréversible.`,
  webhookDeleteYes: 'Oui, supprimer',
  webhookDeleteNo: 'Non, garder',
  webhookDeleted: (url: string) => `Le webhook vers ${url} a été supprimé.`,

  webhookAddHeading: 'Ajouter un webhook',
  webhookUrl: 'Adresse du destinataire',
  webhookUrlHint: 'Une adresse https, par exemple https://tickets.exemple.be/hooks/vo.',
  webhookUrlMissing:
    'Indiquez l’adresse du destinataire, par exemple https://tickets.exemple.be/hooks/vo.',
  webhookEventsLegend: 'Quand envoyons-nous un message ?',
  webhookEventsMissing: 'Choisissez au moins un événement.',
  webhookServicesLegend: 'Pour quels services ?',
  webhookServicesHint:
    'Ne cochez rien pour tous les services de votre organisation, y compris ceux ajoutés plus tard.',
  webhookIncludeComment: 'Joindre le commentaire (expurgé)',
  webhookIncludeCommentHint:
    'Le commentaire tel qu’il est conservé : les données personnelles sont déjà remplacées par [verwijderd].',
  webhookAdd: 'Ajouter le webhook',
  webhookAdded: (url: string) =>
    `Le webhook vers ${url} a été ajouté. Copiez maintenant la clé secrète.`,

  webhookSecretHeading: 'Clé secrète du nouveau webhook',
  webhookSecretLabel: 'Clé secrète',
  webhookSecretNote:
    'Cette clé n’est affichée qu’une seule fois. Conservez-la maintenant dans le système qui reçoit les messages : il vérifie chaque signature avec elle.',
  webhookCopy: 'Copier la clé',
  webhookCopied: 'La clé a été copiée.',
  webhookCopyFailed: 'La copie a échoué. Sélectionnez la clé dans le champ et copiez-la vous-même.',
  webhookSecretDone: 'J’ai conservé la clé',

  deliveries: 'Livraisons',
  deliveriesOf: (url: string) => `vers ${url}`,
  deliveriesLoading: 'Chargement des livraisons…',
  deliveriesEmpty: 'Pas encore de livraisons.',
  deliveryStatuses: {
    pending: 'En cours d’envoi',
    delivered: 'Livrée',
    failed: 'Échec après toutes les tentatives',
  },
  deliveryStatus: 'Statut',
  deliveryAttempts: 'Tentatives',
  deliveryLastResponse: 'Dernière réponse',
  deliveryNoResponse: 'Aucune',
  deliveryNextAttempt: 'Prochaine tentative',
  deliveryDeliveredAt: 'Livrée le',
  deliveryResend: 'Renvoyer',
  deliveryResent: (event: string) =>
    `La livraison « ${event} » est de nouveau en file d’attente. La liste ci-dessous montre son déroulement.`,
};
