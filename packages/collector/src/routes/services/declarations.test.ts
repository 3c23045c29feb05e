import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../config/deps.ts';
import { json, testCollector } from '../../test-support/fixtures.ts';
import { publicRoutes } from '../public/public.routes.ts';
import { reportsRoutes } from '../reports/reports.routes.ts';
import { servicesRoutes } from './services.routes.ts';

// The provider, steering and public routes are declared once (createRoute): their parameters and
// answers, as the shared schemas, are what the OpenAPI document is generated from. The checks a
// request meets keep their order: access (401, 403, 404), then the query (400), then the period.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function documentOfRoutes(): Json {
  const config = { store: {}, now: Date.now, minPublicN: 10 } as unknown as Config;
  const app = new OpenAPIHono()
    .route('/api/v1/services', servicesRoutes(config))
    .route('/api/v1/reports', reportsRoutes(config))
    .route('/', publicRoutes(config));
  return app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'test', version: '1' } });
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('the declarations of the provider, steering and public routes', () => {
  it('declare each operation with its security, parameters and shared answer schemas', () => {
    const { paths } = documentOfRoutes();
    const operations = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item as object).map((method) => `${method} ${path}`),
    );
    expect(operations.sort()).toEqual([
      'delete /api/v1/services/{serviceId}/feedback/{feedbackId}',
      'get /api/v1/public/services/{serviceId}/config',
      'get /api/v1/public/services/{serviceId}/stats',
      'get /api/v1/public/stats',
      'get /api/v1/public/stats.csv',
      'get /api/v1/reports/annual',
      'get /api/v1/services',
      'get /api/v1/services/{serviceId}/export',
      'get /api/v1/services/{serviceId}/feedback',
      'get /api/v1/services/{serviceId}/summary',
      'get /api/v1/services/{serviceId}/tags',
      'get /api/v1/services/{serviceId}/themes',
      'patch /api/v1/services/{serviceId}/feedback/{feedbackId}',
      'post /api/v1/services/{serviceId}/feedback/{feedbackId}/redact',
    ]);
    const summary = paths['/api/v1/services/{serviceId}/summary'].get;
    expect(summary.security).toEqual([{ token: [] }]);
    expect(summary.parameters.map((p: Json) => `${p.in}:${p.name}`)).toEqual([
      'path:serviceId',
      'query:from',
      'query:to',
    ]);
    expect(summary.responses['200'].content['application/json'].schema).toEqual(ref('Summary'));
    expect(Object.keys(summary.responses).sort()).toEqual(['200', '400', '401', '403', '404']);
    expect(summary.responses['400'].description).toMatch(/invalid-period/);
    expect(
      paths['/api/v1/services'].get.responses['200'].content['application/json'].schema,
    ).toEqual(ref('ServiceList'));

    const exported = paths['/api/v1/services/{serviceId}/export'].get;
    expect(Object.keys(exported.responses['200'].content)).toEqual([
      'text/csv',
      'application/json',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(exported.responses['422'].content['application/problem+json'].schema).toEqual(
      ref('Problem'),
    );
    const report = paths['/api/v1/reports/annual'].get;
    expect(Object.keys(report.responses['200'].content)).toEqual([
      'application/json',
      'text/csv',
      'text/html',
    ]);
    expect(report.parameters.map((p: Json) => p.name)).toEqual(['year', 'organisation', 'format']);
    const publicService = paths['/api/v1/public/services/{serviceId}/stats'].get;
    expect(publicService.security).toEqual([]);
    expect(publicService.responses['200'].content['application/json'].schema).toEqual(
      ref('PublicServiceStats'),
    );
    expect(Object.keys(paths['/api/v1/public/stats.csv'].get.responses['200'].content)).toEqual([
      'text/csv',
    ]);
  });
});

describe('the declared routes check a request in the order they always have', () => {
  it('checks access before the query, and the query before the period', async () => {
    const { get, steering, tokenB, tokenA } = await testCollector();
    const forbidden = await get('/api/v1/services/dienst-a/feedback?limit=0', steering);
    expect(forbidden.status).toBe(403);
    expect((await get('/api/v1/services/dienst-a/summary?from=x', tokenB)).status).toBe(403);
    const unknown = await json(await get('/api/v1/services/Dienst-A/summary?from=x', tokenA));
    expect(unknown).toMatchObject({ status: 404, type: '/problems/unknown-service' });
    const query = await json(await get('/api/v1/services/dienst-a/summary?from=x', tokenA));
    expect(query).toMatchObject({
      type: '/problems/validation-error',
      detail: 'The query is not valid; see errors.',
      errors: [{ path: 'from', message: 'Use a date as YYYY-MM-DD.' }],
    });
  });

  it('reads a repeated query parameter by its first value', async () => {
    const { get, tokenA } = await testCollector();
    const page = await json(
      await get('/api/v1/services/dienst-a/feedback?from=2026-01-01&from=x&to=2026-02-01', tokenA),
    );
    expect(page).toMatchObject({ from: '2026-01-01', to: '2026-02-01' });
    const stats = await json(await get('/api/v1/public/stats?year=2025&year=twee'));
    expect(stats.year).toBe(2025);
  });

  it('answers a malformed public service id as an unknown service, after the year', async () => {
    const { get } = await testCollector();
    const year = await json(await get('/api/v1/public/services/Dienst-A/stats?year=1999'));
    expect(year).toMatchObject({ status: 400, type: '/problems/invalid-period' });
    expect(await json(await get('/api/v1/public/services/Dienst-A/stats'))).toMatchObject({
      status: 404,
      type: '/problems/unknown-service',
      detail: 'There is no such active service.',
    });
  });
});
