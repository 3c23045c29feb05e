import { describe, expect, it } from 'vitest';
import { brusselsDayStart, nextDay, periodInstants, reportYear, resolvePeriod } from './period.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe('Brussels periods', () => {
  it('begins a day at local midnight, in winter and in summer time', () => {
    expect(iso(brusselsDayStart('2026-01-01'))).toBe('2025-12-31T23:00:00.000Z');
    expect(iso(brusselsDayStart('2026-07-01'))).toBe('2026-06-30T22:00:00.000Z');
    // The days the clocks change: midnight is still on the old time.
    expect(iso(brusselsDayStart('2026-03-29'))).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(brusselsDayStart('2026-03-30'))).toBe('2026-03-29T22:00:00.000Z');
    expect(iso(brusselsDayStart('2026-10-25'))).toBe('2026-10-24T22:00:00.000Z');
    expect(iso(brusselsDayStart('2026-10-26'))).toBe('2026-10-25T23:00:00.000Z');
  });

  it('turns a period of days into instants, end exclusive', () => {
    const { start, end } = periodInstants({ from: '2026-01-01', to: '2026-12-31' });
    expect(iso(start)).toBe('2025-12-31T23:00:00.000Z');
    expect(iso(end)).toBe('2026-12-31T23:00:00.000Z');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  it('defaults a period to this Brussels year up to today', () => {
    const now = Date.parse('2025-12-31T23:30:00Z');
    expect(resolvePeriod({}, now)).toEqual({ from: '2026-01-01', to: '2026-01-01' });
    expect(resolvePeriod({ to: '2025-06-30' }, now)).toEqual({
      from: '2025-01-01',
      to: '2025-06-30',
    });
    expect(resolvePeriod({ from: '2026-02-01', to: '2026-01-01' }, now)).toBeUndefined();
  });

  it('compares a running year with the same span of the year before', () => {
    const now = Date.parse('2028-02-29T12:00:00Z');
    expect(reportYear(2028, now)).toEqual({
      period: { from: '2028-01-01', to: '2028-02-29' },
      previousPeriod: { from: '2027-01-01', to: '2027-02-28' },
    });
    expect(reportYear(2027, now)).toEqual({
      period: { from: '2027-01-01', to: '2027-12-31' },
      previousPeriod: { from: '2026-01-01', to: '2026-12-31' },
    });
    expect(reportYear(2029, now)).toBeUndefined();
  });
});
