// The English strings of alerts.
import type { AlertsMessages, AlertWindowText } from './nl.ts';

export const alerts: AlertsMessages = {
  alertHeading: 'Alert: a marked change this week',
  alertSatisfaction: (recent: AlertWindowText, previous: AlertWindowText) =>
    `Satisfaction has clearly dropped: ${recent.share} satisfied (4 or 5) from ${recent.from} to ${recent.to} (95 % interval ${recent.low} to ${recent.high}, ${recent.n} responses), against ${previous.share} in the 8 weeks before, from ${previous.from} to ${previous.to} (${previous.low} to ${previous.high}, ${previous.n} responses).`,
  alertTheme: (theme: string, recent: AlertWindowText, previous: AlertWindowText) =>
    `The theme “${theme}” comes back clearly more often: in ${recent.share} of the comments from ${recent.from} to ${recent.to} (95 % interval ${recent.low} to ${recent.high}, ${recent.n} comments), against ${previous.share} in the 8 weeks before, from ${previous.from} to ${previous.to} (${previous.low} to ${previous.high}, ${previous.n} comments).`,
  alertThemeUnnamed: (recent: AlertWindowText, previous: AlertWindowText) =>
    `A theme comes back clearly more often in the comments: in ${recent.share} of them from ${recent.from} to ${recent.to} (95 % interval ${recent.low} to ${recent.high}, ${recent.n} comments), against ${previous.share} in the 8 weeks before, from ${previous.from} to ${previous.to} (${previous.low} to ${previous.high}, ${previous.n} comments). Only the service provider sees which theme: these are citizens’ words.`,
  alertRaisedOn: (day: string) => `Raised on ${day}.`,
  alertWhy:
    'The confidence intervals of the two periods do not overlap: the difference is not the chance of a few responses.',
  alertReadComments: 'Read this week’s comments to see what is going on.',
  alertsLoadFailed: 'The alerts of this service could not be loaded.',

  overviewAlertFilter: 'alert in the last 7 days',
  overviewAlertSatisfaction: (day: string) => `alert: satisfaction dropped (${day})`,
  overviewAlertTheme: (theme: string, day: string) => `alert: theme “${theme}” rose (${day})`,
  overviewAlertThemeUnnamed: (day: string) => `alert: a theme rose (${day})`,
  overviewAlertMeaningTerm: 'alert',
  overviewAlertMeaning:
    'in the last 7 days satisfaction dropped, or a theme rose, so much that the 95 % interval of that week does not overlap with that of the 8 weeks before.',
};
