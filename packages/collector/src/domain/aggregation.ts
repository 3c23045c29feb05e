import {
  CHANNELS,
  LANGUAGES,
  type Channel,
  type ChannelFigures,
  type Language,
  type LanguageFigures,
  type MonthFigures,
  type RatingCounts,
  type ReasonFigures,
  type StepFigures,
  type Summary,
} from '@vo-feedback/shared';
import { emptyRatingCounts, figuresFrom } from './statistics.ts';
import { monthsBetween } from './time.ts';

/**
 * The daily rollup's counts summed over a month (`YYYY-MM`) within a period: what every report
 * needs, since reports group by month and outcome. The database sums the days, so a year is at
 * most twelve rows per outcome, whatever the number of submissions.
 */
export interface MonthlyRollup {
  month: string;
  /** '' when the host page gave no outcome. */
  outcome: string;
  ratings: RatingCounts;
  comments: number;
  /** Of the responses, those the widget sent: the only ones its impressions can be set against. */
  widgetResponses: number;
}

/** The ratings of one channel over a period, summed by the database from its daily rollup. */
export interface ChannelRollup {
  channel: string;
  ratings: RatingCounts;
}

/** The ratings in one language over a period, summed by the database from its daily rollup. */
export interface LanguageRollup {
  lang: string;
  ratings: RatingCounts;
}

/**
 * The ratings at one step of the journey over a period, and of them those with an outcome and
 * those not completed (rejected, error). The store gives the steps in journey order.
 */
export interface StepRollup {
  step: string;
  ratings: RatingCounts;
  withOutcome: number;
  notCompleted: number;
}

/** How often a reason was ticked over a period. */
export interface ReasonCount {
  reason: string;
  count: number;
}

/** `byChannel`: the channels with responses, in the order of CHANNELS. */
export function channelFigures(rollups: readonly ChannelRollup[]): ChannelFigures[] {
  const order = (channel: string) => CHANNELS.indexOf(channel as Channel);
  return rollups
    .filter((row) => Object.values(row.ratings).some((n) => n > 0))
    .sort((a, b) => order(a.channel) - order(b.channel))
    .map((row) => {
      const { responses, csat, csatInterval } = figuresFrom(row.ratings, 0);
      return { channel: row.channel as Channel, responses, csat, csatInterval };
    });
}

/** `byLanguage`: the languages with responses, in the order of LANGUAGES. */
export function languageFigures(rollups: readonly LanguageRollup[]): LanguageFigures[] {
  const order = (lang: string) => LANGUAGES.indexOf(lang as Language);
  return rollups
    .filter((row) => Object.values(row.ratings).some((n) => n > 0))
    .sort((a, b) => order(a.lang) - order(b.lang))
    .map((row) => {
      const { responses, csat, csatInterval } = figuresFrom(row.ratings, 0);
      return { lang: row.lang as Language, responses, csat, csatInterval };
    });
}

/**
 * `byStep`: the steps with responses, in the order the store gives (journey order), each with the
 * share not completed of those whose outcome is known.
 */
export function stepFigures(rollups: readonly StepRollup[]): StepFigures[] {
  return rollups
    .filter((row) => Object.values(row.ratings).some((n) => n > 0))
    .map((row) => {
      const { responses, csat, csatInterval } = figuresFrom(row.ratings, 0);
      return {
        step: row.step,
        responses,
        csat,
        csatInterval,
        withOutcome: row.withOutcome,
        shareNotCompleted: row.withOutcome === 0 ? null : row.notCompleted / row.withOutcome,
      };
    });
}

/**
 * `byReason`: the reasons ticked, most frequent first (then by code), each with its share of the
 * responses rated 1–3 — the only ones that carry reasons. A response may tick several, so the
 * shares may add up to more than 1.
 */
export function reasonFigures(
  counts: readonly ReasonCount[],
  ratings: RatingCounts,
): ReasonFigures[] {
  const low = ratings['1'] + ratings['2'] + ratings['3'];
  return counts
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .map((row) => ({
      reason: row.reason,
      count: row.count,
      share: low === 0 ? null : row.count / low,
    }));
}

export interface MonthlyImpressions {
  month: string;
  count: number;
}

interface Tally {
  ratings: RatingCounts;
  comments: number;
  widgetResponses: number;
}

function newTally(): Tally {
  return { ratings: emptyRatingCounts(), comments: 0, widgetResponses: 0 };
}

function add(tally: Tally, row: MonthlyRollup): void {
  // Written out: the annual report adds every rollup row at each of its levels.
  const ratings = tally.ratings;
  ratings['1'] += row.ratings['1'];
  ratings['2'] += row.ratings['2'];
  ratings['3'] += row.ratings['3'];
  ratings['4'] += row.ratings['4'];
  ratings['5'] += row.ratings['5'];
  tally.comments += row.comments;
  tally.widgetResponses += row.widgetResponses;
}

/**
 * The widget's answers per time it was shown. Answers from the no-JavaScript form or another
 * channel follow no impression and are not counted. Never above 1: an answer whose impression was
 * lost (a blocked beacon, a page cached across midnight) must not make the rate exceed 100 %.
 */
export function responseRate(widgetResponses: number, impressions: number): number | null {
  return impressions === 0 ? null : Math.min(1, widgetResponses / impressions);
}

/**
 * The summary of one service over a period, computed from its monthly rollups: the cost grows
 * with the length of the period, not with the number of submissions.
 */
export function summarise(
  serviceId: string,
  period: { from: string; to: string },
  rollups: readonly MonthlyRollup[],
  impressions: readonly MonthlyImpressions[],
  channels: readonly ChannelRollup[] = [],
  reasons: readonly ReasonCount[] = [],
  languages: readonly LanguageRollup[] = [],
  steps: readonly StepRollup[] = [],
): Summary {
  const total = newTally();
  const months = new Map<string, Tally & { impressions: number }>();
  for (const month of monthsBetween(period.from, period.to)) {
    months.set(month, { ...newTally(), impressions: 0 });
  }
  const outcomes = new Map<string, Tally>();

  for (const row of rollups) {
    add(total, row);
    const month = months.get(row.month);
    if (month) add(month, row);
    const outcome = row.outcome === '' ? 'unknown' : row.outcome;
    let tally = outcomes.get(outcome);
    if (!tally) outcomes.set(outcome, (tally = newTally()));
    add(tally, row);
  }
  let impressionCount = 0;
  for (const row of impressions) {
    impressionCount += row.count;
    const month = months.get(row.month);
    if (month) month.impressions += row.count;
  }

  const figures = figuresFrom(total.ratings, total.comments);
  const byMonth: MonthFigures[] = [...months].map(([month, tally]) => {
    const monthFigures = figuresFrom(tally.ratings, tally.comments);
    return {
      month,
      ...monthFigures,
      impressions: tally.impressions,
      responseRate: responseRate(tally.widgetResponses, tally.impressions),
    };
  });
  const byOutcome: Summary['byOutcome'] = {};
  for (const [outcome, tally] of [...outcomes].sort(([a], [b]) => a.localeCompare(b))) {
    // An update that moved a submission to another outcome leaves an all-zero rollup row behind.
    if (Object.values(tally.ratings).every((n) => n === 0)) continue;
    byOutcome[outcome as keyof Summary['byOutcome']] = figuresFrom(tally.ratings, tally.comments);
  }
  return {
    serviceId,
    from: period.from,
    to: period.to,
    ...figures,
    impressions: impressionCount,
    responseRate: responseRate(total.widgetResponses, impressionCount),
    byMonth,
    byOutcome,
    byChannel: channelFigures(channels),
    byReason: reasonFigures(reasons, total.ratings),
    byLanguage: languageFigures(languages),
    byStep: stepFigures(steps),
  };
}
