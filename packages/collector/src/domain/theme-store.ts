import type { ThemeComment } from './themes.ts';

// Themes kept as counts: what the store keeps per service, month and stem (schema-themes.*.ts)
// and how the annual report reads it (use-cases/kept-themes.ts).

/** A word or pair of a service over some months: its stem, one form, and their counts. */
export interface KeptTerm {
  kind: 'word' | 'pair';
  stem: string;
  /** '' for the stem itself (comments containing it, `low` of them rated 1–2); else a form. */
  form: string;
  count: number;
  low: number;
}

/** A service's kept counts over some months, and what they do not hold yet. */
export interface KeptThemes {
  /** Comments counted. */
  comments: number;
  /** The terms asked for, each with its forms. */
  terms: KeptTerm[];
  /** Comments of those months not counted yet: to add. */
  pending: ThemeComment[];
  /** Counted comments that changed or went since: to subtract. */
  retracted: ThemeComment[];
}

export interface ThemeStore {
  /**
   * Counts up to `limit` comments not counted yet and subtracts up to `limit` retracted ones, in
   * one transaction; how many it took (0: nothing left). Safe on several instances at once.
   */
  countThemeBacklog(limit: number): Promise<number>;
  /**
   * Kept themes of services over the months [from, to] (`YYYY-MM`): every term of at least
   * `minimum` comments (with its forms), or those of `keys` ("word stem"/"pair stem" per service).
   * A service with more than `maxPending` comments not counted yet is left out: its caller counts
   * from comments instead.
   */
  keptThemes(
    serviceIds: readonly string[],
    months: [string, string],
    select: { minimum: number } | { keys: Map<string, string[]> },
    maxPending: number,
  ): Promise<Map<string, KeptThemes>>;
}
