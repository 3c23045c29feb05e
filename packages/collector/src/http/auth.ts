import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { PersonRole, Role } from '@vo-feedback/shared';
import { personActor, tokenActor } from '../domain/actors.ts';
import type { PersonRecord } from '../domain/people-store.ts';
import type { Store, TokenRecord } from '../domain/store.ts';
import { readingRole } from '../domain/sessions.ts';
import { hashToken, sameHash } from '../domain/tokens.ts';
import { forbidden, ProblemError } from '../domain/problems.ts';
import { csrfRefused } from './session.ts';

/** Who is calling: a valid bearer token, or a person signed in with OpenID Connect. */
export interface Principal {
  /** The bearer token's id; null for a signed-in person. */
  tokenId: string | null;
  /** What the caller reads: a manager reads as a provider of its organisation. */
  role: Role;
  /** The organisation of a provider token or person; null for steering. */
  organisationId: string | null;
  /** The signed-in person (a session); null for a bearer token. */
  person: { id: string; email: string; role: PersonRole } | null;
}

export type AuthEnv = { Variables: { principal: Principal } };

/** The 401 of a missing or wrong bearer token, with the realm it is asked for in. */
export function bearerRefused(detail: string, realm: string): ProblemError {
  return new ProblemError(401, 'unauthorized', detail, undefined, {
    'www-authenticate': `Bearer realm="${realm}"`,
  });
}

const unauthorized = () => {
  throw bearerRefused(
    'Send a valid token as "Authorization: Bearer <token>" (ask your administrator for one), or sign in to the dashboard.',
    'vo-feedback',
  );
};

/** The principal of a signed-in person. */
function personPrincipal(person: PersonRecord): Principal {
  return {
    tokenId: null,
    role: readingRole(person),
    organisationId: person.organisationId,
    person: { id: person.id, email: person.email, role: person.role },
  };
}

/** The token of an `Authorization: Bearer <token>` header; undefined without one. */
export function bearerOf(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

/**
 * A check of one configured bearer secret (ADMIN_TOKEN, METRICS_TOKEN): undefined while it is
 * unset, else whether a header carries it. Compared as SHA-256 hashes in constant time: equal
 * lengths, and the time an answer takes says nothing about how much of a guess was right.
 */
export function staticBearer(
  secret: string | undefined,
): ((header: string | undefined) => boolean) | undefined {
  if (secret === undefined) return undefined;
  const expected = hashToken(secret);
  return (header) => {
    const given = bearerOf(header);
    return given !== undefined && sameHash(hashToken(given), expected);
  };
}

/** The valid, unrevoked token of an `Authorization: Bearer` header; throws 401 otherwise. */
export async function bearerToken(store: Store, header: string | undefined): Promise<TokenRecord> {
  const given = bearerOf(header);
  if (given === undefined) return unauthorized();
  const hash = hashToken(given);
  const token = await store.findTokenByHash(hash);
  // The lookup is by hash; the constant-time compare keeps the answer's timing independent of
  // how much of a guessed hash matched, should an index ever return a near match.
  if (!token || !sameHash(token.hash, hash) || token.revokedAt !== null) return unauthorized();
  return token;
}

/**
 * Marks the answer to a request of a signed-in person as theirs alone, after the route: no cache
 * keeps it (`private, no-store`, over whatever the route set), and one that ignores that still
 * tells it apart by the cookie (`Vary: Cookie`). A bearer token's answers are the routes' own.
 */
export async function sessionAnswer(c: Context, next: () => Promise<void>): Promise<void> {
  await next();
  c.res.headers.set('cache-control', 'private, no-store');
  c.res.headers.append('vary', 'Cookie');
}

/**
 * Requires a valid, unrevoked provider or steering token, or without an Authorization header a
 * signed-in person's session (and for a change, its CSRF checks), and sets `principal`. An ingest
 * token only posts feedback: it reads nothing (403). A session's answers are never cached.
 */
export function requireToken(store: Store) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) {
      // A bearer token wins over a cookie: a client that sends one means it.
      const signedIn = await c.get('signedIn')?.();
      if (signedIn) {
        if (!signedIn.changeAllowed) throw csrfRefused();
        c.set('principal', personPrincipal(signedIn.person));
        await sessionAnswer(c, next);
        return;
      }
    }
    const token = await bearerToken(store, header);
    if (token.role === 'ingest') {
      throw forbidden(
        'An ingest token only posts feedback (POST /api/v1/feedback); use a provider or steering token to read.',
        'ingest-token',
      );
    }
    c.set('principal', {
      tokenId: token.id,
      role: token.role,
      organisationId: token.organisationId,
      person: null,
    });
    await next();
  });
}

/**
 * Who acted, as the audit records it: `person:<e-mail>` for a signed-in person, `token:<id>` for
 * a bearer token — never a bare label, which whoever creates a token chooses.
 */
export function actorOf(principal: Principal): string {
  if (principal.person) return personActor(principal.person.email);
  return tokenActor(principal.tokenId!);
}

/** Who acts and when, as the use cases that write the audit take it. */
export function acting(clock: { now: () => number }, principal: Principal) {
  return { actor: actorOf(principal), now: clock.now() };
}

/** Whether a principal may see a service's aggregates (steering: all; provider: its own). */
export function canSeeAggregates(principal: Principal, organisationId: string): boolean {
  return principal.role === 'steering' || principal.organisationId === organisationId;
}

/** Whether a principal may read comments (providers, their own services only). */
export function canSeeComments(principal: Principal, organisationId: string): boolean {
  return principal.role === 'provider' && principal.organisationId === organisationId;
}
