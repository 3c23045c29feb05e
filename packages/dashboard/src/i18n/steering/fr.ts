// The French strings of the overview of services side by side ("Overzicht", vo-overview) and of the
// dashboard's navigation.
import type { SteeringMessages } from './nl.ts';

export const steering: SteeringMessages = {
  navigation: 'Menu principal',
  navServices: 'Services',
  navOverview: 'Vue d’ensemble',

  overviewHeading: 'Vue d’ensemble des services',
  overviewIntroSteering:
    'Tous les services actifs de toutes les organisations côte à côte, dans un seul tableau. Les points d’attention sont décidés avec les intervalles de confiance, pas avec les chiffres seuls : « sous l’objectif » signifie que même la borne supérieure de l’intervalle est sous l’objectif.',
  overviewIntroProvider:
    'Les services actifs de votre organisation côte à côte, tels que le comité de pilotage les voit. Les points d’attention sont décidés avec les intervalles de confiance, pas avec les chiffres seuls.',
  overviewYear: 'Année',
  overviewThisYear: (year: string) => `Cette année (${year})`,
  overviewLastYear: (year: string) => `L’année dernière (${year})`,
  overviewLoading: 'Chargement de la vue d’ensemble…',
  overviewPeriod: (from: string, to: string) => `Chiffres du ${from} au ${to} inclus.`,
  overviewCaption: (year: string) => `Services en ${year}`,
  overviewColumns: {
    organisation: 'Organisation',
    service: 'Service',
    responses: 'Réponses',
    csat: 'Satisfaction',
    previousCsat: 'Année dernière',
    responseRate: 'Taux de réponse',
    shareNotCompleted: 'Non abouti',
    topReason: 'Raison la plus choisie',
    target: 'Objectif',
    reportStatus: 'Rapport annuel',
    flags: 'Points d’attention',
  },
  overviewWithInterval: 'avec intervalle à 95 %',
  overviewDirections: { ascending: 'croissant', descending: 'décroissant' },
  overviewSorted: (column: string, direction: string) => `Trié par ${column}, ordre ${direction}.`,
  overviewSortHint:
    'Choisissez un titre de colonne avec une flèche pour trier sur cette colonne ; le choisir à nouveau inverse l’ordre. Les services sans chiffre restent toujours en bas.',
  overviewSearch: 'Chercher un service ou une organisation',
  overviewSearchHint: 'Tapez une partie du nom ; le tableau s’adapte pendant la saisie.',
  overviewShown: (n: number, count: string) =>
    n === 1 ? '1 service affiché.' : `${count} services affichés.`,
  overviewFlagFilter: 'Point d’attention',
  overviewAllFlags: 'Tous les services',
  overviewFlags: {
    'below-target': 'sous l’objectif',
    falling: 'en baisse',
    'few-responses': 'peu de réponses',
    silent: 'silencieux',
  },
  overviewFlagMeanings: {
    'below-target':
      'même la borne supérieure de l’intervalle de confiance à 95 % est sous l’objectif.',
    falling: 'l’intervalle de cette année est entièrement sous celui de l’année dernière.',
    'few-responses': (minimum: string) =>
      `moins de ${minimum} réponses : les parts peuvent encore beaucoup changer.`,
    silent: 'le bouton de feedback n’a été affiché nulle part ces 30 derniers jours.',
  },
  overviewFlagsHeading: 'Ce que signifient les points d’attention',
  overviewNoFlags: 'aucun',
  overviewKindFilter: 'Type d’administration',
  overviewAllKinds: 'Toutes les administrations',
  overviewKinds: {
    flemish: 'Autorité flamande',
    local: 'Pouvoir local',
  },
  overviewGroup: 'Grouper par domaine politique',
  overviewNoDomain: 'Sans domaine politique',
  overviewGroupTotals: (services: number, count: string, responses: string) =>
    `${services === 1 ? '1 service' : `${count} services`}, ${responses} réponses`,
  overviewGroupCsat: (csat: string, interval: string) => `satisfaction ${csat} (${interval})`,
  overviewNoTarget: 'pas d’objectif',
  overviewNoReason: 'aucune',
  overviewNone: 'Il n’y a pas de service actif à afficher pour cette année.',
  overviewNoneFound:
    'Aucun service ne correspond à la recherche et aux filtres. Effacez la recherche ou choisissez « Tous » dans les filtres.',
  overviewCsv: 'Télécharger le CSV',
  overviewCsvHint: (year: string) =>
    `Toutes les lignes de ${year} en fichier CSV pour Excel, quels que soient la recherche, les filtres et l’ordre ci-dessus.`,
};
