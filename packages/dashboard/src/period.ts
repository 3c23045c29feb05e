// Periods are pairs of calendar days (YYYY-MM-DD) in Europe/Brussels time, as the API counts them.

export type Preset = 'last-30-days' | 'this-year' | 'last-year' | 'custom';
export const PRESETS: readonly Preset[] = ['last-30-days', 'this-year', 'last-year', 'custom'];

export interface Period {
  from: string;
  to: string;
}

const brusselsDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Brussels, as YYYY-MM-DD (en-CA formats that way). */
export function brusselsToday(now: Date = new Date()): string {
  return brusselsDate.format(now);
}

/** A day plus (or minus) a number of days. Calendar arithmetic in UTC: no daylight-saving gaps. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The same calendar day a year earlier; 29 February becomes 28 February. */
export function sameDayLastYear(day: string): string {
  const year = Number(day.slice(0, 4)) - 1;
  const monthDay = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/** The period of a preset, relative to today in Brussels. */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, today: string): Period {
  const year = Number(today.slice(0, 4));
  switch (preset) {
    case 'last-30-days':
      return { from: addDays(today, -29), to: today };
    case 'this-year':
      return { from: `${year}-01-01`, to: today };
    case 'last-year':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/** This year up to today, and the same stretch of last year: what the service list compares. */
export function yearToDateAndLastYear(today: string): { current: Period; previous: Period } {
  const current = presetPeriod('this-year', today);
  return {
    current,
    previous: { from: `${Number(today.slice(0, 4)) - 1}-01-01`, to: sameDayLastYear(today) },
  };
}

/** Whether a string is a real calendar day as YYYY-MM-DD (not 2026-02-30). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  // Month 13 is an invalid date (toISOString would throw); 30 February rolls over to March.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The preset a period matches today, or `custom`. */
export function presetOf(period: Period, today: string): Preset {
  for (const preset of ['last-30-days', 'this-year', 'last-year'] as const) {
    const candidate = presetPeriod(preset, today);
    if (candidate.from === period.from && candidate.to === period.to) return preset;
  }
  return 'custom';
}
