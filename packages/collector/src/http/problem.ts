import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldError, Problem } from '@vo-feedback/shared';

/** Builds an RFC 9457 problem+json answer. */
export function problemResponse(
  status: ContentfulStatusCode,
  slug: string,
  title: string,
  detail: string,
  errors?: FieldError[],
  headers: Record<string, string> = {},
): Response {
  const body: Problem = { type: `/problems/${slug}`, title, status, detail };
  if (errors) body.errors = errors;
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

/** The same, through a Hono context, keeping the headers middleware already set. */
export function problem(
  c: Context,
  status: ContentfulStatusCode,
  slug: string,
  title: string,
  detail: string,
  errors?: FieldError[],
): Response {
  const body: Problem = { type: `/problems/${slug}`, title, status, detail };
  if (errors) body.errors = errors;
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}
