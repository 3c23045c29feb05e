import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldError, Problem } from '@vo-feedback/shared';
import { ProblemError } from '../domain/problems.ts';

export { ProblemError };

/** The RFC 9457 body of a problem. */
export function problemBody(problem: ProblemError): Problem {
  const body: Problem = {
    type: `/problems/${problem.slug}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
  };
  if (problem.errors) body.errors = problem.errors;
  return body;
}

/**
 * A problem as problem+json through a Hono context, keeping the headers middleware already set
 * (CORS, security). The app's onError calls this for every ProblemError a handler throws.
 */
export function renderProblem(c: Context, problem: ProblemError): Response {
  for (const [name, value] of Object.entries(problem.headers)) c.header(name, value);
  return c.body(JSON.stringify(problemBody(problem)), problem.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
  });
}

/** A problem+json answer outside a Hono context (middleware that answers before any handler). */
export function problemResponse(problem: ProblemError): Response {
  return new Response(JSON.stringify(problemBody(problem)), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...problem.headers },
  });
}

/**
 * @deprecated Kept while routes move to thrown ProblemErrors; throw `new ProblemError(…)` instead.
 */
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
