import { Hono, type Context } from 'hono';
import { etag } from 'hono/etag';
import {
  fieldErrors,
  INVALID_PERIOD,
  PublicStatsQuerySchema,
  type FieldError,
  type PublicStats,
} from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import { reportYear, resolveYear, type Period } from '../../domain/period.ts';
import { brusselsYear } from '../../domain/time.ts';
import {
  transparencyHtml,
  transparencyRefusalHtml,
  type TransparencyRefusal,
} from '../../views/transparency-html.ts';
import { problem } from '../../http/problem.ts';
import { publicServiceStats, publicStats, publicStatsCsv } from '../../use-cases/reports.ts';

/**
 * Figures change while a year runs; a closed year's barely do (only late, delayed deliveries).
 * Either way the rollups make a fresh answer cheap, and the ETag lets a cache revalidate for free.
 */
function cacheFor(c: Context, year: number, now: number): void {
  const closed = year < brusselsYear(now);
  c.header(
    'cache-control',
    closed ? 'public, max-age=86400, stale-while-revalidate=604800' : 'public, max-age=300',
  );
}

/** Open data: any site or program may read it. */
function openData(c: Context): void {
  c.header('access-control-allow-origin', '*');
  c.header('cross-origin-resource-policy', 'cross-origin');
}

/** Why a year cannot be shown: not a year, outside the limits of a period, or not begun. */
interface YearRefusal {
  reason: TransparencyRefusal;
  errors: FieldError[];
}

type YearRequest =
  | { ok: true; year: number; period: Period; format: 'json' | 'csv' }
  | { ok: false; refusal: YearRefusal };

function yearProblem(c: Context, { reason, errors }: YearRefusal): Response {
  if (reason === 'out-of-range') {
    return problem(
      c,
      400,
      INVALID_PERIOD,
      'Bad Request',
      'The year is outside the limits of a period; see errors.',
      errors,
    );
  }
  return problem(
    c,
    400,
    'validation-error',
    'Bad Request',
    reason === 'not-begun' ? 'That year has not begun.' : 'The query is not valid; see errors.',
    errors,
  );
}

/**
 * Public transparency, without a token: aggregates only, a service below the threshold reported
 * as suppressed with no figure at all. JSON and the open-data CSV, and the /transparantie page.
 */
export function publicRoutes(config: Config) {
  const { store } = config;

  /** `?year&format`; `/transparantie` passes its `jaar` under that name. */
  const yearOf = (raw: Record<string, string>, name = 'year'): YearRequest => {
    const query = PublicStatsQuerySchema.safeParse(raw);
    if (!query.success) {
      const errors = fieldErrors(query.error).map((error) =>
        error.path === 'year' ? { ...error, path: name } : error,
      );
      return { ok: false, refusal: { reason: 'not-a-year', errors } };
    }
    const resolved = resolveYear(query.data.year, config.now(), name);
    if (!resolved.ok) {
      return { ok: false, refusal: { reason: 'out-of-range', errors: resolved.errors } };
    }
    const span = reportYear(resolved.value, config.now());
    if (!span) {
      const errors = [{ path: name, message: 'Give this year or an earlier one.' }];
      return { ok: false, refusal: { reason: 'not-begun', errors } };
    }
    return { ok: true, year: resolved.value, period: span.period, format: query.data.format };
  };

  const csv = (c: Context, stats: PublicStats, name: string) =>
    c.body(publicStatsCsv(stats), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
    });

  const list = async (c: Context, format: 'json' | 'csv') => {
    const request = yearOf(c.req.query());
    if (!request.ok) return yearProblem(c, request.refusal);
    const stats = await publicStats(store, {
      year: request.year,
      now: config.now(),
      minimum: config.minPublicN,
    });
    if (!stats)
      return problem(c, 400, 'validation-error', 'Bad Request', 'That year has not begun.');
    openData(c);
    cacheFor(c, request.year, config.now());
    if (format === 'csv' || request.format === 'csv') {
      return csv(c, stats, `vo-feedback-open-data-${request.year}.csv`);
    }
    return c.json(stats);
  };

  return new Hono()
    .use('/api/v1/public/*', etag())
    .use('/transparantie', etag())
    .get('/api/v1/public/stats', (c) => list(c, 'json'))
    .get('/api/v1/public/stats.csv', (c) => list(c, 'csv'))
    .get('/api/v1/public/services/:serviceId/stats', async (c) => {
      const request = yearOf(c.req.query());
      if (!request.ok) return yearProblem(c, request.refusal);
      const service = await store.getService(c.req.param('serviceId'));
      if (!service?.active) {
        return problem(c, 404, 'unknown-service', 'Not Found', 'There is no such active service.');
      }
      const stats = await publicServiceStats(store, service, {
        year: request.year,
        period: request.period,
        minimum: config.minPublicN,
      });
      openData(c);
      cacheFor(c, request.year, config.now());
      if (request.format === 'csv') {
        const organisation = (await store.listOrganisations()).find(
          (o) => o.id === service.organisationId,
        );
        return csv(
          c,
          {
            year: request.year,
            from: request.period.from,
            to: request.period.to,
            minimum: config.minPublicN,
            services: [
              {
                ...stats,
                name: service.name,
                organisationId: service.organisationId,
                organisationName: organisation?.name ?? service.organisationId,
              },
            ],
          },
          `vo-feedback-open-data-${service.id}-${request.year}.csv`,
        );
      }
      return c.json(stats);
    })
    .get('/transparantie', async (c) => {
      const jaar = c.req.query('jaar');
      const current = brusselsYear(config.now());
      const years = [current, current - 1, current - 2];
      const request = yearOf(jaar === undefined ? {} : { year: jaar }, 'jaar');
      // A visitor's page: a refused year is a page too, in Dutch, with the years there are.
      if (!request.ok) {
        return c.html(transparencyRefusalHtml({ reason: request.refusal.reason, years }), 400);
      }
      const stats = await publicStats(store, {
        year: request.year,
        now: config.now(),
        minimum: config.minPublicN,
      });
      if (!stats) return c.html(transparencyRefusalHtml({ reason: 'not-begun', years }), 400);
      cacheFor(c, request.year, config.now());
      return c.html(transparencyHtml({ stats, years }));
    });
}
