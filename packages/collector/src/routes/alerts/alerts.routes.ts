import type { RouteHandler } from '@hono/zod-openapi';
import {
  ALERTS_LISTED_DAYS,
  AlertListSchema,
  AlertQuerySchema,
  MAX_ALERTS_LISTED,
} from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import { requireToken, type AuthEnv } from '../../http/auth.ts';
import { json, operations, problems, router, SECURITY } from '../../http/openapi.ts';
import { listAlerts } from '../../use-cases/alerts.ts';
import { firstValues, PERIOD_400, queryHook } from '../services/query.ts';
import { visibleService } from '../services/services.handlers.ts';

// Alerts (Bearer token): a significant drop in a service's satisfaction, or a rising theme, as
// the hourly check raised them — a provider its own organisation's, steering every one without
// the theme's words.

export const alertsRoute = operations(
  'Providers and steering',
  SECURITY.token,
)({
  method: 'get',
  path: '/',
  summary: 'Alerts: a significant drop in satisfaction, or a rising theme',
  description: `The alerts raised on the days \`from\`–\`to\` (Brussels; by default the ${ALERTS_LISTED_DAYS} days up to today), newest first, at most ${MAX_ALERTS_LISTED}; \`serviceId\` for one service's. An alert is raised at most once per service, kind and day: \`satisfaction\` when the share of 4 and 5 of the last 7 days (today included) lies under that of the 56 days before with Wilson 95 % intervals that do not overlap, each window with at least \`MIN_PUBLIC_N\` answers; \`theme\` when a theme's share of the comments rises the same way (the one that rose most). \`recent\` and \`previous\` are the two windows: days, answers or comments, share and interval. Each is also sent as \`alert.raised\` to the organisation's webhooks. Providers: the alerts of the services their organisation has now (a service moved to another organisation takes its alerts along); steering: every service's, with \`theme\` null — the theme's words are citizens' words, which steering does not read (as it gets 403 on the comments and themes), so it learns that a theme rose, not which.`,
  request: { query: firstValues(AlertQuerySchema) },
  responses: {
    200: { description: 'The alerts, newest first.', content: json(AlertListSchema) },
    ...problems(
      PERIOD_400,
      401,
      [403, 'A service of another organisation.'],
      [404, 'No such service.'],
    ),
  },
});

function alertsHandler(config: Config): RouteHandler<typeof alertsRoute, AuthEnv> {
  return async (c) => {
    const query = c.req.valid('query');
    const principal = c.get('principal');
    if (query.serviceId !== undefined) {
      await visibleService(config.store, principal, query.serviceId, 'aggregates');
    }
    const alerts = await listAlerts(config.store, {
      query,
      organisationId: principal.role === 'provider' ? principal.organisationId : null,
      now: config.now(),
    });
    c.header('cache-control', 'private, no-store');
    return c.json(alerts, 200);
  };
}

/** `GET /api/v1/alerts` (Bearer token). */
export function alertsRoutes(config: Config) {
  const app = router<AuthEnv>();
  app.openapi(
    { ...alertsRoute, middleware: requireToken(config.store) },
    alertsHandler(config),
    queryHook(),
  );
  return app;
}
