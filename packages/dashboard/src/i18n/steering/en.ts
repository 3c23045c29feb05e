// The English strings of the overview of services side by side ("Overzicht", vo-overview) and of
// the dashboard's navigation.
import type { SteeringMessages } from './nl.ts';

export const steering: SteeringMessages = {
  navigation: 'Main menu',
  navServices: 'Services',
  navOverview: 'Overview',

  overviewHeading: 'Overview of the services',
  overviewIntroSteering:
    'Every active service of every organisation side by side, in one table. The points of attention are decided with the confidence intervals, not with the figures alone: “below target” means that even the interval’s upper bound is under the target.',
  overviewIntroProvider:
    'Your organisation’s active services side by side, as the steering committee sees them. The points of attention are decided with the confidence intervals, not with the figures alone.',
  overviewYear: 'Year',
  overviewThisYear: (year: string) => `This year (${year})`,
  overviewLastYear: (year: string) => `Last year (${year})`,
  overviewLoading: 'Loading the overview…',
  overviewPeriod: (from: string, to: string) => `Figures from ${from} up to and including ${to}.`,
  overviewCaption: (year: string) => `Services in ${year}`,
  overviewColumns: {
    organisation: 'Organisation',
    service: 'Service',
    responses: 'Responses',
    csat: 'Satisfaction',
    previousCsat: 'Last year',
    responseRate: 'Response rate',
    shareNotCompleted: 'Not completed',
    topReason: 'Reason chosen most',
    target: 'Target',
    reportStatus: 'Annual report',
    flags: 'Points of attention',
  },
  overviewWithInterval: 'with 95 % interval',
  overviewDirections: { ascending: 'ascending', descending: 'descending' },
  overviewSorted: (column: string, direction: string) => `Sorted by ${column}, ${direction}.`,
  overviewSortHint:
    'Choose a column title with an arrow to sort by that column; choosing it again reverses the order. Services without a figure always stay at the bottom.',
  overviewSearch: 'Find a service or organisation',
  overviewSearchHint: 'Type part of the name; the table adapts as you type.',
  overviewShown: (n: number, count: string) =>
    n === 1 ? '1 service shown.' : `${count} services shown.`,
  overviewFlagFilter: 'Point of attention',
  overviewAllFlags: 'All services',
  overviewFlags: {
    'below-target': 'below target',
    falling: 'falling',
    'few-responses': 'few responses',
    silent: 'silent',
  },
  overviewFlagMeanings: {
    'below-target': 'even the upper bound of the 95 % confidence interval is under the target.',
    falling: 'this year’s interval lies entirely under last year’s.',
    'few-responses': (minimum: string) =>
      `fewer than ${minimum} responses: the shares may still change a lot.`,
    silent: 'the feedback button was not shown anywhere in the last 30 days.',
  },
  overviewFlagsHeading: 'What the points of attention mean',
  overviewNoFlags: 'none',
  overviewKindFilter: 'Kind of government',
  overviewAllKinds: 'All governments',
  overviewKinds: {
    flemish: 'Flemish government',
    local: 'Local government',
  },
  overviewGroup: 'Group by policy domain',
  overviewNoDomain: 'No policy domain',
  overviewGroupTotals: (services: number, count: string, responses: string) =>
    `${services === 1 ? '1 service' : `${count} services`}, ${responses} responses`,
  overviewGroupCsat: (csat: string, interval: string) => `satisfaction ${csat} (${interval})`,
  overviewNoTarget: 'no target',
  overviewNoReason: 'none',
  overviewNone: 'There are no active services to show for this year.',
  overviewNoneFound:
    'No service matches the search and the filters. Clear the search or choose “All” in the filters.',
  overviewCsv: 'Download CSV',
  overviewCsvHint: (year: string) =>
    `Every row of ${year} as a CSV file for Excel, whatever the search, the filters and the order above.`,
};
