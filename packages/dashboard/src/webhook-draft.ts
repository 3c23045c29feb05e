// Reading the webhook form: what the provider filled in as the body of POST /api/v1/webhooks, or
// what to fix first; and the collector's field errors placed next to the field they are about.
import type { WebhookCreate, WebhookEvent } from '@vo-feedback/shared';
import { WEBHOOK_EVENTS } from '@vo-feedback/shared/constants';
import { fieldErrorsOf } from './field-errors.ts';
import type { Messages } from './i18n/catalogs.ts';

/** The form's fields that can carry an error. */
export type WebhookField = 'url' | 'events' | 'services';
export type WebhookErrors = Partial<Record<WebhookField, string>>;

/** The form as a request body; no service ticked means all of them (serviceIds left out). */
export function webhookFromForm(
  data: FormData,
  t: Messages,
): { webhook: WebhookCreate } | { errors: WebhookErrors } {
  const url = String(data.get('url') ?? '').trim();
  const events = data
    .getAll('events')
    .map(String)
    .filter((event): event is WebhookEvent =>
      (WEBHOOK_EVENTS as readonly string[]).includes(event),
    );
  const serviceIds = data.getAll('serviceIds').map(String);
  const errors: WebhookErrors = {};
  if (!url) errors.url = t.webhookUrlMissing;
  if (events.length === 0) errors.events = t.webhookEventsMissing;
  if (errors.url || errors.events) return { errors };
  return {
    webhook: {
      url,
      events,
      ...(serviceIds.length > 0 ? { serviceIds } : {}),
      includeComment: data.get('includeComment') === 'on',
    },
  };
}

/**
 * The collector's field errors of a refused webhook (400), by the form field they are about
 * (`url`, `events.1`, `serviceIds`…); undefined when the failure names no field of the form.
 */
export function webhookFieldErrors(error: unknown): WebhookErrors | undefined {
  return fieldErrorsOf<WebhookField>(error, (head) =>
    head === 'serviceIds' ? 'services' : head === 'url' || head === 'events' ? head : undefined,
  );
}

/** A receiver's address as the list shows it: host and path (a query may hold a token). */
export function receiverOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}
