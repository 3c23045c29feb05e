import type { Store } from '../domain/store.ts';
import type { Logger } from '../config/logger.ts';
import { forgetThemes } from './theme-cache.ts';

// Storage limitation (GDPR art. 5(1)(e)): a comment is kept RETENTION_DAYS after it was first
// posted, then its text is deleted. The submission row (rating, language, outcome, day) and every
// daily rollup stay as they were, the rollup's comment count included: that count says how many
// people wrote a comment that day, which stays true after the text is gone, so reports and
// summaries of past years do not change when retention runs.

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant before which comments are removed: `retentionDays` days before `now`. */
export function retentionCutoff(retentionDays: number, now: number): number {
  return now - retentionDays * DAY_MS;
}

/** Removes the comments older than the retention period; returns how many and the cutoff. */
export async function pruneExpiredComments(
  store: Store,
  retentionDays: number,
  now: number,
): Promise<{ removed: number; before: Date }> {
  const before = retentionCutoff(retentionDays, now);
  const removed = await store.pruneComments(before);
  // Themes counted from comments that are now gone must not outlive them.
  if (removed > 0) forgetThemes(store);
  return { removed, before: new Date(before) };
}

export interface RetentionSchedule {
  /** Stops the timers; a prune that is running finishes. */
  stop(): void;
}

/**
 * Runs the prune shortly after start and then once a day. The timers are unref'd: they never keep
 * the process alive, and a failing prune is logged, not fatal (the next day tries again).
 */
export function scheduleRetention(options: {
  store: Store;
  retentionDays: number;
  logger: Logger;
  now?: () => number;
  firstRunMs?: number;
  everyMs?: number;
  /** Called after each run, with the number removed or the error (tests wait on it). */
  onRun?: (result: { removed: number } | { error: unknown }) => void;
}): RetentionSchedule {
  const { store, retentionDays, logger } = options;
  const now = options.now ?? Date.now;
  let running = false;
  let interval: NodeJS.Timeout | undefined;

  const run = async () => {
    if (running) return;
    running = true;
    try {
      const { removed, before } = await pruneExpiredComments(store, retentionDays, now());
      logger.info('retention', { removed, before: before.toISOString(), retentionDays });
      options.onRun?.({ removed });
    } catch (error) {
      logger.error('retention failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      options.onRun?.({ error });
    } finally {
      running = false;
    }
  };

  const first = setTimeout(() => {
    void run();
    interval = setInterval(() => void run(), options.everyMs ?? DAY_MS);
    interval.unref();
  }, options.firstRunMs ?? 30_000);
  first.unref();

  return {
    stop() {
      clearTimeout(first);
      if (interval) clearInterval(interval);
    },
  };
}
