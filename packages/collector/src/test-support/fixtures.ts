import { randomUUID } from 'node:crypto';
import { createApp } from '../app.ts';
import { issueToken } from '../use-cases/administration.ts';
import type { AppDeps } from '../config/deps.ts';
import { openTestStore, rateLimitersFor } from './backend.ts';
import { countRows } from './sql.ts';

export const ORIGIN_A = 'https://www.gemeente-a.be';

/** The ADMIN_TOKEN of `testCollector({ adminToken: ADMIN_TOKEN })`. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/**
 * A collector on a real database (in-memory SQLite, or a fresh PostgreSQL schema when
 * TEST_BACKEND=postgres) with two organisations, a service each, and a provider token for each
 * plus a steering token.
 */
export async function testCollector(deps: Partial<AppDeps> = {}) {
  const store = await openTestStore();
  await store.createOrganisation({ id: 'org-a', name: 'Organisatie A' });
  await store.createOrganisation({ id: 'org-b', name: 'Organisatie B' });
  await store.createService({
    id: 'dienst-a',
    name: 'Dienst A',
    organisationId: 'org-a',
    allowedOrigins: [ORIGIN_A],
    active: true,
    publicServiceUri: null,
  });
  await store.createService({
    id: 'dienst-b',
    name: 'Dienst B',
    organisationId: 'org-b',
    allowedOrigins: ['https://www.gemeente-b.be'],
    active: true,
    publicServiceUri: null,
  });
  const tokenA = (
    await issueToken(store, { label: 'a', role: 'provider', organisationId: 'org-a' })
  ).token;
  const tokenB = (
    await issueToken(store, { label: 'b', role: 'provider', organisationId: 'org-b' })
  ).token;
  const steering = (await issueToken(store, { label: 'steering', role: 'steering' })).token;
  const app = createApp({
    store,
    rateLimitPerMinute: 0,
    rateLimiters: rateLimitersFor(store),
    ...deps,
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = (path: string, token?: string) =>
    app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  /** A request to the admin API, with ADMIN_TOKEN unless another token (or none: '') is given. */
  const admin = (method: string, path: string, body?: unknown, token = ADMIN_TOKEN) =>
    app.request(`/api/v1/admin${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const rowCount = (table = 'feedback') => countRows(store, table);

  return { app, store, tokenA, tokenB, steering, post, get, admin, rowCount };
}

/** A valid submission for dienst-a; override any field. */
export function submission(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    serviceId: 'dienst-a',
    rating: 4,
    lang: 'nl',
    ...overrides,
  };
}

/** A response's JSON body, loosely typed: tests assert on its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = (response: Response): Promise<any> => response.json();
