// The Dutch strings of the steering committee's overview: themes with their share of low ratings
// and their change, "weinig antwoorden" beside uncertain figures, the figures per language and
// per step, and searching and sorting the service list.
// Spread into the Dutch catalog, they are the type the French and English parts must match.
import type { Language, ThemeSort } from '@vo-feedback/shared';

/** How the service list can be ordered. */
export type ServiceSort = 'name' | 'responses' | 'csat' | 'trend';

export const overview = {
  /** Beside a share or satisfaction counted on fewer answers than MIN_PUBLIC_N. */
  fewAnswers: 'weinig antwoorden',
  fewAnswersIntro: (minimum: string) =>
    `Bij minder dan ${minimum} antwoorden staat „weinig antwoorden” naast een aandeel of een tevredenheid: het cijfer kan nog sterk veranderen.`,

  themesCompared: (from: string, to: string, comments: string) =>
    `Per thema: hoeveel opmerkingen het noemen, welk deel daarvan een 1 of 2 gaf, en het verschil met de periode van dezelfde lengte ervoor (${from} tot en met ${to}, ${comments} opmerkingen).`,
  themeSortLabel: 'Thema’s sorteren op',
  themeSorts: {
    count: 'Meeste opmerkingen',
    lowShare: 'Hoogste aandeel laag beoordeeld (1 of 2)',
    change: 'Sterkste stijging t.o.v. vorige periode',
  } as Record<ThemeSort, string>,
  themesSorted: (sort: string) => `Thema’s gesorteerd op: ${sort}.`,
  themeLowShare: (share: string) => `${share} laag beoordeeld`,
  themeChange: (change: string) => `${change} t.o.v. vorige periode`,
  themeNew: 'nieuw t.o.v. vorige periode',
  themeNoComparison: '— geen vergelijking: de vorige periode heeft geen opmerkingen',
  themeForms: (forms: string) => `Samengeteld: ${forms}`,

  languagesHeading: 'Per taal',
  languagesIntro: 'De taal waarin de burger zijn feedback gaf.',
  languageNames: {
    nl: 'Nederlands',
    fr: 'Frans',
    en: 'Engels',
    de: 'Duits',
  } as Record<Language, string>,
  languagesChart: (total: string) =>
    `Staafdiagram: aantal antwoorden per taal, ${total} in totaal. De cijfers staan in de tabel ernaast.`,
  stepsHeading: 'Per stap',
  stepsIntro:
    'De stap van de aanvraag waarop de burger zijn feedback gaf, in de volgorde van de aanvraag. „Niet afgerond” is het deel van de antwoorden met een uitkomst dat geweigerd werd of op een fout liep: waar mensen niet verder raken.',
  stepsChart: (total: string) =>
    `Staafdiagram: aantal antwoorden per stap, ${total} in totaal. De cijfers staan in de tabel ernaast.`,
  stepsNone:
    'Geen stappen: de pagina’s met de feedbackknop gaven in deze periode niet door bij welke stap van de aanvraag ze horen.',
  notCompleted: 'Niet afgerond',

  serviceSearch: 'Zoek een dienst of organisatie',
  serviceSearchHint: 'Typ een deel van de naam; de lijst past zich aan terwijl u typt.',
  servicesShown: (n: number, count: string) =>
    n === 1 ? '1 dienst getoond.' : `${count} diensten getoond.`,
  servicesNoneFound:
    'Geen dienst of organisatie met die naam. Wis de zoekterm of typ een ander deel van de naam.',
  serviceSortLabel: 'Sorteren op',
  serviceSorts: {
    name: 'Naam, per organisatie',
    responses: 'Meeste antwoorden dit jaar',
    csat: 'Laagste tevredenheid eerst',
    trend: 'Sterkste daling eerst',
  } as Record<ServiceSort, string>,
  servicesSorted: (sort: string) => `Gesorteerd op: ${sort}.`,
  trendPrevious: (csat: string, interval: string, n: string) => `${csat}, ${interval}, n = ${n}`,
};

export type OverviewMessages = typeof overview;
