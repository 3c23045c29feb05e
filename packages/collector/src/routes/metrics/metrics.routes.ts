import { z } from '@hono/zod-openapi';
import type { Config } from '../../config/deps.ts';
import { notFound, ProblemError } from '../../domain/problems.ts';
import type { OperationalCounts } from '../../domain/store.ts';
import { hashToken, sameHash } from '../../domain/tokens.ts';
import { operations, problems, router, SECURITY } from '../../http/openapi.ts';

const metricsRoute = operations(
  'Operations',
  SECURITY.metrics,
)({
  method: 'get',
  path: '/metrics',
  summary: 'Metrics for Prometheus',
  description:
    'The Prometheus text format: requests by method, route pattern and status with their latency, ingest batches and their commit time, rate-limit refusals, database errors, the webhook backlog and failed deliveries, digests sent, and the process. No label holds an id, a path with an id or anything personal. Off (404) unless METRICS_TOKEN is set; then only for `Authorization: Bearer <METRICS_TOKEN>`.',
  responses: {
    200: { description: 'The metrics.', content: { 'text/plain': { schema: z.string() } } },
    ...problems(401, [404, 'Metrics are off: METRICS_TOKEN is not set.']),
  },
});

/** GET /metrics: 404 while METRICS_TOKEN is unset; 401 without that bearer token. */
export function metricsRoutes(config: Config) {
  // Compared as SHA-256 hashes in constant time, as the admin token is.
  const expected = config.metricsToken === undefined ? undefined : hashToken(config.metricsToken);
  return router().openapi(metricsRoute, async (c) => {
    const { metrics } = config;
    if (expected === undefined || !metrics) {
      throw notFound('Metrics are off; the operator turns them on by setting METRICS_TOKEN.');
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!match || !sameHash(hashToken(match[1]!), expected)) {
      throw new ProblemError(
        401,
        'unauthorized',
        'Send the METRICS_TOKEN of this collector as "Authorization: Bearer <token>".',
        undefined,
        { 'www-authenticate': 'Bearer realm="vo-feedback metrics"' },
      );
    }
    let counts: OperationalCounts | undefined;
    try {
      counts = await config.store.operationalCounts();
    } catch (error) {
      // The process's own figures still go out: they say most while the database is away.
      config.logger.warn('metrics: the database did not answer the counts', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    // The exposition format's own type (`text/plain; version=0.0.4`), in place of c.text's.
    return c.text(await metrics.exposition(counts), 200, {
      'Content-Type': metrics.registry.contentType,
      'cache-control': 'no-store',
    });
  });
}
