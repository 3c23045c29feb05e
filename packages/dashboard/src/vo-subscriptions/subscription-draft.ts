// Reading the subscription form: what the provider filled in as the body of POST
// /api/v1/subscriptions, or what to fix; and the collector's field errors placed next to the
// field they are about.
import type { SubscriptionCreate, SubscriptionFrequency } from '@vo-feedback/shared';
import { SUBSCRIPTION_FREQUENCIES } from '@vo-feedback/shared/constants';
import { fieldErrorsOf } from '../field-errors.ts';
import type { Messages } from '../i18n/catalogs.ts';
import { LOOKS_LIKE_ADDRESS } from '../vo-organisation/drafts.ts';

/** The form's fields that can carry an error. */
export type SubscriptionField = 'email' | 'frequency' | 'services';
export type SubscriptionErrors = Partial<Record<SubscriptionField, string>>;

/** The fields in the order of the form: the first with an error takes focus. */
export const SUBSCRIPTION_FIELDS: readonly SubscriptionField[] = ['email', 'frequency', 'services'];

const isFrequency = (value: string): value is SubscriptionFrequency =>
  (SUBSCRIPTION_FREQUENCIES as readonly string[]).includes(value);

/**
 * The form as a request body. `services` is `all` (serviceIds left out: every service, also
 * later ones) or `chosen` (the ticked ones, at least one).
 */
export function subscriptionFromForm(
  data: FormData,
  t: Messages,
): { subscription: SubscriptionCreate } | { errors: SubscriptionErrors } {
  const email = String(data.get('email') ?? '').trim();
  const frequency = String(data.get('frequency') ?? '');
  const chosen = data.get('services') === 'chosen';
  const serviceIds = data.getAll('serviceIds').map(String);
  const errors: SubscriptionErrors = {};
  if (!email) errors.email = t.subscriptionEmailMissing;
  else if (!LOOKS_LIKE_ADDRESS.test(email)) errors.email = t.subscriptionEmailInvalid;
  if (!isFrequency(frequency)) errors.frequency = t.subscriptionFrequencyMissing;
  if (chosen && serviceIds.length === 0) errors.services = t.subscriptionServicesMissing;
  if (Object.keys(errors).length > 0 || !isFrequency(frequency)) return { errors };
  return {
    subscription: { email, frequency, ...(chosen ? { serviceIds } : {}) },
  };
}

/**
 * The collector's field errors of a refused subscription (400), by the form field they are about
 * (`email`, `frequency`, `serviceIds.0`…); undefined when the failure names no field of the form.
 */
export function subscriptionFieldErrors(error: unknown): SubscriptionErrors | undefined {
  return fieldErrorsOf<SubscriptionField>(error, (head) =>
    head === 'serviceIds'
      ? 'services'
      : head === 'email' || head === 'frequency'
        ? head
        : undefined,
  );
}
