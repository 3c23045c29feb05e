import { acting } from './acting/en.ts';
import { overview } from './overview/en.ts';
import { steering } from './steering/en.ts';
import { triage } from './triage/en.ts';
import { webhooks } from './webhooks/en.ts';
import { alerts } from './alerts/en.ts';
import { subscriptions } from './subscriptions/en.ts';
import { manage } from './manage/en.ts';
import { signIn } from './sign-in/en.ts';
import type { Messages } from './nl.ts';

type Five = Messages['ratings'];

export const en: Messages = {
  languageName: 'English',
  appName: 'Feedback dashboard',
  skipLink: 'Skip to content',
  language: 'Language',
  signOut: 'Sign out',
  signedInAsProvider: 'Signed in as service provider',
  signedInAsSteering: 'Signed in as steering committee',
  signedOut: 'You are signed out. The token was removed from this browser.',
  sessionExpired:
    'Your token is no longer accepted (it was revoked). Sign in again with a valid token.',
  errorPrefix: 'Error:',
  retry: 'Try again',

  signInHeading: 'Sign in',
  signInIntro:
    'Sign in with the token your administrator gave you. A service provider’s token shows the figures and comments of your services; the steering committee’s token shows the figures of every organisation.',
  tokenLabel: 'Token',
  tokenHint:
    'The token starts with vof_. It is kept in this browser tab only, and removed when you sign out or close the tab.',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  tokenMissing: 'Enter your token.',
  tokenWrong:
    'This token is not recognised. Check that you copied all of it (it starts with vof_), or ask your administrator for a new token.',

  networkError: 'The server cannot be reached. Check your internet connection and try again.',
  serverError:
    'Something went wrong on our side. Try again in a few minutes; if it still fails, tell your administrator.',
  forbidden:
    'This token gives no access to these figures. Sign in with a token of the organisation that owns this service.',
  notFound: 'This service does not exist (any more). Choose a service from the list.',
  tooLarge:
    'These are more responses than one Excel sheet holds. Download them as CSV, or choose a shorter period.',
  invalidRequest: 'The request was not understood. Check the period and try again.',

  providerServicesHeading: 'Your services',
  steeringServicesHeading: 'All services',
  steeringNotice:
    'You are signed in as the steering committee: you see the figures of every organisation, but no comments from citizens.',
  servicesIntro:
    'For each service, the figures from 1 January up to today, with the trend against the same period last year.',
  noServices:
    'This token does not give access to any service yet. Ask your administrator to register your service.',
  organisation: (name: string) => `Organisation: ${name}`,
  inactive: 'inactive',
  responsesThisYear: 'Responses this year',
  csat: 'Satisfaction',
  trend: 'Trend',
  trendChange: (points: string, previous: string) =>
    `${points} percentage points against the same period last year (${previous})`,
  trendSame: (previous: string) => `equal to the same period last year (${previous})`,
  trendNone: 'no comparison: no responses in the same period last year',
  trendUncertain: 'The difference is within the margin of error: the confidence intervals overlap.',
  arrowUp: 'up',
  arrowDown: 'down',
  arrowSame: 'unchanged',
  figuresUnavailable: 'Figures not available.',
  loadingFigures: 'Loading figures…',

  allServices: 'All services',
  periodLegend: 'Period',
  presets: {
    'last-30-days': 'Last 30 days',
    'this-year': 'This year',
    'last-year': 'Last year',
    custom: 'Choose dates',
  },
  from: 'From',
  to: 'Up to and including',
  showPeriod: 'Show this period',
  fromInvalid: 'Enter a complete start date: day, month and year.',
  toInvalid: 'Enter a complete end date: day, month and year.',
  periodOrder: 'Choose a start date on or before the end date.',
  periodShown: (from: string, to: string) => `Figures from ${from} up to and including ${to}.`,
  loading: 'Loading figures…',
  empty: 'No feedback yet for this period',
  emptyHint: 'Choose another period, or come back later.',

  keyFigures: 'Key figures',
  responses: 'Responses',
  mean: 'Mean score (1 to 5)',
  meanShort: 'Mean',
  csatLong: 'Satisfaction (satisfied or very satisfied)',
  interval: (low: string, high: string) => `95 % confidence interval ${low} to ${high}`,
  commentCount: 'Responses with a comment',
  impressions: 'Times shown',
  responseRate: 'Response rate',
  noImpressions: 'no impressions counted',

  ratingsHeading: 'Distribution of ratings',
  ratings: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'] as Five,
  rating: 'Rating',
  count: 'Count',
  share: 'Share',
  ratingsChart: (total: string) =>
    `Bar chart: number of responses per rating, ${total} in total. The figures are in the table beside it.`,

  monthlyHeading: 'Satisfaction per month',
  monthlyIntro:
    'The line shows satisfaction, the band its 95 % confidence interval: the narrower the band, the surer the figure. A month without responses has no point.',
  month: 'Month',
  intervalColumn: 'Interval (95 %)',
  monthlyChart: (first: string, last: string) =>
    `Line chart: satisfaction per month from ${first} to ${last}, with the confidence interval as a band. The figures are in the table below.`,

  outcomesHeading: 'By outcome',
  outcomesIntro: 'The end state the citizen had reached when giving feedback.',
  outcome: 'Outcome',
  outcomes: {
    completed: 'Completed',
    rejected: 'Rejected',
    error: 'Error',
    info: 'Information',
    unknown: 'Not given',
  },
  outcomesChart: (total: string) =>
    `Bar chart: number of responses per outcome, ${total} in total. The figures are in the table beside it.`,

  channelsHeading: 'Channels',
  channelsIntro:
    'Where the citizen gave feedback: on the website, or after contact by phone, at the counter, in the chat, by email or by letter.',
  channel: 'Channel',
  channels: {
    web: 'Website',
    phone: 'Phone',
    counter: 'Counter',
    chat: 'Chat',
    email: 'Email',
    letter: 'Letter',
  },
  channelsChart: (total: string) =>
    `Bar chart: number of responses per channel, ${total} in total. The figures are in the table beside it.`,

  reasonsHeading: 'What went wrong?',
  reasonsIntro: (low: string) =>
    `Those who gave a 1, 2 or 3 could say what went wrong, and choose more than one reason. The share is the part of those ${low} responses that chose the reason: together they can add up to more than 100 %.`,
  reason: 'Reason',
  reasonsChart: (low: string) =>
    `Bar chart: how often each reason was chosen in the ${low} responses with a 1, 2 or 3. The figures are in the table beside it.`,
  reasonsNone: 'Nobody chose a reason in this period.',
  reasonsNoLow:
    'Nobody gave a 1, 2 or 3 in this period. Only those who do can say what went wrong.',

  themesHeading: 'Themes',
  themesIntro:
    'The words and word pairs that come back most often in this period’s comments. Choose a theme to read the comments that mention it.',
  themesEmpty: 'No themes for this period: there are too few comments yet.',
  themePairs: 'Word pairs',
  themeWords: 'Words',
  themeComments: 'comments',
  loadingThemes: 'Loading themes…',

  commentsHeading: 'Comments',
  commentsIntro:
    'What citizens wrote, newest first. Personal data was removed before the comments were stored.',
  filterLegend: 'Filter the comments',
  allRatings: 'All ratings',
  allOutcomes: 'All outcomes',
  textFilter: 'Contains the text',
  applyFilter: 'Apply filter',
  clearFilter: 'Clear filter',
  loadingComments: 'Loading comments…',
  commentsEmpty: 'No comments for this period and this filter.',
  commentsShown: (count: string) => `${count} comments shown, newest first.`,
  commentsAll: 'All comments are shown.',
  loadMore: 'Load more comments',
  loadedMore: (count: string) => `${count} more comments loaded.`,
  received: 'Received',
  step: 'Step',

  ...triage,

  downloadsHeading: 'Downloads',
  downloadsIntro: (from: string, to: string) =>
    `The responses from ${from} up to and including ${to}, and the annual report for the steering committee.`,
  steeringDownloadsIntro: (year: string) =>
    `The ${year} annual report of this organisation, with the previous year’s figures beside it.`,
  ownReportsIntro:
    'Your organisation’s annual report, with the previous year beside it: ready to hand in to the steering committee.',
  allReportsIntro:
    'The annual report of all organisations together, with the previous year beside it.',
  exportCsv: 'Responses as CSV (Excel)',
  exportXlsx: 'Responses as XLSX',
  annualHtml: (year: string) => `Annual report ${year} (HTML)`,
  annualCsv: (year: string) => `Annual report ${year} (CSV)`,
  downloading: 'Preparing the file…',
  downloaded: (name: string) => `${name} was downloaded.`,
  downloadFailed: 'The file could not be downloaded.',

  qrHeading: 'QR code and poster',
  qrIntro:
    'Scanning the QR code opens a short feedback page of this service, without an app. Hang the poster at the counter or in the waiting room, or put the code on a letter. Choose where you use the code: the figures then show through which channel the feedback came.',
  qrChannel: 'Where do you use the code?',
  qrAlt: (address: string) => `QR code to ${address}`,
  qrAddress: 'The code opens',
  qrLoading: 'Making the QR code…',
  qrShown: (channel: string) => `QR code for the channel ${channel}.`,
  qrFailed: 'The QR code could not be loaded.',
  posterDownload: 'Download the poster (A4, HTML)',
  qrDownload: 'Download the QR code (SVG)',
  posterHint: 'Open the poster in your browser and print it on A4.',

  ...acting,

  ...overview,

  ...steering,

  ...webhooks,

  ...alerts,

  ...subscriptions,

  ...manage,

  ...signIn,
};
