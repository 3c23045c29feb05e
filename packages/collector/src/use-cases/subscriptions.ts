import { randomUUID } from 'node:crypto';
import {
  MAX_SUBSCRIPTIONS,
  type Subscription,
  type SubscriptionFrequency,
  type SubscriptionList,
} from '@vo-feedback/shared';
import { newUnsubscribeToken, UNSUBSCRIBE_TOKEN, type SubscriptionRecord } from '../domain/mail.ts';
import { conflict, notFound } from '../domain/problems.ts';
import type { Store } from '../domain/store.ts';
import type { Acting } from './actions.ts';
import { recordAudit } from './audit.ts';
import { requireOwnServices } from './own-services.ts';

// An organisation's e-mail subscriptions: created by its provider, listed, deleted, and ended by
// the one-click link in every mail. Audited as subscription.created, .deleted and .unsubscribed
// with the id, the frequency and the services — never the address.

function subscriptionItem(record: SubscriptionRecord): Subscription {
  return {
    id: record.id,
    email: record.email,
    frequency: record.frequency,
    serviceIds: record.serviceIds,
    createdAt: new Date(record.createdAt).toISOString(),
  };
}

/** A subscription to create, as SubscriptionCreateSchema gives it: the address trimmed, lower case. */
export interface NewSubscription {
  email: string;
  frequency: SubscriptionFrequency;
  serviceIds?: string[] | undefined;
}

export async function createSubscription(
  store: Store,
  organisationId: string,
  input: NewSubscription,
  acting: Acting,
): Promise<Subscription> {
  const serviceIds = input.serviceIds ?? null;
  if (serviceIds) await requireOwnServices(store, organisationId, serviceIds);
  const exists = () =>
    conflict(
      `This address has a ${input.frequency} subscription already; delete it first to change its services.`,
      'subscription-exists',
    );
  const existing = await store.listSubscriptions(organisationId);
  if (existing.some((s) => s.email === input.email && s.frequency === input.frequency)) {
    throw exists();
  }
  if (existing.length >= MAX_SUBSCRIPTIONS) {
    throw conflict(
      `Your organisation has ${MAX_SUBSCRIPTIONS} subscriptions, the most it may have; delete one first.`,
      'too-many-subscriptions',
    );
  }
  const record: SubscriptionRecord = {
    id: randomUUID(),
    organisationId,
    email: input.email,
    frequency: input.frequency,
    serviceIds,
    unsubscribeToken: newUnsubscribeToken(),
    createdAt: acting.now,
    createdBy: acting.actor,
  };
  // A double submit: both requests passed the check above; the unique index lets one insert.
  if (!(await store.createSubscription(record))) throw exists();
  await recordAudit(
    store,
    {
      actor: acting.actor,
      action: 'subscription.created',
      target: `subscription:${record.id}`,
      details: { organisationId, frequency: record.frequency, serviceIds },
    },
    acting.now,
  );
  return subscriptionItem(record);
}

export async function listSubscriptions(
  store: Store,
  organisationId: string,
): Promise<SubscriptionList> {
  return { subscriptions: (await store.listSubscriptions(organisationId)).map(subscriptionItem) };
}

export async function deleteSubscription(
  store: Store,
  organisationId: string,
  id: string,
  acting: Acting,
): Promise<void> {
  const subscriptionId = id.toLowerCase();
  if (!(await store.deleteSubscription(organisationId, subscriptionId))) {
    throw notFound(
      'Your organisation has no such subscription; see GET /api/v1/subscriptions.',
      'unknown-subscription',
    );
  }
  await recordAudit(
    store,
    {
      actor: acting.actor,
      action: 'subscription.deleted',
      target: `subscription:${subscriptionId}`,
      details: { organisationId },
    },
    acting.now,
  );
}

/** The subscription an unsubscribe link names, or undefined (no such token, or used already). */
export async function subscriptionOfLink(
  store: Store,
  token: string,
): Promise<SubscriptionRecord | undefined> {
  return UNSUBSCRIBE_TOKEN.test(token) ? store.findSubscriptionByToken(token) : undefined;
}

/**
 * The one-click unsubscribe (RFC 8058): the link's subscription and its pending mail deleted.
 * What it ended, or undefined when the link names none (already used: nothing left to do).
 */
export async function unsubscribe(
  store: Store,
  token: string,
  now: number,
): Promise<SubscriptionRecord | undefined> {
  const subscription = await subscriptionOfLink(store, token);
  if (!subscription) return undefined;
  // Two clicks at once: the second finds it gone, as if it came later.
  if (!(await store.deleteSubscription(subscription.organisationId, subscription.id))) {
    return undefined;
  }
  await recordAudit(
    store,
    {
      actor: 'unsubscribe-link',
      action: 'subscription.unsubscribed',
      target: `subscription:${subscription.id}`,
      details: { organisationId: subscription.organisationId, frequency: subscription.frequency },
    },
    now,
  );
  return subscription;
}
