import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../packages/collector/src/db/sqlite-store.ts';
import { databaseProblems } from '../packages/collector/src/test-support/invariants.ts';
import { freePort, repoRoot, startCollectorProcess } from '../e2e/support.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vo-feedback-reliability-'));
  dirs.push(dir);
  return dir;
}

const env = { RATE_LIMIT_PER_MINUTE: '0' };

function body(rating: number) {
  return JSON.stringify({
    id: randomUUID(),
    serviceId: 'demo-dienst',
    rating,
    lang: 'nl',
    comment: rating < 3 ? 'Het ging traag.' : undefined,
  });
}

describe('durability', () => {
  it('every submission acknowledged with 2xx survives kill -9, stored exactly once, rollups equal a recount', async () => {
    const dir = newDir();
    const port = await freePort();
    const first = await startCollectorProcess(env, { dir, port });
    const acknowledged: string[] = [];
    let killed = false;

    // 32 concurrent clients post until the collector dies under them.
    const client = async (n: number) => {
      for (let i = 0; !killed; i += 1) {
        const payload = body(((n + i) % 5) + 1);
        try {
          const response = await fetch(`${first.url}/api/v1/feedback`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: payload,
          });
          if (response.status === 201) acknowledged.push(JSON.parse(payload).id as string);
          else await response.arrayBuffer();
        } catch {
          return; // connection refused or reset: the process is gone
        }
      }
    };
    const clients = Array.from({ length: 32 }, (_, n) => client(n));
    while (acknowledged.length < 3000) await new Promise((resolve) => setTimeout(resolve, 20));
    await first.kill();
    killed = true;
    await Promise.all(clients);
    expect(acknowledged.length).toBeGreaterThanOrEqual(3000);

    const second = await startCollectorProcess(env, { dir, port });
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
    expect(await second.stop()).toBe(0);

    const store = new SqliteStore(`file:${join(dir, 'data/vo-feedback.sqlite')}`);
    try {
      const stored = new Map(
        (
          store.sqlite
            .prepare('select id, count(*) as n from feedback group by id')
            .all() as Array<{
            id: string;
            n: number;
          }>
        ).map((row) => [row.id, row.n]),
      );
      const missing = acknowledged.filter((id) => stored.get(id) !== 1);
      // The figures, for docs/reliability.md.
      mkdirSync(`${repoRoot}.test-results`, { recursive: true });
      writeFileSync(
        `${repoRoot}.test-results/durability.json`,
        `${JSON.stringify({ acknowledged: acknowledged.length, storedRows: stored.size, missing: missing.length }, null, 2)}\n`,
      );
      expect(missing).toEqual([]);
      expect(await databaseProblems(store)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('SIGTERM drains: the request in flight finishes, new connections are refused, exit 0', async () => {
    const collector = await startCollectorProcess(env);
    const payload = body(4);
    const half = Math.floor(payload.length / 2);

    // A request whose body is still arriving when SIGTERM comes.
    const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `${collector.url}/api/v1/feedback`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(payload.slice(0, half));
      setTimeout(() => req.end(payload.slice(half)), 500);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    collector.process.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${collector.url}/healthz`)).rejects.toThrow();

    const answer = await inFlight;
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.text)).toMatchObject({ status: 'stored' });
    expect(await collector.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(collector.output()).toContain('"message":"stopped"');
  });
});
