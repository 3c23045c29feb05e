import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-store.ts';
import { dropSchema, freshPostgresUrl } from '../../test-support/postgres.ts';
import { rateLimitersFor } from './choose.ts';
import { connectRedis } from './redis.ts';

// Where the rate limits count follows the configuration (REDIS_URL, DATABASE_URL), whatever store
// object runs. Each "instance" below is a limiter of its own, as two processes would have.

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const cleanUp: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const step of cleanUp.splice(0)) await step();
});

/**
 * The third request of one client (limit 2 a minute), on a second instance, after two on the
 * first. A scope of its own keeps it apart from other tests on the same Redis or database.
 */
async function thirdOnAnotherInstance(make: () => ReturnType<typeof rateLimitersFor>) {
  const now = () => Date.now();
  const scope = `choose-test-${randomBytes(6).toString('hex')}`;
  const [first, second] = [make()(scope, 2, now), make()(scope, 2, now)];
  await first.hit('192.0.2.1');
  await first.hit('192.0.2.1');
  return second.hit('192.0.2.1');
}

describe('rateLimitersFor', () => {
  it('counts in memory, per instance, for SQLite without REDIS_URL', async () => {
    const decision = await thirdOnAnotherInstance(() =>
      rateLimitersFor({ DATABASE_URL: 'file:./data/x.sqlite' }),
    );
    expect(decision.allowed).toBe(true);
  });

  it('counts in the PostgreSQL of DATABASE_URL, shared by the instances', async () => {
    const url = freshPostgresUrl();
    const { store, pgPool } = await openDatabase(url, { poolSize: 2 });
    cleanUp.push(async () => {
      await store.close();
      await dropSchema(url);
    });
    const decision = await thirdOnAnotherInstance(() =>
      rateLimitersFor({ DATABASE_URL: url }, { pgPool }),
    );
    expect(decision).toMatchObject({ allowed: false });
    expect(() => rateLimitersFor({ DATABASE_URL: url })).toThrow(/DATABASE_URL/);
  });

  it('counts in Redis when REDIS_URL is set, even on PostgreSQL', async () => {
    const client = await connectRedis(REDIS_URL);
    // Its counts expire after two minutes by themselves; the day's key stays shared, as in use.
    cleanUp.push(() => client.close());
    const env = { DATABASE_URL: 'postgres://nowhere.invalid/db', REDIS_URL };
    // No PostgreSQL pool at all: a limiter that counted there could not answer.
    const decision = await thirdOnAnotherInstance(() => rateLimitersFor(env, { redis: client }));
    expect(decision).toMatchObject({ allowed: false });
    expect(() => rateLimitersFor(env)).toThrow(/REDIS_URL/);
  });
});
