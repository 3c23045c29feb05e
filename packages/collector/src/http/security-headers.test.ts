import { Hono, type MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, policyWith } from '../views/csp.ts';
import { completeJson, securityHeaders } from './security-headers.ts';

/** The collector's headers as hono's secureHeaders set them, with CORP same-site by default. */
const reference: MiddlewareHandler[] = [
  secureHeaders({
    contentSecurityPolicy: CSP_DIRECTIVES,
    overwrite: false,
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: false,
    crossOriginEmbedderPolicy: false,
  }),
  async (c, next) => {
    await next();
    if (!c.res.headers.has('cross-origin-resource-policy')) {
      c.header('cross-origin-resource-policy', 'same-site');
    }
  },
];

function appWith(...middleware: MiddlewareHandler[]) {
  const app = new Hono();
  app.use(requestId({ generator: () => 'a-request-id' }));
  for (const handler of middleware) app.use(handler);
  return app
    .get('/json', (c) => c.json({ ok: true }, 201))
    .get('/own-policy', (c) => {
      c.header('content-security-policy', "default-src 'none'");
      c.header('cross-origin-resource-policy', 'cross-origin');
      return c.text('page');
    })
    .get('/raw', () => new Response('raw', { headers: { 'x-powered-by': 'someone' } }))
    .get('/complete', (c) =>
      completeJson(c, { ok: true }, 201, {
        vary: 'Origin',
        'cross-origin-resource-policy': 'cross-origin',
      }),
    );
}

const headersOf = (response: Response) => Object.fromEntries(response.headers.entries());

describe('securityHeaders', () => {
  it('sets exactly what hono’s secureHeaders set with the collector’s policy', async () => {
    const ours = appWith(securityHeaders(policyWith({})));
    const theirs = appWith(...reference);
    for (const path of ['/json', '/own-policy', '/raw']) {
      const [a, b] = [await ours.request(path), await theirs.request(path)];
      expect(headersOf(a), path).toEqual(headersOf(b));
      expect(a.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('lets completeJson write every header itself, the same as a JSON answer gets', async () => {
    const ours = appWith(securityHeaders(policyWith({})));
    const complete = await ours.request('/complete');
    expect(complete.status).toBe(201);
    expect(await complete.json()).toEqual({ ok: true });
    const json = await appWith(...reference).request('/json');
    expect(headersOf(complete)).toEqual({
      ...headersOf(json),
      vary: 'Origin',
      'cross-origin-resource-policy': 'cross-origin',
    });
  });
});
