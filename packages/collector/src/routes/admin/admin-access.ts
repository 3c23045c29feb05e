import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Config } from '../../config/deps.ts';
import { personActor } from '../../domain/actors.ts';
import { bearerRefused, sessionAnswer, staticBearer } from '../../http/auth.ts';
import { forbidden, notFound } from '../../domain/problems.ts';
import { csrfRefused } from '../../http/session.ts';
import type { AdminScope } from '../../use-cases/people.ts';

// Who may call the admin API: the platform administrator with ADMIN_TOKEN (every organisation),
// or a manager signed in with OpenID Connect (its own organisation: its services, people and
// tokens). ADMIN_TOKEN unset turns the platform administrator's access off (404); a manager's
// access comes with signing in and stays.

/** Who calls: `admin` for ADMIN_TOKEN, else `person:<e-mail>` of the manager; what they reach. */
export interface AdminCaller {
  actor: string;
  scope: AdminScope;
}

export type AdminEnv = { Variables: { adminCaller: AdminCaller } };

/** The caller of an admin request (set by requireAdmin). */
export const adminCallerOf = (c: Context): AdminCaller =>
  (c as Context<AdminEnv>).get('adminCaller');

/**
 * ADMIN_TOKEN as a bearer token (404 while it is not set, 401 when it is wrong), or without an
 * Authorization header a manager's session (a change also passes the CSRF checks; no answer is
 * cached); another signed-in person is refused (403). Sets `adminCaller`.
 */
export function requireAdmin(config: Config) {
  const isAdmin = staticBearer(config.adminToken);
  const off = () =>
    notFound('The admin API is off; the operator turns it on by setting ADMIN_TOKEN.');
  return createMiddleware<AdminEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) {
      const signedIn = await c.get('signedIn')?.();
      if (signedIn) {
        const { person } = signedIn;
        if (person.role !== 'manager' || person.organisationId === null) {
          throw forbidden(
            'Only a manager of an organisation, or the platform administrator, administers; ask your organisation’s manager.',
            'not-a-manager',
          );
        }
        if (!signedIn.changeAllowed) throw csrfRefused();
        c.set('adminCaller', {
          actor: personActor(person.email),
          scope: { organisationId: person.organisationId, personId: person.id },
        });
        await sessionAnswer(c, next);
        return;
      }
    }
    if (isAdmin === undefined) throw off();
    if (!isAdmin(header)) {
      config.logger.warn('admin authentication failed', {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
      });
      throw bearerRefused(
        'Send the ADMIN_TOKEN of this collector as "Authorization: Bearer <token>", or sign in as a manager of your organisation.',
        'vo-feedback admin',
      );
    }
    c.set('adminCaller', { actor: 'admin', scope: { organisationId: null } });
    await next();
  });
}
