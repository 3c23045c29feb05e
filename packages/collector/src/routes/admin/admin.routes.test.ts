import { describe, expect, it } from 'vitest';
import { hashToken } from '../../domain/tokens.ts';
import { jsonLogger } from '../../config/logger.ts';
import {
  ADMIN_TOKEN,
  json,
  ORIGIN_A,
  submission,
  testCollector,
} from '../../test-support/fixtures.ts';
import { sqlRows } from '../../test-support/sql.ts';
import { memoryRateLimiters } from '../../http/rate-limit/memory.ts';
import { sessionSettings } from '../../http/session.ts';
import { silentLogger } from '../../config/logger.ts';
import { ServiceDirectory } from '../../use-cases/service-directory.ts';
import { adminRoutes } from './admin.routes.ts';

const adminCollector = () => testCollector({ adminToken: ADMIN_TOKEN });

/** An operation of the generated OpenAPI document, as far as these tests read it. */
interface Operation {
  security: unknown;
  tags: string[];
  parameters?: Array<{ in: string; name: string; required: boolean }>;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: unknown }>;
}

const newService = (overrides: Record<string, unknown> = {}) => ({
  id: 'parkeerkaart',
  name: 'Aanvraag parkeerkaart',
  organisationId: 'org-a',
  allowedOrigins: ['https://loket.gemeente-a.be'],
  ...overrides,
});

const preflight = (app: Awaited<ReturnType<typeof testCollector>>['app'], origin: string) =>
  app.request('/api/v1/feedback', {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });

describe('the admin API is off without ADMIN_TOKEN', () => {
  it('answers 404 problem+json on every admin route, with or without a token', async () => {
    const { admin, tokenA } = await testCollector();
    for (const [method, path, body] of [
      ['GET', '/organisations', undefined],
      ['POST', '/organisations', { id: 'org-c', name: 'C' }],
      ['GET', '/services', undefined],
      ['POST', '/services', newService()],
      ['PATCH', '/services/dienst-a', { name: 'x' }],
      ['GET', '/tokens', undefined],
      ['POST', '/tokens', { label: 'x', role: 'steering' }],
      ['DELETE', '/tokens/whatever', undefined],
    ] as const) {
      for (const token of ['', tokenA, ADMIN_TOKEN]) {
        const response = await admin(method, path, body, token);
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
      }
    }
    const { rowCount } = await testCollector();
    expect(await rowCount('organisations')).toBe(2);
  });
});

describe('the admin API is declared once', () => {
  it('documents exactly the routes it serves, each behind the admin token, with the shared schemas', async () => {
    const { store } = await testCollector();
    const config = {
      store,
      now: Date.now,
      rateLimitPerMinute: 0,
      trustProxy: 0,
      rateLimiters: memoryRateLimiters,
      adminToken: ADMIN_TOKEN,
      minPublicN: 10,
      staticDirs: {},
      logger: silentLogger,
      sessions: sessionSettings(undefined),
    };
    const routes = adminRoutes(config, new ServiceDirectory(store, Date.now));
    const document = routes.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'admin', version: '1' },
    });
    const paths = JSON.parse(JSON.stringify(document.paths)) as Record<
      string,
      Record<string, Operation>
    >;
    // A validated operation is its validator and its handler: one path, two entries.
    const served = [
      ...new Set(
        routes.routes
          .filter((r) => r.method !== 'ALL')
          .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
      ),
    ];
    const operations = Object.fromEntries(
      Object.entries(paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, operation]) => [`${method} ${path}`, operation]),
      ),
    ) as Record<string, Operation>;
    expect(Object.keys(operations).sort()).toEqual([...served].sort());
    expect(served).toHaveLength(13);
    for (const [name, operation] of Object.entries(operations)) {
      expect(operation.security, name).toEqual([{ adminToken: [] }]);
      expect(operation.tags, name).toEqual(['Administration']);
      for (const status of ['401', '403', '404']) {
        expect(operation.responses[status]?.content, `${name} ${status}`).toEqual({
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        });
      }
    }
    expect(operations['post /services']!.requestBody?.content['application/json']).toEqual({
      schema: { $ref: '#/components/schemas/NewService' },
    });
    expect(operations['patch /services/{id}']!.parameters).toEqual([
      expect.objectContaining({ in: 'path', name: 'id', required: true }),
    ]);
    expect(operations['get /tokens']!.responses['200']?.content).toEqual({
      'application/json': {
        schema: { type: 'array', items: { $ref: '#/components/schemas/TokenInfo' } },
      },
    });
  });
});

describe('admin authentication', () => {
  it('answers 401 without a token, with a wrong one, and with a provider token', async () => {
    const { admin, tokenA, steering, rowCount } = await adminCollector();
    for (const token of [
      '',
      'wrong',
      `${ADMIN_TOKEN}x`,
      ADMIN_TOKEN.slice(0, -1),
      tokenA,
      steering,
    ]) {
      const response = await admin('POST', '/organisations', { id: 'org-c', name: 'C' }, token);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(await rowCount('organisations')).toBe(2);
  });

  it('refuses a token sent other than as Bearer', async () => {
    const { app } = await adminCollector();
    const response = await app.request('/api/v1/admin/organisations', {
      headers: { authorization: `Basic ${ADMIN_TOKEN}` },
    });
    expect(response.status).toBe(401);
  });
});

describe('organisations', () => {
  it('creates and lists an organisation', async () => {
    const { admin, store } = await adminCollector();
    const response = await admin('POST', '/organisations', {
      id: 'gemeente-gent',
      name: '  Stad Gent ',
    });
    expect(response.status).toBe(201);
    const expected = { id: 'gemeente-gent', name: 'Stad Gent', policyDomain: null, kind: null };
    expect(await json(response)).toEqual(expected);
    expect(await store.getOrganisation('gemeente-gent')).toEqual(expected);
    const list = await json(await admin('GET', '/organisations'));
    expect(list.map((o: { id: string }) => o.id)).toEqual(['gemeente-gent', 'org-a', 'org-b']);
  });

  it('takes a policy domain and a kind, and PATCH changes only the fields given', async () => {
    const { admin, store } = await adminCollector();
    const created = await admin('POST', '/organisations', {
      id: 'stad-gent',
      name: 'Stad Gent',
      policyDomain: ' Binnenlands Bestuur ',
      kind: 'local',
    });
    expect(created.status).toBe(201);
    expect(await json(created)).toEqual({
      id: 'stad-gent',
      name: 'Stad Gent',
      policyDomain: 'Binnenlands Bestuur',
      kind: 'local',
    });
    const renamed = await admin('PATCH', '/organisations/stad-gent', { name: 'Stad Gent (stad)' });
    expect(renamed.status).toBe(200);
    expect(await json(renamed)).toEqual({
      id: 'stad-gent',
      name: 'Stad Gent (stad)',
      policyDomain: 'Binnenlands Bestuur',
      kind: 'local',
    });
    const cleared = await admin('PATCH', '/organisations/stad-gent', {
      policyDomain: null,
      kind: 'flemish',
    });
    const now = { id: 'stad-gent', name: 'Stad Gent (stad)', policyDomain: null, kind: 'flemish' };
    expect(await json(cleared)).toEqual(now);
    expect(await store.getOrganisation('stad-gent')).toEqual(now);
    const list = await json(await admin('GET', '/organisations'));
    expect(list.find((o: { id: string }) => o.id === 'org-a')).toEqual({
      id: 'org-a',
      name: 'Organisatie A',
      policyDomain: null,
      kind: null,
    });
  });

  it('PATCH answers 404 for an unknown organisation and 400 for an empty or invalid change', async () => {
    const { admin, store } = await adminCollector();
    expect((await admin('PATCH', '/organisations/bestaat-niet', { name: 'x' })).status).toBe(404);
    const errorsOf = async (body: unknown) => {
      const response = await admin('PATCH', '/organisations/org-a', body);
      expect(response.status).toBe(400);
      return (await json(response)).errors as { path: string; message: string }[];
    };
    expect((await errorsOf({}))[0]!.message).toMatch(/at least one field.*policyDomain/);
    expect(await errorsOf({ kind: 'federal' })).toEqual([
      {
        path: 'kind',
        message:
          'Give kind as "flemish" (a Flemish government body) or "local" (a local government).',
      },
    ]);
    expect((await errorsOf({ policyDomain: 'x'.repeat(81) }))[0]!.path).toBe('policyDomain');
    expect((await errorsOf({ id: 'org-z' }))[0]!.path).toBe('id');
    expect(await store.getOrganisation('org-a')).toEqual({
      id: 'org-a',
      name: 'Organisatie A',
      policyDomain: null,
      kind: null,
    });
  });

  it('answers 409 to an id that is taken, and keeps the original', async () => {
    const { admin, store } = await adminCollector();
    const response = await admin('POST', '/organisations', { id: 'org-a', name: 'Ander' });
    expect(response.status).toBe(409);
    expect((await json(response)).detail).toMatch(/org-a.*exists/);
    expect((await store.getOrganisation('org-a'))?.name).toBe('Organisatie A');
  });

  it('answers 400 with each field and how to fix it', async () => {
    const { admin, rowCount } = await adminCollector();
    const response = await admin('POST', '/organisations', { id: 'Org A!', extra: 1 });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = await json(response);
    const byPath = Object.fromEntries(
      body.errors.map((e: { path: string; message: string }) => [e.path, e.message]),
    );
    expect(byPath.id).toMatch(/lowercase letters/);
    expect(byPath.name).toMatch(/Give the organisation a name/);
    expect(byPath.extra).toMatch(/Remove the unknown field/);
    expect(await rowCount('organisations')).toBe(2);
  });

  it('answers 415 to a body that is not JSON and 400 to broken JSON', async () => {
    const { app } = await adminCollector();
    const headers = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const form = await app.request('/api/v1/admin/organisations', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'id=org-c&name=C',
    });
    expect(form.status).toBe(415);
    const broken = await app.request('/api/v1/admin/organisations', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{"id": "org-c",',
    });
    expect(broken.status).toBe(400);
  });
});

describe('admin request bodies', () => {
  const send = async (path: string, init: { type?: string; body: string | Uint8Array }) => {
    const { app } = await adminCollector();
    const response = await app.request(`/api/v1/admin${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(init.type ? { 'content-type': init.type } : {}),
      },
      body: init.body,
    });
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    return { status: response.status, body: await json(response) };
  };

  it('answers 415, 413 and 400 as problems that say what to send', async () => {
    expect(await send('/organisations', { type: 'text/plain', body: '{}' })).toEqual({
      status: 415,
      body: {
        type: '/problems/unsupported-media-type',
        title: 'Unsupported Media Type',
        status: 415,
        detail: 'Send the body as application/json.',
      },
    });
    const large = JSON.stringify({ id: 'org-c', name: 'x'.repeat(64 * 1024) });
    expect(await send('/services', { type: 'application/json', body: large })).toEqual({
      status: 413,
      body: {
        type: '/problems/payload-too-large',
        title: 'Payload Too Large',
        status: 413,
        detail: 'Send at most 65536 bytes.',
      },
    });
    const unparsable = {
      status: 400,
      body: {
        type: '/problems/invalid-body',
        title: 'Bad Request',
        status: 400,
        detail: 'Send the body as one JSON object in UTF-8; it could not be parsed.',
        errors: [{ path: '(body)', message: 'Send valid JSON.' }],
      },
    };
    expect(await send('/tokens', { type: 'application/json', body: '{"label": ' })).toEqual(
      unparsable,
    );
    const latin1 = new Uint8Array([0x7b, 0x22, 0x6e, 0xe9, 0x22, 0x3a, 0x31, 0x7d]);
    expect(await send('/tokens', { type: 'application/json', body: latin1 })).toEqual(unparsable);
  });
});

describe('admin ids and queries', () => {
  it('answers 404 to an id nothing has, malformed or not, and lists by any organisation id', async () => {
    const { admin } = await adminCollector();
    const token = await admin('DELETE', '/tokens/not-a-uuid');
    expect(token.status).toBe(404);
    expect((await json(token)).detail).toBe(
      'There is no token "not-a-uuid"; see the list of tokens.',
    );
    const service = await admin('PATCH', '/services/Niet_Geldig', { name: 'x' });
    expect(service.status).toBe(404);
    expect((await json(service)).detail).toBe('There is no service "Niet_Geldig".');
    // The body is checked before the id: an invalid change to an unknown service is a 400.
    expect((await admin('PATCH', '/services/Niet_Geldig', { naam: 'x' })).status).toBe(400);
    const list = await admin('GET', '/services?organisationId=Org_A&page=2');
    expect(list.status).toBe(200);
    expect(await json(list)).toEqual([]);
    expect((await json(await admin('GET', '/services?organisationId='))).length).toBe(2);
  });
});

describe('services', () => {
  it('creates a service with defaults and lists it, also per organisation', async () => {
    const { admin, store } = await adminCollector();
    const response = await admin(
      'POST',
      '/services',
      newService({
        allowedOrigins: ['HTTPS://Loket.Gemeente-A.be', 'https://loket.gemeente-a.be'],
      }),
    );
    expect(response.status).toBe(201);
    const expected = {
      id: 'parkeerkaart',
      name: 'Aanvraag parkeerkaart',
      organisationId: 'org-a',
      allowedOrigins: ['https://loket.gemeente-a.be'],
      active: true,
      publicServiceUri: null,
      helpUrl: null,
      reasons: null,
      target: null,
    };
    expect(await json(response)).toEqual(expected);
    expect(await store.getService('parkeerkaart')).toEqual(expected);

    const all = await json(await admin('GET', '/services'));
    expect(all.map((s: { id: string }) => s.id)).toEqual(['dienst-a', 'dienst-b', 'parkeerkaart']);
    const own = await json(await admin('GET', '/services?organisationId=org-a'));
    expect(own.map((s: { id: string }) => s.id)).toEqual(['dienst-a', 'parkeerkaart']);
    expect(own[1]).toEqual(expected);
  });

  it('stores the public service URI from the catalogue and refuses a non-http one', async () => {
    const { admin, store } = await adminCollector();
    const uri = 'https://data.vlaanderen.be/id/publieke-dienstverlening/12345';
    expect((await admin('POST', '/services', newService({ publicServiceUri: uri }))).status).toBe(
      201,
    );
    expect((await store.getService('parkeerkaart'))?.publicServiceUri).toBe(uri);
    const bad = await admin(
      'POST',
      '/services',
      newService({ id: 'andere', publicServiceUri: 'javascript:alert(1)' }),
    );
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors[0].path).toBe('publicServiceUri');
    expect(await store.getService('andere')).toBeUndefined();
  });

  it('answers 400 naming the field for an unknown organisation, and says what to do', async () => {
    const { admin, store } = await adminCollector();
    const response = await admin('POST', '/services', newService({ organisationId: 'org-z' }));
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.errors).toEqual([
      { path: 'organisationId', message: expect.stringMatching(/create it first/) },
    ]);
    expect(await store.getService('parkeerkaart')).toBeUndefined();
  });

  it('answers 409 to a service id that is taken', async () => {
    const { admin, store } = await adminCollector();
    const response = await admin('POST', '/services', newService({ id: 'dienst-b' }));
    expect(response.status).toBe(409);
    expect((await store.getService('dienst-b'))?.organisationId).toBe('org-b');
  });

  it('answers 400 for an origin with a path, naming the list element', async () => {
    const { admin } = await adminCollector();
    const response = await admin(
      'POST',
      '/services',
      newService({ allowedOrigins: ['https://ok.be', 'https://loket.be/pad'] }),
    );
    expect(response.status).toBe(400);
    expect((await json(response)).errors).toEqual([
      { path: 'allowedOrigins.1', message: expect.stringMatching(/without a path/) },
    ]);
  });

  it('PATCH changes only the fields given', async () => {
    const { admin, store } = await adminCollector();
    const response = await admin('PATCH', '/services/dienst-a', { name: 'Nieuwe naam' });
    expect(response.status).toBe(200);
    const expected = {
      id: 'dienst-a',
      name: 'Nieuwe naam',
      organisationId: 'org-a',
      allowedOrigins: [ORIGIN_A],
      active: true,
      publicServiceUri: null,
      helpUrl: null,
      reasons: null,
      target: null,
    };
    expect(await json(response)).toEqual(expected);
    expect(await store.getService('dienst-a')).toEqual(expected);
  });

  it('sets a satisfaction target from 0 to 1, and removes it with null', async () => {
    const { admin, store } = await adminCollector();
    const created = await admin('POST', '/services', newService({ target: 0.8 }));
    expect(created.status).toBe(201);
    expect((await json(created)).target).toBe(0.8);
    expect((await store.getService('parkeerkaart'))?.target).toBe(0.8);
    const changed = await admin('PATCH', '/services/parkeerkaart', { target: 0.75 });
    expect((await json(changed)).target).toBe(0.75);
    for (const target of [1.2, -0.1, '0.8']) {
      const refused = await admin('PATCH', '/services/parkeerkaart', { target });
      expect(refused.status, String(target)).toBe(400);
      expect((await json(refused)).errors).toEqual([
        { path: 'target', message: 'Give the target as a number from 0 to 1, e.g. 0.8 for 80 %.' },
      ]);
    }
    expect(
      (await json(await admin('PATCH', '/services/parkeerkaart', { target: null }))).target,
    ).toBeNull();
    expect((await store.getService('parkeerkaart'))?.target).toBeNull();
  });

  it('PATCH sets and removes the public service URI, and moves a service to another organisation', async () => {
    const { admin, store } = await adminCollector();
    const uri = 'https://data.vlaanderen.be/id/publieke-dienstverlening/1';
    await admin('PATCH', '/services/dienst-a', { publicServiceUri: uri });
    expect((await store.getService('dienst-a'))?.publicServiceUri).toBe(uri);
    await admin('PATCH', '/services/dienst-a', { publicServiceUri: null, organisationId: 'org-b' });
    const service = await store.getService('dienst-a');
    expect(service?.publicServiceUri).toBeNull();
    expect(service?.organisationId).toBe('org-b');
  });

  it('PATCH answers 404 for an unknown service, 400 for an empty or invalid change', async () => {
    const { admin, store } = await adminCollector();
    expect((await admin('PATCH', '/services/bestaat-niet', { name: 'x' })).status).toBe(404);
    const empty = await admin('PATCH', '/services/dienst-a', {});
    expect(empty.status).toBe(400);
    expect((await json(empty)).errors[0].message).toMatch(/at least one field/);
    const immutable = await admin('PATCH', '/services/dienst-a', { id: 'other' });
    expect(immutable.status).toBe(400);
    const unknownOrg = await admin('PATCH', '/services/dienst-a', { organisationId: 'org-z' });
    expect(unknownOrg.status).toBe(400);
    expect((await json(unknownOrg)).errors[0].path).toBe('organisationId');
    expect((await admin('PATCH', '/services/dienst-a', { active: 'no' })).status).toBe(400);
    expect((await store.getService('dienst-a'))?.organisationId).toBe('org-a');
  });

  it('a deactivated service takes no more feedback; reactivated, it does again', async () => {
    const { admin, post } = await adminCollector();
    expect((await admin('PATCH', '/services/dienst-a', { active: false })).status).toBe(200);
    expect((await post(submission())).status).toBe(404);
    expect((await admin('PATCH', '/services/dienst-a', { active: true })).status).toBe(200);
    expect((await post(submission())).status).toBe(201);
  });
});

describe('admin changes reach CORS at once', () => {
  it('a new service’s origin passes the preflight immediately, a removed one fails', async () => {
    const { app, admin, post } = await adminCollector();
    const origin = 'https://loket.gemeente-a.be';
    // The preflight before the change fills the registry's cache with the old origins.
    expect((await preflight(app, origin)).status).toBe(403);

    expect((await admin('POST', '/services', newService())).status).toBe(201);
    const allowed = await preflight(app, origin);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    const stored = await post(submission({ serviceId: 'parkeerkaart' }), { origin });
    expect(stored.status).toBe(201);

    expect(
      (await admin('PATCH', '/services/parkeerkaart', { allowedOrigins: ['https://ander.be'] }))
        .status,
    ).toBe(200);
    expect((await preflight(app, origin)).status).toBe(403);
    expect((await preflight(app, 'https://ander.be')).status).toBe(204);
  });

  it('deactivating a service withdraws its origins from the preflight at once', async () => {
    const { app, admin } = await adminCollector();
    expect((await preflight(app, ORIGIN_A)).status).toBe(204);
    await admin('PATCH', '/services/dienst-a', { active: false });
    expect((await preflight(app, ORIGIN_A)).status).toBe(403);
  });
});

describe('tokens', () => {
  it('creates a provider token shown once, stores only its hash, and the token works', async () => {
    const { admin, get, store } = await adminCollector();
    const response = await admin('POST', '/tokens', {
      label: 'dashboard team A',
      role: 'provider',
      organisationId: 'org-a',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const created = await json(response);
    expect(Object.keys(created).sort()).toEqual(['id', 'token']);
    expect(created.token).toMatch(/^vof_[A-Za-z0-9_-]{43}$/);

    const [row] = await sqlRows(store, 'select * from tokens where id = ?', [created.id]);
    expect(row).toMatchObject({
      label: 'dashboard team A',
      role: 'provider',
      organisation_id: 'org-a',
      hash: hashToken(created.token),
      revoked_at: null,
    });
    // The token itself is nowhere in the database file's tables.
    const dump = JSON.stringify(await sqlRows(store, 'select * from tokens'));
    expect(dump).not.toContain(created.token);

    const services = await get('/api/v1/services', created.token);
    expect(services.status).toBe(200);
    expect((await json(services)).map((s: { id: string }) => s.id)).toEqual(['dienst-a']);
  });

  it('creates a steering token without an organisation', async () => {
    const { admin, get } = await adminCollector();
    const created = await json(
      await admin('POST', '/tokens', { label: 'stuurorgaan', role: 'steering' }),
    );
    const services = await json(await get('/api/v1/services', created.token));
    expect(services.map((s: { id: string }) => s.id)).toEqual(['dienst-a', 'dienst-b']);
  });

  it('answers 400 to a role and organisation that do not fit together', async () => {
    const { admin, rowCount } = await adminCollector();
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ label: 'x', role: 'provider' }, 'organisationId', /Give the organisationId/],
      [{ label: 'x', role: 'steering', organisationId: 'org-a' }, 'organisationId', /Remove/],
      [{ label: 'x', role: 'admin' }, 'role', /provider.*steering/],
      [{ label: ' ', role: 'steering' }, 'label', /label/],
      [
        { label: 'x', role: 'provider', organisationId: 'org-z' },
        'organisationId',
        /create it first/,
      ],
    ];
    for (const [body, path, message] of cases) {
      const response = await admin('POST', '/tokens', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const problem = await json(response);
      expect(problem.errors).toContainEqual({ path, message: expect.stringMatching(message) });
    }
    expect(await rowCount('tokens')).toBe(3);
  });

  it('lists tokens without the token or its hash', async () => {
    const { admin } = await adminCollector();
    const created = await json(
      await admin('POST', '/tokens', { label: 'nieuw', role: 'provider', organisationId: 'org-b' }),
    );
    const response = await admin('GET', '/tokens');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(hashToken(created.token));
    const list = JSON.parse(text) as Array<Record<string, unknown>>;
    expect(list).toHaveLength(4);
    for (const token of list) {
      expect(Object.keys(token).sort()).toEqual([
        'createdAt',
        'id',
        'label',
        'organisationId',
        'revokedAt',
        'role',
      ]);
    }
    expect(list.at(-1)).toEqual({
      id: created.id,
      label: 'nieuw',
      role: 'provider',
      organisationId: 'org-b',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      revokedAt: null,
    });
  });

  it('revokes a token: 204, the very next request with it is 401, others still work', async () => {
    const { admin, get, tokenB } = await adminCollector();
    const created = await json(
      await admin('POST', '/tokens', { label: 'weg', role: 'provider', organisationId: 'org-a' }),
    );
    expect((await get('/api/v1/services/dienst-a/summary', created.token)).status).toBe(200);

    const revoked = await admin('DELETE', `/tokens/${created.id}`);
    expect(revoked.status).toBe(204);
    expect(await revoked.text()).toBe('');
    expect((await get('/api/v1/services/dienst-a/summary', created.token)).status).toBe(401);
    expect((await get('/api/v1/services', created.token)).status).toBe(401);
    expect((await get('/api/v1/services', tokenB)).status).toBe(200);

    const list = await json(await admin('GET', '/tokens'));
    const entry = list.find((t: { id: string }) => t.id === created.id);
    expect(entry.revokedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Revoking again is harmless; an unknown id is 404.
    expect((await admin('DELETE', `/tokens/${created.id}`)).status).toBe(204);
    expect((await admin('DELETE', '/tokens/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
  });
});

describe('admin logs', () => {
  it('log what changed with ids, and never a token, across creation and use', async () => {
    const lines: string[] = [];
    const logger = jsonLogger((line) => lines.push(line));
    const { admin, get, post, tokenA } = await testCollector({ adminToken: ADMIN_TOKEN, logger });

    await admin('POST', '/organisations', { id: 'org-c', name: 'C' });
    await admin('POST', '/services', newService({ organisationId: 'org-c' }));
    const created = await json(
      await admin('POST', '/tokens', { label: 'c', role: 'provider', organisationId: 'org-c' }),
    );
    await admin('GET', '/tokens');
    await get('/api/v1/services', created.token);
    await get('/api/v1/services/parkeerkaart/summary', created.token);
    await get('/api/v1/services/dienst-a/summary', tokenA);
    await get(`/api/v1/services?token=${created.token}`, created.token);
    await post(submission({ comment: 'Goed.' }));
    await admin('GET', '/tokens', undefined, 'a-wrong-admin-token');
    await admin('DELETE', `/tokens/${created.id}`);
    await get('/api/v1/services', created.token);

    expect(lines.length).toBeGreaterThan(10);
    const all = lines.join('');
    for (const secret of [created.token, tokenA, ADMIN_TOKEN, 'a-wrong-admin-token']) {
      expect(all).not.toContain(secret);
    }
    expect(all).not.toContain(hashToken(created.token));

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const actions = entries.filter((e) => e.message === 'admin');
    expect(actions.map((e) => e.action)).toEqual([
      'organisation created',
      'service created',
      'token created',
      'token revoked',
    ]);
    expect(actions[2]).toMatchObject({
      tokenId: created.id,
      role: 'provider',
      organisationId: 'org-c',
    });
    for (const action of actions) expect(action.requestId).toEqual(expect.any(String));
    expect(entries.some((e) => e.message === 'admin authentication failed')).toBe(true);
  });
});
