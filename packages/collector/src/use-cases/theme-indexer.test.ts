import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../config/logger.ts';
import { openTestStore } from '../test-support/backend.ts';
import { seedOrganisation } from '../test-support/seed.ts';
import { sqlRows } from '../test-support/sql.ts';
import { startThemeIndexer } from './theme-indexer.ts';

describe('the theme indexer of a running collector', () => {
  it('counts a comment shortly after it arrives, and one erased later is taken off again', async () => {
    const store = await openTestStore();
    await seedOrganisation(store, { id: 'org-a', name: 'A' }, [{ id: 'dienst-a', name: 'A' }]);
    const indexer = startThemeIndexer({ store, logger: silentLogger, pollMs: 10 });
    try {
      const at = Date.parse('2026-05-04T09:00:00Z');
      for (const [i, comment] of ['Wachttijd te lang', 'Lange wachttijd aan de balie'].entries()) {
        await store.ingest({
          id: `0195f0e0-0000-7000-8000-00000000000${i}`,
          serviceId: 'dienst-a',
          rating: 2,
          comment,
          lang: 'nl',
          redactions: 0,
          receivedAt: at + i,
        });
      }
      const wachttijd = () =>
        sqlRows(
          store,
          "select count from theme_counts where kind = 'word' and stem = 'wachttijd' and form = ''",
        );
      await vi.waitFor(async () => expect(await wachttijd()).toEqual([{ count: 2 }]));
      await store.eraseFeedback('dienst-a', '0195f0e0-0000-7000-8000-000000000000', at + 10);
      await vi.waitFor(async () => expect(await wachttijd()).toEqual([{ count: 1 }]));
      expect(await sqlRows(store, 'select id from theme_retractions')).toEqual([]);
    } finally {
      await indexer.stop();
    }
  });
});
