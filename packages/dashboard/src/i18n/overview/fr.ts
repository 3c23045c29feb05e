// The French strings of the steering committee's overview: themes with their share of low ratings
// and their change, "peu de réponses" beside uncertain figures, the figures per language and per
// step, and searching and sorting the service list.
import type { OverviewMessages } from './nl.ts';

export const overview: OverviewMessages = {
  fewAnswers: 'peu de réponses',
  fewAnswersIntro: (minimum: string) =>
    `Sous ${minimum} réponses, « peu de réponses » figure à côté d’une part ou d’une satisfaction : le chiffre peut encore beaucoup changer.`,

  themesCompared: (from: string, to: string, comments: string) =>
    `Pour chaque thème : combien de commentaires le mentionnent, quelle part d’entre eux a donné 1 ou 2, et la différence avec la période de même durée qui précède (du ${from} au ${to}, ${comments} commentaires).`,
  themeSortLabel: 'Trier les thèmes par',
  themeSorts: {
    count: 'Le plus de commentaires',
    lowShare: 'La plus grande part de notes basses (1 ou 2)',
    change: 'La plus forte hausse par rapport à la période précédente',
  },
  themesSorted: (sort: string) => `Thèmes triés par : ${sort}.`,
  themeLowShare: (share: string) => `${share} de notes basses`,
  themeChange: (change: string) => `${change} par rapport à la période précédente`,
  themeNew: 'nouveau par rapport à la période précédente',
  themeNoComparison: '— pas de comparaison : la période précédente n’a pas de commentaires',
  themeForms: (forms: string) => `Regroupe : ${forms}`,

  languagesHeading: 'Par langue',
  languagesIntro: 'La langue dans laquelle le citoyen a donné son avis.',
  languageNames: {
    nl: 'Néerlandais',
    fr: 'Français',
    en: 'Anglais',
    de: 'Allemand',
  },
  languagesChart: (total: string) =>
    `Diagramme en barres : nombre de réponses par langue, ${total} au total. Les chiffres figurent dans le tableau à côté.`,
  stepsHeading: 'Par étape',
  stepsIntro:
    'L’étape de la démarche à laquelle le citoyen a donné son avis, dans l’ordre de la démarche. « Non abouti » est la part des réponses avec un résultat qui a été refusée ou a rencontré une erreur : là où les gens restent bloqués.',
  stepsChart: (total: string) =>
    `Diagramme en barres : nombre de réponses par étape, ${total} au total. Les chiffres figurent dans le tableau à côté.`,
  stepsNone:
    'Pas d’étapes : les pages portant le bouton d’avis n’ont pas indiqué, pendant cette période, à quelle étape de la démarche elles appartiennent.',
  notCompleted: 'Non abouti',

  serviceSearch: 'Chercher un service ou une organisation',
  serviceSearchHint: 'Tapez une partie du nom ; la liste s’adapte pendant la saisie.',
  servicesShown: (n: number, count: string) =>
    n === 1 ? '1 service affiché.' : `${count} services affichés.`,
  servicesNoneFound:
    'Aucun service ni aucune organisation de ce nom. Effacez la recherche ou tapez une autre partie du nom.',
  serviceSortLabel: 'Trier par',
  serviceSorts: {
    name: 'Nom, par organisation',
    responses: 'Le plus de réponses cette année',
    csat: 'Satisfaction la plus basse d’abord',
    trend: 'Plus forte baisse d’abord',
  },
  servicesSorted: (sort: string) => `Trié par : ${sort}.`,
  trendPrevious: (csat: string, interval: string, n: string) => `${csat}, ${interval}, n = ${n}`,
};
