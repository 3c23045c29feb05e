import type { Logger } from '../config/logger.ts';
import type { Store } from '../domain/store.ts';
import { runRounds, type BackgroundShare } from './background-share.ts';

// The theme indexer: counts new comments into the kept theme counts (schema-themes.*.ts) and
// subtracts those that changed or went, a batch at a time, a little after ingest and never in the
// request that brought them. A report reads what it has not taken yet beside the counts, so its
// lag changes no figure; after an upgrade it works through every stored comment once.

/**
 * Comments counted (and retractions subtracted) in one transaction: small, because ingest waits
 * for it (on SQLite, a few milliseconds), large enough that a backlog goes at tens of thousands a
 * second.
 */
export const THEME_BATCH = 200;

/** Counts every comment not counted yet; how many it took. Tests and benchmarks. */
export async function countAllThemes(store: Store, batch = THEME_BATCH): Promise<number> {
  let total = 0;
  for (let taken; (taken = await store.countThemeBacklog(batch)) > 0;) total += taken;
  return total;
}

export interface ThemeIndexerOptions {
  store: Store;
  logger: Logger;
  /** Yields to submissions while they keep the loop busy (background-share.ts). */
  share?: BackgroundShare;
  /** How long it waits once nothing is left, in ms. Default 2,000. */
  pollMs?: number;
  batch?: number;
}

/** Runs the indexer in this process until `stop`; on several instances, each takes other rows. */
export function startThemeIndexer(options: ThemeIndexerOptions): { stop(): Promise<void> } {
  const batch = options.batch ?? THEME_BATCH;
  return runRounds(
    async () => {
      let taken = 0;
      try {
        taken = await options.store.countThemeBacklog(batch);
      } catch (error) {
        // The database is away: try again after the pause.
        options.logger.error('theme indexer round failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
      return { worked: taken, full: taken >= batch };
    },
    options.pollMs ?? 2_000,
    options.share,
  );
}
