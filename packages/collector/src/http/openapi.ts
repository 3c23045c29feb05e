import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { fieldErrors, ProblemSchema } from '@vo-feedback/shared';
import { ProblemError } from '../domain/problems.ts';

// Every /api/v1 operation is declared once with createRoute — its parameters, body and answers as
// the shared zod schemas — and registered with `router().openapi(route, handler)`. The OpenAPI
// document and the /api page are generated from those declarations; nothing is listed twice.

/** What the validation of a declared request part answers: 400 with each field and how to fix it. */
export function validationProblem(
  target: string,
  error: Parameters<typeof fieldErrors>[0],
): ProblemError {
  const what = target === 'query' ? 'query' : target === 'param' ? 'path' : 'body';
  return new ProblemError(
    400,
    'validation-error',
    `The ${what} is not valid; see errors for each field and how to fix it.`,
    fieldErrors(error),
  );
}

/** A sub-app whose declared routes validate through the shared schemas and throw problems. */
export function router<E extends Env = Env>() {
  return new OpenAPIHono<E>({
    defaultHook: (result) => {
      if (!result.success) throw validationProblem(result.target, result.error);
    },
  });
}

/** Security requirements of an operation, by who may call it. */
export const SECURITY = {
  none: [],
  token: [{ token: [] }],
  admin: [{ adminToken: [] }],
} as const satisfies Record<string, RouteConfig['security']>;

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Invalid request; `errors` names each field and how to fix it.',
  401: 'No valid token; see WWW-Authenticate.',
  403: 'Outside the token’s reach; on ingest, a browser Origin the service does not allow.',
  404: 'No such resource.',
  405: 'This path does not take this method; see Allow.',
  409: 'Conflict with what is stored.',
  413: 'Body too large.',
  415: 'Wrong content type.',
  422: 'Well-formed but cannot be served as asked.',
  429: 'Too many requests from this client; wait Retry-After seconds.',
  503: 'The database cannot be reached; retry after Retry-After seconds.',
};

/**
 * The problem+json answers of an operation, `{ 400: {...}, 404: {...} }`, each with the shared
 * Problem schema; pass a description to say more than the default for one status.
 */
export function problems(
  ...statuses: Array<number | [number, string]>
): Record<
  number,
  { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }
> {
  return Object.fromEntries(
    statuses.map((entry) => {
      const [status, description] = Array.isArray(entry)
        ? entry
        : [entry, PROBLEM_TEXT[entry] ?? 'Problem.'];
      return [
        status,
        { description, content: { 'application/problem+json': { schema: ProblemSchema } } },
      ];
    }),
  );
}
