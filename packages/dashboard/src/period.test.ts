import { describe, expect, it } from 'vitest';
import {
  addDays,
  brusselsToday,
  isDay,
  presetOf,
  presetPeriod,
  sameDayLastYear,
  yearToDateAndLastYear,
} from './period.ts';

describe('periods in Brussels days', () => {
  it('counts today in Brussels, not in UTC', () => {
    // 23:30 UTC on 31 December is already New Year in Brussels (UTC+1).
    expect(brusselsToday(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    // 22:30 UTC on 30 June is 00:30 on 1 July in summer time (UTC+2).
    expect(brusselsToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('gives the presets relative to today', () => {
    expect(presetPeriod('last-30-days', '2026-03-01')).toEqual({
      from: '2026-01-31',
      to: '2026-03-01',
    });
    expect(presetPeriod('this-year', '2026-11-28')).toEqual({
      from: '2026-01-01',
      to: '2026-11-28',
    });
    expect(presetPeriod('last-year', '2026-11-28')).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });

  it('recognises a preset from its dates, and anything else as custom', () => {
    const today = '2026-11-28';
    expect(presetOf({ from: '2026-10-30', to: today }, today)).toBe('last-30-days');
    expect(presetOf({ from: '2025-01-01', to: '2025-12-31' }, today)).toBe('last-year');
    expect(presetOf({ from: '2025-01-01', to: '2025-12-30' }, today)).toBe('custom');
  });

  it('compares this year to date with the same stretch of last year', () => {
    expect(yearToDateAndLastYear('2026-11-28')).toEqual({
      current: { from: '2026-01-01', to: '2026-11-28' },
      previous: { from: '2025-01-01', to: '2025-11-28' },
    });
    expect(sameDayLastYear('2024-02-29')).toBe('2023-02-28');
  });

  it('does calendar arithmetic across months, years and daylight-saving changes', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('accepts only real calendar days', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('2026-1-01')).toBe(false);
    expect(isDay('')).toBe(false);
  });
});
