import { MeSchema } from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import { requireToken, type AuthEnv } from '../../http/auth.ts';
import { json, operations, problems, router, SECURITY } from '../../http/openapi.ts';

const me = operations(
  'Providers and steering',
  SECURITY.token,
)({
  method: 'get',
  path: '/',
  summary: 'The role and organisation of the token or the signed-in person',
  description:
    '`{role, organisationId, organisationName, minimumN, person}`: `provider` with its organisation, or `steering` with null; `minimumN` is MIN_PUBLIC_N, under which a share is counted on few answers; `person`: for a person signed in with OpenID Connect, their e-mail address and their own role (`manager` reads as `provider` and runs its organisation too), null for a token. Lets a client know what it may ask for before it asks.',
  responses: {
    200: { description: 'The token’s role.', content: json(MeSchema) },
    ...problems(401),
  },
});

/**
 * Who the token belongs to, so that a client (the dashboard) knows the role before it asks for
 * anything it may not see: a steering token never requests comments.
 */
export function meRoutes(config: Config) {
  const app = router<AuthEnv>();
  app.use(requireToken(config.store));
  return app.openapi(me, async (c) => {
    const { role, organisationId, person } = c.get('principal');
    const organisation = organisationId
      ? await config.store.getOrganisation(organisationId)
      : undefined;
    return c.json(
      {
        role,
        organisationId,
        organisationName: organisation?.name ?? null,
        minimumN: config.minPublicN,
        person: person ? { email: person.email, role: person.role } : null,
      },
      200,
    );
  });
}
