import type { Dataset } from './dataset.ts';

// The oracle of the known-answer tests: the figures the collector must report for a generated
// dataset (test-support/dataset.ts), computed from its truth with plain arithmetic and none of the
// collector's code.

const Z = 1.959963984540054;

/** Wilson score interval, written out from Wilson (1927) independently of the collector's. */
export function oracleWilson(successes: number, n: number): [number, number] | null {
  if (n === 0) return null;
  const p = successes / n;
  const a = p + (Z * Z) / (2 * n);
  const b = Z * Math.sqrt((p * (1 - p) + (Z * Z) / (4 * n)) / n);
  const c = 1 + (Z * Z) / n;
  return [Math.max(0, (a - b) / c), Math.min(1, (a + b) / c)];
}

export interface OracleFigures {
  responses: number;
  ratings: Record<'1' | '2' | '3' | '4' | '5', number>;
  mean: number | null;
  csat: number | null;
  csatInterval: [number, number] | null;
  comments: number;
  impressions: number;
  responseRate: number | null;
}

/** Figures of the submissions of these services whose Brussels day lies in [from, to]. */
export function oracleFigures(
  dataset: Dataset,
  serviceIds: readonly string[],
  from: string,
  to: string,
): OracleFigures {
  const chosen = dataset.truths.filter(
    (t) => serviceIds.includes(t.serviceId) && t.day >= from && t.day <= to,
  );
  const ratings = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let sum = 0;
  for (const truth of chosen) {
    ratings[String(truth.rating) as keyof typeof ratings] += 1;
    sum += truth.rating;
  }
  const n = chosen.length;
  const satisfied = ratings['4'] + ratings['5'];
  const impressions = dataset.impressions.filter(
    (i) => serviceIds.includes(i.serviceId) && i.day >= from && i.day <= to,
  ).length;
  return {
    responses: n,
    ratings,
    mean: n ? sum / n : null,
    csat: n ? satisfied / n : null,
    csatInterval: oracleWilson(satisfied, n),
    comments: chosen.filter((t) => t.comment).length,
    impressions,
    responseRate: impressions ? n / impressions : null,
  };
}

/** The last day of a month `YYYY-MM`. */
export function monthEnd(month: string): string {
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  return last.toISOString().slice(0, 10);
}
