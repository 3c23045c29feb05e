import { z } from 'zod';
import { DateSchema } from './common.ts';
import type { FieldError } from './problem.ts';

// The one rule for every period a caller may ask for — `?from&to`, `?year`, the CLI's --from,
// --to and --year. The work of a query grows with its span (months of a summary, rows of an
// export), so a span has a cap; a request beyond it is refused as `invalid-period`, never served.

/** The first and the last year a period may touch. */
export const PERIOD_FIRST_YEAR = 2000;
export const PERIOD_LAST_YEAR = 2100;
/** The longest period, in days with both ends included: ten years of 366 days. */
export const PERIOD_MAX_DAYS = 3660;
/** The problem slug of a period outside these limits: `/problems/invalid-period`. */
export const INVALID_PERIOD = 'invalid-period';

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const inYears = (year: number) => year >= PERIOD_FIRST_YEAR && year <= PERIOD_LAST_YEAR;
const dayCount = new Intl.NumberFormat('en-GB');
const daysText = dayCount.format(PERIOD_MAX_DAYS);

/** `from` or `to` of a query: a Brussels day, within the limits of a period. */
export const PeriodDaySchema = DateSchema.meta({
  description: `A Brussels day, ${PERIOD_FIRST_YEAR}-01-01 to ${PERIOD_LAST_YEAR}-12-31. From and to span at most ${daysText} days, both included; else 400 invalid-period.`,
});

/** `year` of a query: a whole number; whether that year may be asked is `yearErrors`' to say. */
export const PeriodYearSchema = z.coerce
  .number({ message: 'Give the year as four digits, e.g. 2026.' })
  .int('Give the year as four digits, e.g. 2026.')
  .meta({
    description: `A calendar year, ${PERIOD_FIRST_YEAR} to ${PERIOD_LAST_YEAR}; else 400 invalid-period.`,
  });

/** How many days a period covers, `from` and `to` included. */
export function periodDays(period: { from: string; to: string }): number {
  return dayNumber(period.to) - dayNumber(period.from) + 1;
}

/**
 * What is wrong with a period of well-formed days, as field errors under the names the caller
 * used (`from`, or `--from` on the command line); empty when it may be asked.
 */
export function periodErrors(
  period: { from: string; to: string },
  names: { from: string; to: string } = { from: 'from', to: 'to' },
): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['from', 'to'] as const) {
    if (!inYears(Number(period[field].slice(0, 4)))) {
      errors.push({
        path: names[field],
        message: `Give a day from ${PERIOD_FIRST_YEAR}-01-01 to ${PERIOD_LAST_YEAR}-12-31.`,
      });
    }
  }
  if (errors.length) return errors;
  if (period.from > period.to) {
    return [
      { path: names.from, message: `Give a ${names.from} date on or before the ${names.to} date.` },
    ];
  }
  const days = periodDays(period);
  if (days > PERIOD_MAX_DAYS) {
    return [
      {
        path: names.from,
        message: `${period.from} to ${period.to} spans ${dayCount.format(days)} days; give ${names.from} and ${names.to} at most ${daysText} days apart, both included.`,
      },
    ];
  }
  return [];
}

/** What is wrong with a year of a period, as one field error; empty when it may be asked. */
export function yearErrors(year: number, name = 'year'): FieldError[] {
  return inYears(year)
    ? []
    : [{ path: name, message: `Give a year from ${PERIOD_FIRST_YEAR} to ${PERIOD_LAST_YEAR}.` }];
}
