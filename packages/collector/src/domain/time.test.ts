import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brusselsDay } from './time.ts';

const reference = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

describe('brusselsDay', () => {
  it('is the Brussels calendar day, across midnights and clock changes', () => {
    const at = (iso: string) => brusselsDay(Date.parse(iso));
    expect(at('2026-12-31T22:59:59.999Z')).toBe('2026-12-31');
    expect(at('2026-12-31T23:00:00.000Z')).toBe('2027-01-01');
    // Summer time: midnight is 22:00 UTC; the clocks change at 01:00 UTC.
    expect(at('2026-06-30T21:59:59.999Z')).toBe('2026-06-30');
    expect(at('2026-06-30T22:00:00.000Z')).toBe('2026-07-01');
    expect(at('2026-03-29T00:59:59.999Z')).toBe('2026-03-29');
    expect(at('2026-03-29T22:00:00.000Z')).toBe('2026-03-30');
    expect(brusselsDay(new Date('2026-10-25T22:30:00Z'))).toBe('2026-10-25');
  });

  it('agrees with a fresh formatter for any sequence of instants, near each other or not', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(instant, fc.integer({ min: -7_200_000, max: 7_200_000 })), {
          maxLength: 20,
        }),
        (pairs) => {
          for (const [base, step] of pairs) {
            for (const ms of [base, base + step]) {
              expect(brusselsDay(ms)).toBe(reference.format(ms));
            }
          }
        },
      ),
    );
  });
});
