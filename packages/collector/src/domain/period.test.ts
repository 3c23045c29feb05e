import { describe, expect, it } from 'vitest';
import {
  brusselsDayStart,
  nextDay,
  periodInstants,
  reportYear,
  requirePeriod,
  requireReportYear,
  requireYear,
  resolvePeriod,
  resolveYear,
} from './period.ts';
import { ProblemError } from './problems.ts';

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
    expect(resolvePeriod({}, now)).toEqual({
      ok: true,
      value: { from: '2026-01-01', to: '2026-01-01' },
    });
    expect(resolvePeriod({ to: '2025-06-30' }, now)).toEqual({
      ok: true,
      value: { from: '2025-01-01', to: '2025-06-30' },
    });
    expect(resolvePeriod({ from: '2026-02-01', to: '2026-01-01' }, now)).toEqual({
      ok: false,
      errors: [{ path: 'from', message: 'Give a from date on or before the to date.' }],
    });
  });

  it('accepts years 2000 to 2100 and at most 3,660 days, both ends included', () => {
    const now = Date.parse('2026-06-15T12:00:00Z');
    const refused = (query: { from?: string; to?: string }) => {
      const resolved = resolvePeriod(query, now);
      return resolved.ok ? [] : resolved.errors.map((error) => error.path);
    };
    // 2016-01-01 + 3,659 days = 2026-01-07: 3,660 days with both ends.
    expect(resolvePeriod({ from: '2016-01-01', to: '2026-01-07' }, now)).toEqual({
      ok: true,
      value: { from: '2016-01-01', to: '2026-01-07' },
    });
    expect(refused({ from: '2016-01-01', to: '2026-01-08' })).toEqual(['from']);
    expect(refused({ from: '2000-01-01', to: '2009-12-31' })).toEqual([]);
    expect(refused({ from: '2091-01-01', to: '2100-12-31' })).toEqual([]);
    expect(refused({ from: '2000-01-01', to: '9999-12-31' })).toEqual(['to']);
    expect(refused({ from: '1999-12-31', to: '2000-01-01' })).toEqual(['from']);
    expect(refused({ to: '2101-01-01' })).toEqual(['to']);
    // Without `to` the period runs to today: `from` alone cannot reach back further.
    expect(refused({ from: '2016-06-07' })).toEqual(['from']);
    expect(refused({ from: '2016-06-08' })).toEqual([]);
    const cli = resolvePeriod({ from: '2000-01-01', to: '2026-01-01' }, now, {
      from: '--from',
      to: '--to',
    });
    expect(cli.ok ? [] : cli.errors[0]!.message).toBe(
      '2000-01-01 to 2026-01-01 spans 9,498 days; give --from and --to at most 3,660 days apart, both included.',
    );
  });

  it('defaults a year to this Brussels year and accepts 2000 to 2100', () => {
    const now = Date.parse('2025-12-31T23:30:00Z');
    expect(resolveYear(undefined, now)).toEqual({ ok: true, value: 2026 });
    expect(resolveYear(2000, now)).toEqual({ ok: true, value: 2000 });
    expect(resolveYear(2100, now)).toEqual({ ok: true, value: 2100 });
    for (const year of [1999, 2101, 9999]) {
      expect(resolveYear(year, now, 'jaar')).toEqual({
        ok: false,
        errors: [{ path: 'jaar', message: 'Give a year from 2000 to 2100.' }],
      });
    }
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

describe('a period or year beyond the limits is thrown as a problem', () => {
  const now = Date.parse('2026-06-15T12:00:00Z');
  const thrown = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it('returns the period or year as asked, with the same defaults', () => {
    expect(requirePeriod({}, now)).toEqual({ from: '2026-01-01', to: '2026-06-15' });
    expect(requireYear(undefined, now)).toBe(2026);
    expect(requireReportYear(2025, now).period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('throws 400 invalid-period with each field, under the names the caller uses', () => {
    const period = thrown(() =>
      requirePeriod({ from: '2000-01-01', to: '9999-12-31' }, now, { from: '--from', to: '--to' }),
    );
    expect(period).toBeInstanceOf(ProblemError);
    expect(period).toMatchObject({
      status: 400,
      slug: 'invalid-period',
      detail: 'The period is outside its limits; see errors.',
      errors: [{ path: '--to', message: 'Give a day from 2000-01-01 to 2100-12-31.' }],
    });
    expect(thrown(() => requireYear(1999, now, 'jaar'))).toMatchObject({
      status: 400,
      slug: 'invalid-period',
      detail: 'The year is outside the limits of a period; see errors.',
      errors: [{ path: 'jaar', message: 'Give a year from 2000 to 2100.' }],
    });
  });

  it('throws 400 for a year that has not begun', () => {
    expect(thrown(() => requireReportYear(2027, now))).toMatchObject({
      status: 400,
      slug: 'validation-error',
      detail: 'That year has not begun.',
      errors: [{ path: 'year', message: 'Give this year or an earlier one.' }],
    });
  });
});
