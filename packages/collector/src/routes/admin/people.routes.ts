import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { PersonIdSchema, PersonRequestSchema, PersonSchema } from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import { json, jsonBody, operations, problems, SECURITY } from '../../http/openapi.ts';
import { recordAudit } from '../../use-cases/audit.ts';
import { listPeople, registerPerson, removePerson } from '../../use-cases/people.ts';
import { adminCallerOf } from './admin-access.ts';
import { readJson } from './admin.handlers.ts';
import { serve } from './serve.ts';

// People who sign in with OpenID Connect, under /api/v1/admin/people: registered by e-mail
// address, role and organisation, bound to the issuer's subject at their first sign-in. The
// platform administrator reaches every organisation; a manager its own (providers and managers).

const adminRoute = operations('Administration', SECURITY.admin);

export const registerPersonRoute = adminRoute({
  method: 'post',
  path: '/people',
  summary: 'Register a person',
  description:
    'The person signs in at the issuer (OIDC_ISSUER) with this e-mail address; the first sign-in with that verified address binds the issuer’s subject to the registration, later ones go by the subject. `provider` and `manager` need `organisationId` (a manager may leave it out: its own organisation); `steering` has none. A manager registers providers and managers of its own organisation only. Audited as `person.registered`.',
  request: { body: jsonBody(PersonRequestSchema) },
  responses: {
    201: { description: 'Registered.', content: json(PersonSchema) },
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
});

export const listPeopleRoute = adminRoute({
  method: 'get',
  path: '/people',
  summary: 'List the people',
  description: 'Every person for the platform administrator; a manager’s own organisation’s.',
  responses: {
    200: { description: 'By e-mail address.', content: json(z.array(PersonSchema)) },
    ...problems(401, 403, 404),
  },
});

export const removePersonRoute = adminRoute({
  method: 'delete',
  path: '/people/{id}',
  summary: 'Remove a person',
  description:
    'Every session of the person ends at once: their very next request is refused. What acts in their name without them stops too: the webhooks they created are disabled (their list says why; a resend enables one again) and the tokens they created are revoked. A manager removes people of its own organisation, never itself. Audited as `person.removed`, with the ids of those webhooks and tokens.',
  request: { params: z.object({ id: PersonIdSchema }) },
  responses: { 204: { description: 'Removed.' }, ...problems(401, 403, 404) },
});

/** Registers the people's routes on the admin API (behind its requireAdmin). */
export function registerPeopleRoutes(app: OpenAPIHono, config: Config): void {
  const { store, logger } = config;
  const audit = async (
    c: Context,
    action: string,
    person: { id: string; role: string },
    more: Record<string, unknown> = {},
  ) => {
    const caller = adminCallerOf(c);
    logger.info('admin', { requestId: c.get('requestId'), action, personId: person.id });
    // The person's e-mail address is in the person's record, not in the audit's details.
    await recordAudit(
      store,
      {
        actor: caller.actor,
        action,
        target: `person:${person.id}`,
        details: { personId: person.id, role: person.role, ...more },
      },
      config.now(),
    );
  };

  serve(app, registerPersonRoute, async (c) => {
    const caller = adminCallerOf(c);
    const person = await registerPerson(store, await readJson(c), caller.scope, {
      actor: caller.actor,
      now: config.now(),
    });
    await audit(c, 'person.registered', person);
    return c.json(person, 201);
  });
  app.openapi(listPeopleRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await listPeople(store, adminCallerOf(c).scope), 200);
  });
  serve(app, removePersonRoute, async (c) => {
    const { person, leavings } = await removePerson(
      store,
      c.req.param('id')!,
      adminCallerOf(c).scope,
      config.now(),
    );
    await audit(c, 'person.removed', person, { ...leavings });
    return c.body(null, 204);
  });
}
