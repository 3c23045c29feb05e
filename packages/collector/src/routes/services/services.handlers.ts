import type { RouteHandler } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { FeedbackItem, FeedbackPage } from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import type { CommentRecord } from '../../domain/acting-store.ts';
import type { FeedbackPosition, ServiceRecord, Store } from '../../domain/store.ts';
import { periodInstants, requirePeriod } from '../../domain/period.ts';
import { forbidden, invalid, notFound } from '../../domain/problems.ts';
import { exportFeedback } from '../../use-cases/exports.ts';
import { serviceThemes } from '../../use-cases/reports.ts';
import { serviceSummary } from '../../use-cases/summary.ts';
import { canSeeAggregates, canSeeComments, type AuthEnv, type Principal } from '../../http/auth.ts';
import type {
  exportRoute,
  feedbackRoute,
  listServicesRoute,
  summaryRoute,
  themesRoute,
} from './services.routes.ts';

// The handlers of the provider and steering API over services (declared in services.routes.ts).
// They return data or throw a ProblemError, which the app renders as problem+json.

type Access = 'aggregates' | 'comments';

/** A route's env once serviceAccess has let the caller through: the service it may see. */
export type ServiceEnv = AuthEnv & { Variables: { service: ServiceRecord } };

/** The service of `serviceId` if the principal may see it at this level; throws 404 or 403. */
export async function visibleService(
  store: Store,
  principal: Principal,
  serviceId: string,
  access: Access,
): Promise<ServiceRecord> {
  const service = await store.getService(serviceId);
  if (!service) throw notFound('There is no such service.', 'unknown-service');
  if (access === 'comments' && !canSeeComments(principal, service.organisationId)) {
    throw forbidden(
      principal.role === 'steering'
        ? 'Comments and exports are for the service provider only; the steering committee sees aggregates (summary, annual report).'
        : 'This service belongs to another organisation; use a token of that organisation.',
    );
  }
  if (!canSeeAggregates(principal, service.organisationId)) {
    throw forbidden(
      'This service belongs to another organisation; use a token of that organisation.',
    );
  }
  return service;
}

/** Route middleware: sets `service` when the caller may see `:serviceId` at this level. */
export function serviceAccess(store: Store, access: Access) {
  return createMiddleware<ServiceEnv>(async (c, next) => {
    const principal = c.get('principal');
    c.set(
      'service',
      await visibleService(store, principal, c.req.param('serviceId') ?? '', access),
    );
    await next();
  });
}

// The cursor is opaque to clients: base64url of "<createdAt>.<id>", the position of the last item
// of a page in the (createdAt, id) order. A submission arriving meanwhile is newer than any
// cursor, so paging on never repeats or skips an item.
function encodeCursor(position: FeedbackPosition): string {
  return Buffer.from(`${position.createdAt}.${position.id}`).toString('base64url');
}

function decodeCursor(cursor: string): FeedbackPosition {
  const match = /^(\d{1,15})\.([0-9a-f-]{36})$/i.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  );
  if (!match) {
    throw invalid('The cursor is not valid.', [
      {
        path: 'cursor',
        message: 'Pass nextCursor of the previous page unchanged, or leave it out.',
      },
    ]);
  }
  return { createdAt: Number(match[1]), id: match[2]! };
}

/** A comment as the listing, triage and redaction answer it. */
export function feedbackItem(record: CommentRecord): FeedbackItem {
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
    channel: record.channel,
    reasons: record.reasons,
    status: record.status,
    tags: record.tags,
    note: record.note,
  };
}

export function servicesHandlers(config: Config) {
  const { store } = config;

  const list: RouteHandler<typeof listServicesRoute, AuthEnv> = async (c) => {
    const principal = c.get('principal');
    const [services, organisations] = await Promise.all([
      store.listServices(principal.organisationId ?? undefined),
      store.listOrganisations(),
    ]);
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    return c.json(
      services.map((s) => ({
        id: s.id,
        name: s.name,
        organisationId: s.organisationId,
        organisationName: names.get(s.organisationId) ?? s.organisationId,
        active: s.active,
        publicServiceUri: s.publicServiceUri,
      })),
      200,
    );
  };

  const summary: RouteHandler<typeof summaryRoute, ServiceEnv> = async (c) => {
    const service = c.get('service');
    const period = requirePeriod(c.req.valid('query'), config.now());
    return c.json(await serviceSummary(store, service.id, period), 200);
  };

  // The comment listing: submissions that have a comment (a rating alone is in the summary),
  // newest first, the redacted text only. Providers of the service's organisation only.
  const feedback: RouteHandler<typeof feedbackRoute, ServiceEnv> = async (c) => {
    const service = c.get('service');
    const query = c.req.valid('query');
    const period = requirePeriod(query, config.now());
    const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const { start, end } = periodInstants(period);
    const limit = query.limit;
    // One row more than asked tells whether there is a next page.
    const rows = await store.listComments({
      serviceId: service.id,
      start,
      end,
      rating: query.rating,
      outcome: query.outcome === 'unknown' ? null : query.outcome,
      status: query.status,
      tag: query.tag,
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
    return c.json(page, 200);
  };

  // Themes carry example comments: providers of the service's organisation only.
  const themes: RouteHandler<typeof themesRoute, ServiceEnv> = async (c) => {
    const service = c.get('service');
    const query = c.req.valid('query');
    const period = requirePeriod(query, config.now());
    c.header('cache-control', 'private, no-store');
    return c.json(await serviceThemes(store, service.id, period, { sort: query.sort }), 200);
  };

  // Every submission of the period, streamed. Comments included: providers only.
  const exportAll: RouteHandler<typeof exportRoute, ServiceEnv> = async (c) => {
    const service = c.get('service');
    const query = c.req.valid('query');
    const period = requirePeriod(query, config.now());
    const result = await exportFeedback(store, {
      serviceId: service.id,
      period,
      format: query.format,
    });
    return c.body(result.stream, 200, {
      'content-type': result.contentType,
      'content-disposition': `attachment; filename="${result.filename}"`,
      'cache-control': 'private, no-store',
    });
  };

  return { list, summary, feedback, themes, export: exportAll };
}
