import type {
  AttemptResult,
  ClaimedDelivery,
  DeliveryRecord,
  OutboxEvent,
  WebhookRecord,
} from './webhooks.ts';

// What the store keeps of webhooks: the webhooks and their outbox. Part of the Store interface
// (store.ts). Ingest and the hand-in write their events in their own transactions; alerts will
// write theirs through `enqueueEvent`.

export interface WebhookStore {
  createWebhook(webhook: WebhookRecord): Promise<void>;
  /** An organisation's webhooks, oldest first. */
  listWebhooks(organisationId: string): Promise<WebhookRecord[]>;
  getWebhook(organisationId: string, id: string): Promise<WebhookRecord | undefined>;
  /** Deletes a webhook of the organisation and its deliveries; false when there is none. */
  deleteWebhook(organisationId: string, id: string): Promise<boolean>;

  /** One outbox row per webhook the event matches (none, when none does). */
  enqueueEvent(event: OutboxEvent): Promise<void>;
  /**
   * SQLite writes a submission's webhook events after its ingest, off the request path (the
   * worker's claim, and everything that reads the outbox or changes a webhook, writes them
   * first): this writes those still waiting, at least `limit` submissions' worth unless fewer
   * wait, all by default; how many submissions. PostgreSQL writes them with the submission.
   */
  writeWaitingEvents(limit?: number): Promise<number>;
  /** A webhook's deliveries, newest first, at most `limit`. */
  listDeliveries(webhookId: string, limit: number): Promise<DeliveryRecord[]>;
  /**
   * Queues a delivery again from the start of the schedule, at `now`, and enables its webhook
   * again if it was disabled. Undefined when the webhook has no such delivery; else whether the
   * webhook was disabled.
   */
  resendDelivery(
    webhookId: string,
    deliveryId: string,
    now: number,
  ): Promise<{ reenabled: boolean } | undefined>;

  /**
   * Claims at most `limit` due deliveries of enabled webhooks for one attempt each, until
   * `leaseUntil`: no other worker (another instance on PostgreSQL) takes them meanwhile, and an
   * attempt that never finishes is claimed again once the lease has passed.
   */
  claimDeliveries(now: number, leaseUntil: number, limit: number): Promise<ClaimedDelivery[]>;
  /**
   * Records an attempt, unless another claim of the delivery came after it (its lease passed).
   * A failure starts or continues the webhook's failing streak, and disables it once the streak
   * began at or before `disableIfFailingSince`; a success ends the streak. Whether it disabled it.
   */
  recordAttempt(
    result: AttemptResult,
    disableIfFailingSince: number,
    disabledReason: string,
  ): Promise<{ disabled: boolean }>;
  /**
   * Records a claimed batch's attempts in one transaction, in the order given, each exactly as
   * `recordAttempt` would alone with `disableIfFailingSince` its own `now` less
   * `disableAfterMs`. Whether each disabled its webhook, in the same order. On SQLite its commit
   * is made durable off the event loop.
   */
  recordAttempts(
    results: readonly AttemptResult[],
    disableAfterMs: number,
    disabledReason: string,
  ): Promise<{ disabled: boolean }[]>;
  /**
   * Deletes delivered and failed deliveries written before `before`, and any left without a
   * webhook; how many.
   */
  pruneDeliveries(before: number): Promise<number>;
}
