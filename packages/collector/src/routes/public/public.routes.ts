import { z } from '@hono/zod-openapi';
import { etag } from 'hono/etag';
import {
  PublicServiceStatsSchema,
  PublicStatsQuerySchema,
  PublicStatsSchema,
  ServiceConfigSchema,
  ServiceIdSchema,
} from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import { operations, problems, router, SECURITY } from '../../http/openapi.ts';
import { firstValues, PERIOD_400, queryHook } from '../services/query.ts';
import { publicHandlers } from './public.handlers.ts';

// Public transparency, declared once: the query and answers as the shared zod schemas. The OpenAPI
// document is generated from these declarations; /transparantie is a page, not an API operation.

const publicRoute = operations('Public transparency', SECURITY.none);

export const statsRoute = publicRoute({
  method: 'get',
  path: '/api/v1/public/stats',
  summary: 'Public figures of every active service for a year',
  request: { query: firstValues(PublicStatsQuerySchema) },
  responses: {
    200: {
      description: 'The figures; suppressed services carry no figure.',
      content: { 'application/json': { schema: PublicStatsSchema }, 'text/csv': {} },
    },
    ...problems(PERIOD_400),
  },
});

export const statsCsvRoute = publicRoute({
  method: 'get',
  path: '/api/v1/public/stats.csv',
  summary: 'The same public figures as open-data CSV',
  request: { query: firstValues(PublicStatsQuerySchema) },
  responses: {
    200: { description: 'CSV.', content: { 'text/csv': {} } },
    ...problems(PERIOD_400),
  },
});

export const serviceStatsRoute = publicRoute({
  method: 'get',
  path: '/api/v1/public/services/{serviceId}/stats',
  summary: 'Public figures of one service for a year',
  request: {
    params: z.object({ serviceId: ServiceIdSchema }),
    query: firstValues(PublicStatsQuerySchema),
  },
  responses: {
    200: {
      description: 'The figures, or `suppressed: true` with the minimum and no figure.',
      content: { 'application/json': { schema: PublicServiceStatsSchema }, 'text/csv': {} },
    },
    ...problems(PERIOD_400, 404),
  },
});

export const serviceConfigRoute = publicRoute({
  method: 'get',
  path: '/api/v1/public/services/{serviceId}/config',
  summary: 'What the widget needs to ask: help URL and reasons',
  description:
    'For the widget (and the hosted page): `helpUrl` is where citizens get help (null: the widget’s own `help-url`, or the info line 1700); `reasons` are the service’s own reasons, or the default list, each with its label in nl, fr, en and de. Any site may read it (`Access-Control-Allow-Origin: *`); cacheable for 5 minutes, with an ETag (304 on `If-None-Match`).',
  request: { params: z.object({ serviceId: ServiceIdSchema }) },
  responses: {
    200: {
      description: 'The configuration.',
      content: { 'application/json': { schema: ServiceConfigSchema } },
    },
    304: { description: 'Not modified (If-None-Match matched the ETag).' },
    ...problems(404),
  },
});

/**
 * Public transparency, without a token: aggregates only, a service below the threshold reported
 * as suppressed with no figure at all. JSON and the open-data CSV, and the /transparantie page.
 */
export function publicRoutes(config: Config) {
  const handle = publicHandlers(config);
  const app = router();
  app.use('/api/v1/public/*', etag());
  app.use('/transparantie', etag());
  app.openapi(statsRoute, handle.stats, queryHook());
  app.openapi(statsCsvRoute, handle.statsCsv, queryHook());
  app.openapi(serviceStatsRoute, handle.serviceStats, queryHook(handle.unknownService));
  app.openapi(serviceConfigRoute, handle.serviceConfig, queryHook(handle.noSuchService));
  app.get('/transparantie', handle.transparency);
  return app;
}
