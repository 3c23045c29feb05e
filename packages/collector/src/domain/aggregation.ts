import type { MonthFigures, RatingCounts, Summary } from '@vo-feedback/shared';
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
  for (const key of ['1', '2', '3', '4', '5'] as const) tally.ratings[key] += row.ratings[key];
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
  };
}
