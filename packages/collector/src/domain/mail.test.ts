import { describe, expect, it } from 'vitest';
import { completedPeriod, periodSoFar, previousDigestPeriod } from './mail.ts';

// What a digest's change compares with, worked out by hand on the calendar: a week with the same
// days one week earlier, a month with the whole month before, a month so far with the same days
// of the month before (up to its last day).

const weekly = (from: string, to: string, soFar = false) =>
  previousDigestPeriod({ frequency: 'weekly', period: { from, to }, soFar });
const monthly = (from: string, to: string, soFar = false) =>
  previousDigestPeriod({ frequency: 'monthly', period: { from, to }, soFar });

describe('the period a digest compares with', () => {
  it('is the week before for a week, and Monday–Wednesday before for Monday–Wednesday so far', () => {
    expect(weekly('2026-06-01', '2026-06-07')).toEqual({ from: '2026-05-25', to: '2026-05-31' });
    expect(weekly('2026-06-01', '2026-06-03', true)).toEqual({
      from: '2026-05-25',
      to: '2026-05-27',
    });
    // Monday alone; and across a new year.
    expect(weekly('2026-06-01', '2026-06-01', true)).toEqual({
      from: '2026-05-25',
      to: '2026-05-25',
    });
    expect(weekly('2026-01-05', '2026-01-11')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
  });

  it('is the whole month before for a month, whatever the two months’ lengths', () => {
    expect(monthly('2026-06-01', '2026-06-30')).toEqual({ from: '2026-05-01', to: '2026-05-31' });
    expect(monthly('2026-03-01', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    // February is shorter than January: still all of January.
    expect(monthly('2024-02-01', '2024-02-29')).toEqual({ from: '2024-01-01', to: '2024-01-31' });
    expect(monthly('2026-01-01', '2026-01-31')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('is the same days of the month before for a month so far, up to that month’s last day', () => {
    expect(monthly('2026-06-01', '2026-06-17', true)).toEqual({
      from: '2026-05-01',
      to: '2026-05-17',
    });
    expect(monthly('2026-01-01', '2026-01-10', true)).toEqual({
      from: '2025-12-01',
      to: '2025-12-10',
    });
    expect(monthly('2026-03-01', '2026-03-30', true)).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(monthly('2024-03-01', '2024-03-31', true)).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    // The 31st of a month whose predecessor has 30 days.
    expect(monthly('2026-07-01', '2026-07-31', true)).toEqual({
      from: '2026-06-01',
      to: '2026-06-30',
    });
  });

  it('follows from the periods the schedule and `--now` send', () => {
    // Monday 8 June 2026: the week of 1–7 June; on Wednesday 3 June, 1–3 June so far.
    expect(completedPeriod('weekly', '2026-06-08')).toEqual({
      from: '2026-06-01',
      to: '2026-06-07',
    });
    expect(periodSoFar('weekly', '2026-06-03')).toEqual({ from: '2026-06-01', to: '2026-06-03' });
    expect(completedPeriod('monthly', '2026-03-01')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(periodSoFar('monthly', '2026-03-31')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });
});
