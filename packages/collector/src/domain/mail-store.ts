import type { Alert, SubscriptionFrequency } from '@vo-feedback/shared';
import type { ClaimedMail, MailAttemptResult, QueuedMail, SubscriptionRecord } from './mail.ts';

// What the store keeps of e-mail: subscriptions and the mail outbox (digests, alert mails,
// notices). Part of the Store interface (store.ts).

export interface MailStore {
  /**
   * Stores a subscription; false (and nothing stored) when the organisation has one of this
   * address and frequency already — also one that a concurrent request stored a moment before.
   */
  createSubscription(subscription: SubscriptionRecord): Promise<boolean>;
  /** An organisation's subscriptions, oldest first. */
  listSubscriptions(organisationId: string): Promise<SubscriptionRecord[]>;
  /** Every organisation's subscriptions of one frequency, oldest first (digests to queue). */
  subscriptionsOf(frequency: SubscriptionFrequency): Promise<SubscriptionRecord[]>;
  getSubscription(organisationId: string, id: string): Promise<SubscriptionRecord | undefined>;
  findSubscriptionByToken(token: string): Promise<SubscriptionRecord | undefined>;
  /**
   * Deletes a subscription of the organisation and every message still to be sent to it; false
   * when there is none.
   */
  deleteSubscription(organisationId: string, id: string): Promise<boolean>;

  /** Queues messages (due at once); one whose dedupe key is queued already is left out. How many were new. */
  queueMails(mails: readonly QueuedMail[]): Promise<number>;
  /**
   * Queues the alert's mail to every `alerts` subscriber of its organisation who follows its
   * service: one message per subscriber and alert, however often it is called. How many were new.
   */
  queueAlertMails(alert: Alert, now: number): Promise<number>;
  /**
   * Queues the notice that a webhook was disabled to its organisation's subscribers, one per
   * address, once per webhook and time it was disabled. How many were new.
   */
  queueWebhookNotice(webhookId: string, disabledAt: number, now: number): Promise<number>;

  /**
   * Claims at most `limit` due messages for one attempt each, until `leaseUntil` (as
   * claimDeliveries: no other instance takes them meanwhile; one whose worker died is claimed
   * again after the lease). `only`: these messages and no others (the CLI's own run).
   */
  claimMails(
    now: number,
    leaseUntil: number,
    limit: number,
    only?: readonly string[],
  ): Promise<ClaimedMail[]>;
  /**
   * Extends this claim's lease to `leaseUntil`, just before the message is sent; false when a
   * later claim took the message since (this one outlived its lease) or it is gone: then this
   * attempt must not send it.
   */
  extendMailLease(mail: Pick<ClaimedMail, 'id' | 'attempts'>, leaseUntil: number): Promise<boolean>;
  /** Records an attempt, unless a later claim of the message came after it. */
  recordMailAttempt(result: MailAttemptResult): Promise<void>;
  /**
   * Deletes sent and failed messages queued before `before`, and gives up (`failed`) pending
   * ones queued before `expireBefore`; how many rows it changed.
   */
  pruneMails(before: number, expireBefore: number): Promise<number>;
}
