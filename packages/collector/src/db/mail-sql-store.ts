import { randomUUID } from 'node:crypto';
import type { Alert, SubscriptionFrequency } from '@vo-feedback/shared';
import type { MailStore } from '../domain/mail-store.ts';
import {
  alertKey,
  type ClaimedMail,
  type MailAttemptResult,
  type QueuedMail,
  type SubscriptionRecord,
} from '../domain/mail.ts';
import { insertMailsIn, queueWebhookNoticeIn } from './mail-outbox.ts';
import * as m from './mail-queries.ts';
import { WebhookSqlStore } from './webhook-sql-store.ts';

/**
 * E-mail subscriptions and the mail outbox, written once for SQLite and PostgreSQL on the shared
 * queries (mail-queries.ts). SqlStore extends it; a store gives `rows`, `run`, `transaction` and
 * the lock of a claim.
 */
export abstract class MailSqlStore extends WebhookSqlStore implements MailStore {
  async createSubscription(subscription: SubscriptionRecord): Promise<boolean> {
    return (await this.run(m.insertSubscription(subscription))) > 0;
  }

  async listSubscriptions(organisationId: string): Promise<SubscriptionRecord[]> {
    return (await this.rows<m.SubscriptionRow>(m.subscriptions(organisationId))).map(
      m.toSubscription,
    );
  }

  async subscriptionsOf(frequency: SubscriptionFrequency): Promise<SubscriptionRecord[]> {
    return (await this.rows<m.SubscriptionRow>(m.subscriptionsOfFrequency(frequency))).map(
      m.toSubscription,
    );
  }

  async getSubscription(
    organisationId: string,
    id: string,
  ): Promise<SubscriptionRecord | undefined> {
    const [row] = await this.rows<m.SubscriptionRow>(m.subscriptions(organisationId, id));
    return row && m.toSubscription(row);
  }

  async findSubscriptionByToken(token: string): Promise<SubscriptionRecord | undefined> {
    const [row] = await this.rows<m.SubscriptionRow>(m.subscriptionByToken(token));
    return row && m.toSubscription(row);
  }

  deleteSubscription(organisationId: string, id: string): Promise<boolean> {
    return this.transaction(async (tx) => {
      if ((await tx.run(m.deleteSubscription(organisationId, id))) === 0) return false;
      await tx.run(m.deleteMailsOf(id));
      return true;
    });
  }

  async queueMails(mails: readonly QueuedMail[]): Promise<number> {
    if (mails.length === 0) return 0;
    return this.transaction((tx) => insertMailsIn(tx, mails));
  }

  async queueAlertMails(alert: Alert, now: number): Promise<number> {
    const subscribers = (
      await this.rows<m.SubscriptionRow>(m.alertSubscribers(alert.organisationId, alert.serviceId))
    ).map(m.toSubscription);
    const payload = JSON.stringify({ alert });
    return this.queueMails(
      subscribers.map((subscription) => ({
        id: randomUUID(),
        dedupeKey: alertKey(alert.id, subscription.id),
        kind: 'alert',
        subscriptionId: subscription.id,
        toAddress: subscription.email,
        payload,
        createdAt: now,
      })),
    );
  }

  queueWebhookNotice(webhookId: string, disabledAt: number, now: number): Promise<number> {
    return this.transaction((tx) => queueWebhookNoticeIn(tx, webhookId, disabledAt, now));
  }

  async claimMails(
    now: number,
    leaseUntil: number,
    limit: number,
    only?: readonly string[],
  ): Promise<ClaimedMail[]> {
    if (only?.length === 0) return [];
    // Every second on every instance: a read first, the claim only when something is due.
    if ((await this.rows(m.anyMailDue(now))).length === 0) return [];
    const claimed = await this.rows<m.ClaimedRow>(
      m.claimMails(now, leaseUntil, limit, this.skipLockedRows, only),
    );
    if (claimed.length === 0) return [];
    const ids = [...new Set(claimed.flatMap((row) => row.subscriptionId ?? []))];
    const subscriptions = new Map(
      (ids.length ? await this.rows<m.SubscriptionRow>(m.subscriptionsById(ids)) : [])
        .map(m.toSubscription)
        .map((subscription) => [subscription.id, subscription]),
    );
    // A subscription deleted since the message was queued: nothing to send, nobody to send it to.
    const orphans = claimed.filter((row) => !subscriptions.has(row.subscriptionId ?? ''));
    if (orphans.length) await this.run(m.deleteMails(orphans.map((row) => row.id)));
    return claimed.flatMap(({ subscriptionId, ...row }) => {
      const subscription = subscriptions.get(subscriptionId ?? '');
      return subscription ? [{ ...row, subscription }] : [];
    });
  }

  async extendMailLease(
    mail: Pick<ClaimedMail, 'id' | 'attempts'>,
    leaseUntil: number,
  ): Promise<boolean> {
    return (await this.run(m.extendMailLease(mail.id, mail.attempts, leaseUntil))) > 0;
  }

  async recordMailAttempt(result: MailAttemptResult): Promise<void> {
    await this.run(m.recordMailAttempt(result));
  }

  async pruneMails(before: number, expireBefore: number): Promise<number> {
    return (
      (await this.run(m.pruneFinishedMails(before))) +
      (await this.run(m.expirePendingMails(expireBefore)))
    );
  }
}
