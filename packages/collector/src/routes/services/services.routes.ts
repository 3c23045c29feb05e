import { z } from '@hono/zod-openapi';
import {
  ExportQuerySchema,
  ExportRowSchema,
  FeedbackPageSchema,
  FeedbackQuerySchema,
  PeriodQuerySchema,
  ServiceIdSchema,
  ServiceListSchema,
  SummarySchema,
  ThemesQuerySchema,
  ThemesSchema,
} from '@vo-feedback/shared';
import { createMiddleware } from 'hono/factory';
import type { Config } from '../../config/deps.ts';
import { json, operations, problems, router, SECURITY } from '../../http/openapi.ts';
import { requireToken, type AuthEnv } from '../../http/auth.ts';
import { notFound } from '../../domain/problems.ts';
import { firstValues, PERIOD_400, queryHook } from './query.ts';
import { serviceAccess, servicesHandlers, type ServiceEnv } from './services.handlers.ts';
import { triageHandlers } from './triage.handlers.ts';
import {
  ACTING_BODY_BYTES,
  actingHook,
  eraseRoute,
  redactRoute,
  tagsRoute,
  triageRoute,
} from './triage.routes.ts';
import { declaredJsonBody } from '../../http/json-body.ts';

// The provider and steering API over services (Bearer token), declared once: parameters and
// answers as the shared zod schemas. The OpenAPI document is generated from these declarations.

const serviceRoute = operations('Providers and steering', SECURITY.token);
const params = z.object({ serviceId: ServiceIdSchema });

export const listServicesRoute = serviceRoute({
  method: 'get',
  path: '/',
  summary: 'The services within the token’s reach',
  description:
    'An array of `{id, name, organisationId, organisationName, active, publicServiceUri}`: a provider’s own services, or every service for steering.',
  responses: {
    200: { description: 'The services, by id.', content: json(ServiceListSchema) },
    ...problems(401),
  },
});

export const summaryRoute = serviceRoute({
  method: 'get',
  path: '/{serviceId}/summary',
  summary: 'Satisfaction figures of a service for a period',
  description:
    'Without `from`/`to`: the current calendar year in Brussels up to today. `mean`, `csat` and `responseRate` are null when their n is 0.',
  request: { params, query: firstValues(PeriodQuerySchema) },
  responses: {
    200: { description: 'The summary.', content: json(SummarySchema) },
    ...problems(PERIOD_400, 401, 403, 404),
  },
});

export const feedbackRoute = serviceRoute({
  method: 'get',
  path: '/{serviceId}/feedback',
  summary: 'Redacted comments, newest first',
  description:
    'Cursor-paginated: pass the `nextCursor` of a page as `cursor` for the next, with the same filters. Each item carries its triage (`status`, `tags`, `note`); `status=new` also finds comments nobody triaged, `tag=` those carrying that tag exactly. Providers only; steering gets 403.',
  request: { params, query: firstValues(FeedbackQuerySchema) },
  responses: {
    200: { description: 'One page of comments.', content: json(FeedbackPageSchema) },
    ...problems(PERIOD_400, 401, 403, 404),
  },
});

export const themesRoute = serviceRoute({
  method: 'get',
  path: '/{serviceId}/themes',
  summary: 'Frequent words and word pairs in the comments of a period',
  description:
    'Counted on stems (the Snowball stemmer of each comment’s language), without function words and feedback filler; pairs within one clause. Each theme has `lowShare` (share of its comments rated 1–2) and `change` (its count minus the count in the period of the same length just before; null when that period has no comments). `sort=lowShare` or `sort=change` orders the same themes by that figure, then by count. Providers only; steering gets 403.',
  request: { params, query: firstValues(ThemesQuerySchema) },
  responses: {
    200: { description: 'The themes.', content: json(ThemesSchema) },
    ...problems(PERIOD_400, 401, 403, 404),
  },
});

export const exportRoute = serviceRoute({
  method: 'get',
  path: '/{serviceId}/export',
  summary: 'Every submission of a period, streamed',
  description:
    'CSV, JSON (an array of ExportRow) or XLSX, as an attachment. Contains comments: providers only; steering gets 403.',
  request: { params, query: firstValues(ExportQuerySchema) },
  responses: {
    200: {
      description: 'The export.',
      content: {
        'text/csv': {},
        'application/json': { schema: z.array(ExportRowSchema) },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {},
      },
    },
    ...problems(PERIOD_400, 401, 403, 404, 422),
  },
});

/**
 * The routes under /api/v1/services. Each route's access check (404, 403) runs before its query
 * is validated (400), as route middleware: a caller learns nothing about a query's rules for a
 * service it may not see.
 */
export function servicesRoutes(config: Config) {
  const handle = servicesHandlers(config);
  const hook = queryHook(() => notFound('There is no such service.', 'unknown-service'));
  const app = router<AuthEnv>();
  app.use(requireToken(config.store));
  app.openapi(listServicesRoute, handle.list);
  const aggregates = serviceAccess(config.store, 'aggregates');
  const comments = serviceAccess(config.store, 'comments');
  app.openapi({ ...summaryRoute, middleware: aggregates }, handle.summary, hook);
  app.openapi({ ...feedbackRoute, middleware: comments }, handle.feedback, hook);
  app.openapi({ ...themesRoute, middleware: comments }, handle.themes, hook);
  app.openapi({ ...exportRoute, middleware: comments }, handle.export, hook);
  // Acting on feedback: the provider only, access before the body (415, 413) and its fields (400).
  const act = triageHandlers(config);
  const readBody = declaredJsonBody<ServiceEnv>(ACTING_BODY_BYTES);
  // One middleware rather than a list: the handler's env is inferred from a single one.
  const withBody = createMiddleware<ServiceEnv>((c, next) =>
    comments(c, async () => {
      await readBody(c, next);
    }),
  );
  app.openapi({ ...triageRoute, middleware: withBody }, act.triage, actingHook);
  app.openapi({ ...tagsRoute, middleware: comments }, act.tags, hook);
  app.openapi({ ...eraseRoute, middleware: comments }, act.erase, actingHook);
  app.openapi({ ...redactRoute, middleware: withBody }, act.redact, actingHook);
  return app;
}
