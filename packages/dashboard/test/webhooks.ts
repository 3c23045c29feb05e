// Fixture data of the webhooks view: answers shaped by the shared contract, each parsed through
// its zod schema so that a fixture that drifts from what the collector answers fails here.
import {
  DeliverySchema,
  WebhookSchema,
  type Delivery,
  type DeliveryList,
  type Webhook,
  type WebhookList,
} from '@vo-feedback/shared';

let next = 0;

/** A webhook of org-a for new feedback to every service, without the comment, by default. */
export function webhook(url: string, overrides: Partial<Webhook> = {}): Webhook {
  const n = next++;
  return WebhookSchema.parse({
    id: `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    url,
    events: ['feedback.created'],
    serviceIds: null,
    includeComment: false,
    createdAt: '2026-03-02T09:30:00.000Z',
    failingSince: null,
    disabledAt: null,
    disabledReason: null,
    ...overrides,
  });
}

export const webhookList = (webhooks: Webhook[]): WebhookList => ({ webhooks });

/** A delivery of new feedback, delivered at the first attempt, by default. */
export function delivery(n: number, overrides: Partial<Delivery> = {}): Delivery {
  return DeliverySchema.parse({
    id: `msg_30000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    event: 'feedback.created',
    status: 'delivered',
    attempts: 1,
    lastStatusCode: 200,
    lastError: null,
    nextAttemptAt: null,
    deliveredAt: '2026-06-14T10:00:01.000Z',
    createdAt: '2026-06-14T10:00:00.000Z',
    history: [],
    ...overrides,
  });
}

export const deliveryList = (webhookId: string, deliveries: Delivery[]): DeliveryList => ({
  webhookId,
  deliveries,
});
