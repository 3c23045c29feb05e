import { Hono, type Context } from 'hono';
import {
  ExportQuerySchema,
  FeedbackQuerySchema,
  fieldErrors,
  INVALID_PERIOD,
  PeriodQuerySchema,
  type FeedbackItem,
  type FeedbackPage,
} from '@vo-feedback/shared';
import type { z } from 'zod';
import type { Config } from '../../config/deps.ts';
import type { FeedbackPosition, FeedbackRecord, ServiceRecord } from '../../domain/store.ts';
import { summarise } from '../../domain/aggregation.ts';
import { periodInstants, resolvePeriod, type Period } from '../../domain/period.ts';
import { exportFeedback, exportRefusal } from '../../use-cases/exports.ts';
import { canSeeAggregates, canSeeComments, requireToken, type AuthEnv } from '../../http/auth.ts';
import { problem } from '../../http/problem.ts';
import { serviceThemes } from '../../use-cases/reports.ts';

type Access = 'aggregates' | 'comments';

/** The service of `:serviceId` if the caller may see it at this level, or the problem answer. */
async function serviceWithin(
  c: Context<AuthEnv>,
  config: Config,
  access: Access,
): Promise<ServiceRecord | Response> {
  const service = await config.store.getService(c.req.param('serviceId') ?? '');
  if (!service) return problem(c, 404, 'unknown-service', 'Not Found', 'There is no such service.');
  const principal = c.get('principal');
  if (access === 'comments' && !canSeeComments(principal, service.organisationId)) {
    return problem(
      c,
      403,
      'forbidden',
      'Forbidden',
      principal.role === 'steering'
        ? 'Comments and exports are for the service provider only; the steering committee sees aggregates (summary, annual report).'
        : 'This service belongs to another organisation; use a token of that organisation.',
    );
  }
  if (!canSeeAggregates(principal, service.organisationId)) {
    return problem(
      c,
      403,
      'forbidden',
      'Forbidden',
      'This service belongs to another organisation; use a token of that organisation.',
    );
  }
  return service;
}

function invalidQuery(c: Context, error: z.ZodError): Response {
  return problem(
    c,
    400,
    'validation-error',
    'Bad Request',
    'The query is not valid; see errors.',
    fieldErrors(error),
  );
}

function periodOf(
  c: Context,
  config: Config,
  query: { from?: string | undefined; to?: string | undefined },
): Period | Response {
  const period = resolvePeriod(query, config.now());
  if (period.ok) return period.value;
  return problem(
    c,
    400,
    INVALID_PERIOD,
    'Bad Request',
    'The period is outside its limits; see errors.',
    period.errors,
  );
}

// The cursor is opaque to clients: base64url of "<createdAt>.<id>", the position of the last item
// of a page in the (createdAt, id) order. A submission arriving meanwhile is newer than any
// cursor, so paging on never repeats or skips an item.
function encodeCursor(position: FeedbackPosition): string {
  return Buffer.from(`${position.createdAt}.${position.id}`).toString('base64url');
}

function decodeCursor(cursor: string): FeedbackPosition | undefined {
  const match = /^(\d{1,15})\.([0-9a-f-]{36})$/i.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  );
  return match ? { createdAt: Number(match[1]), id: match[2]! } : undefined;
}

function feedbackItem(record: FeedbackRecord): FeedbackItem {
  return {
    id: record.id,
    serviceId: record.serviceId,
    createdAt: new Date(record.createdAt).toISOString(),
    day: record.day,
    rating: record.rating,
    comment: record.comment ?? '',
    lang: record.lang,
    outcome: record.outcome,
    step: record.step,
    page: record.page,
    redactions: record.redactions,
  };
}

/** The provider and steering API over services (Bearer token). */
export function servicesRoutes(config: Config) {
  const { store } = config;
  return (
    new Hono<AuthEnv>()
      .use(requireToken(store))
      .get('/', async (c) => {
        const principal = c.get('principal');
        const services = await store.listServices(principal.organisationId ?? undefined);
        return c.json(
          services.map((s) => ({
            id: s.id,
            name: s.name,
            organisationId: s.organisationId,
            active: s.active,
            publicServiceUri: s.publicServiceUri,
          })),
        );
      })
      .get('/:serviceId/summary', async (c) => {
        const service = await serviceWithin(c, config, 'aggregates');
        if (service instanceof Response) return service;
        const query = PeriodQuerySchema.safeParse(c.req.query());
        if (!query.success) return invalidQuery(c, query.error);
        const period = periodOf(c, config, query.data);
        if (period instanceof Response) return period;
        const [rollups, impressions] = await Promise.all([
          store.monthlyRollups(service.id, period.from, period.to),
          store.monthlyImpressions(service.id, period.from, period.to),
        ]);
        return c.json(summarise(service.id, period, rollups, impressions));
      })
      // The comment listing: submissions that have a comment (a rating alone is in the summary),
      // newest first, the redacted text only. Providers of the service's organisation only.
      .get('/:serviceId/feedback', async (c) => {
        const service = await serviceWithin(c, config, 'comments');
        if (service instanceof Response) return service;
        const query = FeedbackQuerySchema.safeParse(c.req.query());
        if (!query.success) return invalidQuery(c, query.error);
        const period = periodOf(c, config, query.data);
        if (period instanceof Response) return period;
        let before: FeedbackPosition | undefined;
        if (query.data.cursor !== undefined) {
          before = decodeCursor(query.data.cursor);
          if (!before) {
            return problem(c, 400, 'validation-error', 'Bad Request', 'The cursor is not valid.', [
              {
                path: 'cursor',
                message: 'Pass nextCursor of the previous page unchanged, or leave it out.',
              },
            ]);
          }
        }
        const { start, end } = periodInstants(period);
        const limit = query.data.limit;
        // One row more than asked tells whether there is a next page.
        const rows = await store.listComments({
          serviceId: service.id,
          start,
          end,
          rating: query.data.rating,
          outcome: query.data.outcome === 'unknown' ? null : query.data.outcome,
          before,
          limit: limit + 1,
        });
        const items = rows.slice(0, limit);
        const last = items[items.length - 1];
        const page: FeedbackPage = {
          serviceId: service.id,
          from: period.from,
          to: period.to,
          items: items.map(feedbackItem),
          nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
        };
        c.header('cache-control', 'private, no-store');
        return c.json(page);
      })
      // Themes carry example comments: providers of the service's organisation only.
      .get('/:serviceId/themes', async (c) => {
        const service = await serviceWithin(c, config, 'comments');
        if (service instanceof Response) return service;
        const query = PeriodQuerySchema.safeParse(c.req.query());
        if (!query.success) return invalidQuery(c, query.error);
        const period = periodOf(c, config, query.data);
        if (period instanceof Response) return period;
        c.header('cache-control', 'private, no-store');
        return c.json(await serviceThemes(store, service.id, period));
      })
      // Every submission of the period, streamed. Comments included: providers only.
      .get('/:serviceId/export', async (c) => {
        const service = await serviceWithin(c, config, 'comments');
        if (service instanceof Response) return service;
        const query = ExportQuerySchema.safeParse(c.req.query());
        if (!query.success) return invalidQuery(c, query.error);
        const period = periodOf(c, config, query.data);
        if (period instanceof Response) return period;
        const request = { serviceId: service.id, period, format: query.data.format };
        const refusal = await exportRefusal(store, request);
        if (refusal) {
          return problem(c, 422, 'too-many-rows', 'Unprocessable Content', refusal);
        }
        const result = exportFeedback(store, request);
        return c.body(result.stream, 200, {
          'content-type': result.contentType,
          'content-disposition': `attachment; filename="${result.filename}"`,
          'cache-control': 'private, no-store',
        });
      })
  );
}
