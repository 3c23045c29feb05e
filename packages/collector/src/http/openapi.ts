import { createRoute, OpenAPIHono, type RouteConfig, type z } from '@hono/zod-openapi';
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
  metrics: [{ metricsToken: [] }],
} as const satisfies Record<string, RouteConfig['security']>;
type Security = (typeof SECURITY)[keyof typeof SECURITY];

/** The sections of the API, in the order the document and the /api page show them. */
export const TAGS = {
  Ingest: 'Public: the widget (and the no-JavaScript form) post submissions and impressions.',
  'Providers and steering':
    'Bearer token. A provider token reaches its own organisation’s services, comments included; a steering token reaches the aggregates of every organisation, never comments.',
  'Public transparency':
    'No token. Aggregates only; a service with too few responses is reported as suppressed.',
  Administration:
    'Bearer ADMIN_TOKEN: every organisation. Or a person signed in with role `manager`: its own organisation’s services, people and tokens (403 outside it, and on organisations and the audit). Without ADMIN_TOKEN a bearer token gets 404 on every route.',
  'Sign-in':
    'People sign in to the dashboard with OpenID Connect (OIDC_ISSUER): a session cookie (HttpOnly, SameSite=Lax), which the provider and steering API and, for managers, the admin API accept instead of a bearer token. A request that changes something carries the session’s CSRF token in `X-CSRF-Token`.',
  Operations: 'Health checks, metrics for Prometheus (METRICS_TOKEN) and this documentation.',
} as const;
export type Tag = keyof typeof TAGS;

/**
 * Declares the operations of one section: createRoute with the section's tag and who may call it
 * filled in, so that each declaration shows only its own parts. (The tag goes first and the
 * security after the rest, the order in which the document lists them.)
 */
export function operations(tag: Tag, security: Security) {
  return <R extends Omit<RouteConfig, 'tags' | 'security'>>(route: R) =>
    createRoute({ tags: [tag], ...route, security });
}

/** A JSON body of `schema`, as the `content` of an answer or of a request body. */
export const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

/** A required JSON request body of `schema`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: json(schema),
  required: true,
});

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

type HeaderObjects = Record<string, { description: string; schema: { type: 'string' } }>;

const header = (description: string) => ({ description, schema: { type: 'string' as const } });
const RETRY_AFTER = header('Seconds to wait before retrying.');

/** The headers a problem answer of this status carries. */
const PROBLEM_HEADERS: Record<number, HeaderObjects> = {
  401: { 'WWW-Authenticate': header('Bearer realm="vo-feedback"') },
  405: { Allow: header('The methods this path answers.') },
  429: { 'Retry-After': RETRY_AFTER },
  503: { 'Retry-After': RETRY_AFTER },
};

/** One problem+json answer: its description, the shared Problem schema, and its headers. */
export type ProblemAnswer = {
  description: string;
  content: { 'application/problem+json': { schema: typeof ProblemSchema } };
  headers?: HeaderObjects;
};

/**
 * The problem+json answers of an operation, `{ 400: {...}, 404: {...} }`, each with the shared
 * Problem schema (and Retry-After, WWW-Authenticate or Allow where the status sends it); pass a
 * description to say more than the default for one status.
 */
export function problems(
  ...statuses: Array<number | [number, string]>
): Record<number, ProblemAnswer> {
  return Object.fromEntries(
    statuses.map((entry) => {
      const [status, description] = Array.isArray(entry)
        ? entry
        : [entry, PROBLEM_TEXT[entry] ?? 'Problem.'];
      const headers = PROBLEM_HEADERS[status];
      const answer: ProblemAnswer = {
        description,
        content: { 'application/problem+json': { schema: ProblemSchema } },
        ...(headers ? { headers } : {}),
      };
      return [status, answer];
    }),
  );
}
