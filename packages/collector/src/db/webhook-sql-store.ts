import type { SQL } from 'drizzle-orm';
import type { WebhookStore } from '../domain/webhook-store.ts';
import type {
  AttemptResult,
  ClaimedDelivery,
  DeliveryRecord,
  OutboxEvent,
  WebhookRecord,
} from '../domain/webhooks.ts';
import { ActingSqlStore, type Executor } from './acting-sql-store.ts';
import { queueWebhookNoticeIn } from './mail-outbox.ts';
import { enqueueIn } from './outbox.ts';
import * as w from './webhook-queries.ts';

/**
 * Webhooks and their outbox, written once for SQLite and PostgreSQL on the shared queries
 * (webhook-queries.ts). SqlStore extends it; a store gives `rows`, `run`, `transaction` and the
 * lock of a claim.
 */
export abstract class WebhookSqlStore extends ActingSqlStore implements WebhookStore {
  /** What a claim's subquery appends so that concurrent claims skip each other's rows. */
  protected abstract readonly skipLockedRows: SQL;
  /**
   * Queues, in the transaction `tx`, the mail that tells the organisation's subscribers the webhook
   * was disabled (mail-outbox.ts): the disabling and its notice commit together or not at all. A
   * method of the store, so that a test can make it fail.
   */
  protected queueWebhookNoticeIn(
    tx: Executor,
    webhookId: string,
    disabledAt: number,
    now: number,
  ): Promise<number> {
    return queueWebhookNoticeIn(tx, webhookId, disabledAt, now);
  }

  /**
   * SQLite writes a submission's webhook events after its ingest (sqlite-fanout.ts): this writes
   * those still waiting, at least `limit` submissions' worth unless fewer wait, all by default;
   * how many submissions. PostgreSQL writes them with the submission: none wait.
   */
  async writeWaitingEvents(_limit = Infinity): Promise<number> {
    return 0;
  }

  /**
   * In `tx`, before it creates, deletes, enables or disables a webhook or moves a service to
   * another organisation: every waiting event is written first, matched against the webhooks as
   * they were when its submission was stored.
   */
  protected async writeWaitingEventsIn(_tx: Executor): Promise<void> {}

  /** Submissions whose webhook events wait to be written (SQLite); none on PostgreSQL. */
  protected async countWaitingSubmissions(): Promise<number> {
    return 0;
  }

  async createWebhook(webhook: WebhookRecord): Promise<void> {
    await this.transaction(async (tx) => {
      await this.writeWaitingEventsIn(tx);
      await tx.run(w.insertWebhook(webhook));
    });
  }

  async listWebhooks(organisationId: string): Promise<WebhookRecord[]> {
    return (await this.rows<w.WebhookRow>(w.webhooks(organisationId))).map(w.toWebhook);
  }

  async getWebhook(organisationId: string, id: string): Promise<WebhookRecord | undefined> {
    const [row] = await this.rows<w.WebhookRow>(w.webhooks(organisationId, id));
    return row && w.toWebhook(row);
  }

  deleteWebhook(organisationId: string, id: string): Promise<boolean> {
    return this.transaction(async (tx) => {
      await this.writeWaitingEventsIn(tx);
      if ((await tx.run(w.deleteWebhook(organisationId, id))) === 0) return false;
      await tx.run(w.deleteDeliveriesOfWebhook(id));
      return true;
    });
  }

  enqueueEvent(event: OutboxEvent): Promise<void> {
    return this.transaction((tx) => enqueueIn(tx, event));
  }

  async listDeliveries(webhookId: string, limit: number): Promise<DeliveryRecord[]> {
    await this.writeWaitingEvents();
    return (await this.rows<w.DeliveryRow>(w.deliveries(webhookId, limit))).map(w.toDelivery);
  }

  resendDelivery(
    webhookId: string,
    deliveryId: string,
    now: number,
  ): Promise<{ reenabled: boolean } | undefined> {
    return this.transaction(async (tx) => {
      await this.writeWaitingEventsIn(tx);
      if ((await tx.run(w.resendDelivery(webhookId, deliveryId, now))) === 0) return undefined;
      return { reenabled: (await tx.run(w.enableWebhook(webhookId))) > 0 };
    });
  }

  async claimDeliveries(
    now: number,
    leaseUntil: number,
    limit: number,
  ): Promise<ClaimedDelivery[]> {
    // The events waiting for their outbox rows, about as many as a claim takes: written ahead
    // of the deliveries, a few rounds' worth at most.
    await this.writeWaitingEvents(limit);
    // Every second on every instance: a read first, the claim only when something is due.
    if ((await this.rows(w.anyDue(now))).length === 0) return [];
    const claimed = await this.claimRows<
      Omit<ClaimedDelivery, 'history' | 'url' | 'secret'> & { history: string }
    >(w.claimDeliveries(now, leaseUntil, limit, this.skipLockedRows));
    if (claimed.length === 0) return [];
    const webhooks = new Map(
      (await this.rows<w.WebhookRow>(w.webhooksById([...new Set(claimed.map((c) => c.webhookId))])))
        .map(w.toWebhook)
        .map((webhook) => [webhook.id, webhook]),
    );
    // A webhook deleted since the claim: its deliveries went with it, nothing to send.
    return claimed.flatMap((row) => {
      const webhook = webhooks.get(row.webhookId);
      if (!webhook) return [];
      return [
        {
          ...row,
          history: JSON.parse(row.history) as ClaimedDelivery['history'],
          url: webhook.url,
          secret: webhook.secret,
        },
      ];
    });
  }

  recordAttempt(
    result: AttemptResult,
    disableIfFailingSince: number,
    disabledReason: string,
  ): Promise<{ disabled: boolean }> {
    return this.transaction((tx) =>
      this.recordAttemptIn(tx, result, disableIfFailingSince, disabledReason, new Set()),
    );
  }

  async recordAttempts(
    results: readonly AttemptResult[],
    disableAfterMs: number,
    disabledReason: string,
  ): Promise<{ disabled: boolean }[]> {
    if (results.length === 0) return [];
    return this.resultsTransaction(async (tx) => {
      const outcomes: { disabled: boolean }[] = [];
      const succeeded = new Set<string>();
      // One after the other, as separate transactions would: a webhook's streak follows its
      // results in their order.
      for (const result of results) {
        const since = result.now - disableAfterMs;
        outcomes.push(await this.recordAttemptIn(tx, result, since, disabledReason, succeeded));
      }
      return outcomes;
    });
  }

  /**
   * A claim: one statement that writes the leases and returns the claimed rows. SQLite does not
   * sync its commit (SqliteStore).
   */
  protected claimRows<R>(query: SQL): Promise<R[]> {
    return this.rows<R>(query);
  }

  /**
   * The transaction of a batch of results: an ordinary one here; SQLite's makes its commit
   * durable off the event loop (SqliteStore).
   */
  protected resultsTransaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    return this.transaction(work);
  }

  private async recordAttemptIn(
    tx: Executor,
    result: AttemptResult,
    disableIfFailingSince: number,
    disabledReason: string,
    /** The webhooks whose streak this transaction ended, and no failure restarted since. */
    succeeded: Set<string>,
  ): Promise<{ disabled: boolean }> {
    const webhookId = result.delivery.webhookId;
    // A later claim owns the delivery (this one outlived its lease): its result counts, not ours.
    const recorded = await tx.runNamed(w.RECORD_ATTEMPT, w.recordAttemptValues(result));
    if (recorded === 0) return { disabled: false };
    if (result.delivered) {
      // Already ended by an earlier success of this batch: the same update again changes nothing.
      if (!succeeded.has(webhookId)) await tx.run(w.webhookSucceeded(webhookId));
      succeeded.add(webhookId);
      return { disabled: false };
    }
    succeeded.delete(webhookId);
    await tx.run(w.webhookFailed(webhookId, result.now));
    // About to be disabled: the events waiting since were written while it was enabled.
    const due = await tx.rows(w.webhookDueToDisable(webhookId, disableIfFailingSince));
    if (due.length === 0) return { disabled: false };
    await this.writeWaitingEventsIn(tx);
    const disabled = await tx.run(
      w.disableWebhook(webhookId, result.now, disableIfFailingSince, disabledReason),
    );
    if (disabled === 0) return { disabled: false };
    // Its organisation's subscribers hear of it by mail (sent when SMTP_URL is set), once: queued
    // with the disabling, so that no failure between the two can leave it disabled in silence.
    await this.queueWebhookNoticeIn(tx, webhookId, result.now, result.now);
    return { disabled: true };
  }

  async pruneDeliveries(before: number): Promise<number> {
    return (
      (await this.run(w.pruneFinishedDeliveries(before))) +
      (await this.run(w.pruneOrphanDeliveries()))
    );
  }
}
