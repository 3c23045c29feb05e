import { randomUUID } from 'node:crypto';
import {
  MAX_WEBHOOKS,
  type Delivery,
  type DeliveryList,
  type Webhook,
  type WebhookCreate,
  type WebhookCreated,
  type WebhookList,
} from '@vo-feedback/shared';
import { conflict, invalid, notFound } from '../domain/problems.ts';
import { hostOf, webhookUrlProblem } from '../domain/public-address.ts';
import type { Store } from '../domain/store.ts';
import { newWebhookSecret, type DeliveryRecord, type WebhookRecord } from '../domain/webhooks.ts';
import type { Acting } from './actions.ts';
import { recordAudit } from './audit.ts';
import { requireOwnServices } from './own-services.ts';

// An organisation's webhooks: created with a secret shown once, listed without it, deleted, and
// their recent deliveries listed and resent. Audited as webhook.created, .deleted and .resent with
// ids, events and the receiver's host — never the secret, nor the URL's path or query (a receiver
// may carry a token there).

/** How many of a webhook's deliveries its list shows, newest first. */
export const DELIVERIES_LISTED = 50;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function webhookItem(record: WebhookRecord): Webhook {
  return {
    id: record.id,
    url: record.url,
    events: record.events,
    serviceIds: record.serviceIds,
    includeComment: record.includeComment,
    createdAt: new Date(record.createdAt).toISOString(),
    failingSince: iso(record.failingSince),
    disabledAt: iso(record.disabledAt),
    disabledReason: record.disabledReason,
  };
}

function deliveryItem(record: DeliveryRecord): Delivery {
  return {
    id: record.id,
    event: record.event,
    status: record.status,
    attempts: record.attempts,
    lastStatusCode: record.lastStatusCode,
    lastError: record.lastError,
    nextAttemptAt: iso(record.nextAttemptAt),
    deliveredAt: iso(record.deliveredAt),
    createdAt: new Date(record.createdAt).toISOString(),
    history: record.history.map((attempt) => ({
      ...attempt,
      at: new Date(attempt.at).toISOString(),
    })),
  };
}

const unknownWebhook = () =>
  notFound('Your organisation has no such webhook; see GET /api/v1/webhooks.', 'unknown-webhook');

export async function createWebhook(
  store: Store,
  organisationId: string,
  input: WebhookCreate,
  options: Acting & { allowInsecure: boolean },
): Promise<WebhookCreated> {
  const urlProblem = options.allowInsecure ? undefined : webhookUrlProblem(input.url);
  if (urlProblem) {
    throw invalid('The body is not valid; see errors.', [{ path: 'url', message: urlProblem }]);
  }
  const serviceIds = input.serviceIds ?? null;
  if (serviceIds) await requireOwnServices(store, organisationId, serviceIds);
  if ((await store.listWebhooks(organisationId)).length >= MAX_WEBHOOKS) {
    throw conflict(
      `Your organisation has ${MAX_WEBHOOKS} webhooks, the most it may have; delete one first.`,
      'too-many-webhooks',
    );
  }
  const record: WebhookRecord = {
    id: randomUUID(),
    organisationId,
    url: input.url,
    events: input.events,
    serviceIds,
    includeComment: input.includeComment ?? false,
    secret: newWebhookSecret(),
    createdAt: options.now,
    createdBy: options.actor,
    failingSince: null,
    disabledAt: null,
    disabledReason: null,
  };
  await store.createWebhook(record);
  await recordAudit(
    store,
    {
      actor: options.actor,
      action: 'webhook.created',
      target: `webhook:${record.id}`,
      details: {
        organisationId,
        host: hostOf(new URL(record.url)),
        events: record.events,
        serviceIds: record.serviceIds,
        includeComment: record.includeComment,
      },
    },
    options.now,
  );
  return { id: record.id, secret: record.secret };
}

export async function listWebhooks(store: Store, organisationId: string): Promise<WebhookList> {
  return { webhooks: (await store.listWebhooks(organisationId)).map(webhookItem) };
}

export async function deleteWebhook(
  store: Store,
  organisationId: string,
  id: string,
  acting: Acting,
): Promise<void> {
  if (!(await store.deleteWebhook(organisationId, id.toLowerCase()))) throw unknownWebhook();
  await recordAudit(
    store,
    {
      actor: acting.actor,
      action: 'webhook.deleted',
      target: `webhook:${id.toLowerCase()}`,
      details: { organisationId },
    },
    acting.now,
  );
}

async function ownWebhook(store: Store, organisationId: string, id: string) {
  const webhook = await store.getWebhook(organisationId, id.toLowerCase());
  if (!webhook) throw unknownWebhook();
  return webhook;
}

export async function listDeliveries(
  store: Store,
  organisationId: string,
  id: string,
): Promise<DeliveryList> {
  const webhook = await ownWebhook(store, organisationId, id);
  const deliveries = await store.listDeliveries(webhook.id, DELIVERIES_LISTED);
  return { webhookId: webhook.id, deliveries: deliveries.map(deliveryItem) };
}

/**
 * Queues a delivery again at once, from the start of the schedule, with the same `webhook-id`;
 * a webhook disabled after 5 days of failures is enabled again by it.
 */
export async function resendDelivery(
  store: Store,
  organisationId: string,
  request: { webhookId: string; deliveryId: string },
  acting: Acting,
): Promise<void> {
  const webhook = await ownWebhook(store, organisationId, request.webhookId);
  const resent = await store.resendDelivery(webhook.id, request.deliveryId, acting.now);
  if (!resent) {
    throw notFound(
      'This webhook has no such delivery; see GET /api/v1/webhooks/{id}/deliveries.',
      'unknown-delivery',
    );
  }
  await recordAudit(
    store,
    {
      actor: acting.actor,
      action: 'webhook.resent',
      target: `webhook:${webhook.id}`,
      details: { organisationId, deliveryId: request.deliveryId, reenabled: resent.reenabled },
    },
    acting.now,
  );
}
