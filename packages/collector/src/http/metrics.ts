import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { OperationalCounts } from '../domain/store.ts';
import type { RateLimiterFactory } from './rate-limit/memory.ts';

// What an operator watches, in the Prometheus text format (GET /metrics). One registry per app, so
// that two collectors in one process (tests) count apart. Labels carry route patterns, methods,
// statuses and names from this code — never a path with an id, a token, an address or a text.

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** The label of a request no route declared (a 404, a 405). */
const UNMATCHED = 'unmatched';

export class CollectorMetrics {
  readonly registry = new Registry();

  readonly requestSeconds = new Histogram({
    name: 'vo_feedback_http_request_duration_seconds',
    help: 'Time from the request to its answer, by method, route pattern and status; _count counts the requests.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly ingestBatchSize = new Histogram({
    name: 'vo_feedback_ingest_batch_size',
    help: 'Submissions written in one ingest transaction: a group commit on SQLite, one on PostgreSQL.',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    registers: [this.registry],
  });

  readonly ingestBatchSeconds = new Histogram({
    name: 'vo_feedback_ingest_batch_seconds',
    help: 'Time to write and commit one ingest transaction, its sync to disk included.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  readonly rateLimitRefusals = new Counter({
    name: 'vo_feedback_rate_limit_refusals_total',
    help: 'Requests refused with 429, by limit (submissions, impressions, ingest-tokens).',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });

  readonly databaseErrors = new Counter({
    name: 'vo_feedback_database_errors_total',
    help: 'Requests answered 503 because the database could not take them, by the error code.',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  constructor() {
    // The process: CPU, memory, event-loop delay, open handles.
    collectDefaultMetrics({ register: this.registry });
  }

  /** The rate limiters of `factory`, each refusal counted under its scope's name. */
  countRefusals(factory: RateLimiterFactory): RateLimiterFactory {
    return (scope, limitPerMinute, now) => {
      const limiter = factory(scope, limitPerMinute, now);
      const refusals = this.rateLimitRefusals.labels(scope);
      return {
        async hit(key) {
          const decision = await limiter.hit(key);
          if (!decision.allowed) refusals.inc();
          return decision;
        },
      };
    };
  }

  /** Times every request and counts it under its route pattern. */
  measureRequests(): MiddlewareHandler {
    // One histogram child per method, route and status, found by a string: prom-client would
    // otherwise sort and join the labels at every observation.
    const children = new Map<string, { observe(value: number): void }>();
    return createMiddleware(async (c, next) => {
      const started = performance.now();
      try {
        await next();
      } finally {
        const seconds = (performance.now() - started) / 1000;
        const method = METHODS.has(c.req.method) ? c.req.method : 'other';
        const route = routeOf(c);
        const status = String(c.res.status);
        const key = `${method} ${status} ${route}`;
        let child = children.get(key);
        if (!child) {
          child = this.requestSeconds.labels(method, route, status);
          children.set(key, child);
        }
        child.observe(seconds);
      }
    });
  }

  /**
   * The exposition: the app's metrics, and the counts read from the database for this scrape
   * (`counts`; undefined when the database did not answer, and then `vo_feedback_database_up` is
   * 0 and the counts are left out rather than shown as zeros).
   */
  async exposition(counts: OperationalCounts | undefined): Promise<string> {
    const scrape = new Registry();
    new Gauge({
      name: 'vo_feedback_database_up',
      help: 'Whether the database answered the counts of this scrape (1) or not (0).',
      registers: [scrape],
    }).set(counts ? 1 : 0);
    if (counts) {
      const deliveries = new Gauge({
        name: 'vo_feedback_webhook_deliveries',
        help: 'Webhook deliveries in the outbox by status: pending (the backlog), delivered, failed.',
        labelNames: ['status'] as const,
        registers: [scrape],
      });
      for (const status of ['pending', 'delivered', 'failed']) {
        deliveries.set({ status }, counts.webhookDeliveries[status] ?? 0);
      }
      new Gauge({
        name: 'vo_feedback_webhook_submissions_waiting',
        help: 'Submissions whose webhook events are not in the outbox yet (SQLite writes them after ingest, off the request path).',
        registers: [scrape],
      }).set(counts.webhookSubmissionsWaiting);
      new Gauge({
        name: 'vo_feedback_digests_sent',
        help: 'Digest e-mails sent, as the mail outbox holds them.',
        registers: [scrape],
      }).set(counts.digestsSent);
    }
    return Registry.merge([this.registry, scrape]).metrics();
  }
}

/**
 * The route pattern a request was for (`/api/v1/services/:serviceId/summary`): the route that
 * answered, or the first declared route the path matched when a middleware answered for it (a
 * token check's 401); a built file's folder (`/widget/*`); UNMATCHED when no route was for it.
 */
function routeOf(c: Context): string {
  const routes = matchedRoutes(c);
  const answered = routes[c.req.routeIndex];
  if (answered && answered.method !== 'ALL') return answered.path;
  const declared = routes.find((route) => route.method !== 'ALL');
  if (declared) return declared.path;
  // Only middleware: a built file (the folder's pattern), or nothing there at all.
  return answered && c.res.status < 400 ? answered.path : UNMATCHED;
}
