import { ApiError } from './api.ts';
import { failureMessage } from './errors.ts';
import type { Messages } from './i18n/catalogs.ts';

/**
 * What to tell the user when a change failed. A change the collector refused (400, 409) is
 * answered in its own words: each field's message of the problem's `errors`, which say how to fix
 * it, or else its `detail`. Any other failure: what happened and what to do.
 */
export function changeFailure(t: Messages, error: unknown): string {
  if (error instanceof ApiError && error.kind === 'invalid') {
    const details =
      error.errors.length > 0
        ? error.errors.map((field) => field.message).join(' ')
        : error.message;
    return `${t.notAccepted} ${details}`;
  }
  return failureMessage(t, error);
}
