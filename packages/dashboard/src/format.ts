import type { Language } from './i18n/catalogs.ts';

const locales: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

/**
 * Number and date formats of one language. Every figure on screen goes through here, so the
 * end-to-end test can format the API's numbers the same way and compare them with what is shown.
 */
export class Formats {
  readonly locale: string;
  readonly #integer: Intl.NumberFormat;
  readonly #percent: Intl.NumberFormat;
  readonly #axisPercent: Intl.NumberFormat;
  readonly #points: Intl.NumberFormat;
  readonly #mean: Intl.NumberFormat;
  readonly #day: Intl.DateTimeFormat;
  readonly #month: Intl.DateTimeFormat;
  readonly #shortMonth: Intl.DateTimeFormat;
  readonly #dateTime: Intl.DateTimeFormat;

  constructor(language: Language) {
    this.locale = locales[language];
    this.#integer = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0 });
    this.#percent = new Intl.NumberFormat(this.locale, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    this.#axisPercent = new Intl.NumberFormat(this.locale, {
      style: 'percent',
      maximumFractionDigits: 0,
    });
    this.#points = new Intl.NumberFormat(this.locale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });
    this.#mean = new Intl.NumberFormat(this.locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    // Calendar days are dates without a time: formatted in UTC so no time zone shifts them.
    this.#day = new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: 'UTC' });
    this.#month = new Intl.DateTimeFormat(this.locale, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    this.#shortMonth = new Intl.DateTimeFormat(this.locale, { month: 'short', timeZone: 'UTC' });
    this.#dateTime = new Intl.DateTimeFormat(this.locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Brussels',
    });
  }

  integer(value: number): string {
    return this.#integer.format(value);
  }

  /** A fraction 0–1 as a percentage with one decimal, or the dash for "no figure". */
  percent(value: number | null | undefined): string {
    return value === null || value === undefined ? '–' : this.#percent.format(value);
  }

  /** A whole percentage for a chart axis. */
  axisPercent(value: number): string {
    return this.#axisPercent.format(value);
  }

  /** A difference of two fractions in percentage points, signed, one decimal. */
  points(difference: number): string {
    return this.#points.format(difference * 100);
  }

  mean(value: number | null | undefined): string {
    return value === null || value === undefined ? '–' : this.#mean.format(value);
  }

  /** A YYYY-MM-DD day, e.g. "28 november 2026". */
  day(day: string): string {
    return this.#day.format(new Date(`${day}T00:00:00Z`));
  }

  /** A YYYY-MM month, e.g. "november 2026". */
  month(month: string): string {
    return this.#month.format(new Date(`${month}-01T00:00:00Z`));
  }

  /** A YYYY-MM month's short name for a chart axis, e.g. "nov". */
  shortMonth(month: string): string {
    return this.#shortMonth.format(new Date(`${month}-01T00:00:00Z`));
  }

  /** An instant (ISO string or epoch ms) in Brussels time. */
  dateTime(instant: string | number): string {
    return this.#dateTime.format(new Date(instant));
  }
}
