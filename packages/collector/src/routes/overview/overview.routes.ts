import type { RouteHandler } from '@hono/zod-openapi';
import { OverviewQuerySchema, OverviewSchema } from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import { DEFAULT_REPORT_DEADLINE } from '../../domain/hand-in.ts';
import { overviewCsv } from '../../domain/overview.ts';
import { requireYear } from '../../domain/period.ts';
import { requireToken, type AuthEnv } from '../../http/auth.ts';
import { operations, problems, router, SECURITY } from '../../http/openapi.ts';
import { overview } from '../../use-cases/overview.ts';
import { firstValues, PERIOD_400, queryHook } from '../services/query.ts';

// The steering committee's overview (Bearer token): every service side by side, or a provider's
// own, declared once with the shared zod schemas.

export const overviewRoute = operations(
  'Providers and steering',
  SECURITY.token,
)({
  method: 'get',
  path: '/',
  summary: 'Every service side by side, with the flags that say where to look',
  description:
    'One row per active service — steering: every organisation’s; a provider: its own organisation’s — for the year (to today while it runs): responses, satisfaction with its Wilson 95 % interval, last year’s over the same span, response rate, the share not completed (outcome rejected or error among the responses with an outcome), the reason ticked most, the target, the organisation’s hand-in status of that year’s report, and `flags`, decided with the intervals: `below-target` (the interval’s upper bound under the target), `falling` (this year’s interval entirely under last year’s), `few-responses` (under `MIN_PUBLIC_N`), `silent` (no impression in the 30 days up to today). `format=csv` gives the same rows for Excel.',
  request: { query: firstValues(OverviewQuerySchema) },
  responses: {
    200: {
      description: 'The rows, by organisation name and service name.',
      content: { 'application/json': { schema: OverviewSchema }, 'text/csv': {} },
    },
    ...problems(PERIOD_400, 401, 403),
  },
});

function overviewHandler(config: Config): RouteHandler<typeof overviewRoute, AuthEnv> {
  return async (c) => {
    const query = c.req.valid('query');
    const now = config.now();
    const year = requireYear(query.year, now);
    const principal = c.get('principal');
    const organisationId = principal.role === 'provider' ? principal.organisationId : null;
    const result = await overview(config.store, {
      year,
      organisationId,
      now,
      minimum: config.minPublicN,
      deadline: config.reportDeadline ?? DEFAULT_REPORT_DEADLINE,
    });
    c.header('cache-control', 'private, no-store');
    if (query.format === 'csv') {
      const filename = `overzicht-diensten-${year}-${organisationId ?? 'alle-organisaties'}.csv`;
      return c.body(overviewCsv(result), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
      });
    }
    return c.json(result, 200);
  };
}

/** `GET /api/v1/overview` (Bearer token). */
export function overviewRoutes(config: Config) {
  const app = router<AuthEnv>();
  app.use(requireToken(config.store));
  app.openapi(overviewRoute, overviewHandler(config), queryHook());
  return app;
}
