import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  PublicStatsQuerySchema,
  type PublicStats,
  type PublicStatsQuery,
} from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import {
  reportYear,
  requireReportYear,
  requireYear,
  resolveYear,
  type Period,
} from '../../domain/period.ts';
import { notFound } from '../../domain/problems.ts';
import { brusselsYear } from '../../domain/time.ts';
import { transparencyHtml, transparencyRefusalHtml } from '../../views/transparency-html.ts';
import { publicServiceStats, publicStats, publicStatsCsv } from '../../use-cases/reports.ts';
import { serviceConfig as configOf } from '../../use-cases/service-config.ts';
import type {
  serviceConfigRoute,
  serviceStatsRoute,
  statsCsvRoute,
  statsRoute,
} from './public.routes.ts';

// The handlers of public transparency (declared in public.routes.ts) and the /transparantie page.
// Aggregates only, without a token; problems are thrown and rendered by the app.

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

function csv(c: Context, stats: PublicStats, name: string): Response {
  return c.body(publicStatsCsv(stats), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}"`,
  });
}

/**
 * The year of `?year` (this Brussels year by default) and the days its figures cover. Throws 400
 * `invalid-period` outside the limits of a period, then 400 for a year that has not begun.
 */
function publicYear(year: number | undefined, now: number): { year: number; period: Period } {
  const value = requireYear(year, now);
  return { year: value, period: requireReportYear(value, now).period };
}

export function publicHandlers(config: Config) {
  const { store } = config;

  const list =
    (csvOnly: boolean) =>
    async (c: Context, query: PublicStatsQuery): Promise<Response> => {
      const { year, period } = publicYear(query.year, config.now());
      const stats = await publicStats(store, { year, period, minimum: config.minPublicN });
      openData(c);
      cacheFor(c, year, config.now());
      if (csvOnly || query.format === 'csv') {
        return csv(c, stats, `vo-feedback-open-data-${year}.csv`);
      }
      return c.json(stats, 200);
    };
  const listJson = list(false);
  const listCsv = list(true);

  const stats: RouteHandler<typeof statsRoute> = (c) => listJson(c, c.req.valid('query'));
  const statsCsv: RouteHandler<typeof statsCsvRoute> = (c) => listCsv(c, c.req.valid('query'));

  /**
   * A malformed service id names no service: the 404 of an unknown one, after the year's checks
   * as for any id (the query is validated before the path).
   */
  const unknownService = (c: Context) => {
    const query = c.req.valid('query' as never) as PublicStatsQuery;
    publicYear(query.year, config.now());
    return notFound('There is no such active service.', 'unknown-service');
  };

  const serviceStats: RouteHandler<typeof serviceStatsRoute> = async (c) => {
    const query = c.req.valid('query');
    const { year, period } = publicYear(query.year, config.now());
    const service = await store.getService(c.req.valid('param').serviceId);
    if (!service?.active) throw notFound('There is no such active service.', 'unknown-service');
    const figures = await publicServiceStats(store, service, {
      year,
      period,
      minimum: config.minPublicN,
    });
    openData(c);
    cacheFor(c, year, config.now());
    if (query.format === 'csv') {
      const organisation = (await store.listOrganisations()).find(
        (o) => o.id === service.organisationId,
      );
      const entry = {
        ...figures,
        name: service.name,
        organisationId: service.organisationId,
        organisationName: organisation?.name ?? service.organisationId,
      };
      return csv(
        c,
        { year, from: period.from, to: period.to, minimum: config.minPublicN, services: [entry] },
        `vo-feedback-open-data-${service.id}-${year}.csv`,
      );
    }
    return c.json(figures, 200);
  };

  /** `/transparantie?jaar=`: a visitor's page; a refused year is a page too, in Dutch. */
  const transparency = async (c: Context) => {
    const jaar = c.req.query('jaar');
    const now = config.now();
    const current = brusselsYear(now);
    const years = [current, current - 1, current - 2];
    const query = PublicStatsQuerySchema.safeParse(jaar === undefined ? {} : { year: jaar });
    const year = query.success ? resolveYear(query.data.year, now) : undefined;
    const span = year?.ok ? reportYear(year.value, now) : undefined;
    if (!year?.ok || !span) {
      const reason = !year ? 'not-a-year' : !year.ok ? 'out-of-range' : 'not-begun';
      return c.html(transparencyRefusalHtml({ reason, years }), 400);
    }
    const stats = await publicStats(store, {
      year: year.value,
      period: span.period,
      minimum: config.minPublicN,
    });
    cacheFor(c, year.value, config.now());
    return c.html(transparencyHtml({ stats, years }));
  };

  /** A malformed service id names no service: 404, as an unknown one. */
  const noSuchService = () => notFound('There is no such active service.', 'unknown-service');

  /** The widget's configuration of a service: any site may read it, caches may keep it 5 min. */
  const serviceConfig: RouteHandler<typeof serviceConfigRoute> = async (c) => {
    const answer = await configOf(store, c.req.valid('param').serviceId);
    openData(c);
    c.header('cache-control', 'public, max-age=300');
    return c.json(answer, 200);
  };

  return {
    stats,
    statsCsv,
    serviceStats,
    unknownService,
    noSuchService,
    serviceConfig,
    transparency,
  };
}
