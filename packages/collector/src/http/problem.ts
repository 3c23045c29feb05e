import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '@vo-feedback/shared';
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

/**
 * How a route whose readers are people shows a problem: a page, or undefined for a problem it
 * leaves to problem+json.
 */
export type ProblemPage = (
  c: Context,
  problem: ProblemError,
) => Response | undefined | Promise<Response | undefined>;

const pages = new WeakMap<Context, ProblemPage>();

/** Has the app render this request's problems with `page` (the no-JavaScript form does). */
export function renderProblemsAs(c: Context, page: ProblemPage): void {
  pages.set(c, page);
}

/**
 * A problem as the request's route shows it: its page when it set one that takes this problem,
 * otherwise problem+json. The app's onError answers every problem through this.
 */
export async function answerProblem(c: Context, problem: ProblemError): Promise<Response> {
  const page = pages.get(c);
  return (page && (await page(c, problem))) ?? renderProblem(c, problem);
}

/** A problem+json answer outside a Hono context (middleware that answers before any handler). */
export function problemResponse(problem: ProblemError): Response {
  return new Response(JSON.stringify(problemBody(problem)), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...problem.headers },
  });
}
