// Fixture data of the e-mail subscriptions view: answers shaped by the shared contract, each
// parsed through its zod schema so that a fixture that drifts from what the collector answers
// fails here.
import { SubscriptionSchema, type Subscription, type SubscriptionList } from '@vo-feedback/shared';

let next = 0;

/** A weekly digest of every service of org-a, by default. */
export function subscription(email: string, overrides: Partial<Subscription> = {}): Subscription {
  const n = next++;
  return SubscriptionSchema.parse({
    id: `40000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    email,
    frequency: 'weekly',
    serviceIds: null,
    createdAt: '2026-03-02T09:30:00.000Z',
    ...overrides,
  });
}

export const subscriptionList = (subscriptions: Subscription[]): SubscriptionList => ({
  subscriptions,
});
