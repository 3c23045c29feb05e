import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PgStore } from '../packages/collector/src/db/pg-store.ts';
import { SqliteStore } from '../packages/collector/src/db/sqlite-store.ts';
import type { Store } from '../packages/collector/src/domain/store.ts';
import { dropSchema, freshPostgresUrl } from '../packages/collector/src/test-support/postgres.ts';
import { sqlRows } from '../packages/collector/src/test-support/sql.ts';
import {
  startWebhookReceiver,
  verifyStandardWebhook,
  type ReceivedRequest,
} from '../packages/collector/src/test-support/webhook-receiver.ts';
import {
  freePort,
  repoRoot,
  startCollectorProcess,
  type CollectorProcess,
} from '../e2e/support.ts';

// Webhooks that lose nothing: the built collector delivers to a receiver that fails every event's
// first attempt; the collector is killed with SIGKILL while deliveries are pending (attempts in
// flight among them) and restarted on the same database. Every event is delivered, every request
// verifies with the Standard Webhooks library, and every attempt of an event carries one
// webhook-id. The same with two instances on one PostgreSQL: each attempt is made by one of them.

const ADMIN_TOKEN = 'webhooks-reliability-admin-token-0123';
// The schedule at a hundredth (5 s → 50 ms, 5 min → 3 s): a retry comes within the second.
const ENV = {
  ALLOW_INSECURE_WEBHOOKS: '1',
  WEBHOOK_RETRY_SCALE: '0.01',
  RATE_LIMIT_PER_MINUTE: '0',
};

const processes: CollectorProcess[] = [];
const closers: Array<() => Promise<void>> = [];
const dirs: string[] = [];
const schemas: string[] = [];
afterEach(async () => {
  for (const process of processes.splice(0)) await process.kill().catch(() => undefined);
  for (const close of closers.splice(0)) await close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => {
  for (const url of schemas) await dropSchema(url);
});

async function call(base: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** A receiver that fails the first attempt of every event and answers after `delayMs`. */
async function failingFirstReceiver(delayMs: number) {
  const receiver = await startWebhookReceiver({
    answer: (request) => (request.attempt === 1 ? 500 : 204),
    delayMs,
  });
  closers.push(receiver.close);
  return receiver;
}

/** Posts `count` submissions of `serviceId` spread over `bases`; the events each one raises. */
async function postSubmissions(bases: string[], serviceId: string, count: number) {
  const events: string[] = [];
  await Promise.all(
    Array.from({ length: 8 }, async (_, client) => {
      for (let i = client; i < count; i += 8) {
        const rating = (i % 5) + 1;
        const body = { id: randomUUID(), serviceId, rating, lang: 'nl', comment: `Nummer ${i}.` };
        const answer = await call(bases[i % bases.length]!, '/api/v1/feedback', body);
        expect(answer.status).toBe(201);
        events.push(`feedback.created|${body.id}`);
        if (rating <= 2) events.push(`feedback.low-rating|${body.id}`);
      }
    }),
  );
  return events;
}

/** The event a request carries, `type|submission id`, from its verified body. */
function eventOf(secret: string, request: ReceivedRequest): string {
  const body = verifyStandardWebhook(secret, request) as { type: string; data: { id: string } };
  return `${body.type}|${body.data.id}`;
}

async function waitFor(what: string, done: () => boolean | Promise<boolean>, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * What every run must show: each expected event delivered (a 2xx), every request verified, all
 * requests of an event under one webhook-id, and each event's first attempt refused.
 */
function expectNothingLost(secret: string, received: ReceivedRequest[], expected: string[]) {
  const idsOfEvent = new Map<string, Set<string>>();
  for (const request of received) {
    const event = eventOf(secret, request);
    idsOfEvent.set(event, (idsOfEvent.get(event) ?? new Set()).add(request.id));
  }
  expect([...idsOfEvent.keys()].sort()).toEqual([...expected].sort());
  expect([...idsOfEvent.values()].filter((ids) => ids.size !== 1)).toEqual([]);
  const delivered = new Set(
    received.filter((r) => r.status < 300).map((request) => eventOf(secret, request)),
  );
  expect(expected.filter((event) => !delivered.has(event))).toEqual([]);
  const first = received.filter((r) => r.attempt === 1);
  expect(first.every((r) => r.status === 500)).toBe(true);
}

async function deliveryStatuses(store: Store) {
  return sqlRows(store, 'select status, count(*) as n from webhook_deliveries group by status');
}

/** Until the outbox holds `count` deliveries, all delivered (the collector recorded each). */
async function waitUntilRecorded(store: Store, count: number, seconds: number) {
  await waitFor(
    `${count} deliveries recorded as delivered`,
    async () => {
      const statuses = await deliveryStatuses(store);
      return (
        statuses.length === 1 && statuses[0]!.status === 'delivered' && statuses[0]!.n === count
      );
    },
    seconds,
  );
}

describe('webhooks lose nothing', () => {
  it('through kill -9 and a restart on the same SQLite database', async () => {
    const receiver = await failingFirstReceiver(200);
    const dir = mkdtempSync(join(tmpdir(), 'vo-feedback-webhooks-'));
    dirs.push(dir);
    const port = await freePort();
    const first = await startCollectorProcess(ENV, { dir, port });
    processes.push(first);
    const created = await call(
      first.url,
      '/api/v1/webhooks',
      {
        url: receiver.url,
        events: ['feedback.created', 'feedback.low-rating'],
        includeComment: true,
      },
      first.token,
    );
    expect(created.status).toBe(201);
    const secret = String(created.body.secret);

    const expected = await postSubmissions([first.url], 'demo-dienst', 200);
    // Killed while deliveries are pending: some delivered, the rest waiting or on their way.
    await waitFor('the first deliveries', () => receiver.delivered().length >= 40, 60);
    await first.kill();
    const deliveredAtKill = receiver.delivered().length;
    expect(deliveredAtKill).toBeLessThan(expected.length);

    const second = await startCollectorProcess(ENV, { dir, port });
    processes.push(second);
    const store = new SqliteStore(`file:${join(dir, 'data/vo-feedback.sqlite')}`);
    try {
      // Attempts cut off by the kill (sent, perhaps answered, never recorded) are made again
      // once their 20-second lease has passed.
      await waitUntilRecorded(store, expected.length, 90);
    } finally {
      await store.close();
    }
    expect(await second.stop()).toBe(0);
    expectNothingLost(secret, receiver.received, expected);
    mkdirSync(`${repoRoot}.test-results`, { recursive: true });
    writeFileSync(
      `${repoRoot}.test-results/webhooks.json`,
      `${JSON.stringify(
        {
          events: expected.length,
          deliveredBeforeKill: deliveredAtKill,
          requests: receiver.received.length,
          duplicateDeliveries: receiver.delivered().length - expected.length,
        },
        null,
        2,
      )}\n`,
    );
  });

  it('with two instances on one PostgreSQL: each attempt made by one of them, and through kill -9', async () => {
    const receiver = await failingFirstReceiver(100);
    const databaseUrl = freshPostgresUrl();
    schemas.push(databaseUrl);
    const env = { ...ENV, DATABASE_URL: databaseUrl, ADMIN_TOKEN, SEED_DEMO: '0' };
    const [a, b] = await Promise.all([startCollectorProcess(env), startCollectorProcess(env)]);
    processes.push(a!, b!);
    const admin = (path: string, body: unknown) =>
      call(a!.url, `/api/v1/admin${path}`, body, ADMIN_TOKEN);
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
    const token = String(issued.body.token);
    const created = await call(
      a!.url,
      '/api/v1/webhooks',
      { url: receiver.url, events: ['feedback.created', 'feedback.low-rating'] },
      token,
    );
    expect(created.status).toBe(201);
    const secret = String(created.body.secret);
    // B learns of the new service within a second (its directory reloads).
    let probe = await call(b!.url, '/api/v1/feedback', {
      id: randomUUID(),
      serviceId: 'loket',
      rating: 4,
      lang: 'nl',
    });
    for (let i = 0; probe.status === 404 && i < 50; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      probe = await call(b!.url, '/api/v1/feedback', {
        id: randomUUID(),
        serviceId: 'loket',
        rating: 4,
        lang: 'nl',
      });
    }
    expect(probe.status).toBe(201);
    await waitFor('the probe delivered', () => receiver.delivered().length === 1, 30);
    const probeRequests = receiver.received.length;

    // Both instances deliver, and no attempt is made twice: exactly one refused and one
    // accepted request per event.
    const calm = await postSubmissions([a!.url, b!.url], 'loket', 150);
    await waitFor(
      'every event delivered',
      () => new Set(receiver.delivered().map((r) => r.id)).size >= calm.length + 1,
      60,
    );
    const calmRequests = receiver.received.slice(probeRequests);
    const perId = new Map<string, number>();
    for (const request of calmRequests) perId.set(request.id, (perId.get(request.id) ?? 0) + 1);
    expect([...perId.values()].filter((n) => n !== 2)).toEqual([]);
    expectNothingLost(secret, calmRequests, calm);
    const deliveredBy = [a!, b!].map(
      (p) => (p.output().match(/"message":"webhooks delivered"/g) ?? []).length,
    );
    expect(deliveredBy.every((n) => n > 0)).toBe(true);

    // A is killed while deliveries are pending; B goes on, A comes back on the same database.
    const before = receiver.received.length;
    const more = await postSubmissions([a!.url, b!.url], 'loket', 150);
    await waitFor('deliveries under way', () => receiver.received.length - before >= 40, 60);
    await a!.kill();
    const again = await startCollectorProcess(env);
    processes.push(again);
    const store = await PgStore.open(databaseUrl, { poolSize: 2 });
    try {
      await waitUntilRecorded(store, 1 + calm.length + more.length, 90);
    } finally {
      await store.close();
    }
    expectNothingLost(secret, receiver.received.slice(before), more);
  });
});
