import { ApiError } from './api.ts';
import type { Messages } from './i18n/catalogs.ts';

/** What to tell the user about a failed request: what happened and what to do. */
export function failureMessage(t: Messages, error: unknown): string {
  if (!(error instanceof ApiError)) return t.serverError;
  switch (error.kind) {
    case 'network':
      return t.networkError;
    case 'unauthorized':
      return t.sessionExpired;
    case 'forbidden':
      return t.forbidden;
    case 'not-found':
      return t.notFound;
    case 'too-large':
      return t.tooLarge;
    case 'invalid':
      return t.invalidRequest;
    case 'server':
      return t.serverError;
  }
}

/** Whether trying again could help. */
export function retryable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.kind === 'network' || error.kind === 'server';
}

/** An aborted fetch (a newer request replaced it): not an error to show. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
