// The Dutch catalog is the default language and the type every other catalog must match, so a
// missing string is a compile error, not an English word on a Flemish page. Error messages say
// what to do, not only what went wrong.
import type { Channel } from '@vo-feedback/shared';
import { acting } from './acting/nl.ts';
import { overview } from './overview/nl.ts';
import { steering } from './steering/nl.ts';
import { triage } from './triage/nl.ts';
import { webhooks } from './webhooks/nl.ts';
import { alerts } from './alerts/nl.ts';
import { subscriptions } from './subscriptions/nl.ts';
import { manage } from './manage/nl.ts';
import { signIn } from './sign-in/nl.ts';

/** The five rating labels, 1 to 5. */
type Five = [string, string, string, string, string];
/** A name for every channel of the contract. */
type Channels = Record<Channel, string>;

export const nl = {
  languageName: 'Nederlands',
  appName: 'Feedbackdashboard',
  skipLink: 'Naar de inhoud',
  language: 'Taal',
  signOut: 'Afmelden',
  signedInAsProvider: 'Aangemeld als dienstverlener',
  signedInAsSteering: 'Aangemeld als stuurorgaan',
  signedOut: 'U bent afgemeld. Het token is uit deze browser gewist.',
  sessionExpired:
    'Uw token wordt niet meer aanvaard (het is ingetrokken). Meld u opnieuw aan met een geldig token.',
  errorPrefix: 'Fout:',
  retry: 'Opnieuw proberen',

  signInHeading: 'Aanmelden',
  signInIntro:
    'Meld u aan met het token dat u van uw beheerder kreeg. Met het token van een dienstverlener ziet u de cijfers en de opmerkingen over uw diensten; met het token van het stuurorgaan de cijfers van alle organisaties.',
  tokenLabel: 'Token',
  tokenHint:
    'Het token begint met vof_. Het blijft alleen in dit browsertabblad bewaard en wordt gewist als u zich afmeldt of het tabblad sluit.',
  signIn: 'Aanmelden',
  signingIn: 'Bezig met aanmelden…',
  tokenMissing: 'Vul uw token in.',
  tokenWrong:
    'Dit token wordt niet herkend. Controleer of u het volledig hebt gekopieerd (het begint met vof_), of vraag uw beheerder om een nieuw token.',

  networkError:
    'De server is niet bereikbaar. Controleer uw internetverbinding en probeer het opnieuw.',
  serverError:
    'Er ging iets mis aan onze kant. Probeer het over enkele minuten opnieuw; lukt het dan nog niet, meld het aan uw beheerder.',
  forbidden:
    'Met dit token hebt u geen toegang tot deze gegevens. Meld u aan met een token van de organisatie van deze dienst.',
  notFound: 'Deze dienst bestaat niet (meer). Kies een dienst uit de lijst.',
  tooLarge:
    'Dit zijn meer antwoorden dan één Excel-blad bevat. Download ze als CSV, of kies een kortere periode.',
  invalidRequest: 'De vraag werd niet begrepen. Controleer de periode en probeer het opnieuw.',

  providerServicesHeading: 'Uw diensten',
  steeringServicesHeading: 'Alle diensten',
  steeringNotice:
    'U bent aangemeld als stuurorgaan: u ziet de cijfers van alle organisaties, maar geen opmerkingen van burgers.',
  servicesIntro:
    'Per dienst de cijfers van 1 januari tot vandaag, met de trend ten opzichte van dezelfde periode vorig jaar.',
  noServices:
    'Dit token geeft nog toegang tot geen enkele dienst. Vraag uw beheerder om uw dienst te registreren.',
  organisation: (name: string) => `Organisatie: ${name}`,
  inactive: 'niet actief',
  responsesThisYear: 'Antwoorden dit jaar',
  csat: 'Tevredenheid',
  trend: 'Trend',
  trendChange: (points: string, previous: string) =>
    `${points} procentpunt ten opzichte van dezelfde periode vorig jaar (${previous})`,
  trendSame: (previous: string) => `gelijk aan dezelfde periode vorig jaar (${previous})`,
  trendNone: 'geen vergelijking: geen antwoorden in dezelfde periode vorig jaar',
  trendUncertain:
    'Het verschil valt binnen de foutmarge: de betrouwbaarheidsintervallen overlappen.',
  arrowUp: 'gestegen',
  arrowDown: 'gedaald',
  arrowSame: 'gelijk',
  figuresUnavailable: 'Cijfers niet beschikbaar.',
  loadingFigures: 'Cijfers worden geladen…',

  allServices: 'Alle diensten',
  periodLegend: 'Periode',
  presets: {
    'last-30-days': 'Laatste 30 dagen',
    'this-year': 'Dit jaar',
    'last-year': 'Vorig jaar',
    custom: 'Eigen periode',
  },
  from: 'Van',
  to: 'Tot en met',
  showPeriod: 'Toon deze periode',
  fromInvalid: 'Vul een volledige begindatum in: dag, maand en jaar.',
  toInvalid: 'Vul een volledige einddatum in: dag, maand en jaar.',
  periodOrder: 'Kies een begindatum die vóór of op de einddatum ligt.',
  periodShown: (from: string, to: string) => `Cijfers van ${from} tot en met ${to}.`,
  loading: 'Cijfers worden geladen…',
  empty: 'Nog geen feedback voor deze periode',
  emptyHint: 'Kies een andere periode, of kijk later terug.',

  keyFigures: 'Kerncijfers',
  responses: 'Antwoorden',
  mean: 'Gemiddelde score (1 tot 5)',
  meanShort: 'Gemiddelde',
  csatLong: 'Tevredenheid (tevreden of zeer tevreden)',
  interval: (low: string, high: string) => `95 %-betrouwbaarheidsinterval ${low} tot ${high}`,
  commentCount: 'Antwoorden met opmerking',
  impressions: 'Keren getoond',
  responseRate: 'Responsgraad',
  noImpressions: 'geen vertoningen geteld',

  ratingsHeading: 'Verdeling van de beoordelingen',
  ratings: ['Zeer ontevreden', 'Ontevreden', 'Neutraal', 'Tevreden', 'Zeer tevreden'] as Five,
  rating: 'Beoordeling',
  count: 'Aantal',
  share: 'Aandeel',
  ratingsChart: (total: string) =>
    `Staafdiagram: aantal antwoorden per beoordeling, ${total} in totaal. De cijfers staan in de tabel ernaast.`,

  monthlyHeading: 'Tevredenheid per maand',
  monthlyIntro:
    'De lijn toont de tevredenheid, de band het 95 %-betrouwbaarheidsinterval: hoe smaller de band, hoe zekerder het cijfer. Een maand zonder antwoorden heeft geen punt.',
  month: 'Maand',
  intervalColumn: 'Interval (95 %)',
  monthlyChart: (first: string, last: string) =>
    `Lijndiagram: tevredenheid per maand van ${first} tot ${last}, met het betrouwbaarheidsinterval als band. De cijfers staan in de tabel eronder.`,

  outcomesHeading: 'Per uitkomst',
  outcomesIntro: 'De eindtoestand die de burger bereikte toen hij zijn feedback gaf.',
  outcome: 'Uitkomst',
  outcomes: {
    completed: 'Afgerond',
    rejected: 'Geweigerd',
    error: 'Fout',
    info: 'Informatie',
    unknown: 'Niet opgegeven',
  },
  outcomesChart: (total: string) =>
    `Staafdiagram: aantal antwoorden per uitkomst, ${total} in totaal. De cijfers staan in de tabel ernaast.`,

  channelsHeading: 'Kanalen',
  channelsIntro:
    'Waar de burger zijn feedback gaf: op de website, of na contact aan de telefoon, aan het loket, in de chat, per e-mail of per brief.',
  channel: 'Kanaal',
  channels: {
    web: 'Website',
    phone: 'Telefoon',
    counter: 'Loket',
    chat: 'Chat',
    email: 'E-mail',
    letter: 'Brief',
  } as Channels,
  channelsChart: (total: string) =>
    `Staafdiagram: aantal antwoorden per kanaal, ${total} in totaal. De cijfers staan in de tabel ernaast.`,

  reasonsHeading: 'Wat liep er mis?',
  reasonsIntro: (low: string) =>
    `Wie een 1, 2 of 3 gaf, kon aanduiden wat er misliep, en meer dan één reden kiezen. Het aandeel is het deel van die ${low} antwoorden dat de reden koos: samen kan dat meer dan 100 % zijn.`,
  reason: 'Reden',
  reasonsChart: (low: string) =>
    `Staafdiagram: hoe vaak elke reden gekozen werd in de ${low} antwoorden met een 1, 2 of 3. De cijfers staan in de tabel ernaast.`,
  reasonsNone: 'Niemand duidde in deze periode een reden aan.',
  reasonsNoLow:
    'Niemand gaf in deze periode een 1, 2 of 3. Alleen wie dat doet, kan aanduiden wat er misliep.',

  themesHeading: 'Thema’s',
  themesIntro:
    'De woorden en woordparen die het vaakst in de opmerkingen van deze periode staan. Kies een thema om de opmerkingen te lezen die het noemen.',
  themesEmpty: 'Geen thema’s voor deze periode: er zijn nog te weinig opmerkingen.',
  themePairs: 'Woordparen',
  themeWords: 'Woorden',
  /** Spoken after a theme's count: "te lang 3 opmerkingen". */
  themeComments: 'opmerkingen',
  loadingThemes: 'Thema’s worden geladen…',

  commentsHeading: 'Opmerkingen',
  commentsIntro:
    'Wat burgers schreven, nieuwste eerst. Persoonsgegevens zijn vóór de opslag weggelaten.',
  filterLegend: 'Opmerkingen filteren',
  allRatings: 'Alle beoordelingen',
  allOutcomes: 'Alle uitkomsten',
  textFilter: 'Bevat de tekst',
  applyFilter: 'Filter toepassen',
  clearFilter: 'Filter wissen',
  loadingComments: 'Opmerkingen worden geladen…',
  commentsEmpty: 'Geen opmerkingen voor deze periode en deze filter.',
  commentsShown: (count: string) => `${count} opmerkingen getoond, nieuwste eerst.`,
  commentsAll: 'Alle opmerkingen zijn getoond.',
  loadMore: 'Meer opmerkingen laden',
  loadedMore: (count: string) => `${count} opmerkingen bijgeladen.`,
  received: 'Ontvangen',
  step: 'Stap',

  ...triage,

  downloadsHeading: 'Downloads',
  downloadsIntro: (from: string, to: string) =>
    `De antwoorden van ${from} tot en met ${to}, en het jaarverslag voor het stuurorgaan.`,
  steeringDownloadsIntro: (year: string) =>
    `Het jaarverslag ${year} van deze organisatie, met de cijfers van het jaar ervoor ernaast.`,
  ownReportsIntro:
    'Het jaarverslag van uw organisatie, met het jaar ervoor ernaast: klaar om in te dienen bij het stuurorgaan.',
  allReportsIntro: 'Het jaarverslag van alle organisaties samen, met het jaar ervoor ernaast.',
  exportCsv: 'Antwoorden als CSV (Excel)',
  exportXlsx: 'Antwoorden als XLSX',
  annualHtml: (year: string) => `Jaarverslag ${year} (HTML)`,
  annualCsv: (year: string) => `Jaarverslag ${year} (CSV)`,
  downloading: 'Het bestand wordt klaargemaakt…',
  downloaded: (name: string) => `${name} is gedownload.`,
  downloadFailed: 'Het bestand kon niet worden gedownload.',

  qrHeading: 'QR-code en affiche',
  qrIntro:
    'Wie de QR-code scant, komt op een korte feedbackpagina van deze dienst, zonder app. Hang de affiche aan het loket of in de wachtzaal, of zet de code op een brief. Kies waar u de code gebruikt: dan ziet u in de cijfers langs welk kanaal de feedback kwam.',
  qrChannel: 'Waar gebruikt u de code?',
  qrAlt: (address: string) => `QR-code naar ${address}`,
  qrAddress: 'De code opent',
  qrLoading: 'De QR-code wordt gemaakt…',
  qrShown: (channel: string) => `QR-code voor het kanaal ${channel}.`,
  qrFailed: 'De QR-code kon niet worden geladen.',
  posterDownload: 'Affiche downloaden (A4, HTML)',
  qrDownload: 'QR-code downloaden (SVG)',
  posterHint: 'Open de affiche in uw browser en druk ze af op A4.',

  ...acting,

  ...overview,

  ...steering,

  ...webhooks,

  ...alerts,

  ...subscriptions,

  ...manage,

  ...signIn,
};

export type Messages = typeof nl;
