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
import type { Logger } from '../config/logger.ts';
import {
  addDays,
  alertWindows,
  risingTheme,
  satisfactionDrop,
  toAlert,
  type AlertFinding,
  type AlertWindows,
} from '../domain/alerts.ts';
import type { MonthlyRollup } from '../domain/aggregation.ts';
import { ProblemError } from '../domain/problems.ts';
import { emptyRatingCounts } from '../domain/statistics.ts';
import type { ServiceRecord, Store } from '../domain/store.ts';
import { brusselsDay } from '../domain/time.ts';
import { alertEvent } from '../domain/webhooks.ts';
import { serviceThemes } from './reports.ts';

// The alert check: for every active service, the satisfaction of the last 7 days against the 8
// weeks before, and its themes likewise (domain/alerts.ts decides). An alert to raise is written
// with its `alert.raised` event in one transaction, once per service, kind and day however many
// instances check; then its mails are queued. The server checks shortly after it starts and every
// hour; `vo-feedback alerts check` checks once.

/**
 * The comments read per window for the themes, newest first: a bound on the work of a very busy
 * service's hourly check (its shares are then those of its most recent comments).
 */
export const ALERT_THEME_SAMPLE = 5000;

/** What one check did. */
export interface AlertCheck {
  /** The day (Brussels) it checked. */
  day: string;
  /** The active services it looked at. */
  services: number;
  /** The alerts this check raised, in the order of the services. */
  raised: Alert[];
  /** Every alert of the day, those raised before (by this or another instance) included. */
  today: Alert[];
  /** Alert mails queued by this check (new ones only: queueing is idempotent). */
  mailsQueued: number;
}

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

/** What a service's check finds to raise, of the kinds it has not raised today yet. */
async function findings(
  store: Store,
  service: ServiceRecord,
  windows: AlertWindows,
  minimum: number,
  kinds: readonly AlertKind[],
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
    const themes = await serviceThemes(store, service.id, windows.recent, {
      previousPeriod: windows.previous,
      examples: 0,
      maxComments: ALERT_THEME_SAMPLE,
    });
    const rise = risingTheme(windows, themes, minimum);
    if (rise) found.push(rise);
  }
  return found;
}

/**
 * Checks every active service on the day of `now` (Brussels) and raises what it finds: at most
 * one alert per service and kind a day, whatever this or another instance checked before. Then
 * queues the mails of every alert of the day (idempotent), so that a check that stopped between
 * raising an alert and queueing its mails is healed by the next one.
 */
export async function checkAlerts(store: Store, now: number, minimum: number): Promise<AlertCheck> {
  const day = brusselsDay(now);
  const windows = alertWindows(day);
  const all = await store.listServices();
  const services = all.filter((service) => service.active);
  // At most one a kind (two) per service, inactive ones included, on one day.
  const everyOfDay = { from: day, to: day, limit: Math.max(1, all.length * 2) };
  const before = new Set(
    (await store.listAlerts(everyOfDay)).map((alert) => `${alert.serviceId}|${alert.kind}`),
  );
  const raised: Alert[] = [];
  for (const service of services) {
    const open = (['satisfaction', 'theme'] as const).filter(
      (kind) => !before.has(`${service.id}|${kind}`),
    );
    for (const finding of await findings(store, service, windows, minimum, open)) {
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
  // Read again: an alert another instance raised meanwhile is queued here too (once).
  const today = (await store.listAlerts(everyOfDay)).map(toAlert);
  let mailsQueued = 0;
  for (const alert of today) mailsQueued += await store.queueAlertMails(alert, now);
  return { day, services: services.length, raised, today, mailsQueued };
}

/**
 * `GET /api/v1/alerts`: the alerts raised on days in [from, to] (by default the
 * ALERTS_LISTED_DAYS days up to today), of one organisation (a provider's) or all (null), of one
 * service if asked (whose access the caller checked), newest first, at most MAX_ALERTS_LISTED.
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
    throw new ProblemError(
      400,
      INVALID_PERIOD,
      'The days are outside their limits; see errors.',
      errors,
    );
  }
  const stored = await store.listAlerts({
    from,
    to,
    organisationId: request.organisationId ?? undefined,
    serviceId: query.serviceId,
    limit: MAX_ALERTS_LISTED,
  });
  return { alerts: stored.map(toAlert) };
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

export interface AlertSchedule {
  /** Stops the timers; a check that is running finishes. */
  stop(): Promise<void>;
}

/** How often the server checks. */
export const ALERT_CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Checks shortly after start and then every hour. The timers are unref'd: they never keep the
 * process alive; a failing check is logged, not thrown (the next hour tries again).
 */
export function scheduleAlertChecks(options: {
  store: Store;
  minimum: number;
  logger: Logger;
  now?: () => number;
  firstRunMs?: number;
  everyMs?: number;
  /** Called after each check, with what it did or the error (tests wait on it). */
  onRun?: (result: AlertCheck | { error: unknown }) => void;
}): AlertSchedule {
  const { store, minimum, logger } = options;
  const now = options.now ?? Date.now;
  let running: Promise<void> | undefined;
  let interval: NodeJS.Timeout | undefined;

  const check = async () => {
    try {
      const result = await checkAlerts(store, now(), minimum);
      for (const alert of result.raised) {
        logger.info('alert raised', {
          alertId: alert.id,
          serviceId: alert.serviceId,
          kind: alert.kind,
          day: alert.day,
        });
      }
      logger.info('alerts checked', {
        day: result.day,
        services: result.services,
        raised: result.raised.length,
        mailsQueued: result.mailsQueued,
      });
      options.onRun?.(result);
    } catch (error) {
      logger.error('alert check failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      options.onRun?.({ error });
    }
  };
  const run = () => {
    // One check at a time: a slow one is not overtaken by the next hour's.
    running ??= check().finally(() => (running = undefined));
  };

  const first = setTimeout(() => {
    run();
    interval = setInterval(run, options.everyMs ?? ALERT_CHECK_EVERY_MS);
    interval.unref();
  }, options.firstRunMs ?? 60_000);
  first.unref();

  return {
    async stop() {
      clearTimeout(first);
      if (interval) clearInterval(interval);
      await running;
    },
  };
}
