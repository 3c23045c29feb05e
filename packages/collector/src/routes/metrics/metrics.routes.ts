import { z } from '@hono/zod-openapi';
import type { Config } from '../../config/deps.ts';
import { notFound } from '../../domain/problems.ts';
import type { OperationalCounts } from '../../domain/store.ts';
import { bearerRefused, staticBearer } from '../../http/auth.ts';
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
  const isScraper = staticBearer(config.metricsToken);
  return router().openapi(metricsRoute, async (c) => {
    const { metrics } = config;
    if (isScraper === undefined || !metrics) {
      throw notFound('Metrics are off; the operator turns them on by setting METRICS_TOKEN.');
    }
    if (!isScraper(c.req.header('authorization'))) {
      throw bearerRefused(
        'Send the METRICS_TOKEN of this collector as "Authorization: Bearer <token>".',
        'vo-feedback metrics',
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
