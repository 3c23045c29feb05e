import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createApp } from '../app.ts';
import { issueToken } from '../use-cases/administration.ts';
import type { AppDeps } from '../config/deps.ts';
import type { WebhookRecord } from '../domain/webhooks.ts';
import { openTestStore, rateLimitersFor } from './backend.ts';
import { seedOrganisation } from './seed.ts';
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
  await seedOrganisation(store, { id: 'org-a', name: 'Organisatie A' }, [
    { id: 'dienst-a', name: 'Dienst A', allowedOrigins: [ORIGIN_A] },
  ]);
  await seedOrganisation(store, { id: 'org-b', name: 'Organisatie B' }, [
    { id: 'dienst-b', name: 'Dienst B', allowedOrigins: ['https://www.gemeente-b.be'] },
  ]);
  const issuedA = await issueToken(store, {
    label: 'a',
    role: 'provider',
    organisationId: 'org-a',
  });
  const tokenA = issuedA.token;
  /** Who tokenA is in the audit and each record's `…By`: `token:<its id>`. */
  const actorA = `token:${issuedA.id}`;
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
  /**
   * A request to `path` with tokenA, unless another token (or none: '') is given; a JSON body if
   * any.
   */
  const send = (method: string, path: string, body?: unknown, token = tokenA) =>
    app.request(path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  /** A request to the admin API, with ADMIN_TOKEN unless another token (or none: '') is given. */
  const admin = (method: string, path: string, body?: unknown, token = ADMIN_TOKEN) =>
    send(method, `/api/v1/admin${path}`, body, token);
  const rowCount = (table = 'feedback') => countRows(store, table);

  return { app, store, tokenA, actorA, tokenB, steering, post, get, admin, send, rowCount };
}

/**
 * A webhook of org-a (testCollector's) on both feedback events, every service, no comment, made
 * on 15 June 2026; override any field.
 */
export function webhookRecord(overrides: Partial<WebhookRecord> = {}): WebhookRecord {
  return {
    id: randomUUID(),
    organisationId: 'org-a',
    url: 'https://tickets.gemeente-a.be/hooks/vo',
    events: ['feedback.created', 'feedback.low-rating'],
    serviceIds: null,
    includeComment: false,
    secret: 'whsec_dGVzdC1zZWNyZXQtb2YtMzItYnl0ZXMtZm9yLWhtYWM=',
    createdAt: Date.UTC(2026, 5, 15, 8),
    createdBy: 'a',
    failingSince: null,
    disabledAt: null,
    disabledReason: null,
    ...overrides,
  };
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

/**
 * A response's JSON body, checked against its shared schema and typed by it: a body that does not
 * match fails the test with the schema's own account of each field, the status and the body. The
 * body is returned as the server sent it (checked, not transformed or stripped), so that an
 * assertion on it still sees every field.
 */
export async function json<S extends z.ZodType>(response: Response, schema: S): Promise<z.input<S>>;
/** A response's JSON body, loosely typed, for a test that asserts on its shape itself. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function json(response: Response): Promise<any>;
export async function json(response: Response, schema?: z.ZodType): Promise<unknown> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${response.status} answered a body that is not JSON: ${text.slice(0, 200)}`);
  }
  if (schema === undefined) return body;
  const checked = schema.safeParse(body);
  if (!checked.success) {
    throw new Error(
      `${response.status} answered a body that does not match its schema:\n` +
        `${z.prettifyError(checked.error)}\nbody: ${JSON.stringify(body, null, 2).slice(0, 2000)}`,
    );
  }
  return body;
}
