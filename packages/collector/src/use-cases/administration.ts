import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  fieldErrors,
  OrganisationSchema,
  OrganisationUpdateSchema,
  ServiceSchema,
  ServiceUpdateSchema,
  TokenRequestSchema,
  type AdminService,
  type Organisation,
  type TokenInfo,
  type TokenRole,
} from '@vo-feedback/shared';
import type { OrganisationRecord, ServiceRecord, Store, TokenRecord } from '../domain/store.ts';
import { generateToken, hashToken } from '../domain/tokens.ts';
import { conflict, invalid, notFound } from '../domain/problems.ts';

// The administration of organisations, services and tokens, shared by the admin API
// (routes/admin) and the command line (cli.ts): both validate with the same shared zod schemas
// and fail with the same ProblemError (400 invalid, 404 not found, 409 conflict), which the app
// renders as problem+json and the CLI as one line with exit code 1.

/**
 * Creates a record whose id was free a moment ago; false when the store refused it and the id is
 * taken now: another instance created it at the same moment, and the database's unique key kept
 * one. Any other failure goes on.
 */
async function created(
  create: () => Promise<void>,
  exists: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    if (await exists()) return false;
    throw error;
  }
}

function validate<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw invalid(`The ${what} is not valid; see errors.`, fieldErrors(parsed.error));
  }
  return parsed.data;
}

async function requireOrganisation(store: Store, organisationId: string): Promise<void> {
  if (await store.getOrganisation(organisationId)) return;
  throw invalid(`There is no organisation "${organisationId}".`, [
    {
      path: 'organisationId',
      message: `There is no organisation "${organisationId}"; create it first (POST /api/v1/admin/organisations, or: vo-feedback org add ${organisationId} "<name>").`,
    },
  ]);
}

function adminService(record: ServiceRecord): AdminService {
  return {
    id: record.id,
    name: record.name,
    organisationId: record.organisationId,
    allowedOrigins: record.allowedOrigins,
    active: record.active,
    publicServiceUri: record.publicServiceUri,
    helpUrl: record.helpUrl ?? null,
    reasons: record.reasons ?? null,
    target: record.target ?? null,
  };
}

function adminOrganisation(record: OrganisationRecord): Organisation {
  return {
    id: record.id,
    name: record.name,
    policyDomain: record.policyDomain ?? null,
    kind: record.kind ?? null,
  };
}

function tokenInfo(record: TokenRecord): TokenInfo {
  return {
    id: record.id,
    label: record.label,
    role: record.role,
    organisationId: record.organisationId,
    createdAt: new Date(record.createdAt).toISOString(),
    revokedAt: record.revokedAt === null ? null : new Date(record.revokedAt).toISOString(),
  };
}

/** Adds an organisation; a conflict (409) when its id is taken. */
export async function addOrganisation(store: Store, input: unknown): Promise<Organisation> {
  const organisation = adminOrganisation(validate(OrganisationSchema, input, 'organisation'));
  const taken = () =>
    conflict(`The organisation "${organisation.id}" exists already; choose another id.`);
  if (await store.getOrganisation(organisation.id)) throw taken();
  const done = await created(
    () => store.createOrganisation(organisation),
    () => store.getOrganisation(organisation.id),
  );
  if (!done) throw taken();
  return organisation;
}

/**
 * Changes the fields given (name, policyDomain, kind; null removes a domain or kind) and keeps the
 * others. Returns the organisation as it is now and the names of the fields given (for the audit).
 */
export async function updateOrganisation(
  store: Store,
  id: string,
  input: unknown,
): Promise<{ organisation: Organisation; changed: string[] }> {
  const changes = validate(OrganisationUpdateSchema, input, 'organisation update');
  const record: Partial<Omit<OrganisationRecord, 'id'>> = {};
  if (changes.name !== undefined) record.name = changes.name;
  if (changes.policyDomain !== undefined) record.policyDomain = changes.policyDomain;
  if (changes.kind !== undefined) record.kind = changes.kind;
  const updated = await store.updateOrganisation(id, record);
  if (!updated) throw notFound(`There is no organisation "${id}".`);
  return { organisation: adminOrganisation(updated), changed: Object.keys(record) };
}

export async function listOrganisations(store: Store): Promise<Organisation[]> {
  return (await store.listOrganisations()).map(adminOrganisation);
}

/** Adds a service to an existing organisation. */
export async function addService(store: Store, input: unknown): Promise<AdminService> {
  const service = validate(ServiceSchema, input, 'service');
  await requireOrganisation(store, service.organisationId);
  const taken = () =>
    conflict(
      `The service "${service.id}" exists already; change it with PATCH /api/v1/admin/services/${service.id} (or: vo-feedback service update ${service.id}).`,
    );
  if (await store.getService(service.id)) throw taken();
  const record: ServiceRecord = {
    id: service.id,
    name: service.name,
    organisationId: service.organisationId,
    allowedOrigins: [...new Set(service.allowedOrigins)],
    active: service.active,
    publicServiceUri: service.publicServiceUri ?? null,
    helpUrl: service.helpUrl ?? null,
    reasons: service.reasons ?? null,
    target: service.target ?? null,
  };
  const done = await created(
    () => store.createService(record),
    () => store.getService(record.id),
  );
  if (!done) throw taken();
  return adminService(record);
}

/**
 * Changes the fields given and keeps the others. Returns the service as it is now and the names
 * of the fields that were given (for the log: names, not values).
 */
export async function updateService(
  store: Store,
  id: string,
  input: unknown,
): Promise<{ service: AdminService; changed: string[] }> {
  const changes = validate(ServiceUpdateSchema, input, 'service update');
  if (!(await store.getService(id))) {
    throw notFound(`There is no service "${id}".`);
  }
  if (changes.organisationId !== undefined) {
    await requireOrganisation(store, changes.organisationId);
  }
  const record: Partial<Omit<ServiceRecord, 'id'>> = {};
  if (changes.name !== undefined) record.name = changes.name;
  if (changes.organisationId !== undefined) record.organisationId = changes.organisationId;
  if (changes.allowedOrigins !== undefined) {
    record.allowedOrigins = [...new Set(changes.allowedOrigins)];
  }
  if (changes.active !== undefined) record.active = changes.active;
  if (changes.publicServiceUri !== undefined) record.publicServiceUri = changes.publicServiceUri;
  if (changes.helpUrl !== undefined) record.helpUrl = changes.helpUrl;
  if (changes.reasons !== undefined) record.reasons = changes.reasons;
  if (changes.target !== undefined) record.target = changes.target;
  const updated = await store.updateService(id, record);
  if (!updated) throw notFound(`There is no service "${id}".`);
  return { service: adminService(updated), changed: Object.keys(record) };
}

export async function listServices(store: Store, organisationId?: string): Promise<AdminService[]> {
  return (await store.listServices(organisationId)).map(adminService);
}

/**
 * Validates a token request and issues the token: the plain token is in the answer this once;
 * only its SHA-256 hash is stored.
 */
export async function createToken(
  store: Store,
  input: unknown,
  now = Date.now(),
): Promise<{ id: string; token: string; role: TokenRole; organisationId: string | null }> {
  const request = validate(TokenRequestSchema, input, 'token request');
  const organisationId = request.role === 'steering' ? null : request.organisationId;
  if (organisationId !== null) await requireOrganisation(store, organisationId);
  const { id, token } = await issueToken(
    store,
    { label: request.label, role: request.role, organisationId: organisationId ?? undefined },
    now,
  );
  return { id, token, role: request.role, organisationId };
}

/** Every token, oldest first: never the token, never its hash. */
export async function listTokens(store: Store): Promise<TokenInfo[]> {
  return (await store.listTokens()).map(tokenInfo);
}

/** Revokes a token; the next request with it is refused. Revoking twice is harmless. */
export async function revokeToken(store: Store, id: string, now = Date.now()): Promise<void> {
  if (!(await store.revokeToken(id, now))) {
    throw notFound(`There is no token "${id}"; see the list of tokens.`);
  }
}

/** Creates a token; the plain token is returned once and only its hash is stored. */
export async function issueToken(
  store: Store,
  request: { label: string; role: TokenRole; organisationId?: string | undefined },
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
 * Instances that start together on a new database all find it empty: the first to create the
 * organisation seeds, the others find it taken and leave the rest to that one.
 */
export async function seedDemo(store: Store, ownOrigins: string[]): Promise<string | undefined> {
  if (!(await store.isEmpty())) return undefined;
  const first = await created(
    () => store.createOrganisation({ id: 'demo', name: 'Demogemeente' }),
    () => store.getOrganisation('demo'),
  );
  if (!first) return undefined;
  await store.createService({
    id: 'demo-dienst',
    name: 'Demo e-loket: aanvraag parkeerkaart',
    organisationId: 'demo',
    allowedOrigins: ownOrigins,
    active: true,
    publicServiceUri: null,
    helpUrl: null,
    reasons: null,
  });
  const { token } = await issueToken(store, {
    label: 'demo provider',
    role: 'provider',
    organisationId: 'demo',
  });
  return token;
}
