// The collector's field errors of a refused change (a 400's `errors`), placed next to the form
// field each is about, and the error paragraph that sits above a field.
import { html, nothing } from 'lit';
import { ApiError } from './api.ts';

/**
 * The messages of a refused change by form field: `fieldOf` names the field a path's first
 * segment is about (`email`, `serviceIds` of `serviceIds.0`, …), or undefined for none of the
 * form's. Undefined when the failure names no field of the form.
 */
export function fieldErrorsOf<F extends string>(
  error: unknown,
  fieldOf: (head: string, path: string) => F | undefined,
): Partial<Record<F, string>> | undefined {
  if (!(error instanceof ApiError) || error.kind !== 'invalid') return undefined;
  const errors: Partial<Record<F, string>> = {};
  for (const { path, message } of error.errors) {
    const bare = path.replace(/^body\./, '');
    const field = fieldOf(bare.split(/[.[]/)[0] ?? '', bare);
    if (field === undefined) continue;
    const before = errors[field];
    errors[field] = before ? `${before} ${message}` : message;
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/** A field's error, above it; the hidden prefix ("Fout:") makes it one to a screen reader. */
export function fieldError(id: string, message: string | undefined, prefix: string) {
  return message
    ? html`<p class="error" id=${id}><span class="visually-hidden">${prefix}</span> ${message}</p>`
    : nothing;
}

/** The ids an input is described by: its error first (when it has one), then its hint. */
export function describedBy(error: string | undefined, errorId: string, hintId?: string) {
  return [error ? errorId : '', hintId ?? ''].filter(Boolean).join(' ') || nothing;
}
