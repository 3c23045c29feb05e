import type { FieldError } from '@vo-feedback/shared';

// A rule a request broke, as data: the status, a slug for the problem type, what to do about it
// and, for invalid input, each field with how to fix it. Use cases and handlers throw it; the app
// renders it once — problem+json for the API, an HTML page where citizens read it.

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export type ProblemStatus =
  400 | 401 | 403 | 404 | 405 | 408 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly title: string;

  constructor(
    readonly status: ProblemStatus,
    readonly slug: string,
    /** What went wrong and how to fix it, in a sentence a caller can act on. */
    readonly detail: string,
    readonly errors?: FieldError[],
    /** Headers the answer carries, e.g. `retry-after` with a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.title = TITLES[status] ?? 'Error';
  }
}

/** 400 for input that breaks the contract, with each field and how to fix it. */
export function invalid(detail: string, errors: FieldError[], slug = 'validation-error') {
  return new ProblemError(400, slug, detail, errors);
}

export function notFound(detail: string, slug = 'not-found') {
  return new ProblemError(404, slug, detail);
}

export function forbidden(detail: string, slug = 'forbidden') {
  return new ProblemError(403, slug, detail);
}

export function conflict(detail: string, slug = 'conflict') {
  return new ProblemError(409, slug, detail);
}
