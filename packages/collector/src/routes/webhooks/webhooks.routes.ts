import { z, type RouteHandler } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import {
  DeliveryListSchema,
  MAX_WEBHOOKS,
  WebhookCreatedSchema,
  WebhookCreateSchema,
  WebhookListSchema,
} from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import { forbidden, notFound } from '../../domain/problems.ts';
import { acting, type AuthEnv } from '../../http/auth.ts';
import { declaredJsonBody } from '../../http/json-body.ts';
import { ownOrganisationAccess } from '../../http/provider-access.ts';
import {
  json,
  jsonBody,
  operations,
  problems,
  router,
  SECURITY,
  validationProblem,
} from '../../http/openapi.ts';
import {
  createWebhook,
  deleteWebhook,
  DELIVERIES_LISTED,
  listDeliveries,
  listWebhooks,
  resendDelivery,
} from '../../use-cases/webhooks.ts';
import type { queryHook } from '../services/query.ts';

// An organisation's webhooks (Standard Webhooks): its provider token or manager creates, lists and
// deletes them, reads their recent deliveries and resends one; a signed-in provider who is not a
// manager reads them only (a webhook sends the organisation's feedback, comments perhaps, to a
// URL of its own, and keeps doing so after whoever added it has left). The steering committee has
// none.

const webhookRoute = operations('Providers and steering', SECURITY.token);
const idParams = z.object({ id: z.uuid({ message: 'Give the id of a webhook (a UUID).' }) });
const deliveryParams = z.object({
  id: z.uuid({ message: 'Give the id of a webhook (a UUID).' }),
  deliveryId: z.string().regex(/^msg_[0-9a-f-]{36}$/, 'Give the id of a delivery (msg_…).'),
});

/** A URL of 2,048 characters, four events and a hundred service ids: small. */
const WEBHOOK_BODY_BYTES = 16 * 1024;

const READ_ACCESS =
  'Providers, for their own organisation: a provider token, a signed-in provider or manager; steering gets 403.';
const ACCESS =
  'A provider token, or a signed-in manager, for their own organisation; a signed-in provider who is not a manager and steering get 403.';
const READ_REFUSED: [number, string] = [403, 'A steering token or person.'];
const REFUSED: [number, string] = [
  403,
  'A steering token or person, or a signed-in provider who is not a manager (`not-a-manager`).',
];
const WEBHOOK_404: [number, string] = [404, 'Your organisation has no such webhook.'];

export const createWebhookRoute = webhookRoute({
  method: 'post',
  path: '/',
  summary: 'Add a webhook',
  description: `\`{url, events, serviceIds?, includeComment?: false}\`: events of \`feedback.created\`, \`feedback.low-rating\` (ratings 1–2), \`report.submitted\` and \`alert.raised\`, for the organisation's services (or those named). Answers \`{id, secret}\`: the secret (\`whsec_…\`) is shown this once and signs every request (Standard Webhooks). Only \`https\` URLs of public addresses, unless the collector runs with ALLOW_INSECURE_WEBHOOKS=1. At most ${MAX_WEBHOOKS} per organisation. Audited as \`webhook.created\` without the secret. ${ACCESS}`,
  request: { body: jsonBody(WebhookCreateSchema) },
  responses: {
    201: { description: 'The webhook’s id and secret.', content: json(WebhookCreatedSchema) },
    ...problems(
      [
        400,
        'A field is invalid (`validation-error`, `errors` names it): a URL that is not https or names a private address, an unknown event, a service of another organisation.',
      ],
      401,
      REFUSED,
      [409, `The organisation has ${MAX_WEBHOOKS} webhooks already (\`too-many-webhooks\`).`],
      413,
      415,
    ),
  },
});

export const listWebhooksRoute = webhookRoute({
  method: 'get',
  path: '/',
  summary: 'The organisation’s webhooks',
  description: `Oldest first, never the secret. \`failingSince\` is the first failed attempt since the last success; \`disabledAt\` and \`disabledReason\` say that it is no longer sent to: it failed for 5 days, or the person who created it was removed. ${READ_ACCESS}`,
  responses: {
    200: { description: 'The webhooks.', content: json(WebhookListSchema) },
    ...problems(401, READ_REFUSED),
  },
});

export const deleteWebhookRoute = webhookRoute({
  method: 'delete',
  path: '/{id}',
  summary: 'Delete a webhook',
  description: `Nothing more is sent to it; its deliveries are deleted with it. Audited as \`webhook.deleted\`. ${ACCESS}`,
  request: { params: idParams },
  responses: { 204: { description: 'Deleted.' }, ...problems(401, REFUSED, WEBHOOK_404) },
});

export const deliveriesRoute = webhookRoute({
  method: 'get',
  path: '/{id}/deliveries',
  summary: 'The recent deliveries of a webhook',
  description: `The ${DELIVERIES_LISTED} newest, each an event for this webhook: \`pending\`, \`delivered\` or \`failed\` (after 8 attempts), its attempts with the receiver's status code or error, and the next attempt. \`id\` is the \`webhook-id\` every attempt carries. ${READ_ACCESS}`,
  request: { params: idParams },
  responses: {
    200: { description: 'The deliveries, newest first.', content: json(DeliveryListSchema) },
    ...problems(401, READ_REFUSED, WEBHOOK_404),
  },
});

export const resendRoute = webhookRoute({
  method: 'post',
  path: '/{id}/deliveries/{deliveryId}/resend',
  summary: 'Resend a delivery',
  description: `Queued at once, from the start of the retry schedule, with the same \`webhook-id\`; a disabled webhook (after 5 days of failures, or its creator removed) is enabled again. Audited as \`webhook.resent\`. ${ACCESS}`,
  request: { params: deliveryParams },
  responses: {
    202: { description: 'Queued; its list shows how it goes.' },
    ...problems(401, REFUSED, [404, 'No such webhook, or no such delivery of it.']),
  },
});

/**
 * A change to the webhooks: a signed-in person must be a manager. A provider reads them, but a
 * webhook it added would keep sending the organisation's feedback on after it had left; what a
 * manager adds is taken back when the manager is removed. Tokens are the platform's or a
 * manager's already, and keep their access.
 */
const managerOnly = createMiddleware<AuthEnv>(async (c, next) => {
  const { person } = c.get('principal');
  if (person && person.role !== 'manager') {
    throw forbidden(
      'Adding, deleting and resending webhooks is for a manager of your organisation; ask your manager.',
      'not-a-manager',
    );
  }
  await next();
});

/** POST, GET /api/v1/webhooks, DELETE …/:id, GET …/:id/deliveries, POST …/resend. */
export function webhooksRoutes(config: Config) {
  const { store } = config;
  const app = router<AuthEnv>();
  // The token, then a provider's own organisation: steering has no webhooks (403).
  const access = ownOrganisationAccess(store, 'Webhooks');
  const change = [...access, managerOnly];
  // An id that is not a webhook's or a delivery's shape is one nobody has: 404, as unknown ones.
  const hook: ReturnType<typeof queryHook> = (result) => {
    if (result.success) return undefined;
    if (result.target === 'param')
      throw notFound('Your organisation has no such webhook or delivery.', 'unknown-webhook');
    throw validationProblem(result.target, result.error);
  };
  const organisationOf = (principal: AuthEnv['Variables']['principal']) =>
    principal.organisationId ?? '';

  const create: RouteHandler<typeof createWebhookRoute, AuthEnv> = async (c) => {
    const principal = c.get('principal');
    const created = await createWebhook(store, organisationOf(principal), c.req.valid('json'), {
      ...acting(config, principal),
      allowInsecure: config.allowInsecureWebhooks ?? false,
    });
    c.header('cache-control', 'no-store');
    return c.json(created, 201);
  };
  const list: RouteHandler<typeof listWebhooksRoute, AuthEnv> = async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await listWebhooks(store, organisationOf(c.get('principal'))), 200);
  };
  const remove: RouteHandler<typeof deleteWebhookRoute, AuthEnv> = async (c) => {
    const principal = c.get('principal');
    await deleteWebhook(
      store,
      organisationOf(principal),
      c.req.valid('param').id,
      acting(config, principal),
    );
    return c.body(null, 204);
  };
  const deliveries: RouteHandler<typeof deliveriesRoute, AuthEnv> = async (c) => {
    c.header('cache-control', 'private, no-store');
    const organisationId = organisationOf(c.get('principal'));
    return c.json(await listDeliveries(store, organisationId, c.req.valid('param').id), 200);
  };
  const resend: RouteHandler<typeof resendRoute, AuthEnv> = async (c) => {
    const principal = c.get('principal');
    const { id, deliveryId } = c.req.valid('param');
    await resendDelivery(
      store,
      organisationOf(principal),
      { webhookId: id, deliveryId },
      acting(config, principal),
    );
    return c.body(null, 202);
  };

  app.openapi(
    { ...createWebhookRoute, middleware: [...change, declaredJsonBody(WEBHOOK_BODY_BYTES)] },
    create,
    hook,
  );
  app.openapi({ ...listWebhooksRoute, middleware: access }, list, hook);
  app.openapi({ ...deleteWebhookRoute, middleware: change }, remove, hook);
  app.openapi({ ...deliveriesRoute, middleware: access }, deliveries, hook);
  app.openapi({ ...resendRoute, middleware: change }, resend, hook);
  return app;
}
