import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { PgStore } from '../packages/collector/src/db/pg-store.ts';
import { databaseProblems } from '../packages/collector/src/test-support/invariants.ts';
import { dropSchema, freshPostgresUrl } from '../packages/collector/src/test-support/postgres.ts';
import { sqlRows } from '../packages/collector/src/test-support/sql.ts';
import { startCollectorProcess, type CollectorProcess } from '../e2e/support.ts';

// Two built collector processes on one PostgreSQL, as two instances behind a load balancer: the
// same id posted to both at once, updates landing on the other instance, both answering reports.

const ADMIN_TOKEN = 'two-instances-admin-token-0123456789';
const processes: CollectorProcess[] = [];
const urls: string[] = [];
afterAll(async () => {
  for (const process of processes) await process.stop().catch(() => undefined);
  for (const url of urls) await dropSchema(url);
});

/** Two processes started at the same moment on one new PostgreSQL schema. */
async function twoInstances(env: Record<string, string>) {
  const databaseUrl = freshPostgresUrl();
  urls.push(databaseUrl);
  const started = await Promise.all(
    [0, 1].map(() => startCollectorProcess({ DATABASE_URL: databaseUrl, ADMIN_TOKEN, ...env })),
  );
  processes.push(...started);
  return { databaseUrl, a: started[0]!, b: started[1]! };
}

async function call(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string; origin?: string } = {},
) {
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.origin ? { origin: init.origin } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

interface Submission {
  id: string;
  serviceId: string;
  rating: number;
  lang: string;
  comment?: string;
  outcome?: string;
}

describe('two collector processes on one PostgreSQL', () => {
  it('store every submission once, keep rollups equal to a recount, and answer the same summary', async () => {
    const { databaseUrl, a, b } = await twoInstances({
      SEED_DEMO: '0',
      RATE_LIMIT_PER_MINUTE: '0',
    });
    const admin = (path: string, body: unknown) =>
      call(a.url, `/api/v1/admin${path}`, { body, token: ADMIN_TOKEN });
    expect((await admin('/organisations', { id: 'stad', name: 'Stad' })).status).toBe(201);
    expect(
      (
        await admin('/services', {
          id: 'loket',
          name: 'Loket',
          organisationId: 'stad',
          allowedOrigins: [],
        })
      ).status,
    ).toBe(201);
    const issued = await admin('/tokens', {
      label: 'stad',
      role: 'provider',
      organisationId: 'stad',
    });
    expect(issued.status).toBe(201);
    const token = String(issued.body.token);

    // Created through A: B finds the new service once it reloads its directory (within a second).
    const submission = (overrides: Partial<Submission> = {}): Submission => ({
      id: randomUUID(),
      serviceId: 'loket',
      rating: 1 + Math.floor(Math.random() * 5),
      lang: 'nl',
      ...overrides,
    });
    const post = (base: string, body: Submission) => call(base, '/api/v1/feedback', { body });
    const first = submission({ comment: 'Eerste, via B.' });
    const deadline = Date.now() + 10_000;
    let answer = await post(b.url, first);
    while (answer.status === 404 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await post(b.url, first);
    }
    expect(answer.status).toBe(201);

    /** What each id must hold at the end; undefined where two updates raced (either may win). */
    const expected = new Map<string, { rating: number; comment: string | null } | undefined>([
      [first.id, { rating: first.rating, comment: first.comment! }],
    ]);
    const unexpected: string[] = [];
    const expectStatus = (what: string, got: number, allowed: number[]) => {
      if (!allowed.includes(got)) unexpected.push(`${what}: ${got}`);
    };
    const instances = [a.url, b.url];

    // 16 clients, each mixing four kinds of traffic over both instances.
    const client = async (n: number) => {
      for (let i = 0; i < 60; i += 1) {
        const here = instances[(n + i) % 2]!;
        const there = instances[(n + i + 1) % 2]!;
        switch (i % 4) {
          case 0: {
            // A new submission, and an impression.
            const body = submission({ outcome: 'completed' });
            expectStatus('new', (await post(here, body)).status, [201]);
            expected.set(body.id, { rating: body.rating, comment: null });
            // From the widget on a page of the collector itself: impressions need an Origin.
            const impression = await call(here, '/api/v1/impressions', {
              body: { serviceId: 'loket' },
              origin: here,
            });
            expectStatus('impression', impression.status, [204]);
            break;
          }
          case 1: {
            // The same id to both instances at the same moment: stored once, the other unchanged.
            const body = submission({ comment: `Tegelijk ${n}-${i}` });
            const statuses = (await Promise.all(instances.map((url) => post(url, body)))).map(
              (r) => r.status,
            );
            if (statuses.sort().join('+') !== '200+201') unexpected.push(`same id: ${statuses}`);
            expected.set(body.id, { rating: body.rating, comment: body.comment! });
            break;
          }
          case 2: {
            // First post here, the update (a comment added, the rating changed) on the other
            // instance, then a replay of the first post: the window holds across instances.
            const body = submission({ rating: 2 });
            expectStatus('first', (await post(here, body)).status, [201]);
            const update = { ...body, rating: 5, comment: `Aangevuld ${n}-${i}` };
            expectStatus('update elsewhere', (await post(there, update)).status, [200]);
            expectStatus('replay of the update', (await post(here, update)).status, [200]);
            expected.set(body.id, { rating: 5, comment: update.comment });
            break;
          }
          default: {
            // Two different updates of one id at once on both instances: each lands whole.
            const body = submission({ rating: 3 });
            expectStatus('first', (await post(here, body)).status, [201]);
            const updates = await Promise.all([
              post(here, { ...body, rating: 1, comment: 'Hier' }),
              post(there, { ...body, rating: 5, comment: 'Daar' }),
            ]);
            for (const r of updates) expectStatus('racing update', r.status, [200]);
            expected.set(body.id, undefined);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, n) => client(n)));
    expect(unexpected).toEqual([]);

    const store = await PgStore.open(databaseUrl, { poolSize: 2 });
    try {
      const rows = await sqlRows(store, 'select id, rating, comment from feedback');
      // Every submission stored exactly once (the primary key holds the "at most").
      expect(rows.map((row) => row.id).sort()).toEqual([...expected.keys()].sort());
      for (const row of rows) {
        const want = expected.get(String(row.id));
        if (want)
          expect({ rating: row.rating, comment: row.comment }, String(row.id)).toEqual(want);
        else expect(['1 Hier', '5 Daar']).toContain(`${String(row.rating)} ${String(row.comment)}`);
      }
      expect(await databaseProblems(store)).toEqual([]);

      // Both instances answer the same figures, and they are the stored rows' figures.
      const [summaryA, summaryB] = await Promise.all(
        instances.map((url) => call(url, '/api/v1/services/loket/summary', { token })),
      );
      expect(summaryA!.status).toBe(200);
      expect(summaryB!.body).toEqual(summaryA!.body);
      const byRating = await sqlRows(
        store,
        'select rating, count(*) as n from feedback group by rating',
      );
      const ratings = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } as Record<string, number>;
      for (const row of byRating) ratings[String(row.rating)] = Number(row.n);
      expect(summaryA!.body.responses).toBe(expected.size);
      expect(summaryA!.body.ratings).toEqual(ratings);
      expect(summaryA!.body.impressions).toBe(16 * 15);
    } finally {
      await store.close();
    }
    expect(await a.stop()).toBe(0);
    expect(await b.stop()).toBe(0);
  });

  it('seed the demo once when both start together on a new database, and share rate limits', async () => {
    const { a, b } = await twoInstances({ SEED_DEMO: '1', RATE_LIMIT_PER_MINUTE: '4' });
    const tokens = [a.token, b.token].filter(Boolean);
    // Exactly one of the two printed the demo's token; the other started all the same.
    expect(tokens).toHaveLength(1);
    for (const instance of [a, b]) {
      const summary = await call(instance.url, '/api/v1/services/demo-dienst/summary', {
        token: tokens[0],
      });
      expect(summary.status).toBe(200);
    }
    // One client, four submissions a minute in all: counted together by both instances. The
    // count is per clock minute; start well inside one so that all six land in it.
    const leftOfMinute = 60_000 - (Date.now() % 60_000);
    if (leftOfMinute < 15_000)
      await new Promise((resolve) => setTimeout(resolve, leftOfMinute + 100));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const body = { id: randomUUID(), serviceId: 'demo-dienst', rating: 4, lang: 'nl' };
      statuses.push((await call([a, b][i % 2]!.url, '/api/v1/feedback', { body })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
    expect(await a.stop()).toBe(0);
    expect(await b.stop()).toBe(0);
  });
});
