import type { Env } from 'hono';
import { createMiddleware } from 'hono/factory';
import { bodyJson, bodyText, readBodyBytes } from './body.ts';

/**
 * Route middleware in front of a declared JSON body (`request.body` of a createRoute): reads it
 * with the collector's body reader — 415 for another content type, 413 above `maxBytes`, 400 for
 * bytes that are not UTF-8 JSON — and hands the text on to zod-openapi's validator in a new
 * request, as Hono's own bodyLimit does. Hono's validator alone would take a body of another
 * content type as `{}` and read any size.
 */
export function declaredJsonBody<E extends Env = Env>(maxBytes: number) {
  return createMiddleware<E>(async (c, next) => {
    const text = bodyText(await readBodyBytes(c, { accept: ['application/json'], maxBytes }));
    bodyJson(text);
    c.req.raw = new Request(c.req.raw, { body: text });
    await next();
  });
}
