// The English strings of the e-mail subscriptions view.
import type { SubscriptionsMessages } from './nl.ts';

export const subscriptions: SubscriptionsMessages = {
  navSubscriptions: 'E-mail notifications',
  subscriptionsHeading: 'E-mail notifications',
  subscriptionsIntro:
    'Let staff of your organisation get an overview by e-mail every week or every month, or only a message when there is an alert.',
  subscriptionsDigest:
    'An overview holds figures only (number of responses, satisfaction with its margin of error, the change, the main reasons and themes) and never the text of a comment; every e-mail has a link to unsubscribe in one click.',
  subscriptionsSteering:
    'E-mail notifications belong to an organisation. Sign in as a provider to manage them.',
  subscriptionsLoading: 'Loading the e-mail notifications…',
  subscriptionsListHeading: 'Who gets notifications',
  subscriptionsEmpty: 'Nobody gets e-mail notifications yet. Subscribe someone below.',
  subscriptionFrequencies: {
    weekly: 'weekly overview',
    monthly: 'monthly overview',
    alerts: 'alerts only',
  },
  subscriptionWhatTerm: 'What',
  subscriptionServicesTerm: 'Services',
  subscriptionAllServices: 'All services, also later ones',
  subscriptionSinceTerm: 'Subscribed on',
  subscriptionDelete: 'Unsubscribe',
  subscriptionOf: (email: string, what: string) => `${email}, ${what}`,
  subscriptionDeleteQuestion: (email: string, what: string) =>
    `Do you want to unsubscribe ${email} (${what})? Nothing more is sent there, not even an e-mail already waiting.`,
  subscriptionDeleteYes: 'Yes, unsubscribe',
  subscriptionDeleteNo: 'No, keep',
  subscriptionDeleted: (email: string, what: string) => `${email} is unsubscribed (${what}).`,

  subscriptionAddHeading: 'Subscribe someone',
  subscriptionEmail: 'E-mail address',
  subscriptionEmailHint:
    'The address of a staff member or a team, for example team.desk@gent.be. Never a citizen’s address.',
  subscriptionEmailMissing: 'Enter an e-mail address, for example team.desk@gent.be.',
  subscriptionEmailInvalid:
    'Enter a complete e-mail address, with @ and a domain, for example team.desk@gent.be.',
  subscriptionFrequencyLegend: 'What does this address get?',
  subscriptionFrequencyMissing: 'Choose what this address gets.',
  subscriptionFrequencyHints: {
    weekly: 'Every Monday at 8:00: the figures of the past week.',
    monthly: 'The first of every month at 8:00: the figures of the past month.',
    alerts: 'Only a message when satisfaction drops markedly or a theme rises markedly.',
  },
  subscriptionServicesLegend: 'About which services?',
  subscriptionServicesAll: 'All services of your organisation, also those added later',
  subscriptionServicesChosen: 'Only the services I tick',
  subscriptionServicesPick: 'Tick the services',
  subscriptionServicesMissing: 'Tick at least one service, or choose all services.',
  subscriptionAdd: 'Subscribe',
  subscriptionAdded: (email: string, what: string) => `${email} is subscribed: ${what}.`,
};
