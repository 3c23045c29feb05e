import type { Alert, AlertKind, AlertWindow, RatingCounts, Theme } from '@vo-feedback/shared';
import { ALERT_PREVIOUS_DAYS, ALERT_RECENT_DAYS } from '@vo-feedback/shared/constants';
import { addDays, type Period } from './period.ts';
import { figuresFrom, wilsonInterval } from './statistics.ts';

// Alerts: a service's satisfaction over the last 7 days (today included, Brussels days) that lies
// significantly under that of the 8 weeks before, or a theme whose share of the comments rises the
// same way. "Significantly" is decided with the Wilson 95 % intervals, as the overview's flags
// are: the two intervals do not overlap, and each window has at least MIN_PUBLIC_N answers (or
// comments). A dip whose intervals still overlap is chance as far as the figures can tell, and
// raises nothing. Pure: the use case (use-cases/alerts.ts) reads the rollups and the comments.

/** The two windows an alert compares. */
export interface AlertWindows {
  /** The ALERT_RECENT_DAYS days that end today. */
  recent: Period;
  /** The ALERT_PREVIOUS_DAYS days before them. */
  previous: Period;
}

/**
 * The windows of a check on `today` (a Brussels day): 2026-06-15 compares 9–15 June with 14 April
 * to 8 June.
 */
export function alertWindows(today: string): AlertWindows {
  const recentFrom = addDays(today, -(ALERT_RECENT_DAYS - 1));
  return {
    recent: { from: recentFrom, to: today },
    previous: { from: addDays(recentFrom, -ALERT_PREVIOUS_DAYS), to: addDays(recentFrom, -1) },
  };
}

/** A window as an alert shows it: `successes` of `n`, their share and its Wilson interval. */
export function alertWindow(period: Period, successes: number, n: number): AlertWindow {
  return {
    from: period.from,
    to: period.to,
    n,
    share: n === 0 ? 0 : successes / n,
    interval: wilsonInterval(successes, n) ?? [0, 1],
  };
}

/** What a check found to raise for one service: the kind, the theme, and the two windows. */
export interface AlertFinding {
  kind: AlertKind;
  /** The theme that rose; null for satisfaction. */
  theme: string | null;
  recent: AlertWindow;
  previous: AlertWindow;
}

/**
 * A satisfaction window: the share of 4 and 5 among all answers and its interval, exactly as the
 * summary computes `csat` and `csatInterval` (figuresFrom).
 */
export function satisfactionWindow(period: Period, ratings: RatingCounts): AlertWindow {
  const figures = figuresFrom(ratings, 0);
  return {
    from: period.from,
    to: period.to,
    n: figures.responses,
    share: figures.csat ?? 0,
    interval: figures.csatInterval ?? [0, 1],
  };
}

/**
 * The satisfaction alert, if any: both windows have at least `minimum` answers and the recent
 * interval's upper bound lies under the previous one's lower bound.
 */
export function satisfactionDrop(
  windows: AlertWindows,
  ratings: { recent: RatingCounts; previous: RatingCounts },
  minimum: number,
): AlertFinding | undefined {
  const recent = satisfactionWindow(windows.recent, ratings.recent);
  const previous = satisfactionWindow(windows.previous, ratings.previous);
  if (recent.n < minimum || previous.n < minimum) return undefined;
  if (!(recent.interval[1] < previous.interval[0])) return undefined;
  return { kind: 'satisfaction', theme: null, recent, previous };
}

/**
 * The themes of the recent window as the themes API counts them (use-cases/reports.ts
 * `serviceThemes` over the recent window, compared with the previous one): the comments read in
 * each window and the most frequent words and pairs, each with its change since the previous.
 */
export interface ThemeWindows {
  comments: number;
  words: readonly Pick<Theme, 'term' | 'count' | 'change'>[];
  pairs: readonly Pick<Theme, 'term' | 'count' | 'change'>[];
  previous: { comments: number };
}

/**
 * The theme alert, if any: of the recent window's themes (the words and pairs the themes API
 * shows for it), those whose share of the comments rose significantly — both windows with at
 * least `minimum` comments, the recent interval's lower bound above the previous one's upper
 * bound — and of those the one that rose most (then the most comments, then the term).
 */
export function risingTheme(
  windows: AlertWindows,
  themes: ThemeWindows,
  minimum: number,
): AlertFinding | undefined {
  const n = themes.comments;
  const before = themes.previous.comments;
  if (n < minimum || before < minimum) return undefined;
  let best: { finding: AlertFinding; rise: number; count: number } | undefined;
  for (const theme of [...themes.words, ...themes.pairs]) {
    // `change` is null only when the previous window has no comment, which `minimum` excludes.
    const previousCount = theme.count - (theme.change ?? theme.count);
    const recent = alertWindow(windows.recent, theme.count, n);
    const previous = alertWindow(windows.previous, previousCount, before);
    if (!(recent.interval[0] > previous.interval[1])) continue;
    const rise = recent.share - previous.share;
    const better =
      !best ||
      rise > best.rise ||
      (rise === best.rise &&
        (theme.count > best.count ||
          (theme.count === best.count && theme.term < best.finding.theme!)));
    if (better) {
      const finding: AlertFinding = { kind: 'theme', theme: theme.term, recent, previous };
      best = { finding, rise, count: theme.count };
    }
  }
  return best?.finding;
}

/** An alert as the store keeps it: `raisedAt` in ms, and no service name (the service has it). */
export type AlertRecord = Omit<Alert, 'serviceName' | 'raisedAt'> & { raisedAt: number };

/** An alert as the store reads it back: with its service's name as it is now. */
export type StoredAlert = AlertRecord & { serviceName: string };

/** The contract's Alert of a stored one. */
export function toAlert(stored: StoredAlert): Alert {
  return {
    id: stored.id,
    serviceId: stored.serviceId,
    serviceName: stored.serviceName,
    organisationId: stored.organisationId,
    kind: stored.kind,
    day: stored.day,
    theme: stored.theme,
    recent: stored.recent,
    previous: stored.previous,
    raisedAt: new Date(stored.raisedAt).toISOString(),
  };
}
