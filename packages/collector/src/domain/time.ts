// Days and months are counted in Europe/Brussels time: a submission at 23:30 UTC on 31 December
// belongs to the next year in Brussels.

const brusselsDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The last hour asked for and its day: ingest asks for the same hour over and over. */
let lastHour = NaN;
let lastDay = '';

/** The Brussels calendar day of an instant, as `YYYY-MM-DD`. */
export function brusselsDay(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  // Brussels is a whole number of hours from UTC, and changes it on the hour: every instant of
  // one UTC hour falls on the same Brussels day.
  const hour = Math.floor(ms / 3_600_000);
  if (hour !== lastHour) {
    // en-CA formats as YYYY-MM-DD.
    lastDay = brusselsDate.format(ms);
    lastHour = hour;
  }
  return lastDay;
}

/** The calendar year that contains an instant, in Brussels. */
export function brusselsYear(instant: Date | number): number {
  return Number(brusselsDay(instant).slice(0, 4));
}

/** Every month (`YYYY-MM`) from the month of `from` to the month of `to`, both `YYYY-MM-DD`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** The default period of a summary: 1 January of the current Brussels year up to today. */
export function currentYearToDate(now: Date): { from: string; to: string } {
  const today = brusselsDay(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}
