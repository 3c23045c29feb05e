import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { AnnualReportQuerySchema, AnnualReportSchema } from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import { annualReportCsv } from '../../domain/annual-report.ts';
import { DEFAULT_REPORT_DEADLINE } from '../../domain/hand-in.ts';
import { requireYear } from '../../domain/period.ts';
import { forbidden } from '../../domain/problems.ts';
import { annualReportHtml } from '../../views/report-html.ts';
import { problems, router, SECURITY } from '../../http/openapi.ts';
import { requireToken, type AuthEnv } from '../../http/auth.ts';
import { annualReport, reportFilename } from '../../use-cases/reports.ts';
import { firstValues, PERIOD_400, queryHook } from '../services/query.ts';

// The annual feedback report (Bearer token), declared once: its query and answers as the shared
// zod schemas. The OpenAPI document is generated from this declaration.

export const annualReportRoute = createRoute({
  method: 'get',
  path: '/annual',
  tags: ['Providers and steering'],
  summary: 'The annual feedback report, with the previous year beside it',
  description:
    'Per service, per organisation and in total. A provider gets its own organisation’s; steering gets all organisations, or one with `organisation`.',
  security: SECURITY.token,
  request: { query: firstValues(AnnualReportQuerySchema) },
  responses: {
    200: {
      description: 'The report.',
      content: {
        'application/json': { schema: AnnualReportSchema },
        'text/csv': {},
        'text/html': {},
      },
    },
    ...problems(PERIOD_400, 401, 403, 404),
  },
});

/** The report of the year: providers their own organisation, steering any or all. */
function annualReportHandler(config: Config): RouteHandler<typeof annualReportRoute, AuthEnv> {
  return async (c) => {
    const query = c.req.valid('query');
    const year = requireYear(query.year, config.now());
    const principal = c.get('principal');
    let organisationId: string | null;
    if (principal.role === 'provider') {
      if (query.organisation && query.organisation !== principal.organisationId) {
        throw forbidden(
          'A provider token gets the report of its own organisation; leave organisation out or use a token of that organisation.',
        );
      }
      organisationId = principal.organisationId;
    } else {
      organisationId = query.organisation ?? null;
    }
    const report = await annualReport(config.store, {
      year,
      organisationId,
      now: config.now(),
      minimum: config.minPublicN,
      deadline: config.reportDeadline ?? DEFAULT_REPORT_DEADLINE,
    });
    c.header('cache-control', 'private, no-store');
    const format = query.format;
    const filename = reportFilename(year, organisationId, format);
    if (format === 'csv') {
      return c.body(annualReportCsv(report), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
      });
    }
    if (format === 'html') {
      // inline: the browser shows it, ready to print or save as PDF; the name is for "save as".
      return c.body(annualReportHtml(report), 200, {
        'content-type': 'text/html; charset=utf-8',
        'content-disposition': `inline; filename="${filename}"`,
      });
    }
    return c.json(report, 200);
  };
}

/** The annual feedback report (Bearer token): providers their own organisation, steering any. */
export function reportsRoutes(config: Config) {
  const app = router<AuthEnv>();
  app.use(requireToken(config.store));
  app.openapi(annualReportRoute, annualReportHandler(config), queryHook());
  return app;
}
