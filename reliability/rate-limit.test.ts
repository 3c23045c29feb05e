import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../packages/collector/src/db/sqlite-store.ts';
import { databaseProblems } from '../packages/collector/src/test-support/invariants.ts';
import { repoRoot, startCollectorProcess, type CollectorProcess } from '../e2e/support.ts';

// Rate limits hold under load: one client hammers the real server while forty others post at a
// person's pace. Clients are told apart by their source address (Linux answers for all of
// 127.0.0.0/8 on loopback), as the server sees them without a proxy: no header to forge.

const LIMIT = 20;
let collector: CollectorProcess;

beforeAll(async () => {
  collector = await startCollectorProcess({ RATE_LIMIT_PER_MINUTE: String(LIMIT) });
});
afterAll(async () => {
  expect(await collector.stop()).toBe(0);
});

interface Answer {
  status: number;
  retryAfter: string | undefined;
  minute: number;
}

/** One submission from `agent` (its source address); the minute it was answered in. */
function submit(agent: Agent): Promise<Answer> {
  const body = JSON.stringify({
    id: randomUUID(),
    serviceId: 'demo-dienst',
    rating: 4,
    lang: 'nl',
  });
  return new Promise((resolve, reject) => {
    const req = request(
      `${collector.url}/api/v1/feedback`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            minute: Math.floor(Date.now() / 60_000),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('rate limits under load', () => {
  it('one client is throttled with 429 and Retry-After; forty others are not', async () => {
    const flooder = new Agent({ keepAlive: true, maxSockets: 32, localAddress: '127.0.0.2' });
    const people = Array.from(
      { length: 40 },
      (_, i) => new Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.0.1.${i + 1}` }),
    );
    const flood: Answer[] = [];
    const others: Answer[] = [];
    let done = false;

    // 32 connections from one address, as fast as the server answers.
    const flooding = Array.from({ length: 32 }, async () => {
      while (!done) flood.push(await submit(flooder));
    });
    // Each person posts 10 times over about five seconds: within the limit, whatever the minute.
    const posting = people.map(async (agent, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 10));
      for (let n = 0; n < 10; n += 1) {
        others.push(await submit(agent));
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    });
    await Promise.all(posting);
    done = true;
    await Promise.all(flooding);
    for (const agent of [flooder, ...people]) agent.destroy();

    mkdirSync(`${repoRoot}.test-results`, { recursive: true });
    writeFileSync(
      `${repoRoot}.test-results/rate-limit.json`,
      `${JSON.stringify({ limitPerMinute: LIMIT, flooderRequests: flood.length, flooderAccepted: flood.filter((a) => a.status === 201).length, windows: new Set(flood.map((a) => a.minute)).size, others: others.length, othersAccepted: others.filter((a) => a.status === 201).length }, null, 2)}\n`,
    );
    // Nobody else was throttled.
    expect(others).toHaveLength(400);
    expect(others.filter((a) => a.status !== 201)).toEqual([]);

    // The flooder got its allowance per one-minute window, then 429 with Retry-After.
    expect(flood.length).toBeGreaterThan(1000);
    const accepted = flood.filter((a) => a.status === 201);
    const refused = flood.filter((a) => a.status === 429);
    expect(accepted.length + refused.length).toBe(flood.length);
    const windows = new Set(flood.map((a) => a.minute)).size;
    expect(accepted.length).toBeGreaterThanOrEqual(LIMIT);
    expect(accepted.length).toBeLessThanOrEqual(LIMIT * windows);
    for (const answer of refused) {
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60);
    }

    // What was acknowledged is stored, and nothing else.
    const store = new SqliteStore(`file:${collector.dir}/data/vo-feedback.sqlite`);
    try {
      const rows = store.sqlite.prepare('select count(*) from feedback').pluck().get();
      expect(rows).toBe(accepted.length + others.length);
      expect(await databaseProblems(store)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
