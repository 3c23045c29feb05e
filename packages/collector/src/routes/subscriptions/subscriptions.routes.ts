import { z, type RouteHandler } from '@hono/zod-openapi';
import {
  MAX_SUBSCRIPTIONS,
  SubscriptionCreateSchema,
  SubscriptionListSchema,
  SubscriptionSchema,
} from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import { notFound } from '../../domain/problems.ts';
import { acting, type AuthEnv } from '../../http/auth.ts';
import { declaredJsonBody } from '../../http/json-body.ts';
import {
  json,
  jsonBody,
  operations,
  problems,
  router,
  SECURITY,
  validationProblem,
} from '../../http/openapi.ts';
import { ownOrganisationAccess } from '../../http/provider-access.ts';
import {
  createSubscription,
  deleteSubscription,
  listSubscriptions,
} from '../../use-cases/subscriptions.ts';
import type { queryHook } from '../services/query.ts';

// An organisation's e-mail subscriptions: its provider subscribes staff to a weekly or monthly
// digest or to alerts, lists and deletes them. Every mail also carries a one-click unsubscribe
// link (routes/unsubscribe). The steering committee has none.

const subscriptionRoute = operations('Providers and steering', SECURITY.token);
const idParams = z.object({ id: z.uuid({ message: 'Give the id of a subscription (a UUID).' }) });

/** An address, a frequency and a hundred service ids: small. */
const SUBSCRIPTION_BODY_BYTES = 16 * 1024;

const ACCESS = 'Providers, for their own organisation; steering gets 403.';
const REFUSED: [number, string] = [403, 'A steering token.'];

export const createSubscriptionRoute = subscriptionRoute({
  method: 'post',
  path: '/',
  summary: 'Subscribe a staff member to e-mail',
  description: `\`{email, frequency: weekly|monthly|alerts, serviceIds?}\`: a staff member's address (never a citizen's; stored in lower case) gets a digest every Monday or every first of the month at 08:00 (Brussels) with each service's figures — never a comment — or the alerts of the organisation's services (or those named). Every mail carries a one-click unsubscribe link. Mail is sent only when the collector runs with SMTP_URL. At most ${MAX_SUBSCRIPTIONS} per organisation, one per address and frequency. Audited as \`subscription.created\`, without the address. ${ACCESS}`,
  request: { body: jsonBody(SubscriptionCreateSchema) },
  responses: {
    201: { description: 'The subscription.', content: json(SubscriptionSchema) },
    ...problems(
      [
        400,
        'A field is invalid (`validation-error`, `errors` names it): not an e-mail address, an unknown frequency, a service of another organisation.',
      ],
      401,
      REFUSED,
      [
        409,
        `The address has a subscription of this frequency already (\`subscription-exists\`), or the organisation has ${MAX_SUBSCRIPTIONS} (\`too-many-subscriptions\`).`,
      ],
      413,
      415,
    ),
  },
});

export const listSubscriptionsRoute = subscriptionRoute({
  method: 'get',
  path: '/',
  summary: 'The organisation’s e-mail subscriptions',
  description: `Oldest first, never the secret of their unsubscribe links. ${ACCESS}`,
  responses: {
    200: { description: 'The subscriptions.', content: json(SubscriptionListSchema) },
    ...problems(401, REFUSED),
  },
});

export const deleteSubscriptionRoute = subscriptionRoute({
  method: 'delete',
  path: '/{id}',
  summary: 'Delete an e-mail subscription',
  description: `Nothing more is sent to it, also no mail already queued. Audited as \`subscription.deleted\`. ${ACCESS}`,
  request: { params: idParams },
  responses: {
    204: { description: 'Deleted.' },
    ...problems(401, REFUSED, [404, 'Your organisation has no such subscription.']),
  },
});

/** POST, GET /api/v1/subscriptions, DELETE …/:id. */
export function subscriptionsRoutes(config: Config) {
  const { store } = config;
  const app = router<AuthEnv>();
  const access = ownOrganisationAccess(store, 'E-mail subscriptions');
  // An id that is not a subscription's shape is one nobody has: 404, as unknown ones.
  const hook: ReturnType<typeof queryHook> = (result) => {
    if (result.success) return undefined;
    if (result.target === 'param') {
      throw notFound('Your organisation has no such subscription.', 'unknown-subscription');
    }
    throw validationProblem(result.target, result.error);
  };
  const organisationOf = (principal: AuthEnv['Variables']['principal']) =>
    principal.organisationId ?? '';

  const create: RouteHandler<typeof createSubscriptionRoute, AuthEnv> = async (c) => {
    const principal = c.get('principal');
    const created = await createSubscription(
      store,
      organisationOf(principal),
      c.req.valid('json'),
      acting(config, principal),
    );
    c.header('cache-control', 'no-store');
    return c.json(created, 201);
  };
  const list: RouteHandler<typeof listSubscriptionsRoute, AuthEnv> = async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await listSubscriptions(store, organisationOf(c.get('principal'))), 200);
  };
  const remove: RouteHandler<typeof deleteSubscriptionRoute, AuthEnv> = async (c) => {
    const principal = c.get('principal');
    await deleteSubscription(
      store,
      organisationOf(principal),
      c.req.valid('param').id,
      acting(config, principal),
    );
    return c.body(null, 204);
  };

  app.openapi(
    {
      ...createSubscriptionRoute,
      middleware: [...access, declaredJsonBody(SUBSCRIPTION_BODY_BYTES)],
    },
    create,
    hook,
  );
  app.openapi({ ...listSubscriptionsRoute, middleware: access }, list, hook);
  app.openapi({ ...deleteSubscriptionRoute, middleware: access }, remove, hook);
  return app;
}
