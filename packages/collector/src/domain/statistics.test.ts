import { describe, expect, it } from 'vitest';
import { figuresFrom, wilsonInterval } from './statistics.ts';

// Reference values: Newcombe R.G., "Two-sided confidence intervals for the single proportion:
// comparison of seven methods", Statistics in Medicine 17 (1998) 857–872, table II, method 3
// (Wilson score interval without continuity correction), to four decimals.
const NEWCOMBE_1998 = [
  { successes: 81, n: 263, low: 0.2553, high: 0.3662 },
  { successes: 15, n: 148, low: 0.0624, high: 0.1605 },
  { successes: 0, n: 20, low: 0, high: 0.1611 },
  { successes: 1, n: 29, low: 0.0061, high: 0.1718 },
];

describe('wilsonInterval', () => {
  it.each(NEWCOMBE_1998)(
    'matches Newcombe (1998) for $successes of $n',
    ({ successes, n, low, high }) => {
      const [l, h] = wilsonInterval(successes, n)!;
      expect(l).toBeCloseTo(low, 4);
      expect(h).toBeCloseTo(high, 4);
    },
  );

  it('reaches 1 for all successes, with the closed-form lower bound n / (n + z²)', () => {
    const z = 1.959963984540054;
    const [low, high] = wilsonInterval(29, 29)!;
    expect(high).toBe(1);
    expect(low).toBeCloseTo(29 / (29 + z * z), 12);
    expect(low).toBeCloseTo(0.883, 3);
  });

  it('stays within [0, 1], contains the estimate, and narrows as n grows', () => {
    for (const n of [1, 2, 5, 10, 100, 1000]) {
      for (let k = 0; k <= n; k += Math.max(1, Math.floor(n / 10))) {
        const [l, h] = wilsonInterval(k, n)!;
        expect(l).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThanOrEqual(1);
        expect(l).toBeLessThanOrEqual(k / n + 1e-12);
        expect(h).toBeGreaterThanOrEqual(k / n - 1e-12);
      }
    }
    const width = (k: number, n: number) => {
      const [l, h] = wilsonInterval(k, n)!;
      return h - l;
    };
    expect(width(75, 100)).toBeLessThan(width(15, 20));
  });

  it('is null without responses', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(figuresFrom({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }, 0)).toEqual({
      responses: 0,
      ratings: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
      mean: null,
      csat: null,
      csatInterval: null,
      comments: 0,
    });
  });
});
