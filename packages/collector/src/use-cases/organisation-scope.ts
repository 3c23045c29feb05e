import type { AdminService, Organisation, TokenInfo } from '@vo-feedback/shared';
import type { Store } from '../domain/store.ts';
import { forbidden, notFound } from '../domain/problems.ts';
import * as administration from './administration.ts';
import type { AdminScope } from './people.ts';

// The admin API within a scope: the platform administrator reaches every organisation; a manager
// its own organisation's services and tokens, and nothing outside it. Each check comes before the
// use case of administration.ts, which validates and stores as it does for the platform.

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** 403 for a manager: this is the platform administrator's (organisations, the audit). */
export function platformOnly(scope: AdminScope, what: string): void {
  if (scope.organisationId === null) return;
  throw forbidden(
    `${what} is for the platform administrator (ADMIN_TOKEN); a manager runs its own organisation's services, people, tokens and webhooks.`,
    'platform-only',
  );
}

function outside(scope: AdminScope): never {
  throw forbidden(
    `You manage "${scope.organisationId}" only; this belongs to another organisation.`,
    'other-organisation',
  );
}

/**
 * A manager's body with its own organisation filled in where it left it out, refused (403) when
 * it names another one; the platform's as it came.
 */
function withinOrganisation(input: unknown, scope: AdminScope): unknown {
  if (scope.organisationId === null || !isObject(input)) return input;
  if (input.organisationId === undefined) {
    return { ...input, organisationId: scope.organisationId };
  }
  if (input.organisationId !== scope.organisationId) outside(scope);
  return input;
}

export async function listOrganisationsWithin(
  store: Store,
  scope: AdminScope,
): Promise<Organisation[]> {
  const all = await administration.listOrganisations(store);
  return scope.organisationId === null ? all : all.filter((o) => o.id === scope.organisationId);
}

export function addServiceWithin(
  store: Store,
  input: unknown,
  scope: AdminScope,
): Promise<AdminService> {
  return administration.addService(store, withinOrganisation(input, scope));
}

export async function updateServiceWithin(
  store: Store,
  id: string,
  input: unknown,
  scope: AdminScope,
): Promise<{ service: AdminService; changed: string[] }> {
  if (scope.organisationId !== null) {
    const service = await store.getService(id);
    if (!service) throw notFound(`There is no service "${id}".`);
    if (service.organisationId !== scope.organisationId) outside(scope);
    // A manager does not move a service to another organisation.
    if (isObject(input) && input.organisationId !== undefined) withinOrganisation(input, scope);
  }
  return administration.updateService(store, id, input);
}

export function listServicesWithin(
  store: Store,
  organisationId: string | undefined,
  scope: AdminScope,
): Promise<AdminService[]> {
  if (scope.organisationId === null) return administration.listServices(store, organisationId);
  if (organisationId !== undefined && organisationId !== scope.organisationId) outside(scope);
  return administration.listServices(store, scope.organisationId);
}

export function createTokenWithin(
  store: Store,
  input: unknown,
  scope: AdminScope,
  now: number,
): ReturnType<typeof administration.createToken> {
  if (scope.organisationId !== null && isObject(input) && input.role === 'steering') {
    throw forbidden(
      'A manager creates provider and ingest tokens of its own organisation; steering tokens are created by the platform administrator.',
    );
  }
  return administration.createToken(store, withinOrganisation(input, scope), now);
}

export async function listTokensWithin(store: Store, scope: AdminScope): Promise<TokenInfo[]> {
  const all = await administration.listTokens(store);
  return scope.organisationId === null
    ? all
    : all.filter((token) => token.organisationId === scope.organisationId);
}

export async function revokeTokenWithin(
  store: Store,
  id: string,
  scope: AdminScope,
  now: number,
): Promise<void> {
  if (scope.organisationId !== null) {
    const token = (await store.listTokens()).find((t) => t.id === id);
    if (token?.organisationId !== scope.organisationId) {
      throw notFound(`Your organisation has no token "${id}"; see the list of tokens.`);
    }
  }
  await administration.revokeToken(store, id, now);
}
