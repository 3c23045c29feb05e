import { describe, expect, it } from 'vitest';
import { overviewFlags, silentWindow } from './overview.ts';

// The flags' edges, where a careless comparison flips: the known-dataset test
// (routes/overview/overview.test.ts) covers them on real figures.

const figures = {
  responses: 50,
  csatInterval: [0.6, 0.8] as [number, number],
  previousCsatInterval: [0.5, 0.7] as [number, number],
  target: null,
  recentImpressions: 3,
};

describe('overviewFlags', () => {
  it('flags below-target only when even the upper bound is under the target', () => {
    expect(overviewFlags({ ...figures, target: 0.81 }, 10)).toEqual(['below-target']);
    // An interval that reaches the target exactly reaches it.
    expect(overviewFlags({ ...figures, target: 0.8 }, 10)).toEqual([]);
    expect(overviewFlags({ ...figures, target: 0.7 }, 10)).toEqual([]);
    // Without responses there is no interval to judge.
    expect(overviewFlags({ ...figures, responses: 0, csatInterval: null, target: 0.9 }, 0)).toEqual(
      [],
    );
  });

  it('flags falling only when the intervals do not overlap', () => {
    const previous = (interval: [number, number]) =>
      overviewFlags({ ...figures, previousCsatInterval: interval }, 10);
    expect(previous([0.81, 0.95])).toEqual(['falling']);
    // Touching is overlapping.
    expect(previous([0.8, 0.95])).toEqual([]);
    expect(previous([0.7, 0.9])).toEqual([]);
    expect(overviewFlags({ ...figures, previousCsatInterval: null }, 10)).toEqual([]);
  });

  it('flags few-responses under the minimum and silent without recent impressions', () => {
    expect(overviewFlags({ ...figures, responses: 9 }, 10)).toEqual(['few-responses']);
    expect(overviewFlags({ ...figures, responses: 10 }, 10)).toEqual([]);
    expect(overviewFlags({ ...figures, recentImpressions: 0 }, 10)).toEqual(['silent']);
    expect(
      overviewFlags(
        {
          responses: 2,
          csatInterval: [0.1, 0.3],
          previousCsatInterval: [0.5, 0.9],
          target: 0.8,
          recentImpressions: 0,
        },
        10,
      ),
    ).toEqual(['below-target', 'falling', 'few-responses', 'silent']);
  });
});

describe('silentWindow', () => {
  it('is the 30 days that end today, across a month, a year and a leap day', () => {
    expect(silentWindow('2027-05-01')).toEqual({ from: '2027-04-02', to: '2027-05-01' });
    expect(silentWindow('2027-01-15')).toEqual({ from: '2026-12-17', to: '2027-01-15' });
    // 2028 is a leap year: 29 days in February.
    expect(silentWindow('2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-03-01' });
  });
});
