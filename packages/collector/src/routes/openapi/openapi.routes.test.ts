import { randomUUID } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ServiceSchema, SubmissionSchema, TokenRequestSchema } from '@vo-feedback/shared';
import type { z } from 'zod';
import { ADMIN_TOKEN, json, testCollector } from '../../test-support/fixtures.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function documentOf(app: Awaited<ReturnType<typeof testCollector>>['app']) {
  const response = await app.request('/api/v1/openapi.json');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return JSON.parse(await response.text()) as Json;
}

/** The routes the app really serves under /api/v1 (and the health checks), OpenAPI-style. */
function mountedRoutes(app: Awaited<ReturnType<typeof testCollector>>['app']) {
  const routes = app.routes
    .filter((r) => r.method !== 'ALL')
    .filter((r) => r.path.startsWith('/api/v1/') || ['/healthz', '/readyz'].includes(r.path))
    .map((r) => ({
      method: r.method.toLowerCase(),
      path: r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}'),
    }));
  return [...new Map(routes.map((r) => [`${r.method} ${r.path}`, r])).values()];
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}

function ajvFor(document: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'doc', components: document.components });
  return (name: string) => ajv.getSchema(`doc#/components/schemas/${name}`)!;
}

describe('GET /api/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1.0 document whose references all resolve', async () => {
    const { app } = await testCollector();
    const document = await documentOf(app);
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const ref of refsIn(document)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
    }
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual([
      'adminToken',
      'metricsToken',
      'token',
    ]);
  });

  it('documents every route the app serves under /api/v1', async () => {
    const { app } = await testCollector({ adminToken: ADMIN_TOKEN });
    const document = await documentOf(app);
    const routes = mountedRoutes(app);
    // A sanity floor, so that a change in how routes are listed cannot pass this test empty.
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const undocumented = routes.filter((r) => !document.paths[r.path]?.[r.method]);
    expect(undocumented).toEqual([]);
  });

  it('declares security, problem+json errors and request bodies from the shared schemas', async () => {
    const { app } = await testCollector();
    const { paths } = await documentOf(app);
    const ingest = paths['/api/v1/feedback'].post;
    expect(ingest.security).toEqual([]);
    expect(ingest.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Submission',
    });
    for (const status of ['400', '403', '404', '409', '413', '415', '429']) {
      expect(ingest.responses[status].content['application/problem+json'].schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
    }
    expect(ingest.responses['429'].headers['Retry-After']).toBeDefined();
    expect(paths['/api/v1/services/{serviceId}/summary'].get.security).toEqual([{ token: [] }]);
    expect(paths['/api/v1/admin/tokens'].post.security).toEqual([{ adminToken: [] }]);
    expect(paths['/api/v1/admin/tokens'].post.responses['201'].content['application/json']).toEqual(
      { schema: { $ref: '#/components/schemas/TokenCreated' } },
    );
    const parameters = paths['/api/v1/services/{serviceId}/summary'].get.parameters;
    expect(parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
      'path:serviceId',
      'query:from',
      'query:to',
    ]);
  });

  it('its Submission schema accepts and rejects like zod and like the endpoint', async () => {
    const { app, post } = await testCollector();
    const schemaNamed = ajvFor(await documentOf(app));
    const valid = schemaNamed('Submission');
    const base = () => ({ id: randomUUID(), serviceId: 'dienst-a', rating: 4, lang: 'nl' });
    const bodies: Array<[string, Record<string, unknown>]> = [
      ['minimal', base()],
      [
        'all fields',
        { ...base(), comment: 'Duidelijk.', outcome: 'completed', step: 'stap 3', page: '/a' },
      ],
      ['2000-character comment', { ...base(), comment: 'a'.repeat(2000) }],
      ['2001-character comment', { ...base(), comment: 'a'.repeat(2001) }],
      ['rating 0', { ...base(), rating: 0 }],
      ['rating 6', { ...base(), rating: 6 }],
      ['rating 3.5', { ...base(), rating: 3.5 }],
      ['rating "4"', { ...base(), rating: '4' }],
      ['unknown field', { ...base(), extra: true }],
      ['language es', { ...base(), lang: 'es' }],
      ['no language', { id: randomUUID(), serviceId: 'dienst-a', rating: 4 }],
      ['id not a UUID', { ...base(), id: 'abc' }],
      ['service id in capitals', { ...base(), serviceId: 'Dienst-A' }],
      ['unknown outcome', { ...base(), outcome: 'done' }],
      ['65-character step', { ...base(), step: 's'.repeat(65) }],
    ];
    for (const [name, body] of bodies) {
      const zodSays = SubmissionSchema.safeParse(body).success;
      expect(valid(body), name).toBe(zodSays);
      const status = (await post(body)).status;
      expect(status, name).toBe(zodSays ? 201 : 400);
    }
    expect(bodies.filter(([, body]) => valid(body)).length).toBe(3);
  });

  it('its admin schemas accept and reject like zod (spot checks)', async () => {
    const { app } = await testCollector();
    const schemaNamed = ajvFor(await documentOf(app));
    const checks: Array<[string, z.ZodType, Record<string, unknown>]> = [
      [
        'TokenRequest',
        TokenRequestSchema,
        { label: 'a', role: 'provider', organisationId: 'org-a' },
      ],
      ['TokenRequest', TokenRequestSchema, { label: 'a', role: 'provider' }],
      ['TokenRequest', TokenRequestSchema, { label: 'a', role: 'steering' }],
      [
        'TokenRequest',
        TokenRequestSchema,
        { label: 'a', role: 'steering', organisationId: 'org-a' },
      ],
      ['TokenRequest', TokenRequestSchema, { label: 'a', role: 'admin' }],
      ['NewService', ServiceSchema, { id: 'd', name: 'D', organisationId: 'o-1' }],
      ['NewService', ServiceSchema, { id: 'dd', name: 'D', organisationId: 'o-1' }],
      [
        'NewService',
        ServiceSchema,
        { id: 'dd', name: 'D', organisationId: 'o-1', allowedOrigins: ['https://a.be/pad'] },
      ],
      [
        'NewService',
        ServiceSchema,
        { id: 'dd', name: 'D', organisationId: 'o-1', allowedOrigins: ['https://a.be:8443'] },
      ],
    ];
    for (const [name, schema, body] of checks) {
      expect(schemaNamed(name)(body), `${name} ${JSON.stringify(body)}`).toBe(
        schema.safeParse(body).success,
      );
    }
  });
});

describe('the generated document', () => {
  it('gives GET /api/v1/me and GET /api/v1/services the shared schemas their answers follow', async () => {
    const { app, get, tokenA, steering } = await testCollector();
    const document = await documentOf(app);
    const schemaNamed = ajvFor(document);
    const answer = (path: string) =>
      document.paths[path].get.responses['200'].content['application/json'].schema;
    expect(answer('/api/v1/me')).toEqual({ $ref: '#/components/schemas/Me' });
    expect(answer('/api/v1/services')).toEqual({ $ref: '#/components/schemas/ServiceList' });
    expect(document.components.schemas.ServiceList.items).toEqual({
      $ref: '#/components/schemas/ServiceInfo',
    });

    for (const token of [tokenA, steering]) {
      const me = await json(await get('/api/v1/me', token));
      expect(schemaNamed('Me')(me), JSON.stringify(me)).toBe(true);
      const services = await json(await get('/api/v1/services', token));
      expect(services.length).toBeGreaterThan(0);
      expect(schemaNamed('ServiceList')(services), JSON.stringify(services)).toBe(true);
    }
    // Real schemas, not `{type: object}`: a wrong answer does not pass.
    expect(schemaNamed('Me')({ role: 'admin', organisationId: null, organisationName: null })).toBe(
      false,
    );
    expect(schemaNamed('ServiceList')([{ id: 'dienst-a', name: 'Dienst A' }])).toBe(false);
  });

  it('documents every answer of the no-JavaScript form as an HTML page', async () => {
    const { app } = await testCollector();
    const form = (await documentOf(app)).paths['/api/v1/feedback/form'].post;
    expect(Object.keys(form.requestBody.content)).toEqual(['application/x-www-form-urlencoded']);
    const statuses = Object.keys(form.responses).sort();
    expect(statuses).toEqual(['303', '400', '403', '404', '409', '413', '415', '429', '503']);
    for (const status of statuses.filter((s) => s !== '303')) {
      expect(Object.keys(form.responses[status].content), status).toEqual(['text/html']);
    }
    expect(form.responses['303'].headers.Location).toBeDefined();
    expect(form.responses['429'].headers['Retry-After']).toBeDefined();
  });

  it('documents the 405 that a path answers to a method it does not take', async () => {
    const { app } = await testCollector();
    const document = await documentOf(app);
    expect(document.info.description).toMatch(/405 with an `Allow` header/);
    const answer = document.components.responses.MethodNotAllowed;
    expect(answer.headers.Allow).toBeDefined();
    expect(answer.content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    const response = await app.request('/api/v1/feedback');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('OPTIONS, POST');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('GET /api', () => {
  it('is a readable HTML page of every route, with no script and nothing inline', async () => {
    const { app } = await testCollector({ adminToken: ADMIN_TOKEN });
    const response = await app.request('/api');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    expect(html).toContain('<link rel="stylesheet" href="/api/api.css">');
    expect(html).toContain('href="/api/v1/openapi.json"');
    for (const { method, path } of mountedRoutes(app)) {
      expect(html, `${method} ${path}`).toContain(
        `<span class="method">${method.toUpperCase()}</span> <code>${path}</code>`,
      );
    }
    // Field tables come from the schemas: the submission's rating and the token request's forms.
    expect(html).toContain('<code>rating</code></th><td>integer 1–5</td><td>required</td>');
    expect(html).toContain('form 2 of 2');

    const css = await app.request('/api/api.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });
});
