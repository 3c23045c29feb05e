// The Dutch strings of the webhooks view: an organisation's systems hear of new feedback.
// Spread into the Dutch catalog, they are the type the French and English parts must match.
import type { WebhookEvent } from '@vo-feedback/shared';

export const webhooks = {
  navWebhooks: 'Webhooks',
  webhooksHeading: 'Webhooks',
  webhooksIntro:
    'Laat uw eigen systemen (een ticketsysteem, een chatkanaal) weten wanneer er nieuwe feedback is. Elk bericht is ondertekend met een geheime sleutel (Standard Webhooks).',
  webhooksSteering:
    'Webhooks horen bij een organisatie. Meld u aan met het token van een aanbieder om ze te beheren.',
  webhooksLoading: 'De webhooks worden geladen…',
  webhooksListHeading: 'Uw webhooks',
  webhooksEmpty: 'Nog geen webhooks. Voeg hieronder de eerste toe.',
  webhooksManagersOnly:
    'Een beheerder van uw organisatie voegt webhooks toe, verwijdert ze en verstuurt leveringen opnieuw.',
  webhooksNone: 'Nog geen webhooks.',
  webhookEvents: {
    'feedback.created': 'nieuwe feedback',
    'feedback.low-rating': 'lage beoordeling (1–2)',
    'report.submitted': 'jaarrapport ingediend',
    'alert.raised': 'alarm',
  } satisfies Record<WebhookEvent, string>,
  webhookEventsTerm: 'Gebeurtenissen',
  webhookServicesTerm: 'Diensten',
  webhookAllServices: 'Alle diensten, ook latere',
  webhookCommentTerm: 'Opmerking',
  webhookWithComment: 'Wordt meegestuurd (geredigeerd)',
  webhookWithoutComment: 'Wordt niet meegestuurd',
  webhookFailingSince: (since: string) =>
    `Elke poging mislukt sinds ${since}. Controleer of de ontvanger bereikbaar is.`,
  webhookDisabled: (since: string, reason: string) =>
    `Uitgeschakeld sinds ${since}: ${reason} Herstel de ontvanger en verstuur een levering opnieuw om de webhook weer aan te zetten.`,
  webhookDelete: 'Verwijderen',
  webhookDeleteQuestion: (url: string) =>
    `Wilt u de webhook naar ${url} verwijderen? Er wordt niets meer naartoe gestuurd en zijn leveringen verdwijnen. Dit kan niet ongedaan worden.`,
  webhookDeleteYes: 'Ja, verwijderen',
  webhookDeleteNo: 'Nee, behouden',
  webhookDeleted: (url: string) => `De webhook naar ${url} is verwijderd.`,

  webhookAddHeading: 'Webhook toevoegen',
  webhookUrl: 'Adres van de ontvanger',
  webhookUrlHint: 'Een https-adres, bijvoorbeeld https://tickets.voorbeeld.be/hooks/vo.',
  webhookUrlMissing:
    'Vul het adres van de ontvanger in, bijvoorbeeld https://tickets.voorbeeld.be/hooks/vo.',
  webhookEventsLegend: 'Wanneer sturen we een bericht?',
  webhookEventsMissing: 'Kies minstens één gebeurtenis.',
  webhookServicesLegend: 'Voor welke diensten?',
  webhookServicesHint:
    'Kruis niets aan voor alle diensten van uw organisatie, ook die later bijkomen.',
  webhookIncludeComment: 'Opmerking meesturen (geredigeerd)',
  webhookIncludeCommentHint:
    'De opmerking zoals ze bewaard is: persoonsgegevens zijn al vervangen door [verwijderd].',
  webhookAdd: 'Webhook toevoegen',
  webhookAdded: (url: string) =>
    `De webhook naar ${url} is toegevoegd. Kopieer nu de geheime sleutel.`,

  webhookSecretHeading: 'Geheime sleutel van de nieuwe webhook',
  webhookSecretLabel: 'Geheime sleutel',
  webhookSecretNote:
    'Deze sleutel wordt maar één keer getoond. Bewaar hem nu in het systeem dat de berichten ontvangt: het controleert er elke handtekening mee.',
  webhookCopy: 'Sleutel kopiëren',
  webhookCopied: 'De sleutel is gekopieerd.',
  webhookCopyFailed: 'Kopiëren lukte niet. Selecteer de sleutel in het veld en kopieer hem zelf.',
  webhookSecretDone: 'Ik heb de sleutel bewaard',

  deliveries: 'Leveringen',
  deliveriesOf: (url: string) => `naar ${url}`,
  deliveriesLoading: 'De leveringen worden geladen…',
  deliveriesEmpty: 'Nog geen leveringen.',
  deliveryStatuses: {
    pending: 'Wordt nog verstuurd',
    delivered: 'Afgeleverd',
    failed: 'Mislukt na alle pogingen',
  },
  deliveryStatus: 'Status',
  deliveryAttempts: 'Pogingen',
  deliveryLastResponse: 'Laatste antwoord',
  deliveryNoResponse: 'Nog geen',
  deliveryNextAttempt: 'Volgende poging',
  deliveryDeliveredAt: 'Afgeleverd op',
  deliveryResend: 'Opnieuw versturen',
  deliveryResent: (event: string) =>
    `De levering “${event}” staat opnieuw in de wachtrij. De lijst hieronder toont hoe het verloopt.`,
};

export type WebhooksMessages = typeof webhooks;
