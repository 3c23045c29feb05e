import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingFeedback } from '../domain/store.ts';
import { seedOrganisation } from '../test-support/seed.ts';
import { StoreUnavailableError } from './errors.ts';
import { SqliteIngest } from './sqlite-ingest.ts';
import { SqliteStore } from './sqlite-store.ts';
import { WalSync } from './wal-sync.ts';
import { createWebhook } from '../use-cases/webhooks.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function storeOnFile() {
  const folder = mkdtempSync(join(tmpdir(), 'vo-feedback-durability-'));
  folders.push(folder);
  const store = new SqliteStore(`file:${join(folder, 'collector.sqlite')}`);
  await seedOrganisation(store, { id: 'org-a', name: 'A' }, [{ id: 'dienst-a', name: 'A' }]);
  return store;
}

const incoming = (): IncomingFeedback => ({
  id: randomUUID(),
  serviceId: 'dienst-a',
  rating: 4,
  lang: 'nl',
  redactions: 0,
  receivedAt: Date.now(),
});

/** A sync of the log that finishes when the test says so; `rows` stored when each was asked. */
function heldSync(store: SqliteStore) {
  const asked: number[] = [];
  const pending: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  const count = () =>
    (store.sqlite.prepare('select count(*) as n from feedback').get() as { n: number }).n;
  return {
    asked,
    sync: () =>
      new Promise<void>((resolve, reject) => {
        asked.push(count());
        pending.push({ resolve, reject });
      }),
    finish: () => pending.shift()!.resolve(),
    fail: (error: Error) => pending.shift()!.reject(error),
  };
}

const turns = async (n = 3) => {
  for (let i = 0; i < n; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

describe('SQLite durability', () => {
  it('syncs every commit (synchronous = FULL), so a 2xx survives a power loss', async () => {
    const store = await storeOnFile();
    try {
      expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      // 2 is FULL (1 NORMAL, 0 OFF).
      expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
      // Ingest syncs the log itself, off the event loop: afterwards the connection is FULL again.
      expect(await store.ingest(incoming())).toEqual({ status: 'stored' });
      expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('answers an ingest only once the log that holds it is synced; batches meanwhile wait for the next sync', async () => {
    const store = await storeOnFile();
    const log = heldSync(store);
    const ingest = new SqliteIngest(store.sqlite, () => {}, log);
    const answered: string[] = [];
    const first = ingest.ingest(incoming()).then((result) => {
      answered.push('first');
      return result;
    });
    await turns();
    // Committed, and the sync asked for after the commit; nobody answered yet.
    expect(log.asked).toEqual([1]);
    expect(answered).toEqual([]);

    // The event loop goes on: the next batch is written while the first sync runs.
    const second = ingest.ingest(incoming()).then((result) => {
      answered.push('second');
      return result;
    });
    await turns();
    expect(log.asked).toEqual([1]);
    expect(answered).toEqual([]);

    log.finish();
    expect(await first).toEqual({ status: 'stored' });
    await turns();
    // The second batch's own sync, asked once the first was done, with both rows in the log.
    expect(log.asked).toEqual([1, 2]);
    expect(answered).toEqual(['first']);
    log.finish();
    expect(await second).toEqual({ status: 'stored' });
    await store.close();
  });

  it('answers 503 when the sync fails; the retry finds the submission stored', async () => {
    const store = await storeOnFile();
    const log = heldSync(store);
    const ingest = new SqliteIngest(store.sqlite, () => {}, log);
    const submission = incoming();
    const refused = ingest.ingest(submission);
    await turns();
    log.fail(Object.assign(new Error('i/o error'), { code: 'EIO' }));
    await expect(refused).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(refused).rejects.toMatchObject({ reason: 'EIO' });

    const retry = ingest.ingest(submission);
    await turns();
    log.finish();
    expect(await retry).toEqual({ status: 'unchanged' });
    await store.close();
  });

  it('leaves the connection FULL after the webhook worker’s claim and results, which sync the log off the event loop', async () => {
    const store = await storeOnFile();
    try {
      const now = Date.now();
      const hook = await createWebhook(
        store,
        'org-a',
        { url: 'http://127.0.0.1:9/hook', events: ['feedback.created'] } as never,
        { actor: 'a', now, allowInsecure: true },
      );
      expect(await store.ingest(incoming())).toEqual({ status: 'stored' });
      const [claimed] = await store.claimDeliveries(Date.now(), Date.now() + 20_000, 16);
      expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
      const done = Date.now();
      const outcome = await store.recordAttempts(
        [
          {
            delivery: claimed!,
            history: [],
            statusCode: 204,
            error: null,
            delivered: true,
            nextAttemptAt: null,
            now: done,
          },
        ],
        5 * 86_400_000,
        'failing',
      );
      expect(outcome).toEqual([{ disabled: false }]);
      expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
      const [delivery] = await store.listDeliveries(hook.id, 1);
      expect(delivery).toMatchObject({ status: 'delivered', deliveredAt: done, attempts: 1 });
    } finally {
      await store.close();
    }
  });

  it('shares a sync of the log among those who ask while one runs', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'vo-feedback-wal-'));
    folders.push(folder);
    const store = new SqliteStore(`file:${join(folder, 'collector.sqlite')}`);
    const wal = new WalSync(join(folder, 'collector.sqlite-wal'));
    try {
      // The first starts at once; those asked while it runs wait for one that starts after it.
      const first = wal.sync();
      const second = wal.sync();
      const third = wal.sync();
      expect(second).toBe(third);
      expect(second).not.toBe(first);
      await Promise.all([first, second, third]);
      // None under way: the next one starts at once.
      const fourth = wal.sync();
      expect(fourth).not.toBe(second);
      await fourth;
    } finally {
      wal.close();
      await store.close();
    }
  });
});
