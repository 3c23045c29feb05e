import { describe, expect, it } from 'vitest';
import { PERIOD_MAX_DAYS, periodDays, periodErrors, yearErrors } from './index.ts';

describe('the limits of a period', () => {
  it('counts both ends and allows at most 3,660 days', () => {
    expect(periodDays({ from: '2026-01-01', to: '2026-01-01' })).toBe(1);
    expect(periodDays({ from: '2024-01-01', to: '2024-12-31' })).toBe(366);
    expect(periodErrors({ from: '2016-01-01', to: '2026-01-07' })).toEqual([]);
    expect(periodDays({ from: '2016-01-01', to: '2026-01-07' })).toBe(PERIOD_MAX_DAYS);
    expect(periodErrors({ from: '2016-01-01', to: '2026-01-08' })).toEqual([
      {
        path: 'from',
        message:
          '2016-01-01 to 2026-01-08 spans 3,661 days; give from and to at most 3,660 days apart, both included.',
      },
    ]);
  });

  it('allows days and years from 2000 to 2100 only, naming the parameter', () => {
    expect(periodErrors({ from: '2000-01-01', to: '2000-01-01' })).toEqual([]);
    expect(periodErrors({ from: '2100-12-31', to: '2100-12-31' })).toEqual([]);
    expect(periodErrors({ from: '2000-01-01', to: '9999-12-31' })).toEqual([
      { path: 'to', message: 'Give a day from 2000-01-01 to 2100-12-31.' },
    ]);
    expect(
      periodErrors({ from: '1999-12-31', to: '2000-01-01' }, { from: '--from', to: '--to' }),
    ).toEqual([{ path: '--from', message: 'Give a day from 2000-01-01 to 2100-12-31.' }]);
    expect(yearErrors(2000)).toEqual([]);
    expect(yearErrors(2100)).toEqual([]);
    expect(yearErrors(1999)).toEqual([{ path: 'year', message: 'Give a year from 2000 to 2100.' }]);
    expect(yearErrors(2101, 'jaar')).toEqual([
      { path: 'jaar', message: 'Give a year from 2000 to 2100.' },
    ]);
  });
});
