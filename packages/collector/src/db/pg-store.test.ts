import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { databaseProblems } from '../test-support/invariants.ts';
import { dropSchema, freshPostgresUrl, TEST_POSTGRES_URL } from '../test-support/postgres.ts';
import { seedOrganisation } from '../test-support/seed.ts';
import { countRows, sqlRun } from '../test-support/sql.ts';
import { tcpRelay } from '../test-support/tcp-relay.ts';
import { pgRateLimiters } from '../http/rate-limit/postgres.ts';
import { LOCKS, PgStore } from './pg-store.ts';

// What only PostgreSQL has to prove: several instances on one database (each "instance" here is
// its own PgStore, its own connection pool, and its own app, as two processes would have), an
// outage of the server, and the migrations of earlier releases.

const urls: string[] = [];
const stores: PgStore[] = [];
afterAll(async () => {
  for (const store of stores) await store.close().catch(() => undefined);
  for (const url of urls) await dropSchema(url);
});

async function instances(count: number, deps: { rateLimitPerMinute?: number } = {}) {
  const url = freshPostgresUrl();
  urls.push(url);
  // Started together: the migration lock lets one migrate while the others wait.
  const opened = await Promise.all(Array.from({ length: count }, () => PgStore.open(url)));
  stores.push(...opened);
  await seedOrganisation(opened[0]!, { id: 'org-a', name: 'A' }, [{ id: 'dienst-a', name: 'A' }]);
  return opened.map((store) => {
    const app = createApp({
      store,
      rateLimitPerMinute: deps.rateLimitPerMinute ?? 0,
      rateLimiters: pgRateLimiters(store.pool),
    });
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      app.request('/api/v1/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    return { store, app, post };
  });
}

describe('PostgreSQL with several instances', () => {
  it('instances that start together migrate once', async () => {
    const [a] = await instances(3);
    const migrations = await a!.store.pool.query(
      `select count(*)::int as n from "${a!.store.schemaName}".__drizzle_migrations`,
    );
    expect(migrations.rows[0].n).toBe(
      readdirSync(new URL('../../drizzle/pg', import.meta.url)).filter((f) => f.endsWith('.sql'))
        .length,
    );
  });

  it('the same id posted to two instances at once is stored once; the other answer is unchanged', async () => {
    const [a, b] = await instances(2);
    const statuses: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const body = { id: randomUUID(), serviceId: 'dienst-a', rating: 1 + (i % 5), lang: 'nl' };
      const [first, second] = await Promise.all([a!.post(body), b!.post(body)]);
      statuses.push([first.status, second.status].sort().join('+'));
    }
    expect(new Set(statuses)).toEqual(new Set(['200+201']));
    expect(await countRows(a!.store, 'feedback')).toBe(50);
    expect(await databaseProblems(a!.store)).toEqual([]);
  });

  it('an update on the other instance within the window moves the rating, and rollups stay exact', async () => {
    const [a, b] = await instances(2);
    const bodies = Array.from({ length: 40 }, (_, i) => ({
      id: randomUUID(),
      serviceId: 'dienst-a',
      rating: 1 + (i % 5),
      lang: 'nl',
      ...(i % 2 ? { step: 'formulier' } : {}),
    }));
    await Promise.all(bodies.map((body) => a!.post(body)));
    // Concurrent, conflicting updates on both instances: each lands whole, none half. They move
    // submissions between languages and steps too, whose first posts are then recounted.
    const updates = await Promise.all(
      bodies.flatMap((body) => [
        b!.post({ ...body, rating: 5, comment: 'Via B', lang: 'fr', step: 'betaling' }),
        a!.post({ ...body, rating: 4, comment: 'Via A', step: 'formulier', outcome: 'error' }),
      ]),
    );
    expect(updates.every((response) => response.status === 200)).toBe(true);
    expect(await countRows(a!.store, 'feedback')).toBe(40);
    expect(await databaseProblems(a!.store)).toEqual([]);
  });

  it('an erasure racing updates and replays on other instances leaves it erased, with rollups exact', async () => {
    const [a, b, c] = await instances(3);
    const bodies = Array.from({ length: 40 }, (_, i) => ({
      id: randomUUID(),
      serviceId: 'dienst-a',
      rating: 1 + (i % 5),
      lang: 'nl',
      comment: `Opmerking ${i}`,
      ...(i % 2 ? { step: 'formulier', reasons: ['too-slow'], rating: 2 } : {}),
    }));
    await Promise.all(bodies.map((body) => a!.post(body)));
    // Each submission is updated on one instance, erased on another and replayed on a third, all
    // at once: whatever the order, the erasure wins and every figure is a recount of what is left.
    const answers = await Promise.all(
      bodies.flatMap((body) => [
        a!.post({ ...body, rating: 5, comment: 'Toch goed', reasons: [] }),
        b!.store.eraseFeedback('dienst-a', body.id, Date.now()),
        c!.post(body),
        a!.post({ ...body, rating: 1, lang: 'fr' }),
      ]),
    );
    const responses = answers.filter((answer): answer is Response => answer instanceof Response);
    expect(responses.map((response) => response.status).filter((s) => s >= 300)).toEqual([]);
    expect(await countRows(a!.store, 'feedback')).toBe(0);
    for (const body of bodies) expect(await a!.store.isErased(body.id)).toBe(true);
    expect(await databaseProblems(a!.store)).toEqual([]);
    const [month] = await a!.store.monthlyRollups('dienst-a', '2000-01-01', '2100-12-31');
    expect(month?.ratings ?? { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }).toEqual({
      '1': 0,
      '2': 0,
      '3': 0,
      '4': 0,
      '5': 0,
    });
  });

  it('rate limits are shared: a client throttled on one instance is throttled on all', async () => {
    const [a, b] = await instances(2, { rateLimitPerMinute: 3 });
    const body = () => ({ id: randomUUID(), serviceId: 'dienst-a', rating: 3, lang: 'nl' });
    // app.request() has no socket: both instances see the same (unknown) client.
    expect((await a!.post(body())).status).toBe(201);
    expect((await b!.post(body())).status).toBe(201);
    expect((await a!.post(body())).status).toBe(201);
    const limited = await b!.post(body());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const keys = await a!.store.pool.query<{ key: string }>('select key from rate_limits');
    expect(keys.rows.every((row) => !row.key.includes('unknown'))).toBe(true);
  });

  it('retention runs on one instance at a time', async () => {
    const [a, b] = await instances(2);
    for (let i = 0; i < 5; i += 1) {
      await a!.post({
        id: randomUUID(),
        serviceId: 'dienst-a',
        rating: 2,
        lang: 'nl',
        comment: 'Oud',
      });
    }
    // While another instance holds the prune lock, this one leaves the work to it.
    const holder = await a!.store.pool.connect();
    await holder.query('select pg_advisory_lock($1)', [LOCKS.prune]);
    expect(await b!.store.pruneComments(Date.now() + 1)).toBe(0);
    await holder.query('select pg_advisory_unlock($1)', [LOCKS.prune]);
    holder.release();
    expect(await b!.store.pruneComments(Date.now() + 1)).toBe(5);
    expect(await databaseProblems(a!.store, { afterRetention: true })).toEqual([]);
  });

  it('answers 503 with Retry-After while PostgreSQL is unreachable, and recovers without a restart', async () => {
    // The store reaches PostgreSQL through a TCP relay that the test cuts and restores: a
    // failover or a network outage as the collector sees it.
    const relay = await tcpRelay(new URL(TEST_POSTGRES_URL));
    const url = new URL(freshPostgresUrl());
    urls.push(url.toString());
    url.host = `127.0.0.1:${relay.port}`;
    const store = await PgStore.open(url.toString());
    stores.push(store);
    await seedOrganisation(store, { id: 'org-a', name: 'A' }, [{ id: 'dienst-a', name: 'A' }]);
    const app = createApp({
      store,
      rateLimitPerMinute: 5,
      rateLimiters: pgRateLimiters(store.pool),
    });
    const post = () =>
      app.request('/api/v1/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: randomUUID(), serviceId: 'dienst-a', rating: 4, lang: 'nl' }),
      });
    expect((await post()).status).toBe(201);

    await relay.cut();
    for (const response of [await post(), await post()]) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
    }
    expect((await app.request('/readyz')).status).toBe(503);

    await relay.restore();
    expect((await app.request('/readyz')).status).toBe(200);
    expect((await post()).status).toBe(201);
    expect(await countRows(store, 'feedback')).toBe(2);
    expect(await databaseProblems(store)).toEqual([]);
    await relay.close();
  });

  it('a database of every earlier release keeps every row through the later migrations', async () => {
    const folder = fileURLToPath(new URL('../../drizzle/pg', import.meta.url));
    const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    for (let applied = 1; applied < journal.entries.length; applied += 1) {
      // The migrations as release `applied` shipped them: the first `applied` of the journal.
      const release = mkdtempSync(join(tmpdir(), 'vo-feedback-pg-release-'));
      cpSync(folder, release, { recursive: true });
      writeFileSync(
        join(release, 'meta/_journal.json'),
        JSON.stringify({ ...journal, entries: journal.entries.slice(0, applied) }),
      );
      const url = freshPostgresUrl();
      urls.push(url);
      const schema = new URL(url).searchParams.get('schema')!;
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`create schema "${schema}"`);
        await client.query(`set search_path = "${schema}"`);
        await migrate(drizzle(client), { migrationsFolder: release, migrationsSchema: schema });
        await client.query(`insert into organisations values ('org-a', 'A', 1)`);
        await client.query(
          `insert into services (id, name, organisation_id, allowed_origins, created_at)
           values ('dienst-a', 'A', 'org-a', '[]', 1)`,
        );
        // Three submissions, two of them in one millisecond, and their rollup. Two name a step
        // of the journey: the later step in the alphabet first.
        for (const [id, rating, at, lang, step] of [
          ['00000000-0000-4000-8000-000000000003', 5, 1000, 'fr', 'formulier'],
          ['00000000-0000-4000-8000-000000000001', 4, 2000, 'nl', 'betaling'],
          ['00000000-0000-4000-8000-000000000002', 4, 2000, 'nl', null],
        ] as const) {
          await client.query(
            `insert into feedback (id, service_id, rating, lang, step, day, created_at, updated_at)
             values ($1, 'dienst-a', $2, $3, $4, '2026-01-01', $5, $5)`,
            [id, rating, lang, step, at],
          );
        }
        await client.query(
          `insert into daily_rollups (service_id, day, outcome, rating_4, rating_5)
           values ('dienst-a', '2026-01-01', '', 2, 1)`,
        );
        await client.query(
          `insert into daily_impressions (service_id, day, count)
           values ('dienst-a', '2026-01-01', 7), ('dienst-a', '2026-01-02', 5)`,
        );
        // A release that tells the widget's answers apart: these were the widget's.
        const { rowCount } = await client.query(
          `select 1 from information_schema.columns
            where table_schema = $1 and table_name = 'feedback' and column_name = 'widget'`,
          [schema],
        );
        if (rowCount) {
          await client.query('update feedback set widget = true');
          await client.query('update daily_rollups set widget_responses = 3');
        }
        // A release with channel rollups keeps them beside daily_rollups (all three on the web).
        const { rowCount: channels } = await client.query(
          `select 1 from information_schema.tables
            where table_schema = $1 and table_name = 'daily_channel_rollups'`,
          [schema],
        );
        if (channels) {
          await client.query(
            `insert into daily_channel_rollups (service_id, day, channel, rating_4, rating_5)
             values ('dienst-a', '2026-01-01', 'web', 2, 1)`,
          );
        }
        // A release that counts languages and steps keeps them too.
        const { rowCount: languages } = await client.query(
          `select 1 from information_schema.tables
            where table_schema = $1 and table_name = 'daily_language_rollups'`,
          [schema],
        );
        if (languages) {
          await client.query(
            `insert into daily_language_rollups (service_id, day, lang, rating_4, rating_5)
             values ('dienst-a', '2026-01-01', 'fr', 0, 1), ('dienst-a', '2026-01-01', 'nl', 2, 0)`,
          );
          await client.query(
            `insert into daily_step_rollups (service_id, day, step, rating_4, rating_5, first_seen)
             values ('dienst-a', '2026-01-01', 'formulier', 0, 1, 1000),
                    ('dienst-a', '2026-01-01', 'betaling', 1, 0, 2000)`,
          );
        }
      } finally {
        await client.end();
        rmSync(release, { recursive: true, force: true });
      }

      const store = await PgStore.open(url);
      stores.push(store);
      expect(await countRows(store, 'feedback'), `release ${applied}`).toBe(3);
      expect(await databaseProblems(store), `release ${applied}`).toEqual([]);
      // Answers from before the widget's were told apart count as the widget's: same rates.
      const [month] = await store.monthlyRollups('dienst-a', '2026-01-01', '2026-01-31');
      expect(month?.widgetResponses, `release ${applied}`).toBe(3);
      // The monthly rollups were filled from the daily ones (January is read from them alone).
      expect(await store.monthlyImpressions('dienst-a', '2026-01-01', '2026-01-31')).toEqual([
        { month: '2026-01', count: 12 },
      ]);
      // Languages and steps are counted from the rows the release left.
      const ratings = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
      expect(await store.languageRollups('dienst-a', '2026-01-01', '2026-01-31')).toEqual([
        { lang: 'fr', ratings: { ...ratings, '5': 1 } },
        { lang: 'nl', ratings: { ...ratings, '4': 2 } },
      ]);
      expect(await store.stepRollups('dienst-a', '2026-01-01', '2026-01-31')).toEqual([
        { step: 'formulier', ratings: { ...ratings, '5': 1 }, withOutcome: 0, notCompleted: 0 },
        { step: 'betaling', ratings: { ...ratings, '4': 1 }, withOutcome: 0, notCompleted: 0 },
      ]);
      const pages = [];
      for await (const page of store.feedbackPages({
        serviceId: 'dienst-a',
        start: 0,
        end: 3000,
      })) {
        pages.push(...page.map((row) => row.id.slice(-1)));
      }
      // Each row once; within the tie, in the order the rows were written.
      expect(pages, `release ${applied}`).toEqual(['3', '1', '2']);
      // And the store goes on working on it.
      await sqlRun(store, "update services set name = 'A2' where id = 'dienst-a'");
      expect((await store.getService('dienst-a'))?.name).toBe('A2');
    }
  });
});
