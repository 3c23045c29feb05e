import { randomUUID } from 'node:crypto';
import type { Role } from '@vo-feedback/shared';
import type { Store } from './db/store.ts';
import { generateToken, hashToken } from './domain/tokens.ts';

/** Creates a token; the plain token is returned once and only its hash is stored. */
export async function issueToken(
  store: Store,
  request: { label: string; role: Role; organisationId?: string | undefined },
  now = Date.now(),
): Promise<{ id: string; token: string }> {
  const token = generateToken();
  const id = randomUUID();
  await store.createToken({
    id,
    label: request.label,
    role: request.role,
    organisationId: request.organisationId ?? null,
    hash: hashToken(token),
    createdAt: now,
    revokedAt: null,
  });
  return { id, token };
}

/**
 * The demo of `npm start`: organisation `demo`, service `demo-dienst` that the collector's own
 * pages may post for, and a provider token. Only on a new database; returns the token once.
 */
export async function seedDemo(store: Store, ownOrigins: string[]): Promise<string | undefined> {
  if (!(await store.isEmpty())) return undefined;
  await store.createOrganisation({ id: 'demo', name: 'Demogemeente' });
  await store.createService({
    id: 'demo-dienst',
    name: 'Demo e-loket: aanvraag parkeerkaart',
    organisationId: 'demo',
    allowedOrigins: ownOrigins,
    active: true,
    publicServiceUri: null,
  });
  const { token } = await issueToken(store, {
    label: 'demo provider',
    role: 'provider',
    organisationId: 'demo',
  });
  return token;
}
