// The English strings of the webhooks view.
import type { WebhooksMessages } from './nl.ts';

export const webhooks: WebhooksMessages = {
  navWebhooks: 'Webhooks',
  webhooksHeading: 'Webhooks',
  webhooksIntro:
    'Let your own systems (a ticketing system, a chat channel) know when there is new feedback. Every message is signed with a secret key (Standard Webhooks).',
  webhooksSteering:
    'Webhooks belong to an organisation. Sign in with a provider’s token to manage them.',
  webhooksLoading: 'Loading the webhooks…',
  webhooksListHeading: 'Your webhooks',
  webhooksEmpty: 'No webhooks yet. Add the first one below.',
  webhooksManagersOnly:
    'A manager of your organisation adds or removes webhooks and resends their deliveries.',
  webhooksNone: 'No webhooks yet.',
  webhookEvents: {
    'feedback.created': 'new feedback',
    'feedback.low-rating': 'low rating (1–2)',
    'report.submitted': 'annual report handed in',
    'alert.raised': 'alert',
  },
  webhookEventsTerm: 'Events',
  webhookServicesTerm: 'Services',
  webhookAllServices: 'All services, also later ones',
  webhookCommentTerm: 'Comment',
  webhookWithComment: 'Sent along (redacted)',
  webhookWithoutComment: 'Not sent',
  webhookFailingSince: (since: string) =>
    `Every attempt has failed since ${since}. Check that the receiver can be reached.`,
  webhookDisabled: (since: string, reason: string) =>
    `Disabled since ${since}: ${reason} Fix the receiver and resend a delivery to enable the webhook again.`,
  webhookDelete: 'Delete',
  webhookDeleteQuestion: (url: string) =>
    `Do you want to delete the webhook to ${url}? Nothing more is sent to it and its deliveries are removed. This cannot be undone.`,
  webhookDeleteYes: 'Yes, delete',
  webhookDeleteNo: 'No, keep it',
  webhookDeleted: (url: string) => `The webhook to ${url} was deleted.`,

  webhookAddHeading: 'Add a webhook',
  webhookUrl: 'Address of the receiver',
  webhookUrlHint: 'An https address, for example https://tickets.example.be/hooks/vo.',
  webhookUrlMissing:
    'Fill in the receiver’s address, for example https://tickets.example.be/hooks/vo.',
  webhookEventsLegend: 'When do we send a message?',
  webhookEventsMissing: 'Choose at least one event.',
  webhookServicesLegend: 'For which services?',
  webhookServicesHint:
    'Tick nothing for all of your organisation’s services, also those added later.',
  webhookIncludeComment: 'Send the comment along (redacted)',
  webhookIncludeCommentHint:
    'The comment as it is stored: personal data has already been replaced by [verwijderd].',
  webhookAdd: 'Add the webhook',
  webhookAdded: (url: string) => `The webhook to ${url} was added. Copy the secret key now.`,

  webhookSecretHeading: 'Secret key of the new webhook',
  webhookSecretLabel: 'Secret key',
  webhookSecretNote:
    'This key is shown only once. Store it now in the system that receives the messages: it checks every signature with it.',
  webhookCopy: 'Copy the key',
  webhookCopied: 'The key was copied.',
  webhookCopyFailed: 'Copying did not work. Select the key in the field and copy it yourself.',
  webhookSecretDone: 'I have stored the key',

  deliveries: 'Deliveries',
  deliveriesOf: (url: string) => `to ${url}`,
  deliveriesLoading: 'Loading the deliveries…',
  deliveriesEmpty: 'No deliveries yet.',
  deliveryStatuses: {
    pending: 'Still being sent',
    delivered: 'Delivered',
    failed: 'Failed after every attempt',
  },
  deliveryStatus: 'Status',
  deliveryAttempts: 'Attempts',
  deliveryLastResponse: 'Last response',
  deliveryNoResponse: 'None yet',
  deliveryNextAttempt: 'Next attempt',
  deliveryDeliveredAt: 'Delivered at',
  deliveryResend: 'Send again',
  deliveryResent: (event: string) =>
    `The delivery “${event}” is queued again. The list below shows how it goes.`,
};
