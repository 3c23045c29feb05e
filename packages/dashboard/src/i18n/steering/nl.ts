// The Dutch strings of the overview of services side by side ("Overzicht", vo-overview) and of the
// dashboard's navigation.
// Spread into the Dutch catalog, they are the type the French and English parts must match.
import type { OrganisationKind, OverviewFlag } from '@vo-feedback/shared';

/** The overview's columns, as its header cells, its sort buttons and its announcements say. */
export type OverviewColumn =
  | 'organisation'
  | 'service'
  | 'responses'
  | 'csat'
  | 'previousCsat'
  | 'responseRate'
  | 'shareNotCompleted'
  | 'topReason'
  | 'target'
  | 'reportStatus'
  | 'flags';

export const steering = {
  navigation: 'Hoofdmenu',
  navServices: 'Diensten',
  navOverview: 'Overzicht',

  overviewHeading: 'Overzicht van de diensten',
  overviewIntroSteering:
    'Alle actieve diensten van alle organisaties naast elkaar, in één tabel. De aandachtspunten worden beslist met de betrouwbaarheidsintervallen, niet met de cijfers alleen: „onder doel” betekent dat zelfs de bovengrens van het interval onder het doel ligt.',
  overviewIntroProvider:
    'De actieve diensten van uw organisatie naast elkaar, zoals het stuurorgaan ze ziet. De aandachtspunten worden beslist met de betrouwbaarheidsintervallen, niet met de cijfers alleen.',
  overviewYear: 'Jaar',
  overviewThisYear: (year: string) => `Dit jaar (${year})`,
  overviewLastYear: (year: string) => `Vorig jaar (${year})`,
  overviewLoading: 'Het overzicht wordt geladen…',
  overviewPeriod: (from: string, to: string) => `Cijfers van ${from} tot en met ${to}.`,
  overviewCaption: (year: string) => `Diensten in ${year}`,
  overviewColumns: {
    organisation: 'Organisatie',
    service: 'Dienst',
    responses: 'Antwoorden',
    csat: 'Tevredenheid',
    previousCsat: 'Vorig jaar',
    responseRate: 'Responsgraad',
    shareNotCompleted: 'Niet afgerond',
    topReason: 'Meest gekozen reden',
    target: 'Doel',
    reportStatus: 'Jaarrapport',
    flags: 'Aandachtspunten',
  } as Record<OverviewColumn, string>,
  overviewWithInterval: 'met 95 %-interval',
  overviewDirections: { ascending: 'oplopend', descending: 'aflopend' },
  overviewSorted: (column: string, direction: string) => `Gesorteerd op ${column}, ${direction}.`,
  overviewSortHint:
    'Kies een kolomtitel met een pijl om op die kolom te sorteren; nog eens kiezen keert de volgorde om. Diensten zonder cijfer staan altijd onderaan.',
  overviewSearch: 'Zoek een dienst of organisatie',
  overviewSearchHint: 'Typ een deel van de naam; de tabel past zich aan terwijl u typt.',
  overviewShown: (n: number, count: string) =>
    n === 1 ? '1 dienst getoond.' : `${count} diensten getoond.`,
  overviewFlagFilter: 'Aandachtspunt',
  overviewAllFlags: 'Alle diensten',
  overviewFlags: {
    'below-target': 'onder doel',
    falling: 'dalend',
    'few-responses': 'weinig antwoorden',
    silent: 'stil',
  } as Record<OverviewFlag, string>,
  overviewFlagMeanings: {
    'below-target':
      'zelfs de bovengrens van het 95 %-betrouwbaarheidsinterval ligt onder het doel.',
    falling: 'het interval van dit jaar ligt volledig onder dat van vorig jaar.',
    'few-responses': (minimum: string) =>
      `minder dan ${minimum} antwoorden: de aandelen kunnen nog sterk veranderen.`,
    silent: 'de feedbackknop werd de voorbije 30 dagen nergens getoond.',
  },
  overviewFlagsHeading: 'Wat de aandachtspunten betekenen',
  overviewNoFlags: 'geen',
  overviewKindFilter: 'Soort bestuur',
  overviewAllKinds: 'Alle besturen',
  overviewKinds: {
    flemish: 'Vlaamse overheid',
    local: 'Lokaal bestuur',
  } as Record<OrganisationKind, string>,
  overviewGroup: 'Groeperen per beleidsdomein',
  overviewNoDomain: 'Geen beleidsdomein',
  overviewGroupTotals: (services: number, count: string, responses: string) =>
    `${services === 1 ? '1 dienst' : `${count} diensten`}, ${responses} antwoorden`,
  overviewGroupCsat: (csat: string, interval: string) => `tevredenheid ${csat} (${interval})`,
  overviewNoTarget: 'geen doel',
  overviewNoReason: 'geen',
  overviewNone: 'Er zijn in dit jaar geen actieve diensten om te tonen.',
  overviewNoneFound:
    'Geen dienst past bij de zoekterm en de filters. Wis de zoekterm of kies „Alle” bij de filters.',
  overviewCsv: 'CSV downloaden',
  overviewCsvHint: (year: string) =>
    `Alle rijen van ${year} als CSV-bestand voor Excel, ongeacht de zoekterm, de filters en de volgorde hierboven.`,
};

export type SteeringMessages = typeof steering;
