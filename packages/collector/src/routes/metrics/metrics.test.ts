import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { json, submission, testCollector, webhookRecord } from '../../test-support/fixtures.ts';
import { sqlRun } from '../../test-support/sql.ts';
import { TEST_BACKEND } from '../../test-support/backend.ts';

const METRICS_TOKEN = 'metrics-token-0123456789abcdefghij';
const scrapeHeaders = { authorization: `Bearer ${METRICS_TOKEN}` };

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * The Prometheus text format (0.0.4), read strictly: every line a HELP, a TYPE, a sample of a
 * declared family (label values escaped as the format says) or empty. Throws on the first line
 * that is none of these.
 */
function parseExposition(text: string): Sample[] {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  const name = '[a-zA-Z_:][a-zA-Z0-9_:]*';
  // A float as Go's ParseFloat reads it: Inf and NaN in any case (prom-client writes `Nan`).
  const value = '(?:[+-]?(?:\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?|[iI][nN][fF])|[nN][aA][nN])';
  const label = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
  const sample = new RegExp(`^(${name})(?:\\{((?:${label})(?:,${label})*)?,?\\})? (${value})$`);
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.slice(0, -1).split('\n')) {
    const help = new RegExp(`^# HELP (${name}) .*$`).exec(line);
    const type = new RegExp(`^# TYPE (${name}) (counter|gauge|histogram|summary|untyped)$`).exec(
      line,
    );
    // Empty lines are allowed, and ignored.
    if (help || line === '') continue;
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    const match = sample.exec(line);
    if (!match) throw new Error(`not the Prometheus text format: ${JSON.stringify(line)}`);
    const family = match[1]!.replace(/_(bucket|sum|count|created)$/, '');
    if (!types.has(match[1]!) && !types.has(family)) throw new Error(`no TYPE for ${match[1]}`);
    const labels: Record<string, string> = {};
    for (const [, key, raw] of (match[2] ?? '').matchAll(
      /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g,
    )) {
      labels[key!] = raw!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    const text = match[3]!.toLowerCase();
    const number = text.endsWith('inf')
      ? text.startsWith('-')
        ? -Infinity
        : Infinity
      : Number(text);
    samples.push({ name: match[1]!, labels, value: number });
  }
  return samples;
}

/** The value of a sample whose labels include `labels`; 0 when there is none. */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name)
    .filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

async function metricsCollector(deps: Parameters<typeof testCollector>[0] = {}) {
  const collector = await testCollector({ metricsToken: METRICS_TOKEN, ...deps });
  const scrape = async () => {
    const response = await collector.app.request('/metrics', { headers: scrapeHeaders });
    expect(response.status).toBe(200);
    return { text: await response.text(), samples: [] as Sample[], response };
  };
  return {
    ...collector,
    scrape: async () => {
      const result = await scrape();
      result.samples = parseExposition(result.text);
      return result;
    },
  };
}

describe('GET /metrics', () => {
  it('is off (404) without METRICS_TOKEN, and 401 without the right bearer token', async () => {
    const off = await testCollector();
    const none = await off.app.request('/metrics', { headers: scrapeHeaders });
    expect(none.status).toBe(404);
    expect(none.headers.get('content-type')).toBe('application/problem+json');

    const { app } = await metricsCollector();
    for (const authorization of [
      undefined,
      'Bearer wrong-token-0123456789abcdefghij',
      METRICS_TOKEN,
    ]) {
      const response = await app.request('/metrics', {
        headers: authorization ? { authorization } : {},
      });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
      expect((await json(response)).detail).toMatch(/METRICS_TOKEN/);
    }
    // Another kind of token is not the metrics token either.
    const { tokenA } = await metricsCollector();
    expect(
      (await app.request('/metrics', { headers: { authorization: `Bearer ${tokenA}` } })).status,
    ).toBe(401);
  });

  it('answers the Prometheus text format, uncached', async () => {
    const { response, samples } = await (await metricsCollector()).scrape();
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    // The process's own figures come with it.
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(samples, 'vo_feedback_database_up')).toBe(1);
  });

  it('counts requests by route pattern and status, with their latency, and ingest batches', async () => {
    const collector = await metricsCollector();
    const before = (await collector.scrape()).samples;
    for (let i = 0; i < 3; i += 1) expect((await collector.post(submission())).status).toBe(201);
    expect((await collector.post({ ...submission(), rating: 9 })).status).toBe(400);
    expect(
      (await collector.get('/api/v1/services/dienst-a/summary', collector.tokenA)).status,
    ).toBe(200);
    expect((await collector.get('/api/v1/services/dienst-a/summary')).status).toBe(401);
    expect((await collector.get('/nothing/here')).status).toBe(404);
    const after = (await collector.scrape()).samples;

    const count = 'vo_feedback_http_request_duration_seconds_count';
    const moved = (labels: Record<string, string>) =>
      valueOf(after, count, labels) - valueOf(before, count, labels);
    const ingest = { method: 'POST', route: '/api/v1/feedback' };
    expect(moved({ ...ingest, status: '201' })).toBe(3);
    expect(moved({ ...ingest, status: '400' })).toBe(1);
    const summary = { method: 'GET', route: '/api/v1/services/:serviceId/summary' };
    expect(moved({ ...summary, status: '200' })).toBe(1);
    expect(moved({ ...summary, status: '401' })).toBe(1);
    expect(moved({ route: 'unmatched', status: '404' })).toBe(1);
    // Every request lands in a latency bucket: the +Inf bucket equals the count.
    expect(
      valueOf(after, 'vo_feedback_http_request_duration_seconds_bucket', {
        ...ingest,
        status: '201',
        le: '+Inf',
      }),
    ).toBe(valueOf(after, count, { ...ingest, status: '201' }));
    expect(valueOf(after, 'vo_feedback_http_request_duration_seconds_sum', ingest)).toBeGreaterThan(
      0,
    );
    // Three sequential posts: three group commits of one submission each (and their time).
    expect(
      valueOf(after, 'vo_feedback_ingest_batch_size_sum') -
        valueOf(before, 'vo_feedback_ingest_batch_size_sum'),
    ).toBe(3);
    expect(valueOf(after, 'vo_feedback_ingest_batch_seconds_count')).toBe(
      valueOf(after, 'vo_feedback_ingest_batch_size_count'),
    );
  });

  it('labels with route patterns only: no id, no path with an id, no token, nothing personal', async () => {
    const collector = await metricsCollector();
    const id = randomUUID();
    await collector.post(submission({ id, comment: 'Mijn e-mail is jan@example.be' }));
    await collector.get(`/api/v1/services/dienst-a/feedback/${id}`, collector.tokenA);
    await collector.get(`/api/v1/services/dienst-b/summary`, collector.tokenA);
    await collector.get(`/widget/${id}.js`);
    await collector.get(`/f/dienst-a?channel=sms`);
    const { text, samples } = await collector.scrape();
    for (const secret of [
      id,
      'dienst-a',
      'dienst-b',
      'jan@example.be',
      collector.tokenA,
      METRICS_TOKEN,
      'sms',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    const patterns = new Set([...collector.app.routes.map((r) => r.path), 'unmatched']);
    const routes = new Set(samples.flatMap((s) => (s.labels.route ? [s.labels.route] : [])));
    expect(routes.size).toBeGreaterThan(3);
    for (const route of routes) expect(patterns, route).toContain(route);
  });

  it('counts rate-limit refusals by limit', async () => {
    const collector = await metricsCollector({ rateLimitPerMinute: 1 });
    expect((await collector.post(submission())).status).toBe(201);
    expect((await collector.post(submission())).status).toBe(429);
    const { samples } = await collector.scrape();
    expect(
      valueOf(samples, 'vo_feedback_rate_limit_refusals_total', { limit: 'submissions' }),
    ).toBe(1);
  });

  it('reads the webhook backlog, the failed deliveries and the digests sent from the database', async () => {
    const collector = await metricsCollector();
    const gauges = async () => {
      const { samples } = await collector.scrape();
      const deliveries = (status: string) =>
        valueOf(samples, 'vo_feedback_webhook_deliveries', { status });
      return {
        waiting: valueOf(samples, 'vo_feedback_webhook_submissions_waiting'),
        pending: deliveries('pending'),
        failed: deliveries('failed'),
        digests: valueOf(samples, 'vo_feedback_digests_sent'),
      };
    };
    expect(await gauges()).toEqual({ waiting: 0, pending: 0, failed: 0, digests: 0 });
    await collector.store.createWebhook(
      webhookRecord({ events: ['feedback.created'], createdAt: Date.now(), createdBy: 'test' }),
    );
    for (let i = 0; i < 3; i += 1) await collector.post(submission());
    // SQLite writes their events after ingest; PostgreSQL with it.
    const sqlite = TEST_BACKEND !== 'postgres';
    expect(await gauges()).toEqual({
      waiting: sqlite ? 3 : 0,
      pending: sqlite ? 0 : 3,
      failed: 0,
      digests: 0,
    });
    await collector.store.writeWaitingEvents();
    expect(await gauges()).toEqual({ waiting: 0, pending: 3, failed: 0, digests: 0 });

    await sqlRun(
      collector.store,
      `update webhook_deliveries set status = 'failed' where subject in (select subject from webhook_deliveries limit 1)`,
    );
    const mail = (kind: string, status: string) =>
      sqlRun(
        collector.store,
        `insert into mail_outbox (id, dedupe_key, kind, to_address, payload, created_at, status)
         values (?, ?, ?, 'team@gemeente-a.be', '{}', ?, ?)`,
        [randomUUID(), randomUUID(), kind, Date.now(), status],
      );
    await mail('digest', 'sent');
    await mail('digest', 'sent');
    await mail('digest', 'pending');
    await mail('alert', 'sent');
    expect(await gauges()).toEqual({ waiting: 0, pending: 2, failed: 1, digests: 2 });
  });

  it('still answers while the database is away, saying so instead of showing zeros', async () => {
    const collector = await metricsCollector();
    await collector.post(submission());
    await collector.store.close();
    const { samples } = await collector.scrape();
    expect(valueOf(samples, 'vo_feedback_database_up')).toBe(0);
    expect(samples.some((s) => s.name === 'vo_feedback_webhook_deliveries')).toBe(false);
    expect(samples.some((s) => s.name === 'vo_feedback_digests_sent')).toBe(false);
    expect(
      valueOf(samples, 'vo_feedback_http_request_duration_seconds_count', {
        route: '/api/v1/feedback',
      }),
    ).toBe(1);
  });
});
