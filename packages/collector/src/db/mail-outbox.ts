import { randomUUID } from 'node:crypto';
import { webhookNoticeKey, type QueuedMail, type WebhookDisabledPayload } from '../domain/mail.ts';
import { hostOf } from '../domain/public-address.ts';
import type { Executor } from './acting-sql-store.ts';
import * as m from './mail-queries.ts';
import { toWebhook, webhooksById, type WebhookRow } from './webhook-queries.ts';

// The mail outbox as other transactions write it: a webhook's disabling queues its notice in its
// own transaction (WebhookSqlStore), as MailSqlStore queues every other message.

/** Rows per insert statement: well under SQLite's limit of bound values. */
const INSERT_CHUNK = 200;

/** Inserts messages in chunks, in the transaction `tx`; how many were new. */
export async function insertMailsIn(tx: Executor, mails: readonly QueuedMail[]): Promise<number> {
  let queued = 0;
  for (let i = 0; i < mails.length; i += INSERT_CHUNK) {
    queued += await tx.run(m.insertMails(mails.slice(i, i + INSERT_CHUNK)));
  }
  return queued;
}

/**
 * Queues, in the transaction `tx`, the mail that tells the organisation's subscribers the webhook
 * was disabled: with the disabling, they commit together or not at all. How many were new.
 */
export async function queueWebhookNoticeIn(
  tx: Executor,
  webhookId: string,
  disabledAt: number,
  now: number,
): Promise<number> {
  const [row] = await tx.rows<WebhookRow>(webhooksById([webhookId]));
  if (!row) return 0;
  const webhook = toWebhook(row);
  const payload: WebhookDisabledPayload = {
    notice: 'webhook-disabled',
    webhookId,
    host: hostOf(new URL(webhook.url)),
    failingSince: webhook.failingSince,
    disabledAt,
  };
  // One notice per person: the oldest subscription of each address carries it (and its link).
  const seen = new Set<string>();
  const recipients = (await tx.rows<m.SubscriptionRow>(m.subscriptions(webhook.organisationId)))
    .map(m.toSubscription)
    .filter((subscription) => !seen.has(subscription.email) && seen.add(subscription.email));
  return insertMailsIn(
    tx,
    recipients.map((subscription) => ({
      id: randomUUID(),
      dedupeKey: webhookNoticeKey(webhookId, disabledAt, subscription.id),
      kind: 'notice',
      subscriptionId: subscription.id,
      toAddress: subscription.email,
      payload: JSON.stringify(payload),
      createdAt: now,
    })),
  );
}
