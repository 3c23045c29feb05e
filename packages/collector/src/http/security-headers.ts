import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';

// The security headers of every answer, written out once: what hono's secureHeaders sends (with
// its defaults, and the collector's Content-Security-Policy), which security-headers.test.ts
// holds equal, and `Cross-Origin-Resource-Policy: same-site` unless a route opens itself to
// other sites.

/** hono's secureHeaders defaults, by lowercase name. */
const DEFAULTS = {
  'cross-origin-opener-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/** The context key of the request's header values, for `completeJson`. */
const HEADERS = 'securityHeaders';
/** Set by a route whose answer carries them all already. */
const COMPLETE = 'securityHeadersComplete';

/**
 * Adds the security headers to every answer after its route, each unless the route set it (a
 * handed-in report keeps its own policy), CORP `same-site` unless the route chose another, and
 * drops X-Powered-By.
 */
export function securityHeaders(contentSecurityPolicy: string): MiddlewareHandler {
  const values: Readonly<Record<string, string>> = Object.freeze({
    ...DEFAULTS,
    'content-security-policy': contentSecurityPolicy,
  });
  const all = Object.entries(values);
  return createMiddleware(async (c, next) => {
    c.set(HEADERS, values);
    await next();
    if (c.get(COMPLETE) === true) return;
    const headers = c.res.headers;
    for (const [name, value] of all) if (!headers.has(name)) headers.set(name, value);
    if (!headers.has('cross-origin-resource-policy')) {
      headers.set('cross-origin-resource-policy', 'same-site');
    }
    headers.delete('x-powered-by');
  });
}

/**
 * A JSON answer with all its headers at once, as plain values — the security headers, the request
 * id and the route's own (`headers`, which replace any of them) — for ingest's hot path: no Headers
 * object is built, filled and read back for it, which costs more than the rest of the answer.
 * For a route that set no header with `c.header` before (they would be lost).
 */
export function completeJson(
  c: Context,
  body: unknown,
  status: number,
  headers: Record<string, string>,
): Response {
  const security = c.get(HEADERS) as Record<string, string> | undefined;
  if (!security) return c.json(body, status as 200, headers);
  c.set(COMPLETE, true);
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...security,
      'cross-origin-resource-policy': 'same-site',
      'x-request-id': c.get('requestId') as string,
      'content-type': 'application/json',
      ...headers,
    },
  });
}
