import { Hono } from 'hono';
import { AnnualReportQuerySchema, fieldErrors, INVALID_PERIOD } from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import { annualReportCsv } from '../../domain/annual-report.ts';
import { annualReportHtml } from '../../views/report-html.ts';
import { resolveYear } from '../../domain/period.ts';
import { requireToken, type AuthEnv } from '../../http/auth.ts';
import { problem } from '../../http/problem.ts';
import { annualReport } from '../../use-cases/reports.ts';

/** `jaarrapport-feedback-2026-org-a.html`; ids are lowercase letters, digits and "-". */
export function reportFilename(year: number, organisationId: string | null, format: string) {
  return `jaarrapport-feedback-${year}-${organisationId ?? 'alle-organisaties'}.${format}`;
}

/** The annual feedback report (Bearer token): providers their own organisation, steering any. */
export function reportsRoutes(config: Config) {
  return new Hono<AuthEnv>().use(requireToken(config.store)).get('/annual', async (c) => {
    const query = AnnualReportQuerySchema.safeParse(c.req.query());
    if (!query.success) {
      return problem(
        c,
        400,
        'validation-error',
        'Bad Request',
        'The query is not valid; see errors.',
        fieldErrors(query.error),
      );
    }
    const resolved = resolveYear(query.data.year, config.now());
    if (!resolved.ok) {
      return problem(
        c,
        400,
        INVALID_PERIOD,
        'Bad Request',
        'The year is outside the limits of a period; see errors.',
        resolved.errors,
      );
    }
    const year = resolved.value;
    const principal = c.get('principal');
    let organisationId: string | null;
    if (principal.role === 'provider') {
      if (query.data.organisation && query.data.organisation !== principal.organisationId) {
        return problem(
          c,
          403,
          'forbidden',
          'Forbidden',
          'A provider token gets the report of its own organisation; leave organisation out or use a token of that organisation.',
        );
      }
      organisationId = principal.organisationId;
    } else {
      organisationId = query.data.organisation ?? null;
    }
    const outcome = await annualReport(config.store, { year, organisationId, now: config.now() });
    if (!outcome.ok) {
      return outcome.reason === 'unknown-organisation'
        ? problem(c, 404, 'unknown-organisation', 'Not Found', 'There is no such organisation.')
        : problem(c, 400, 'validation-error', 'Bad Request', 'That year has not begun.', [
            { path: 'year', message: 'Give this year or an earlier one.' },
          ]);
    }
    const { report } = outcome;
    c.header('cache-control', 'private, no-store');
    const format = query.data.format;
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
    return c.json(report);
  });
}
