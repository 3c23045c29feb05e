import { z, type RouteHandler } from '@hono/zod-openapi';
import {
  ActionChangeSchema,
  ActionCreateSchema,
  ActionListSchema,
  ActionSchema,
  ServiceIdSchema,
} from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import { notFound } from '../../domain/problems.ts';
import { acting } from '../../http/auth.ts';
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
import { serviceAccess, type ServiceAccessEnv } from '../../http/provider-access.ts';
import { changeAction, createAction, deleteAction, listActions } from '../../use-cases/actions.ts';
import type { queryHook } from '../services/query.ts';

// Improvement actions ("Wat we verbeteren") of a service: what its provider changes because of
// the feedback. Public ones that are done appear on /transparantie and in the public statistics;
// the annual report carries each year's.

const actionRoute = operations('Providers and steering', SECURITY.token);
const params = z.object({ serviceId: ServiceIdSchema });
const actionParams = z.object({
  serviceId: ServiceIdSchema,
  actionId: z.uuid({ message: 'Give the id of an action (a UUID).' }),
});

/** An action is a title, a description of 2,000 characters and a few lists: small. */
const ACTION_BODY_BYTES = 32 * 1024;

const ACCESS =
  'Providers of the service’s organisation only; steering and other organisations get 403.';
const ACTION_404: [number, string] = [
  404,
  'No such service (`unknown-service`), or no such action of it (`unknown-action`).',
];
const BODY_PROBLEMS = problems(
  [
    400,
    'A field is invalid or unknown (`validation-error`, `errors` names it; a linked comment that is not a submission of this service too), or the body is not UTF-8 JSON (`invalid-body`).',
  ],
  401,
  [403, 'A steering token, or a provider of another organisation.'],
  413,
  415,
);
const DONE_ON =
  '`doneOn` becomes today (Brussels) when the status is `done` and no day is given; moving away from `done` clears it unless one is given.';
const AUDIT =
  'Recorded in the audit with the service, the status, whether it is public and the fields given — never the title or description.';

export const listActionsRoute = actionRoute({
  method: 'get',
  path: '/{serviceId}/actions',
  summary: 'The improvement actions of a service, newest first',
  description: `Public or not, planned, in progress or done. ${ACCESS}`,
  request: { params },
  responses: {
    200: { description: 'The actions.', content: json(ActionListSchema) },
    ...problems(401, [403, 'A steering token, or a provider of another organisation.'], 404),
  },
});

export const createActionRoute = actionRoute({
  method: 'post',
  path: '/{serviceId}/actions',
  summary: 'Add an improvement action',
  description: `\`{title, description?, status: planned|in-progress|done, public?: false, themes?, feedbackIds?, plannedOn?, doneOn?}\`. ${DONE_ON} A public action that is done appears on /transparantie and in the public statistics as an improvement. ${AUDIT} ${ACCESS}`,
  request: { params, body: jsonBody(ActionCreateSchema) },
  responses: {
    201: { description: 'The action.', content: json(ActionSchema) },
    ...BODY_PROBLEMS,
    ...problems(404),
  },
});

export const changeActionRoute = actionRoute({
  method: 'patch',
  path: '/{serviceId}/actions/{actionId}',
  summary: 'Change an improvement action',
  description: `Only the fields given change. ${DONE_ON} ${AUDIT} ${ACCESS}`,
  request: { params: actionParams, body: jsonBody(ActionChangeSchema) },
  responses: {
    200: { description: 'The action as it now is.', content: json(ActionSchema) },
    ...BODY_PROBLEMS,
    ...problems(ACTION_404),
  },
});

export const deleteActionRoute = actionRoute({
  method: 'delete',
  path: '/{serviceId}/actions/{actionId}',
  summary: 'Delete an improvement action',
  description: `It leaves the list, /transparantie, the public statistics and every annual report not yet handed in. ${AUDIT} ${ACCESS}`,
  request: { params: actionParams },
  responses: {
    204: { description: 'Deleted.' },
    ...problems(401, [403, 'A steering token, or a provider of another organisation.'], ACTION_404),
  },
});

/** GET, POST /api/v1/services/:serviceId/actions and PATCH, DELETE …/actions/:actionId. */
export function actionsRoutes(config: Config) {
  const { store } = config;
  const app = router<ServiceAccessEnv>();
  const access = serviceAccess(store, 'provider', 'Improvement actions');
  const withBody = [...access, declaredJsonBody(ACTION_BODY_BYTES)];
  // The service was found by the access check; an action id that is not a UUID is one nobody has.
  const hook: ReturnType<typeof queryHook> = (result) => {
    if (result.success) return undefined;
    if (result.target === 'param') {
      throw notFound('This service has no such action.', 'unknown-action');
    }
    throw validationProblem(result.target, result.error);
  };

  const list: RouteHandler<typeof listActionsRoute, ServiceAccessEnv> = async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await listActions(store, c.get('service').id), 200);
  };
  const create: RouteHandler<typeof createActionRoute, ServiceAccessEnv> = async (c) => {
    const action = await createAction(
      store,
      c.get('service').id,
      c.req.valid('json'),
      acting(config, c.get('principal')),
    );
    return c.json(action, 201);
  };
  const change: RouteHandler<typeof changeActionRoute, ServiceAccessEnv> = async (c) => {
    const action = await changeAction(
      store,
      c.get('service').id,
      c.req.valid('param').actionId,
      c.req.valid('json'),
      acting(config, c.get('principal')),
    );
    return c.json(action, 200);
  };
  const remove: RouteHandler<typeof deleteActionRoute, ServiceAccessEnv> = async (c) => {
    await deleteAction(
      store,
      c.get('service').id,
      c.req.valid('param').actionId,
      acting(config, c.get('principal')),
    );
    return c.body(null, 204);
  };

  app.openapi({ ...listActionsRoute, middleware: access }, list, hook);
  app.openapi({ ...createActionRoute, middleware: withBody }, create, hook);
  app.openapi({ ...changeActionRoute, middleware: withBody }, change, hook);
  app.openapi({ ...deleteActionRoute, middleware: access }, remove, hook);
  return app;
}
