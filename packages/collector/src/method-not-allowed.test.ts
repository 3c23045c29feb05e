import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, json, testCollector } from './test-support/fixtures.ts';

describe('a wrong method on a known path', () => {
  it('answers 405 with Allow listing what the path accepts, as problem+json', async () => {
    const { app } = await testCollector();
    const cases: Array<[string, string, string]> = [
      ['DELETE', '/api/v1/feedback', 'OPTIONS, POST'],
      ['GET', '/api/v1/feedback', 'OPTIONS, POST'],
      ['PUT', '/api/v1/impressions', 'OPTIONS, POST'],
      ['GET', '/api/v1/feedback/form', 'POST'],
      ['POST', '/healthz', 'GET, HEAD'],
      ['DELETE', '/api/v1/public/stats', 'GET, HEAD'],
      ['HEAD', '/api/v1/feedback', 'OPTIONS, POST'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await app.request(path, { method });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get('allow'), `${method} ${path}`).toBe(allow);
      if (method === 'HEAD') continue;
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await json(response)).toMatchObject({
        type: '/problems/method-not-allowed',
        status: 405,
      });
    }
  });

  it('matches paths with parameters, behind their authentication', async () => {
    const { app } = await testCollector({ adminToken: ADMIN_TOKEN });
    const response = await app.request('/api/v1/admin/tokens/some-id', {
      method: 'GET',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('DELETE');
    const services = await app.request('/api/v1/admin/services/dienst-a', {
      method: 'DELETE',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(services.status).toBe(405);
    expect(services.headers.get('allow')).toBe('PATCH');
  });

  it('an unknown path stays 404, whatever the method', async () => {
    const { app } = await testCollector();
    for (const method of ['GET', 'POST', 'DELETE']) {
      for (const path of ['/api/v1/nothing', '/healthz/extra', '/api/v1/feedback/other']) {
        const response = await app.request(path, { method });
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.headers.get('allow')).toBeNull();
        expect((await json(response)).type).toBe('/problems/not-found');
      }
    }
  });

  it('the right method still reaches its route', async () => {
    const { app } = await testCollector();
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('/healthz', { method: 'HEAD' })).status).toBe(200);
  });
});
