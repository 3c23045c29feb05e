import { acting } from './acting/fr.ts';
import { overview } from './overview/fr.ts';
import { steering } from './steering/fr.ts';
import { triage } from './triage/fr.ts';
import { webhooks } from './webhooks/fr.ts';
import { alerts } from './alerts/fr.ts';
import { subscriptions } from './subscriptions/fr.ts';
import { manage } from './manage/fr.ts';
import { signIn } from './sign-in/fr.ts';
import type { Messages } from './nl.ts';

type Five = Messages['ratings'];

export const fr: Messages = {
  languageName: 'Français',
  appName: 'Tableau de bord des avis',
  skipLink: 'Aller au contenu',
  language: 'Langue',
  signOut: 'Se déconnecter',
  signedInAsProvider: 'Connecté en tant que prestataire',
  signedInAsSteering: 'Connecté en tant que comité de pilotage',
  signedOut: 'Vous êtes déconnecté. Le jeton a été effacé de ce navigateur.',
  sessionExpired:
    'Votre jeton n’est plus accepté (il a été révoqué). Reconnectez-vous avec un jeton valide.',
  errorPrefix: 'Erreur :',
  retry: 'Réessayer',

  signInHeading: 'Connexion',
  signInIntro:
    'Connectez-vous avec le jeton reçu de votre administrateur. Le jeton d’un prestataire montre les chiffres et les commentaires de vos services ; celui du comité de pilotage, les chiffres de toutes les organisations.',
  tokenLabel: 'Jeton',
  tokenHint:
    'Le jeton commence par vof_. Il n’est gardé que dans cet onglet du navigateur et il est effacé quand vous vous déconnectez ou fermez l’onglet.',
  signIn: 'Se connecter',
  signingIn: 'Connexion en cours…',
  tokenMissing: 'Saisissez votre jeton.',
  tokenWrong:
    'Ce jeton n’est pas reconnu. Vérifiez que vous l’avez copié en entier (il commence par vof_), ou demandez un nouveau jeton à votre administrateur.',

  networkError: 'Le serveur est injoignable. Vérifiez votre connexion internet et réessayez.',
  serverError:
    'Une erreur s’est produite de notre côté. Réessayez dans quelques minutes ; si le problème persiste, signalez-le à votre administrateur.',
  forbidden:
    'Ce jeton ne donne pas accès à ces chiffres. Connectez-vous avec un jeton de l’organisation de ce service.',
  notFound: 'Ce service n’existe pas (ou plus). Choisissez un service dans la liste.',
  tooLarge:
    'Il y a plus de réponses qu’une feuille Excel ne peut en contenir. Téléchargez-les en CSV, ou choisissez une période plus courte.',
  invalidRequest: 'La demande n’a pas été comprise. Vérifiez la période et réessayez.',

  providerServicesHeading: 'Vos services',
  steeringServicesHeading: 'Tous les services',
  steeringNotice:
    'Vous êtes connecté en tant que comité de pilotage : vous voyez les chiffres de toutes les organisations, mais aucun commentaire de citoyen.',
  servicesIntro:
    'Pour chaque service, les chiffres du 1er janvier à aujourd’hui, avec la tendance par rapport à la même période l’an dernier.',
  noServices:
    'Ce jeton ne donne encore accès à aucun service. Demandez à votre administrateur d’enregistrer votre service.',
  organisation: (name: string) => `Organisation : ${name}`,
  inactive: 'inactif',
  responsesThisYear: 'Réponses cette année',
  csat: 'Satisfaction',
  trend: 'Tendance',
  trendChange: (points: string, previous: string) =>
    `${points} points de pourcentage par rapport à la même période l’an dernier (${previous})`,
  trendSame: (previous: string) => `égale à la même période l’an dernier (${previous})`,
  trendNone: 'pas de comparaison : aucune réponse pendant la même période l’an dernier',
  trendUncertain:
    'La différence reste dans la marge d’erreur : les intervalles de confiance se chevauchent.',
  arrowUp: 'en hausse',
  arrowDown: 'en baisse',
  arrowSame: 'stable',
  figuresUnavailable: 'Chiffres non disponibles.',
  loadingFigures: 'Chargement des chiffres…',

  allServices: 'Tous les services',
  periodLegend: 'Période',
  presets: {
    'last-30-days': '30 derniers jours',
    'this-year': 'Cette année',
    'last-year': 'L’an dernier',
    custom: 'Choisir les dates',
  },
  from: 'Du',
  to: 'Au (inclus)',
  showPeriod: 'Afficher cette période',
  fromInvalid: 'Saisissez une date de début complète : jour, mois et année.',
  toInvalid: 'Saisissez une date de fin complète : jour, mois et année.',
  periodOrder: 'Choisissez une date de début antérieure ou égale à la date de fin.',
  periodShown: (from: string, to: string) => `Chiffres du ${from} au ${to} inclus.`,
  loading: 'Chargement des chiffres…',
  empty: 'Pas encore d’avis pour cette période',
  emptyHint: 'Choisissez une autre période, ou revenez plus tard.',

  keyFigures: 'Chiffres clés',
  responses: 'Réponses',
  mean: 'Note moyenne (1 à 5)',
  meanShort: 'Moyenne',
  csatLong: 'Satisfaction (satisfait ou très satisfait)',
  interval: (low: string, high: string) => `intervalle de confiance à 95 % de ${low} à ${high}`,
  commentCount: 'Réponses avec commentaire',
  impressions: 'Affichages',
  responseRate: 'Taux de réponse',
  noImpressions: 'aucun affichage compté',

  ratingsHeading: 'Répartition des notes',
  ratings: ['Très insatisfait', 'Insatisfait', 'Neutre', 'Satisfait', 'Très satisfait'] as Five,
  rating: 'Note',
  count: 'Nombre',
  share: 'Part',
  ratingsChart: (total: string) =>
    `Diagramme en barres : nombre de réponses par note, ${total} au total. Les chiffres figurent dans le tableau à côté.`,

  monthlyHeading: 'Satisfaction par mois',
  monthlyIntro:
    'La ligne montre la satisfaction, la bande son intervalle de confiance à 95 % : plus la bande est étroite, plus le chiffre est sûr. Un mois sans réponse n’a pas de point.',
  month: 'Mois',
  intervalColumn: 'Intervalle (95 %)',
  monthlyChart: (first: string, last: string) =>
    `Graphique linéaire : satisfaction par mois de ${first} à ${last}, avec l’intervalle de confiance en bande. Les chiffres figurent dans le tableau ci-dessous.`,

  outcomesHeading: 'Par issue',
  outcomesIntro: 'L’état final atteint par le citoyen au moment de donner son avis.',
  outcome: 'Issue',
  outcomes: {
    completed: 'Terminé',
    rejected: 'Refusé',
    error: 'Erreur',
    info: 'Information',
    unknown: 'Non précisé',
  },
  outcomesChart: (total: string) =>
    `Diagramme en barres : nombre de réponses par issue, ${total} au total. Les chiffres figurent dans le tableau à côté.`,

  channelsHeading: 'Canaux',
  channelsIntro:
    'Où le citoyen a donné son avis : sur le site web, ou après un contact par téléphone, au guichet, par chat, par e-mail ou par lettre.',
  channel: 'Canal',
  channels: {
    web: 'Site web',
    phone: 'Téléphone',
    counter: 'Guichet',
    chat: 'Chat',
    email: 'E-mail',
    letter: 'Lettre',
  },
  channelsChart: (total: string) =>
    `Diagramme en barres : nombre de réponses par canal, ${total} au total. Les chiffres figurent dans le tableau à côté.`,

  reasonsHeading: 'Qu’est-ce qui n’a pas marché ?',
  reasonsIntro: (low: string) =>
    `Qui a donné 1, 2 ou 3 pouvait indiquer ce qui n’a pas marché, et choisir plusieurs raisons. La part est celle de ces ${low} réponses qui ont choisi la raison : ensemble, elles peuvent dépasser 100 %.`,
  reason: 'Raison',
  reasonsChart: (low: string) =>
    `Diagramme en barres : combien de fois chaque raison a été choisie dans les ${low} réponses avec 1, 2 ou 3. Les chiffres figurent dans le tableau à côté.`,
  reasonsNone: 'Personne n’a indiqué de raison pendant cette période.',
  reasonsNoLow:
    'Personne n’a donné 1, 2 ou 3 pendant cette période. Seuls ceux-là peuvent indiquer ce qui n’a pas marché.',

  themesHeading: 'Thèmes',
  themesIntro:
    'Les mots et paires de mots qui reviennent le plus souvent dans les commentaires de cette période. Choisissez un thème pour lire les commentaires qui le mentionnent.',
  themesEmpty: 'Pas de thèmes pour cette période : il y a encore trop peu de commentaires.',
  themePairs: 'Paires de mots',
  themeWords: 'Mots',
  themeComments: 'commentaires',
  loadingThemes: 'Chargement des thèmes…',

  commentsHeading: 'Commentaires',
  commentsIntro:
    'Ce que les citoyens ont écrit, du plus récent au plus ancien. Les données personnelles ont été retirées avant l’enregistrement.',
  filterLegend: 'Filtrer les commentaires',
  allRatings: 'Toutes les notes',
  allOutcomes: 'Toutes les issues',
  textFilter: 'Contient le texte',
  applyFilter: 'Appliquer le filtre',
  clearFilter: 'Effacer le filtre',
  loadingComments: 'Chargement des commentaires…',
  commentsEmpty: 'Aucun commentaire pour cette période et ce filtre.',
  commentsShown: (count: string) =>
    `${count} commentaires affichés, du plus récent au plus ancien.`,
  commentsAll: 'Tous les commentaires sont affichés.',
  loadMore: 'Charger plus de commentaires',
  loadedMore: (count: string) => `${count} commentaires supplémentaires chargés.`,
  received: 'Reçu',
  step: 'Étape',

  ...triage,

  downloadsHeading: 'Téléchargements',
  downloadsIntro: (from: string, to: string) =>
    `Les réponses du ${from} au ${to} inclus, et le rapport annuel pour le comité de pilotage.`,
  steeringDownloadsIntro: (year: string) =>
    `Le rapport annuel ${year} de cette organisation, avec les chiffres de l’année précédente à côté.`,
  ownReportsIntro:
    'Le rapport annuel de votre organisation, avec l’année précédente à côté : prêt à remettre au comité de pilotage.',
  allReportsIntro:
    'Le rapport annuel de toutes les organisations ensemble, avec l’année précédente à côté.',
  exportCsv: 'Réponses en CSV (Excel)',
  exportXlsx: 'Réponses en XLSX',
  annualHtml: (year: string) => `Rapport annuel ${year} (HTML)`,
  annualCsv: (year: string) => `Rapport annuel ${year} (CSV)`,
  downloading: 'Préparation du fichier…',
  downloaded: (name: string) => `${name} a été téléchargé.`,
  downloadFailed: 'Le fichier n’a pas pu être téléchargé.',

  qrHeading: 'Code QR et affiche',
  qrIntro:
    'Qui scanne le code QR arrive sur une courte page d’avis de ce service, sans application. Affichez l’affiche au guichet ou dans la salle d’attente, ou mettez le code sur une lettre. Choisissez où vous utilisez le code : les chiffres montreront alors par quel canal l’avis est arrivé.',
  qrChannel: 'Où utilisez-vous le code ?',
  qrAlt: (address: string) => `Code QR vers ${address}`,
  qrAddress: 'Le code ouvre',
  qrLoading: 'Création du code QR…',
  qrShown: (channel: string) => `Code QR pour le canal ${channel}.`,
  qrFailed: 'Le code QR n’a pas pu être chargé.',
  posterDownload: 'Télécharger l’affiche (A4, HTML)',
  qrDownload: 'Télécharger le code QR (SVG)',
  posterHint: 'Ouvrez l’affiche dans votre navigateur et imprimez-la sur A4.',

  ...acting,

  ...overview,

  ...steering,

  ...webhooks,

  ...alerts,

  ...subscriptions,

  ...manage,

  ...signIn,
};
