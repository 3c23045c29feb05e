import type { Logger } from '../config/logger.ts';
import type { Store } from '../domain/store.ts';
import { checkAlerts, messageOf, type AlertCheck } from './alerts.ts';

// The server's alert checks: a minute after start and then every hour (use-cases/alerts.ts
// checks). Stopping aborts a running check before its next service and waits for it.

export interface AlertSchedule {
  /**
   * Stops the timers and the check that is running, before its next service (what it raised is
   * raised; its mails are queued by the next check, on this or another instance); resolves once
   * it has stopped.
   */
  stop(): Promise<void>;
}

/** How often the server checks. */
export const ALERT_CHECK_EVERY_MS = 60 * 60 * 1000;

/** Logs what a check did: each alert raised, each service that failed, and the totals. */
function logCheck(logger: Logger, result: AlertCheck): void {
  for (const alert of result.raised) {
    logger.info('alert raised', {
      alertId: alert.id,
      serviceId: alert.serviceId,
      kind: alert.kind,
      day: alert.day,
    });
  }
  for (const failure of result.failures) {
    logger.error('alert check failed for a service', { ...failure });
  }
  logger.info('alerts checked', {
    day: result.day,
    services: result.services,
    checked: result.checked,
    stopped: result.stopped,
    raised: result.raised.length,
    failed: result.failures.length,
    mailsQueued: result.mailsQueued,
  });
}

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
  const stopping = new AbortController();
  let running: Promise<void> | undefined;
  let interval: NodeJS.Timeout | undefined;

  const check = async () => {
    try {
      const result = await checkAlerts(store, now(), minimum, { signal: stopping.signal });
      logCheck(logger, result);
      options.onRun?.(result);
    } catch (error) {
      logger.error('alert check failed', { error: messageOf(error) });
      options.onRun?.({ error });
    }
  };
  const run = () => {
    if (stopping.signal.aborted) return;
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
      stopping.abort();
      clearTimeout(first);
      if (interval) clearInterval(interval);
      await running;
    },
  };
}
