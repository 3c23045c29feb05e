import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../packages/collector/src/db/sqlite-store.ts';
import { databaseProblems } from '../packages/collector/src/test-support/invariants.ts';
import { repoRoot, startCollectorProcess, type CollectorProcess } from '../e2e/support.ts';

// A bounded load test on 127.0.0.1: 50 and 200 concurrent clients for LOAD_SECONDS (30 by
// default) each. Figures are written to .test-results/load.json; docs/reliability.md records them.
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);

let collector: CollectorProcess;
const figures: Record<string, unknown> = {};

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

beforeAll(async () => {
  collector = await startCollectorProcess({ RATE_LIMIT_PER_MINUTE: '0' });
});
afterAll(async () => {
  mkdirSync(`${repoRoot}.test-results`, { recursive: true });
  writeFileSync(`${repoRoot}.test-results/load.json`, `${JSON.stringify(figures, null, 2)}\n`);
  expect(await collector.stop()).toBe(0);
});

describe('bounded load on 127.0.0.1', () => {
  it.each([50, 200])(
    '%i concurrent clients: zero errors, zero lost submissions, memory flat',
    async (connections) => {
      const pid = collector.process.pid!;
      const acknowledged = new Set<string>();
      const rss: number[] = [];
      const sampler = setInterval(() => rss.push(rssMegabytes(pid)), 1_000);
      const result = await autocannon({
        url: `${collector.url}/api/v1/feedback`,
        connections,
        duration: SECONDS,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                id: randomUUID(),
                serviceId: 'demo-dienst',
                rating: 1 + Math.floor(Math.random() * 5),
                lang: 'nl',
                comment: Math.random() < 0.3 ? 'De betaling verliep vlot.' : undefined,
              }),
            }),
            onResponse: (status, body) => {
              if (status === 201) acknowledged.add((JSON.parse(body) as { id: string }).id);
            },
          },
        ],
      });
      clearInterval(sampler);

      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(result.non2xx).toBe(0);
      expect(acknowledged.size).toBe(result['2xx']);

      const store = new SqliteStore(`file:${collector.dir}/data/vo-feedback.sqlite`);
      try {
        const ids = store.sqlite.prepare('select id from feedback').pluck().all() as string[];
        const stored = new Set(ids);
        expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
        expect(await databaseProblems(store)).toEqual([]);
      } finally {
        await store.close();
      }

      // Flat memory: the last third of the run uses no more than the first third plus a margin.
      const third = Math.max(1, Math.floor(rss.length / 3));
      const early = Math.max(...rss.slice(0, third));
      const late = Math.max(...rss.slice(-third));
      expect(late).toBeLessThan(early * 1.5 + 20);
      figures[`c${connections}`] = {
        connections,
        seconds: SECONDS,
        requests: result['2xx'],
        requestsPerSecond: Math.round(result.requests.average),
        latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
        rssMegabytes: { early: Math.round(early), late: Math.round(late) },
      };
    },
  );
});
