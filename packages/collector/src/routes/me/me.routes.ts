import { Hono } from 'hono';
import type { Config } from '../../config/deps.ts';
import { requireToken, type AuthEnv } from '../../http/auth.ts';

/**
 * Who the token belongs to, so that a client (the dashboard) knows the role before it asks for
 * anything it may not see: a steering token never requests comments.
 */
export function meRoutes(config: Config) {
  return new Hono<AuthEnv>().use(requireToken(config.store)).get('/', async (c) => {
    const { role, organisationId } = c.get('principal');
    const organisation = organisationId
      ? await config.store.getOrganisation(organisationId)
      : undefined;
    return c.json({
      role,
      organisationId,
      organisationName: organisation?.name ?? null,
    });
  });
}
