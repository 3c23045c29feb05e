// The Dutch strings of the e-mail subscriptions view: staff of an organisation get a digest of
// their services' figures, or its alarms, by e-mail.
// Spread into the Dutch catalog, they are the type the French and English parts must match.
import type { SubscriptionFrequency } from '@vo-feedback/shared';

export const subscriptions = {
  navSubscriptions: 'Meldingen per e-mail',
  subscriptionsHeading: 'Meldingen per e-mail',
  subscriptionsIntro:
    'Laat medewerkers van uw organisatie elke week of elke maand een overzicht per e-mail krijgen, of alleen een bericht bij een alarm.',
  subscriptionsDigest:
    'Een overzicht bevat alleen cijfers (aantal antwoorden, tevredenheid met haar foutmarge, de verandering, de belangrijkste redenen en thema’s) en nooit de tekst van een opmerking; elke mail heeft een link om zich met één klik uit te schrijven.',
  subscriptionsSteering:
    'Meldingen per e-mail horen bij een organisatie. Meld u aan als dienstverlener om ze te beheren.',
  subscriptionsLoading: 'De meldingen per e-mail worden geladen…',
  subscriptionsListHeading: 'Wie krijgt meldingen',
  subscriptionsEmpty: 'Nog niemand krijgt meldingen per e-mail. Schrijf hieronder iemand in.',
  subscriptionFrequencies: {
    weekly: 'wekelijks overzicht',
    monthly: 'maandelijks overzicht',
    alerts: 'alleen alarmen',
  } satisfies Record<SubscriptionFrequency, string>,
  subscriptionWhatTerm: 'Wat',
  subscriptionServicesTerm: 'Diensten',
  subscriptionAllServices: 'Alle diensten, ook latere',
  subscriptionSinceTerm: 'Ingeschreven op',
  subscriptionDelete: 'Uitschrijven',
  /** After the button's visible text, for screen readers: which subscription. */
  subscriptionOf: (email: string, what: string) => `${email}, ${what}`,
  subscriptionDeleteQuestion: (email: string, what: string) =>
    `Wilt u ${email} uitschrijven (${what})? Er wordt niets meer naartoe gestuurd, ook geen mail die al klaarstaat.`,
  subscriptionDeleteYes: 'Ja, uitschrijven',
  subscriptionDeleteNo: 'Nee, behouden',
  subscriptionDeleted: (email: string, what: string) => `${email} is uitgeschreven (${what}).`,

  subscriptionAddHeading: 'Iemand inschrijven',
  subscriptionEmail: 'E-mailadres',
  subscriptionEmailHint:
    'Het adres van een medewerker of een team, bijvoorbeeld team.loket@gent.be. Nooit het adres van een burger.',
  subscriptionEmailMissing: 'Vul een e-mailadres in, bijvoorbeeld team.loket@gent.be.',
  subscriptionEmailInvalid:
    'Vul een volledig e-mailadres in, met @ en een domein, bijvoorbeeld team.loket@gent.be.',
  subscriptionFrequencyLegend: 'Wat krijgt dit adres?',
  subscriptionFrequencyMissing: 'Kies wat dit adres krijgt.',
  subscriptionFrequencyHints: {
    weekly: 'Elke maandag om 8 uur: de cijfers van de voorbije week.',
    monthly: 'De eerste van elke maand om 8 uur: de cijfers van de voorbije maand.',
    alerts:
      'Alleen een bericht als de tevredenheid opvallend daalt of een thema opvallend vaker terugkomt.',
  } satisfies Record<SubscriptionFrequency, string>,
  subscriptionServicesLegend: 'Over welke diensten?',
  subscriptionServicesAll: 'Alle diensten van uw organisatie, ook die later bijkomen',
  subscriptionServicesChosen: 'Alleen de diensten die ik aankruis',
  subscriptionServicesPick: 'Kruis de diensten aan',
  subscriptionServicesMissing: 'Kruis minstens één dienst aan, of kies alle diensten.',
  subscriptionAdd: 'Inschrijven',
  subscriptionAdded: (email: string, what: string) => `${email} is ingeschreven: ${what}.`,
};

export type SubscriptionsMessages = typeof subscriptions;
