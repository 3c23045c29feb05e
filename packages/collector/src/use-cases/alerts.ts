import { randomUUID } from 'node:crypto';
import {
  ALERTS_LISTED_DAYS,
  AlertSchema,
  INVALID_PERIOD,
  MAX_ALERTS_LISTED,
  periodErrors,
  type Alert,
  type AlertKind,
  type AlertList,
  type AlertQuery,
  type RatingCounts,
} from '@vo-feedback/shared';
import {
  alertWindows,
  risingTheme,
  satisfactionDrop,
  toAlert,
  type AlertFinding,
  type AlertWindows,
  type ThemeWindows,
} from '../domain/alerts.ts';
import type { MonthlyRollup } from '../domain/aggregation.ts';
import { addDays, periodInstants, type Period } from '../domain/period.ts';
import { invalid } from '../domain/problems.ts';
import { emptyRatingCounts } from '../domain/statistics.ts';
import type { ServiceRecord, Store } from '../domain/store.ts';
import { brusselsDay } from '../domain/time.ts';
import { ThemeCounter } from '../domain/themes.ts';
import { alertEvent } from '../domain/webhooks.ts';

// The alert check: for every active service, the satisfaction of the last 7 days against the 8
// weeks before, and its themes likewise (domain/alerts.ts decides). An alert to raise is written
// with its `alert.raised` event in one transaction, once per service, kind and day however many
// instances check; then its mails are queued. The server checks shortly after it starts and every
// hour (alert-schedule.ts); `vo-feedback alerts check` checks once.

/**
 * The comments read per window for the themes, at most: the newest ⌊ALERT_THEME_SAMPLE / days⌋
 * of each of its days (714 a day of the last 7 days, 89 a day of the 56 before). A bound on the
 * work of a very busy service's hourly check that still spreads over the whole window: its share
 * of a theme is that of all its weeks, not of its last days only.
 */
export const ALERT_THEME_SAMPLE = 5000;

/** A service the check could not check: why, in the error's words (no comment, no address). */
export interface AlertCheckFailure {
  serviceId: string;
  error: string;
}

/** What one check did. */
export interface AlertCheck {
  /** The day (Brussels) it checked. */
  day: string;
  /** The active services it had to look at. */
  services: number;
  /** Those it looked at: fewer than `services` when it was stopped. */
  checked: number;
  /** Stopped (its signal aborted) before the end: it queued no mails, the next check does. */
  stopped: boolean;
  /** The alerts this check raised, in the order of the services. */
  raised: Alert[];
  /**
   * Every alert of the day, those raised before (by this or another instance) included; only
   * those it raised when it was stopped.
   */
  today: Alert[];
  /** Alert mails queued by this check (new ones only: queueing is idempotent). */
  mailsQueued: number;
  /** The services whose check failed, and alerts whose mails could not be queued: the rest went on. */
  failures: AlertCheckFailure[];
}

export interface AlertCheckOptions {
  /** Once aborted, the check stops before its next service (the server's shutdown). */
  signal?: AbortSignal | undefined;
  /** ALERT_THEME_SAMPLE unless told. */
  themeSample?: number;
}

/** An error's message, as the check reports and logs it. */
export const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/** A service's rating counts and comments over a window, summed from its daily rollups. */
async function totals(store: Store, serviceId: string, from: string, to: string) {
  const rollups: MonthlyRollup[] = await store.monthlyRollups(serviceId, from, to);
  const ratings: RatingCounts = emptyRatingCounts();
  let comments = 0;
  for (const row of rollups) {
    for (const key of ['1', '2', '3', '4', '5'] as const) ratings[key] += row.ratings[key];
    comments += row.comments;
  }
  return { ratings, comments };
}

/** A window's comments counted for themes: the newest of each day, ⌊sample / days⌋ a day. */
async function sampledThemes(
  store: Store,
  serviceId: string,
  period: Period,
  sample: number,
): Promise<ThemeCounter> {
  const days: { start: number; end: number }[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    days.push(periodInstants({ from: day, to: day }));
  }
  const perDay = Math.max(1, Math.floor(sample / days.length));
  const counter = new ThemeCounter({ examples: 0 });
  for (const comment of await store.sampleComments({ serviceId, days, perDay })) {
    counter.add(comment);
  }
  return counter;
}

/**
 * The themes of the recent window (its most frequent words and pairs, as the themes API counts
 * them) with their change since the previous window, each window read as a sample spread over
 * its days (ALERT_THEME_SAMPLE).
 */
export async function alertThemes(
  store: Store,
  serviceId: string,
  windows: AlertWindows,
  sample = ALERT_THEME_SAMPLE,
): Promise<ThemeWindows> {
  // One after the other: two statements at once would hold two of a pool's connections.
  const recent = await sampledThemes(store, serviceId, windows.recent, sample);
  const previous = await sampledThemes(store, serviceId, windows.previous, sample);
  return { ...recent.result({ previous }), previous: { comments: previous.comments } };
}

/** What a service's check finds to raise, of the kinds it has not raised today yet. */
async function findings(
  store: Store,
  service: ServiceRecord,
  windows: AlertWindows,
  minimum: number,
  kinds: readonly AlertKind[],
  sample: number,
): Promise<AlertFinding[]> {
  if (kinds.length === 0) return [];
  const [recent, previous] = await Promise.all([
    totals(store, service.id, windows.recent.from, windows.recent.to),
    totals(store, service.id, windows.previous.from, windows.previous.to),
  ]);
  const found: AlertFinding[] = [];
  if (kinds.includes('satisfaction')) {
    const drop = satisfactionDrop(
      windows,
      { recent: recent.ratings, previous: previous.ratings },
      minimum,
    );
    if (drop) found.push(drop);
  }
  // The rollups count every comment ever written, also those retention has since removed: an
  // upper bound, enough to skip reading comments when there cannot be enough of them.
  if (kinds.includes('theme') && recent.comments >= minimum && previous.comments >= minimum) {
    const rise = risingTheme(
      windows,
      await alertThemes(store, service.id, windows, sample),
      minimum,
    );
    if (rise) found.push(rise);
  }
  return found;
}

/** Checks one service and raises what it finds; the alerts it raised go to `raised`. */
async function checkService(
  store: Store,
  service: ServiceRecord,
  check: { day: string; now: number; windows: AlertWindows; minimum: number; sample: number },
  open: readonly AlertKind[],
  raised: Alert[],
): Promise<void> {
  const { day, now, windows, minimum, sample } = check;
  for (const finding of await findings(store, service, windows, minimum, open, sample)) {
    const alert = AlertSchema.parse({
      id: randomUUID(),
      serviceId: service.id,
      serviceName: service.name,
      organisationId: service.organisationId,
      kind: finding.kind,
      day,
      theme: finding.theme,
      recent: finding.recent,
      previous: finding.previous,
      raisedAt: new Date(now).toISOString(),
    });
    const { serviceName: _name, ...record } = alert;
    if (await store.raiseAlert({ ...record, raisedAt: now }, alertEvent(alert))) {
      raised.push(alert);
    }
  }
}

/**
 * Checks every active service on the day of `now` (Brussels) and raises what it finds: at most
 * one alert per service and kind a day, whatever this or another instance checked before. A
 * service whose check fails is a failure of the result; the others are checked all the same.
 * Then queues the mails of every alert of the day (idempotent), so that a check that stopped
 * between raising an alert and queueing its mails is healed by the next one — which also queues
 * them for whoever subscribed since. Once `signal` is aborted it stops before the next service
 * and queues nothing.
 */
export async function checkAlerts(
  store: Store,
  now: number,
  minimum: number,
  options: AlertCheckOptions = {},
): Promise<AlertCheck> {
  const { signal } = options;
  const day = brusselsDay(now);
  const windows = alertWindows(day);
  const all = await store.listServices();
  const services = all.filter((service) => service.active);
  // At most one a kind (two) per service, inactive ones included, on one day.
  const everyOfDay = { from: day, to: day, limit: Math.max(1, all.length * 2) };
  const before = new Set(
    (await store.listAlerts(everyOfDay)).map((alert) => `${alert.serviceId}|${alert.kind}`),
  );
  const check = { day, now, windows, minimum, sample: options.themeSample ?? ALERT_THEME_SAMPLE };
  const raised: Alert[] = [];
  const failures: AlertCheckFailure[] = [];
  let checked = 0;
  for (const service of services) {
    if (signal?.aborted) break;
    checked += 1;
    const open = (['satisfaction', 'theme'] as const).filter(
      (kind) => !before.has(`${service.id}|${kind}`),
    );
    try {
      await checkService(store, service, check, open, raised);
    } catch (error) {
      failures.push({ serviceId: service.id, error: messageOf(error) });
    }
  }
  const result = { day, services: services.length, checked, raised, failures };
  if (signal?.aborted) return { ...result, stopped: true, today: raised, mailsQueued: 0 };
  // Read again: an alert another instance raised meanwhile is queued here too (once).
  const today = (await store.listAlerts(everyOfDay)).map(toAlert);
  let mailsQueued = 0;
  for (const alert of today) {
    try {
      mailsQueued += await store.queueAlertMails(alert, now);
    } catch (error) {
      failures.push({ serviceId: alert.serviceId, error: messageOf(error) });
    }
  }
  return { ...result, stopped: false, today, mailsQueued };
}

/**
 * `GET /api/v1/alerts`: the alerts raised on days in [from, to] (by default the
 * ALERTS_LISTED_DAYS days up to today), of one organisation's services as they are now (a
 * provider's) or all (null: steering, which gets `theme` null), of one service if asked (whose
 * access the caller checked), newest first, at most MAX_ALERTS_LISTED.
 * Throws 400 `invalid-period` naming `from` or `to` for a span outside the limits of a period.
 */
export async function listAlerts(
  store: Store,
  request: { query: AlertQuery; organisationId: string | null; now: number },
): Promise<AlertList> {
  const { query } = request;
  const to = query.to ?? brusselsDay(request.now);
  const from = query.from ?? addDays(to, -(ALERTS_LISTED_DAYS - 1));
  const errors = periodErrors({ from, to });
  if (errors.length > 0) {
    throw invalid('The days are outside their limits; see errors.', errors, INVALID_PERIOD);
  }
  const stored = await store.listAlerts({
    from,
    to,
    organisationId: request.organisationId ?? undefined,
    serviceId: query.serviceId,
    limit: MAX_ALERTS_LISTED,
  });
  // A theme's words are citizens' words, for the providers of its service only: steering (no
  // organisation) is told that a theme rose, not which, as it reads no comment and no theme.
  const themeWords = request.organisationId !== null;
  return {
    alerts: stored.map((alert) => ({ ...toAlert(alert), ...(themeWords ? {} : { theme: null }) })),
  };
}

/** One line per alert, as the CLI prints and the server logs them (no comment, no address). */
export function alertLine(alert: Alert): string {
  const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
  const what =
    alert.kind === 'satisfaction'
      ? `satisfaction fell from ${percent(alert.previous.share)} (n=${alert.previous.n}) to ${percent(alert.recent.share)} (n=${alert.recent.n})`
      : `theme "${alert.theme}" rose from ${percent(alert.previous.share)} of ${alert.previous.n} comments to ${percent(alert.recent.share)} of ${alert.recent.n}`;
  return `${alert.day}  ${alert.serviceId}  ${alert.kind}  ${what}`;
}
