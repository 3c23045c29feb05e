import type { DailyRollup, MonthlyRollup } from '../domain/aggregation.ts';

// Rollup rows as both stores' SQL returns them (`rating_n as rn`), and their domain shape.

interface Counts {
  outcome: string;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
  comments: number;
}

export interface DailyRow extends Counts {
  day: string;
}

export interface MonthlyRow extends Counts {
  month: string;
}

function countsOf(row: Counts) {
  return {
    outcome: row.outcome,
    ratings: { '1': row.r1, '2': row.r2, '3': row.r3, '4': row.r4, '5': row.r5 },
    comments: row.comments,
  };
}

export function dailyRollupOf(row: DailyRow): DailyRollup {
  return { day: row.day, ...countsOf(row) };
}

export function monthlyRollupOf(row: MonthlyRow): MonthlyRollup {
  return { month: row.month, ...countsOf(row) };
}
