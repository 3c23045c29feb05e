// The English strings of the steering committee's overview: themes with their share of low
// ratings and their change, "few responses" beside uncertain figures, the figures per language and
// per step, and searching and sorting the service list.
import type { OverviewMessages } from './nl.ts';

export const overview: OverviewMessages = {
  fewAnswers: 'few responses',
  fewAnswersIntro: (minimum: string) =>
    `Under ${minimum} responses, “few responses” stands beside a share or a satisfaction: the figure may still change a lot.`,

  themesCompared: (from: string, to: string, comments: string) =>
    `Per theme: how many comments mention it, which share of them gave a 1 or 2, and the difference with the period of the same length before (${from} to ${to}, ${comments} comments).`,
  themeSortLabel: 'Sort themes by',
  themeSorts: {
    count: 'Most comments',
    lowShare: 'Highest share of low ratings (1 or 2)',
    change: 'Strongest rise against the previous period',
  },
  themesSorted: (sort: string) => `Themes sorted by: ${sort}.`,
  themeLowShare: (share: string) => `${share} rated low`,
  themeChange: (change: string) => `${change} against the previous period`,
  themeNew: 'new against the previous period',
  themeNoComparison: '— no comparison: the previous period has no comments',
  themeForms: (forms: string) => `Counted together: ${forms}`,

  languagesHeading: 'By language',
  languagesIntro: 'The language the citizen gave their feedback in.',
  languageNames: {
    nl: 'Dutch',
    fr: 'French',
    en: 'English',
    de: 'German',
  },
  languagesChart: (total: string) =>
    `Bar chart: number of responses per language, ${total} in total. The figures are in the table beside it.`,
  stepsHeading: 'By step',
  stepsIntro:
    'The step of the application at which the citizen gave their feedback, in the order of the application. “Not completed” is the share of the responses with an outcome that was rejected or ran into an error: where people get stuck.',
  stepsChart: (total: string) =>
    `Bar chart: number of responses per step, ${total} in total. The figures are in the table beside it.`,
  stepsNone:
    'No steps: the pages with the feedback button did not say, in this period, which step of the application they belong to.',
  notCompleted: 'Not completed',

  serviceSearch: 'Search a service or organisation',
  serviceSearchHint: 'Type part of the name; the list adapts as you type.',
  servicesShown: (n: number, count: string) =>
    n === 1 ? '1 service shown.' : `${count} services shown.`,
  servicesNoneFound:
    'No service or organisation with that name. Clear the search or type another part of the name.',
  serviceSortLabel: 'Sort by',
  serviceSorts: {
    name: 'Name, by organisation',
    responses: 'Most responses this year',
    csat: 'Lowest satisfaction first',
    trend: 'Strongest fall first',
  },
  servicesSorted: (sort: string) => `Sorted by: ${sort}.`,
  trendPrevious: (csat: string, interval: string, n: string) => `${csat}, ${interval}, n = ${n}`,
};
