import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { connectRedis, redisRateLimiters, type RedisClient } from './redis.ts';
import { testCollector } from '../../test-support/fixtures.ts';
import { tcpRelay } from '../../test-support/tcp-relay.ts';

// Rate limits in Redis (REDIS_URL), on the machine's Redis at 127.0.0.1:6379: two app instances,
// each with its own connection, as two processes behind a load balancer would have.

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const clients: RedisClient[] = [];
const prefixes: string[] = [];
const relays: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close().catch(() => undefined);
  for (const relay of relays.splice(0)) await relay.close();
  const cleaner = await connectRedis(REDIS_URL);
  for (const prefix of prefixes.splice(0)) {
    const keys = await cleaner.keys(`${prefix}*`);
    if (keys.length > 0) await cleaner.del(keys);
  }
  await cleaner.close();
});

/** Two instances on one database and one Redis, under a key prefix of this test's own. */
async function twoInstances(limit: number, clock = { now: Date.now() }) {
  const { store } = await testCollector();
  // Keys of this test only, so that runs at the same time on the same Redis do not meet.
  const prefix = `vo-feedback-test:${randomBytes(6).toString('hex')}:`;
  prefixes.push(prefix);
  return Promise.all(
    [0, 1].map(async () => {
      const client = await connectRedis(REDIS_URL);
      clients.push(client);
      const app = createApp({
        store,
        rateLimitPerMinute: limit,
        rateLimiters: redisRateLimiters(client, { prefix }),
        now: () => clock.now,
      });
      const post = () =>
        app.request('/api/v1/feedback', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: randomUUID(), serviceId: 'dienst-a', rating: 4, lang: 'nl' }),
        });
      return { client, prefix, post };
    }),
  );
}

describe('rate limits in Redis', () => {
  it('count a client across instances, with Retry-After, and forget it the next minute', async () => {
    const clock = { now: Date.parse('2026-05-04T10:00:05Z') };
    const [a, b] = await twoInstances(3, clock);
    // app.request() has no socket: both instances see the same client.
    expect((await a!.post()).status).toBe(201);
    expect((await b!.post()).status).toBe(201);
    expect((await a!.post()).status).toBe(201);
    const limited = await b!.post();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('55');
    expect((await a!.post()).status).toBe(429);

    clock.now += 60_000;
    expect((await b!.post()).status).toBe(201);
  });

  it('store a keyed hash per minute that expires, never the address', async () => {
    const [a] = await twoInstances(5);
    expect((await a!.post()).status).toBe(201);
    const keys = await a!.client.keys(`${a!.prefix}*`);
    const counters = keys.filter((key) => !key.includes(':salt:'));
    expect(counters).toHaveLength(1);
    expect(counters[0]).toMatch(/^vo-feedback-test:[0-9a-f]{12}:[A-Za-z0-9_-]{22}:\d+$/);
    expect(counters[0]).not.toContain('unknown');
    const ttl = await a!.client.pTTL(counters[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(120_000);
  });

  it('let requests through, and say so, while Redis cannot be reached; limit again once it can', async () => {
    // This instance reaches Redis through a relay that the test cuts and restores.
    const relay = await tcpRelay(new URL(REDIS_URL));
    relays.push(relay);
    const url = new URL(REDIS_URL);
    url.host = `127.0.0.1:${relay.port}`;
    const client = await connectRedis(url.toString());
    clients.push(client);
    const prefix = `vo-feedback-test:${randomBytes(6).toString('hex')}:`;
    prefixes.push(prefix);
    const errors: unknown[] = [];
    const { store } = await testCollector();
    const app = createApp({
      store,
      rateLimitPerMinute: 1,
      rateLimiters: redisRateLimiters(client, { prefix, onError: (error) => errors.push(error) }),
    });
    const post = () =>
      app.request('/api/v1/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: randomUUID(), serviceId: 'dienst-a', rating: 4, lang: 'nl' }),
      });
    await relay.cut();
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(201);
    expect(errors.length).toBeGreaterThanOrEqual(2);

    await relay.restore();
    // The client reconnects in the background (backoff of at most 5 s).
    const deadline = Date.now() + 15_000;
    while (!client.isReady && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // A new minute may begin between these two; then the second is the first of its minute.
    const statuses = [(await post()).status, (await post()).status, (await post()).status];
    expect(statuses).toContain(429);
  });
});
