import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { Logger } from '../config/logger.ts';
import { completedPeriod, digestKey, type DigestPayload, type QueuedMail } from '../domain/mail.ts';
import type { Period } from '../domain/period.ts';
import type { Store } from '../domain/store.ts';
import { brusselsDay } from '../domain/time.ts';

// When digests go out: every Monday at 08:00 in Brussels the week before (Monday–Sunday), every
// first of the month at 08:00 the month before. Each instance's schedule queues one message per
// subscriber and period under the key `digest:<subscription>:<period>`: however many instances
// tick, and whether one restarts, each subscriber gets each period's digest once. The schedule
// also looks every 15 minutes, and at start: a run no instance was up for, or whose tick failed
// (the database away at 08:00), is queued then, as long as the run is at most a day ago.

export type DigestFrequency = DigestPayload['frequency'];

export const DIGEST_SCHEDULES: Record<DigestFrequency, string> = {
  weekly: '0 8 * * 1',
  monthly: '0 8 1 * *',
};
export const DIGEST_TIME_ZONE = 'Europe/Brussels';

/** A run this long ago or less is still queued by a later look (a start, the 15-minute check). */
export const MISSED_RUN_WINDOW_MS = 86_400_000;

/** How often the schedule looks again for a run whose digests are not queued yet. */
export const DIGEST_RECHECK_MS = 15 * 60_000;

/** The latest scheduled run of a frequency at or before `now`. */
export function lastRun(frequency: DigestFrequency, now: number): number | undefined {
  const schedule = new Cron(DIGEST_SCHEDULES[frequency], {
    timezone: DIGEST_TIME_ZONE,
    paused: true,
  });
  // Runs before the reference, to the second: the next second includes a run at `now` itself.
  const [run] = schedule.previousRuns(1, new Date(Math.floor(now / 1000) * 1000 + 1000));
  schedule.stop();
  return run?.getTime();
}

/**
 * Queues the digest of `period` for every subscriber of `frequency`; `run` makes the key of an
 * explicit run (`digests send --now`) its own; `subscribedBy` leaves out subscriptions created
 * after that instant. The ids of its messages, and how many of them were new (not queued before
 * under the same key).
 */
export async function queueDigests(
  store: Store,
  frequency: DigestFrequency,
  period: Period,
  now: number,
  options: { soFar: boolean; run?: string; subscribedBy?: number },
): Promise<{ ids: string[]; queued: number }> {
  const payload = JSON.stringify({
    frequency,
    period,
    soFar: options.soFar,
  } satisfies DigestPayload);
  const { subscribedBy } = options;
  const subscribers = (await store.subscriptionsOf(frequency)).filter(
    (subscription) => subscribedBy === undefined || subscription.createdAt <= subscribedBy,
  );
  const mails: QueuedMail[] = subscribers.map((subscription) => ({
    id: randomUUID(),
    dedupeKey: digestKey(subscription.id, period, options.run),
    kind: 'digest',
    subscriptionId: subscription.id,
    toAddress: subscription.email,
    payload,
    createdAt: now,
  }));
  const queued = await store.queueMails(mails);
  return { ids: mails.map((mail) => mail.id), queued };
}

/**
 * Queues the digests of each frequency's latest run, when it was at most a day ago: the tick
 * itself, a start or a 15-minute look after a run that no instance was up for or whose tick
 * failed. Only subscriptions that existed at the run: one created at 10:00 on a Monday gets the
 * next week's digest, not the last. How many were new.
 */
export async function queueDueDigests(store: Store, now: number): Promise<number> {
  let queued = 0;
  for (const frequency of ['weekly', 'monthly'] as const) {
    const run = lastRun(frequency, now);
    if (run === undefined || now - run > MISSED_RUN_WINDOW_MS) continue;
    const period = completedPeriod(frequency, brusselsDay(run));
    queued += (
      await queueDigests(store, frequency, period, now, { soFar: false, subscribedBy: run })
    ).queued;
  }
  return queued;
}

/**
 * The schedule in this process: queues what is due at start, at each run (croner, in Brussels
 * time) and every `recheckMs` (DIGEST_RECHECK_MS). The mail worker sends what it queues.
 */
export function scheduleDigests(options: {
  store: Store;
  logger: Logger;
  now?: () => number;
  recheckMs?: number;
}): { stop(): void } {
  const now = options.now ?? Date.now;
  let inFlight = false;
  const tick = () => {
    // A look still running (a slow database) is not joined by another: the next one follows.
    if (inFlight) return;
    inFlight = true;
    queueDueDigests(options.store, now())
      .catch((error: unknown) => {
        // The database is away: the next look, within 15 minutes, queues it (while the run is at
        // most a day ago).
        options.logger.error('digests not queued', {
          error: error instanceof Error ? error.message : String(error),
        });
      })
      .finally(() => {
        inFlight = false;
      });
  };
  const jobs = Object.values(DIGEST_SCHEDULES).map(
    (pattern) =>
      new Cron(pattern, { timezone: DIGEST_TIME_ZONE, unref: true, protect: true }, tick),
  );
  const recheck = setInterval(tick, options.recheckMs ?? DIGEST_RECHECK_MS);
  recheck.unref();
  tick();
  return {
    stop() {
      clearInterval(recheck);
      for (const job of jobs) job.stop();
    },
  };
}
