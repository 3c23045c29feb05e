import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { OrganisationRecord, ServiceRecord, Store } from '../domain/store.ts';
import { forbidden, notFound } from '../domain/problems.ts';
import { canSeeAggregates, canSeeComments, requireToken, type AuthEnv } from './auth.ts';

// Who may act on a service or an organisation: its own provider writes (and reads); steering,
// where a route allows it, only reads. Route middleware, so that the token (401) and the access
// (404, 403) are checked before the parameters and the body (400): a caller learns nothing about
// the rules of a resource it may not reach.

/** Who a route lets in: the organisation's provider only, or steering too (reading). */
export type Reach = 'provider' | 'provider-or-steering';

export type ServiceAccessEnv = AuthEnv & { Variables: { service: ServiceRecord } };
export type OrganisationAccessEnv = AuthEnv & { Variables: { organisation: OrganisationRecord } };

const OTHER_ORGANISATION =
  'This belongs to another organisation; use a provider token of that organisation.';

function refusal(role: string, what: string): never {
  throw forbidden(
    role === 'steering'
      ? `${what} are the provider's own; the steering committee reads them in the annual report.`
      : OTHER_ORGANISATION,
  );
}

/**
 * The token, then the service of `:serviceId` (404 when there is none), then the caller's reach
 * (403); sets `service`. `what` names the resource in the steering committee's 403.
 */
export function serviceAccess(
  store: Store,
  reach: Reach,
  what: string,
): MiddlewareHandler<ServiceAccessEnv>[] {
  const access = createMiddleware<ServiceAccessEnv>(async (c, next) => {
    const service = await store.getService(c.req.param('serviceId') ?? '');
    if (!service) throw notFound('There is no such service.', 'unknown-service');
    const principal = c.get('principal');
    const allowed =
      reach === 'provider'
        ? canSeeComments(principal, service.organisationId)
        : canSeeAggregates(principal, service.organisationId);
    if (!allowed) refusal(principal.role, what);
    c.set('service', service);
    await next();
  });
  // The token middleware only sets `principal`, which this env has too.
  return [requireToken(store) as unknown as MiddlewareHandler<ServiceAccessEnv>, access];
}

/**
 * The token, then the caller's reach over `:organisationId` (a provider of another organisation:
 * 403, whether or not it exists), then the organisation (404); sets `organisation`.
 */
export function organisationAccess(
  store: Store,
  reach: Reach,
  what: string,
): MiddlewareHandler<OrganisationAccessEnv>[] {
  const access = createMiddleware<OrganisationAccessEnv>(async (c, next) => {
    const id = c.req.param('organisationId') ?? '';
    const principal = c.get('principal');
    const allowed =
      principal.role === 'steering'
        ? reach === 'provider-or-steering'
        : principal.organisationId === id;
    if (!allowed) refusal(principal.role, what);
    const organisation = await store.getOrganisation(id);
    if (!organisation) throw notFound('There is no such organisation.', 'unknown-organisation');
    c.set('organisation', organisation);
    await next();
  });
  return [requireToken(store) as unknown as MiddlewareHandler<OrganisationAccessEnv>, access];
}

/**
 * The token, then a provider of an organisation acting on its own organisation's resources (its
 * subscriptions): steering, which has none, gets 403 naming `what`.
 */
export function ownOrganisationAccess(store: Store, what: string): MiddlewareHandler<AuthEnv>[] {
  const access = createMiddleware<AuthEnv>(async (c, next) => {
    const principal = c.get('principal');
    const organisationId = principal.organisationId;
    if (organisationId === null || !canSeeComments(principal, organisationId)) {
      throw forbidden(
        `${what} belong to an organisation; use a provider token of that organisation.`,
      );
    }
    await next();
  });
  return [requireToken(store), access];
}
