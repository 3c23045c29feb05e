import { createMiddleware } from 'hono/factory';
import type { Role } from '@vo-feedback/shared';
import type { Store, TokenRecord } from '../domain/store.ts';
import { hashToken, sameHash } from '../domain/tokens.ts';
import { forbidden, ProblemError } from '../domain/problems.ts';

/** Who is calling, from a valid bearer token. */
export interface Principal {
  tokenId: string;
  /** The token's label: who acted, in the audit. */
  label: string;
  role: Role;
  /** The organisation of a provider token; null for steering. */
  organisationId: string | null;
}

export type AuthEnv = { Variables: { principal: Principal } };

const unauthorized = () => {
  throw new ProblemError(
    401,
    'unauthorized',
    'Send a valid token as "Authorization: Bearer <token>". Ask your administrator for one.',
    undefined,
    { 'www-authenticate': 'Bearer realm="vo-feedback"' },
  );
};

/** The valid, unrevoked token of an `Authorization: Bearer` header; throws 401 otherwise. */
export async function bearerToken(store: Store, header: string | undefined): Promise<TokenRecord> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return unauthorized();
  const hash = hashToken(match[1]!);
  const token = await store.findTokenByHash(hash);
  // The lookup is by hash; the constant-time compare keeps the answer's timing independent of
  // how much of a guessed hash matched, should an index ever return a near match.
  if (!token || !sameHash(token.hash, hash) || token.revokedAt !== null) return unauthorized();
  return token;
}

/**
 * Requires a valid, unrevoked provider or steering token and sets `principal`. An ingest token
 * only posts feedback: it reads nothing (403).
 */
export function requireToken(store: Store) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const token = await bearerToken(store, c.req.header('authorization'));
    if (token.role === 'ingest') {
      throw forbidden(
        'An ingest token only posts feedback (POST /api/v1/feedback); use a provider or steering token to read.',
        'ingest-token',
      );
    }
    c.set('principal', {
      tokenId: token.id,
      label: token.label,
      role: token.role,
      organisationId: token.organisationId,
    });
    await next();
  });
}

/** Who acted, as the audit records it: the token's label (the person, once sign-in exists). */
export function actorOf(principal: Principal): string {
  return principal.label;
}

/** Whether a principal may see a service's aggregates (steering: all; provider: its own). */
export function canSeeAggregates(principal: Principal, organisationId: string): boolean {
  return principal.role === 'steering' || principal.organisationId === organisationId;
}

/** Whether a principal may read comments (providers, their own services only). */
export function canSeeComments(principal: Principal, organisationId: string): boolean {
  return principal.role === 'provider' && principal.organisationId === organisationId;
}
