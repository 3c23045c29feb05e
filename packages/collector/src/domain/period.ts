import { INVALID_PERIOD, periodErrors, yearErrors, type FieldError } from '@vo-feedback/shared';
import { invalid, ProblemError } from './problems.ts';
import { brusselsDay, brusselsYear, currentYearToDate } from './time.ts';

// Periods are Brussels calendar days. Rows carry the instant of their first post; these turn a
// day range into the instants that bound it, so that a query can range over the
// (service_id, created_at) index instead of reading every row of a service.

export interface Period {
  from: string;
  to: string;
}

const HOUR = 3_600_000;

/** The instant (ms since the epoch) at which a Brussels calendar day `YYYY-MM-DD` begins. */
export function brusselsDayStart(day: string): number {
  const utcMidnight = Date.UTC(
    Number(day.slice(0, 4)),
    Number(day.slice(5, 7)) - 1,
    Number(day.slice(8, 10)),
  );
  // Brussels is UTC+1 or UTC+2, and the clocks change at 02:00/03:00, never at midnight: local
  // midnight is 22:00 or 23:00 UTC of the day before. Summer time is the earlier one.
  const summer = utcMidnight - 2 * HOUR;
  return brusselsDay(summer) === day ? summer : utcMidnight - HOUR;
}

/** `day` (`YYYY-MM-DD`) moved by `days` calendar days (negative: earlier). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The day after `YYYY-MM-DD`. */
export function nextDay(day: string): string {
  return addDays(day, 1);
}

/**
 * The period of the same number of days that ends the day before `period` begins: what a
 * period's themes compare with (1–31 March → 30 January–28 February; a leap day counts).
 */
export function precedingPeriod(period: Period): Period {
  const day = 86_400_000;
  const start = Date.parse(`${period.from}T00:00:00Z`);
  const length = Date.parse(`${period.to}T00:00:00Z`) - start + day;
  const iso = (instant: number) => new Date(instant).toISOString().slice(0, 10);
  return { from: iso(start - length), to: iso(start - day) };
}

/** The instants of a period of days: `start` inclusive, `end` exclusive. */
export function periodInstants(period: Period): { start: number; end: number } {
  return { start: brusselsDayStart(period.from), end: brusselsDayStart(nextDay(period.to)) };
}

/** A period or year as asked, or the field errors of an `invalid-period` answer (pure check). */
export type Resolved<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * A period from `?from&to`: without `from`, 1 January of the year of `to` (or of today); without
 * `to`, today in Brussels. Refused, with field errors under `names` (the CLI says `--from`), when
 * it breaks the limits of a period — after the defaults, so `from` alone cannot reach further.
 */
export function resolvePeriod(
  query: { from?: string | undefined; to?: string | undefined },
  now: number,
  names?: { from: string; to: string },
): Resolved<Period> {
  const defaults = currentYearToDate(new Date(now));
  const from = query.from ?? (query.to ? `${query.to.slice(0, 4)}-01-01` : defaults.from);
  const to = query.to ?? defaults.to;
  const errors = periodErrors({ from, to }, names);
  if (!errors.length) return { ok: true, value: { from, to } };
  // `to=2101-06-30` alone also puts its default `from` out of range: name what was given.
  const given = errors.filter(
    (error) =>
      (error.path === (names?.from ?? 'from') && query.from !== undefined) ||
      (error.path === (names?.to ?? 'to') && query.to !== undefined),
  );
  return { ok: false, errors: given.length ? given : errors };
}

/** `?year`, this Brussels year by default; refused outside the years a period may touch. */
export function resolveYear(
  year: number | undefined,
  now: number,
  name?: string,
): Resolved<number> {
  const value = year ?? brusselsYear(now);
  const errors = yearErrors(value, name);
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

/** The resolved value, or a thrown 400 `invalid-period` with `detail` and the field errors. */
function required<T>(resolved: Resolved<T>, detail: string): T {
  if (resolved.ok) return resolved.value;
  throw new ProblemError(400, INVALID_PERIOD, detail, resolved.errors);
}

/** The period of `?from&to` (see resolvePeriod), or a thrown 400 `invalid-period` with errors. */
export function requirePeriod(
  query: { from?: string | undefined; to?: string | undefined },
  now: number,
  names?: { from: string; to: string },
): Period {
  return required(
    resolvePeriod(query, now, names),
    'The period is outside its limits; see errors.',
  );
}

/** The year of `?year` (see resolveYear), or a thrown 400 `invalid-period` with errors. */
export function requireYear(year: number | undefined, now: number, name?: string): number {
  return required(
    resolveYear(year, now, name),
    'The year is outside the limits of a period; see errors.',
  );
}

/** The same calendar day one year earlier; 29 February becomes 28 February. */
function yearEarlier(day: string): string {
  const monthDay = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${Number(day.slice(0, 4)) - 1}-${monthDay}`;
}

/**
 * A calendar year as a report covers it: the whole year, or up to today while it runs, and the
 * same span of the year before, so that a running year is compared like with like.
 * Undefined for a year that has not begun.
 */
export function reportYear(
  year: number,
  now: number,
): { period: Period; previousPeriod: Period } | undefined {
  const today = brusselsDay(now);
  const from = `${year}-01-01`;
  if (from > today) return undefined;
  const yearEnd = `${year}-12-31`;
  const to = yearEnd < today ? yearEnd : today;
  return {
    period: { from, to },
    previousPeriod: { from: `${year - 1}-01-01`, to: yearEarlier(to) },
  };
}

/** The span of a year as a report covers it (see reportYear), or a thrown 400 if it has not begun. */
export function requireReportYear(
  year: number,
  now: number,
  name = 'year',
): { period: Period; previousPeriod: Period } {
  const span = reportYear(year, now);
  if (span) return span;
  throw invalid('That year has not begun.', [
    { path: name, message: 'Give this year or an earlier one.' },
  ]);
}
