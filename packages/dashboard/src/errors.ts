import { ApiError, type FailureKind } from './api.ts';
import type { Messages } from './i18n/catalogs.ts';

/** The message of each kind of failure: what happened and what to do. */
const FAILURE_MESSAGES = {
  network: 'networkError',
  unauthorized: 'sessionExpired',
  forbidden: 'forbidden',
  'not-found': 'notFound',
  'too-large': 'tooLarge',
  invalid: 'invalidRequest',
  server: 'serverError',
} as const satisfies Record<FailureKind, keyof Messages>;

/** What to tell the user about a failed request: what happened and what to do. */
export function failureMessage(t: Messages, error: unknown): string {
  return error instanceof ApiError ? t[FAILURE_MESSAGES[error.kind]] : t.serverError;
}

/** Whether trying again could help. */
export function retryable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.kind === 'network' || error.kind === 'server';
}

/** An aborted fetch (a newer request replaced it): not an error to show. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
