import { describe, expect, it } from 'vitest';
import type { Store } from '../domain/store.ts';
import { jsonLogger } from '../config/logger.ts';
import { DAY_MS, pruneExpiredComments, scheduleRetention } from './retention.ts';
import { openTestStore } from '../test-support/backend.ts';
import { json, submission, testCollector } from '../test-support/fixtures.ts';
import { countRows, sqlRows, sqlRun } from '../test-support/sql.ts';

const START = Date.parse('2024-03-01T10:00:00Z');

/** A collector whose clock the test moves, with feedback posted at different moments. */
async function collectorWithHistory() {
  let clock = START;
  const collector = await testCollector({ now: () => clock });
  const at = async (time: number, body: Record<string, unknown>) => {
    clock = time;
    const response = await collector.post(submission(body));
    expect(response.status).toBe(201);
  };
  const old1 = submission({ comment: 'Oude opmerking.', rating: 2 });
  const old2 = submission({ comment: 'Nog een oude.', rating: 5, outcome: 'completed' });
  const oldNoComment = submission({ rating: 4 });
  const recent = submission({ comment: 'Recente opmerking.', rating: 3 });
  await at(START, old1);
  await at(START + 1000, old2);
  await at(START + 2000, oldNoComment);
  await at(START + 400 * DAY_MS, recent);
  const setClock = (time: number) => {
    clock = time;
  };
  return { ...collector, old1, old2, oldNoComment, recent, setClock };
}

const rollups = (store: Store) =>
  sqlRows(store, 'select * from daily_rollups order by service_id, day, outcome');

describe('retention', () => {
  it('removes comments older than the period and keeps rows, ratings and every aggregate', async () => {
    const { store, get, tokenA, old1, old2, oldNoComment, recent, setClock } =
      await collectorWithHistory();
    const period = '?from=2024-01-01&to=2025-12-31';
    const summaryBefore = await json(
      await get(`/api/v1/services/dienst-a/summary${period}`, tokenA),
    );
    const rollupsBefore = await rollups(store);
    expect(summaryBefore.comments).toBe(3);

    // 800 days after the start: the old comments are beyond 730 days, the one of day 400 is not.
    const now = START + 800 * DAY_MS;
    setClock(now);
    const result = await pruneExpiredComments(store, 730, now);
    expect(result.removed).toBe(2);
    expect(result.before.toISOString()).toBe(new Date(now - 730 * DAY_MS).toISOString());

    expect((await store.getFeedback(old1.id))?.comment).toBeNull();
    expect((await store.getFeedback(old2.id))?.comment).toBeNull();
    expect((await store.getFeedback(recent.id))?.comment).toBe('Recente opmerking.');
    // The rows stay with their ratings; the row without a comment is untouched.
    expect(await store.getFeedback(old1.id)).toMatchObject({ rating: 2, lang: 'nl' });
    expect(await store.getFeedback(old2.id)).toMatchObject({ rating: 5, outcome: 'completed' });
    expect(await store.getFeedback(oldNoComment.id)).toMatchObject({ rating: 4, comment: null });

    // Aggregates are kept: the rollups, the comment count among them, do not change.
    expect(await rollups(store)).toEqual(rollupsBefore);
    const summaryAfter = await json(
      await get(`/api/v1/services/dienst-a/summary${period}`, tokenA),
    );
    expect(summaryAfter).toEqual(summaryBefore);

    // A second run finds nothing more.
    expect((await pruneExpiredComments(store, 730, now)).removed).toBe(0);
  });

  it('keeps a comment exactly at the cutoff and removes one a millisecond older', async () => {
    const { store, old1, old2 } = await collectorWithHistory();
    // old2 was posted 1000 ms after old1: put the cutoff exactly on old2.
    const now = START + 1000 + 10 * DAY_MS;
    expect((await pruneExpiredComments(store, 10, now)).removed).toBe(1);
    expect((await store.getFeedback(old1.id))?.comment).toBeNull();
    expect((await store.getFeedback(old2.id))?.comment).toBe('Nog een oude.');
  });

  it('removes every expired comment of a large table, batch after batch', async () => {
    const store = await openTestStore();
    const rows: unknown[][] = [];
    for (let i = 0; i < 2500; i++) {
      rows.push([`old-${i}`, i % 5 === 0 ? null : `opmerking ${i}`, START + i, START + i]);
    }
    for (let i = 0; i < 10; i++) {
      rows.push([`new-${i}`, 'nieuw', START + 100 * DAY_MS, START + 100 * DAY_MS]);
    }
    // Many rows per statement: the same SQL inserts them on either backend.
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await sqlRun(
        store,
        `insert into feedback (id, service_id, rating, comment, lang, day, created_at, updated_at)
         values ${chunk.map(() => "(?, 'dienst', 3, ?, 'nl', '2024-01-01', ?, ?)").join(', ')}`,
        chunk.flat(),
      );
    }
    expect(await store.pruneComments(START + 50 * DAY_MS)).toBe(2000);
    const [left] = await sqlRows(
      store,
      'select count(*) as n from feedback where comment is not null',
    );
    expect(left?.n).toBe(10);
    expect(await countRows(store, 'feedback')).toBe(2510);
  });
});

describe('scheduleRetention', () => {
  it('prunes soon after start and logs how many comments it removed', async () => {
    const { store } = await collectorWithHistory();
    const lines: string[] = [];
    const ran = new Promise<{ removed: number } | { error: unknown }>((resolve) => {
      const schedule = scheduleRetention({
        store,
        retentionDays: 730,
        logger: jsonLogger((line) => lines.push(line)),
        now: () => START + 800 * DAY_MS,
        firstRunMs: 0,
        onRun: (result) => {
          schedule.stop();
          resolve(result);
        },
      });
    });
    expect(await ran).toEqual({ removed: 2 });
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'info', message: 'retention', removed: 2 });
    // The log says how many, never what.
    expect(lines.join('')).not.toContain('opmerking');
  });

  it('logs a failure and keeps the process alive', async () => {
    const store = await openTestStore();
    await store.close();
    const lines: string[] = [];
    const ran = new Promise<{ removed: number } | { error: unknown }>((resolve) => {
      const schedule = scheduleRetention({
        store,
        retentionDays: 730,
        logger: jsonLogger((line) => lines.push(line)),
        firstRunMs: 0,
        onRun: (result) => {
          schedule.stop();
          resolve(result);
        },
      });
    });
    expect(await ran).toHaveProperty('error');
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', message: 'retention failed' });
  });
});
