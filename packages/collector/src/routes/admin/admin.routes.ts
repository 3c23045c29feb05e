import { z } from '@hono/zod-openapi';
import {
  AuditLogSchema,
  PeriodQuerySchema,
  AdminServiceQuerySchema,
  AdminServiceSchema,
  AdminOrganisationSchema,
  OrganisationIdSchema,
  OrganisationSchema,
  OrganisationUpdateSchema,
  ServiceIdSchema,
  ServiceSchema,
  ServiceUpdateSchema,
  TokenCreatedSchema,
  TokenIdSchema,
  TokenInfoSchema,
  TokenRequestSchema,
} from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import { json, jsonBody, operations, problems, router, SECURITY } from '../../http/openapi.ts';
import type { ServiceDirectory } from '../../use-cases/service-directory.ts';
import { adminHandlers } from './admin.handlers.ts';
import { requireAdmin } from './admin-access.ts';
import { registerPeopleRoutes } from './people.routes.ts';
import { serve } from './serve.ts';

// The admin API under /api/v1/admin, declared once: each operation's parameters, body and answers
// as the shared zod schemas. The OpenAPI document is generated from these declarations.

const adminRoute = operations('Administration', SECURITY.admin);

export const addOrganisationRoute = adminRoute({
  method: 'post',
  path: '/organisations',
  summary: 'Add an organisation',
  description:
    '`policyDomain` (e.g. "Omgeving") and `kind` (`flemish` or `local`) are optional; the overview and the report of all organisations group and label by them.',
  request: { body: jsonBody(OrganisationSchema) },
  responses: {
    201: { description: 'Added.', content: json(AdminOrganisationSchema) },
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
});

export const listOrganisationsRoute = adminRoute({
  method: 'get',
  path: '/organisations',
  summary: 'List the organisations',
  responses: {
    200: { description: 'By id.', content: json(z.array(AdminOrganisationSchema)) },
    ...problems(401, 403, 404),
  },
});

export const updateOrganisationRoute = adminRoute({
  method: 'patch',
  path: '/organisations/{id}',
  summary: 'Change an organisation',
  description:
    'Only the fields given change: `name`, `policyDomain`, `kind`; `null` removes a policy domain or kind. Recorded in the audit as `organisation.updated` with the names of the fields changed.',
  request: {
    params: z.object({ id: OrganisationIdSchema }),
    body: jsonBody(OrganisationUpdateSchema),
  },
  responses: {
    200: { description: 'The organisation as it is now.', content: json(AdminOrganisationSchema) },
    ...problems(400, 401, 403, 404, 413, 415),
  },
});

export const addServiceRoute = adminRoute({
  method: 'post',
  path: '/services',
  summary: 'Add a service',
  description:
    'Its `allowedOrigins` (lowercased) are the sites whose pages may post for it; CORS applies them at once. The organisation must exist (400 on `organisationId` otherwise).',
  request: { body: jsonBody(ServiceSchema) },
  responses: {
    201: { description: 'Added.', content: json(AdminServiceSchema) },
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
});

export const listServicesRoute = adminRoute({
  method: 'get',
  path: '/services',
  summary: 'List the services',
  request: { query: AdminServiceQuerySchema },
  responses: {
    200: { description: 'By id.', content: json(z.array(AdminServiceSchema)) },
    ...problems(401, 403, 404),
  },
});

export const updateServiceRoute = adminRoute({
  method: 'patch',
  path: '/services/{id}',
  summary: 'Change a service',
  description:
    'Only the fields given change. `allowedOrigins` replaces the list; `publicServiceUri: null` removes the URI; `active: false` stops its ingest (404 to the widget).',
  request: { params: z.object({ id: ServiceIdSchema }), body: jsonBody(ServiceUpdateSchema) },
  responses: {
    200: { description: 'The service as it is now.', content: json(AdminServiceSchema) },
    ...problems(400, 401, 403, 404, 413, 415),
  },
});

export const createTokenRoute = adminRoute({
  method: 'post',
  path: '/tokens',
  summary: 'Create a token',
  description:
    'The token is in this answer only (Cache-Control: no-store); the collector stores its SHA-256 hash.',
  request: { body: jsonBody(TokenRequestSchema) },
  responses: {
    201: { description: 'Created; copy the token now.', content: json(TokenCreatedSchema) },
    ...problems(400, 401, 403, 404, 413, 415),
  },
});

export const listTokensRoute = adminRoute({
  method: 'get',
  path: '/tokens',
  summary: 'List the tokens',
  description: 'Never the token, never its hash.',
  responses: {
    200: { description: 'Oldest first.', content: json(z.array(TokenInfoSchema)) },
    ...problems(401, 403, 404),
  },
});

export const revokeTokenRoute = adminRoute({
  method: 'delete',
  path: '/tokens/{id}',
  summary: 'Revoke a token',
  description: 'The very next request with the token answers 401. Revoking twice is harmless.',
  request: { params: z.object({ id: TokenIdSchema }) },
  responses: { 204: { description: 'Revoked.' }, ...problems(401, 403, 404) },
});

export const auditRoute = adminRoute({
  method: 'get',
  path: '/audit',
  summary: 'Read the audit',
  description:
    'Who did what, when, on what: triage changes, erasures, improvement actions, explanations, hand-ins and admin actions, oldest first (at most 10,000 entries; `truncated: true` when the period holds more: narrow it). Ids, field names and statuses only: never the text of a comment, note, action or explanation. `from` and `to` as every period (default: 1 January to today).',
  request: { query: PeriodQuerySchema },
  responses: {
    200: { description: 'The entries of the period.', content: json(AuditLogSchema) },
    ...problems(400, 401, 403, 404),
  },
});

/**
 * The admin API, guarded by ADMIN_TOKEN, and open to a signed-in manager for its own
 * organisation. Without ADMIN_TOKEN every route answers 404 to a bearer token: the platform
 * administrator's access is off.
 */
export function adminRoutes(config: Config, origins: ServiceDirectory) {
  const handle = adminHandlers(config, origins);
  const app = router();
  app.use(requireAdmin(config));
  serve(app, addOrganisationRoute, handle.addOrganisation);
  app.openapi(listOrganisationsRoute, handle.listOrganisations);
  serve(app, updateOrganisationRoute, handle.updateOrganisation);
  serve(app, addServiceRoute, handle.addService);
  serve(app, listServicesRoute, handle.listServices);
  serve(app, updateServiceRoute, handle.updateService);
  serve(app, createTokenRoute, handle.createToken);
  app.openapi(listTokensRoute, handle.listTokens);
  serve(app, revokeTokenRoute, handle.revokeToken);
  app.openapi(auditRoute, handle.audit);
  registerPeopleRoutes(app, config);
  return app;
}
