import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { jsonLogger } from '../config/logger.ts';
import { json, submission } from '../test-support/fixtures.ts';
import { databaseProblems } from '../test-support/invariants.ts';
import { seedOrganisation } from '../test-support/seed.ts';
import { tempFolder } from '../test-support/temp-dir.ts';
import { SqliteStore } from './sqlite-store.ts';

const METRICS_TOKEN = 'metrics-token-0123456789abcdefghij';

async function collectorOnFile() {
  const file = join(tempFolder(), 'db.sqlite');
  const store = new SqliteStore(`file:${file}`, { busyTimeoutMs: 50 });
  await seedOrganisation(store, { id: 'org-a', name: 'A' }, [{ id: 'dienst-a', name: 'A' }]);
  const lines: string[] = [];
  const app = createApp({
    store,
    rateLimitPerMinute: 0,
    logger: jsonLogger((l) => lines.push(l)),
    metricsToken: METRICS_TOKEN,
  });
  const post = (body: unknown) =>
    app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const metrics = async () =>
    (
      await app.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
  return { file, store, post, lines, metrics };
}

describe('when the database cannot take writes', () => {
  it('answers 503 with Retry-After while another process holds the write lock, then recovers', async () => {
    const { file, store, post, lines, metrics } = await collectorOnFile();
    const other = new Database(file);
    other.prepare('begin immediate').run();

    const busy = await post(submission());

    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('5');
    expect((await json(busy)).detail).toMatch(/retry/);
    expect(
      lines.some((l) => l.includes('"database unavailable"') && l.includes('SQLITE_BUSY')),
    ).toBe(true);

    // An operator sees it in /metrics, by the database's own code.
    expect(await metrics()).toMatch(
      /^vo_feedback_database_errors_total\{reason="SQLITE_BUSY"\} 1$/m,
    );

    other.prepare('rollback').run();
    other.close();
    const body = submission();
    expect((await post(body)).status).toBe(201);
    expect(await store.getFeedback(body.id)).toBeDefined();
    expect(await databaseProblems(store)).toEqual([]);
  });

  it('answers 503 when the disk is full, loses nothing stored before, and recovers', async () => {
    const { store, post } = await collectorOnFile();
    const before = submission({ comment: 'Eerst' });
    expect((await post(before)).status).toBe(201);
    // A page limit at the current size makes every growing write fail as SQLITE_FULL.
    const pages = store.sqlite.pragma('page_count', { simple: true }) as number;
    store.sqlite.pragma(`max_page_count = ${pages}`);

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post(submission({ comment: 'x'.repeat(1500) }))),
    );

    expect(responses.map((r) => r.status)).toContain(503);
    expect(responses.every((r) => r.status === 201 || r.status === 503)).toBe(true);
    store.sqlite.pragma('max_page_count = 1073741823');
    const after = submission();
    expect((await post(after)).status).toBe(201);
    expect((await store.getFeedback(before.id))?.comment).toBe('Eerst');
    expect(await databaseProblems(store)).toEqual([]);
    const stored = store.sqlite.prepare('select count(*) as n from feedback').get() as {
      n: number;
    };
    expect(stored.n).toBe(2 + responses.filter((r) => r.status === 201).length);
  });
});
