import { policyForPage } from '../../views/csp.ts';
import { z, type RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import {
  OrganisationIdSchema,
  ReportSubmissionSchema,
  ReportSubmissionsSchema,
} from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import { DEFAULT_REPORT_DEADLINE } from '../../domain/hand-in.ts';
import { requireYear } from '../../domain/period.ts';
import { forbidden } from '../../domain/problems.ts';
import { actorOf, requireToken, type AuthEnv } from '../../http/auth.ts';
import { json, operations, problems, router, SECURITY } from '../../http/openapi.ts';
import { organisationAccess, type OrganisationAccessEnv } from '../../http/provider-access.ts';
import {
  frozenReport,
  handInReport,
  reportSubmissions,
  sha256Hex,
} from '../../use-cases/hand-in.ts';
import { firstValues, PERIOD_400, YearParamSchema } from '../services/query.ts';

// The hand-in of the annual report: a provider freezes its organisation's report of a year as a
// numbered version; each version answers byte for byte ever after, whatever arrives later. The
// steering committee sees who handed in on time, late or not at all.

const submissionRoute = operations('Providers and steering', SECURITY.token);
const yearParams = z.object({ year: YearParamSchema });
const versionParams = z.object({
  year: YearParamSchema,
  organisationId: OrganisationIdSchema,
  version: z.coerce
    .number({ message: 'Give the version as a whole number from 1.' })
    .int('Give the version as a whole number from 1.')
    .positive('Give the version as a whole number from 1.'),
});
const formatQuery = firstValues(
  z.object({
    format: z
      .enum(['json', 'html'], { message: 'Use json or html.' })
      .default('json')
      .meta({ description: 'The frozen JSON (default) or HTML.' }),
  }),
);

export const handInReportRoute = submissionRoute({
  method: 'post',
  path: '/annual/{year}/submissions',
  summary: 'Hand in the annual report of a year: freeze it as the next version',
  description:
    'Freezes the organisation’s annual report as it is now — the JSON that `GET /api/v1/reports/annual?year&organisation&format=json` answers at this moment, and its HTML — as version 1, 2, …; `sha256` is that of the JSON’s bytes. The first version decides whether it was on time (`REPORT_DEADLINE` of the following year). Recorded in the audit as `report.submitted`. Providers only; steering gets 403.',
  request: { params: yearParams },
  responses: {
    201: { description: 'The version handed in.', content: json(ReportSubmissionSchema) },
    ...problems(
      [400, 'A year outside 2000–2100 (`invalid-period`), or one that has not begun.'],
      401,
      403,
    ),
  },
});

export const handInsRoute = submissionRoute({
  method: 'get',
  path: '/annual/{year}/submissions',
  summary: 'The hand-ins of a year',
  description:
    'A provider: its organisation’s versions, oldest first. Steering: one row per organisation — `submitted` (its first version on or before the deadline day, Brussels time), `late` (after it) or `missing` — with the newest version and when the first was handed in. `deadline` is the last day on time.',
  request: { params: yearParams },
  responses: {
    200: { description: 'The versions, or the overview.', content: json(ReportSubmissionsSchema) },
    ...problems(PERIOD_400, 401),
  },
});

export const frozenReportRoute = submissionRoute({
  method: 'get',
  path: '/annual/{year}/submissions/{organisationId}/{version}',
  summary: 'A version handed in, byte for byte',
  description:
    'The frozen JSON or HTML exactly as it was handed in; `ETag` and `X-Content-SHA256` carry the SHA-256 of the bytes answered (for the JSON: the version’s `sha256`). The organisation’s providers and steering; another organisation’s provider gets 403.',
  request: { params: versionParams, query: formatQuery },
  responses: {
    200: {
      description: 'The frozen report.',
      content: { 'application/json': {}, 'text/html': {} },
    },
    304: { description: 'Not modified: the `If-None-Match` ETag is this version’s.' },
    ...problems(400, 401, 403, [404, 'No such organisation, or no such version of its report.']),
  },
});

/** The routes under /api/v1/reports/annual/:year/submissions. */
export function submissionsRoutes(config: Config) {
  const { store } = config;
  const app = router<OrganisationAccessEnv>();
  const authenticate = requireToken(store) as unknown as MiddlewareHandler<OrganisationAccessEnv>;
  const providerOnly = createMiddleware<AuthEnv>(async (c, next) => {
    if (c.get('principal').role !== 'provider') {
      throw forbidden(
        'A report is handed in by its organisation’s provider; the steering committee reads the hand-ins (GET).',
      );
    }
    await next();
  }) as unknown as MiddlewareHandler<OrganisationAccessEnv>;

  const handIn: RouteHandler<typeof handInReportRoute, OrganisationAccessEnv> = async (c) => {
    const principal = c.get('principal');
    const year = requireYear(c.req.valid('param').year, config.now());
    const submission = await handInReport(
      store,
      { organisationId: principal.organisationId!, year, minimum: config.minPublicN },
      { actor: actorOf(principal), now: config.now() },
    );
    return c.json(submission, 201);
  };

  const list: RouteHandler<typeof handInsRoute, OrganisationAccessEnv> = async (c) => {
    const principal = c.get('principal');
    const year = requireYear(c.req.valid('param').year, config.now());
    c.header('cache-control', 'private, no-store');
    const organisationId = principal.role === 'provider' ? principal.organisationId : null;
    return c.json(
      await reportSubmissions(store, {
        year,
        organisationId,
        deadline: config.reportDeadline ?? DEFAULT_REPORT_DEADLINE,
      }),
      200,
    );
  };

  const frozen: RouteHandler<typeof frozenReportRoute, OrganisationAccessEnv> = async (c) => {
    const { year, version } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const record = await frozenReport(store, {
      organisationId: c.get('organisation').id,
      year: requireYear(year, config.now()),
      version,
    });
    const body = format === 'html' ? record.html : record.json;
    const sha256 = format === 'html' ? sha256Hex(body) : record.sha256;
    const etag = `"${sha256}"`;
    const filename = `jaarrapport-feedback-${record.year}-${record.organisationId}-v${record.version}.${format}`;
    const headers = {
      etag,
      'x-content-sha256': sha256,
      // A version never changes: a client may keep it, and revalidates for free.
      'cache-control': 'private, no-cache',
      'content-disposition': `inline; filename="${filename}"`,
    };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(body, 200, {
      ...headers,
      ...(format === 'html'
        ? {
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': policyForPage(body),
          }
        : { 'content-type': 'application/json' }),
    });
  };

  app.openapi({ ...handInReportRoute, middleware: [authenticate, providerOnly] }, handIn);
  app.openapi({ ...handInsRoute, middleware: authenticate }, list);
  app.openapi(
    {
      ...frozenReportRoute,
      middleware: organisationAccess(store, 'provider-or-steering', 'Hand-ins'),
    },
    frozen,
  );
  return app;
}
