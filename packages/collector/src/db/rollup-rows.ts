import type { MonthlyRollup } from '../domain/aggregation.ts';

/** A month's sums as both stores' SQL returns them (`sum(rating_n) as rn`). */
export interface MonthlyRow {
  month: string;
  outcome: string;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
  comments: number;
  widget: number;
}

export function monthlyRollupOf(row: MonthlyRow): MonthlyRollup {
  return {
    month: row.month,
    outcome: row.outcome,
    ratings: { '1': row.r1, '2': row.r2, '3': row.r3, '4': row.r4, '5': row.r5 },
    comments: row.comments,
    widgetResponses: row.widget,
  };
}
