import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../packages/collector/src/db/sqlite-store.ts';
import { databaseProblems } from '../packages/collector/src/test-support/invariants.ts';
import { repoRoot, startCollectorProcess, type CollectorProcess } from '../e2e/support.ts';
import { rawRequest } from './raw-http.ts';

let collector: CollectorProcess;

beforeAll(async () => {
  collector = await startCollectorProcess({ RATE_LIMIT_PER_MINUTE: '0' }, {});
});
afterAll(async () => {
  expect(await collector.stop()).toBe(0);
});

const PUBLIC_ROUTES = [
  ['POST', '/api/v1/feedback'],
  ['POST', '/api/v1/feedback/form'],
  ['POST', '/api/v1/impressions'],
  ['OPTIONS', '/api/v1/feedback'],
  ['OPTIONS', '/api/v1/impressions'],
  ['GET', '/api/v1/public/stats'],
  ['GET', '/api/v1/public/stats.csv'],
  ['GET', '/api/v1/public/services/demo-dienst/stats'],
  ['GET', '/api/v1/openapi.json'],
  ['GET', '/api'],
  ['GET', '/transparantie'],
  ['GET', '/widget/vo-feedback.js'],
  ['GET', '/dashboard/'],
  ['GET', '/'],
  ['GET', '/healthz'],
  ['GET', '/readyz'],
] as const;

describe('fuzz: generated and mutated requests against every public route of the real server', () => {
  it('20,000 requests: never a 5xx, never a crash, never an invalid row', async () => {
    const validBody = fc
      .record({ id: fc.uuid({ version: [4, 7] }), rating: fc.integer({ min: 1, max: 5 }) })
      .map((b) => JSON.stringify({ ...b, serviceId: 'demo-dienst', lang: 'nl' }));
    const mutate = fc.oneof(
      fc.constant(''),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.json({ maxDepth: 3 }),
      fc
        .record(
          {
            id: fc.oneof(fc.uuid(), fc.string()),
            serviceId: fc.oneof(fc.constant('demo-dienst'), fc.string()),
            rating: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.double(), fc.string()),
            lang: fc.constantFrom('nl', 'fr', 'xx', ''),
            comment: fc.oneof(
              fc.string({ unit: 'binary', maxLength: 300 }),
              fc.constantFrom('<script>alert(1)</script>', "' OR 1=1 --", '=cmd|calc', '\u0000'),
            ),
            page: fc.oneof(
              fc.webUrl({ withQueryParameters: true, withFragments: true }),
              fc.string(),
            ),
          },
          { requiredKeys: [] },
        )
        .map((b) => JSON.stringify(b)),
      validBody,
      validBody,
    );
    const request = fc.record({
      route: fc.oneof(
        { weight: 3, arbitrary: fc.constant(PUBLIC_ROUTES[0]) },
        { weight: 9, arbitrary: fc.constantFrom(...PUBLIC_ROUTES) },
      ),
      body: mutate,
      contentType: fc.constantFrom(
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
        '',
      ),
      query: fc.oneof(
        fc.constant(''),
        fc.webQueryParameters().map((q) => `?${q}`),
        fc.constantFrom('?year=abc', '?year=99999', '?from=2026-02-30', '?%ff', '?a[b]=c'),
      ),
      origin: fc.option(fc.constantFrom('https://evil.example', 'null', collector.url), {
        nil: undefined,
      }),
      header: fc.option(
        fc.tuple(
          fc.constantFrom('x-forwarded-for', 'authorization', 'accept'),
          fc.string({ maxLength: 50 }).filter((v) => /^[\x20-\x7e]*$/.test(v)),
        ),
        { nil: undefined },
      ),
    });

    const samples = fc.sample(request, { numRuns: 20_000, seed: 20261128 });
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < samples.length) {
        const sample = samples[next++]!;
        const [method, path] = sample.route as readonly [string, string];
        const headers: Record<string, string> = {};
        if (sample.contentType) headers['content-type'] = sample.contentType;
        if (sample.origin) headers.origin = sample.origin;
        if (sample.header) headers[sample.header[0]] = sample.header[1];
        const response = await fetch(`${collector.url}${path}${sample.query}`, {
          method,
          headers,
          body: method === 'POST' ? sample.body : undefined,
        });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500) {
          throw new Error(
            `${response.status} for ${method} ${path}${sample.query} ${sample.body.slice(0, 200)}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));

    // The status mix, for docs/reliability.md.
    mkdirSync(`${repoRoot}.test-results`, { recursive: true });
    writeFileSync(
      `${repoRoot}.test-results/fuzz.json`,
      `${JSON.stringify({ requests: samples.length, statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)) }, null, 2)}\n`,
    );
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
    expect((await fetch(`${collector.url}/healthz`)).status).toBe(200);
    // Some requests got through to storage, many were refused.
    expect(statuses.get(201) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(1000);
    const store = new SqliteStore(`file:${collector.dir}/data/vo-feedback.sqlite`);
    try {
      expect(await databaseProblems(store)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('static routes', () => {
  it.each([
    '/widget/..%2f..%2fpackage.json',
    '/widget/../../package.json',
    '/widget/%2e%2e/%2e%2e/package.json',
    '/widget/..\\..\\package.json',
    '/dashboard/../../package.json',
    '/dashboard/..%2f..%2f..%2fpackage.json',
    '/..%2fpackages%2fcollector%2fpackage.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '//etc/passwd',
  ])('path traversal %s is refused', async (path) => {
    const response = await rawRequest(collector.port, `GET ${path} HTTP/1.1`);
    // 404 from the collector; a backslash already makes Node's HTTP parser answer 400.
    expect(response.status).toBe(path.includes('\\') ? 400 : 404);
    expect(response.body).not.toContain('"name"');
    expect(response.body).not.toContain('root:');
  });

  it('serves the widget with CORS, revalidated by its ETag on every use', async () => {
    const response = await fetch(`${collector.url}/widget/vo-feedback.js`, {
      headers: { origin: 'https://www.vlaanderen.be' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    // Its URL stays across releases: revalidated on every use, a 304 for an unchanged copy (its
    // hashed language chunks are cached for a year).
    expect(response.headers.get('cache-control')).toBe('public, no-cache');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
  });
});

describe('security headers', () => {
  it.each([
    '/',
    '/healthz',
    '/api/v1/services',
    '/api/v1/does-not-exist',
    '/widget/vo-feedback.js',
  ])('%s carries nosniff and a referrer policy, and no X-Powered-By', async (path) => {
    const response = await fetch(`${collector.url}${path}`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('the collector’s own pages have a Content-Security-Policy without unsafe-inline', async () => {
    const response = await fetch(`${collector.url}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('slow and large clients', () => {
  it('a body announced over 16 KiB is refused with 413 before it is sent', async () => {
    const answer = await rawRequest(
      collector.port,
      'POST /api/v1/feedback HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 104857600',
      '{"id":',
    );
    expect(answer.status).toBe(413);
  });

  it('slow-loris clients do not starve others, and are cut off after the headers timeout', async () => {
    const slow: Socket[] = [];
    const closed: boolean[] = [];
    for (let i = 0; i < 300; i += 1) {
      const socket = connect(collector.port, '127.0.0.1');
      socket.on('error', () => {});
      socket.on('close', () => (closed[i] = true));
      socket.write('POST /api/v1/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      slow.push(socket);
    }
    const drip = setInterval(() => {
      for (const socket of slow) if (!socket.destroyed) socket.write('X-Slow: 1\r\n');
    }, 1_000);
    try {
      // Others are answered while 300 sockets dribble their headers.
      for (let i = 0; i < 20; i += 1) {
        const response = await fetch(`${collector.url}/api/v1/feedback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            id: randomUUID(),
            serviceId: 'demo-dienst',
            rating: 5,
            lang: 'nl',
          }),
        });
        expect(response.status).toBe(201);
      }
      // The headers timeout (10 s, checked every second) closes the slow sockets.
      await new Promise((resolve) => setTimeout(resolve, 13_000));
      expect(closed.filter(Boolean).length).toBe(300);
    } finally {
      clearInterval(drip);
      for (const socket of slow) socket.destroy();
    }
  });
});
