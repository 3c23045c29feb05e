import { sql, type SQL } from 'drizzle-orm';
import type { SubscriptionFrequency } from '@vo-feedback/shared';
import type {
  MailAttemptResult,
  MailKind,
  QueuedMail,
  SubscriptionRecord,
} from '../domain/mail.ts';
import { listIncludes } from './webhook-queries.ts';

// The SQL of e-mail subscriptions and the mail outbox, shared by SQLite and PostgreSQL like
// webhook-queries.ts. A subscription's services are JSON text, matched with `like '%"id"%'`
// (service ids hold no `%`, `_` or `"`, so the pattern is exact).

const list = (chunks: SQL[]) => sql.join(chunks, sql`, `);

const SUBSCRIPTION_FIELDS = sql.raw(
  'id, organisation_id as "organisationId", email, frequency, service_ids as "serviceIds", ' +
    'unsubscribe_token as "unsubscribeToken", created_at as "createdAt", created_by as "createdBy"',
);

/** A `subscriptions` row as both stores read it: the service list as JSON text. */
export type SubscriptionRow = Omit<SubscriptionRecord, 'serviceIds'> & {
  serviceIds: string | null;
};

export const toSubscription = (row: SubscriptionRow): SubscriptionRecord => ({
  ...row,
  serviceIds: row.serviceIds === null ? null : (JSON.parse(row.serviceIds) as string[]),
});

/**
 * A new subscription; nothing when the organisation has one of the address and frequency (the
 * unique index subscriptions_once), however close together two requests came: one row changed, or
 * none.
 */
export const insertSubscription = (s: SubscriptionRecord) =>
  sql`insert into subscriptions (id, organisation_id, email, frequency, service_ids,
        unsubscribe_token, created_at, created_by)
      values (${s.id}, ${s.organisationId}, ${s.email}, ${s.frequency},
        ${s.serviceIds === null ? null : JSON.stringify(s.serviceIds)}, ${s.unsubscribeToken},
        ${s.createdAt}, ${s.createdBy})
      on conflict (organisation_id, email, frequency) do nothing`;

/** An organisation's subscriptions, oldest first, or one of them. */
export const subscriptions = (organisationId: string, id?: string) =>
  sql`select ${SUBSCRIPTION_FIELDS} from subscriptions where organisation_id = ${organisationId}
      ${id === undefined ? sql`order by created_at, id` : sql`and id = ${id}`}`;

export const subscriptionsOfFrequency = (frequency: SubscriptionFrequency) =>
  sql`select ${SUBSCRIPTION_FIELDS} from subscriptions where frequency = ${frequency}
       order by created_at, id`;

/** The `alerts` subscriptions of an organisation that follow a service (all, or it by name). */
export const alertSubscribers = (organisationId: string, serviceId: string) =>
  sql`select ${SUBSCRIPTION_FIELDS} from subscriptions
       where organisation_id = ${organisationId} and frequency = 'alerts'
         and (service_ids is null or ${listIncludes('service_ids', serviceId)})
       order by created_at, id`;

export const subscriptionByToken = (token: string) =>
  sql`select ${SUBSCRIPTION_FIELDS} from subscriptions where unsubscribe_token = ${token}`;

export const subscriptionsById = (ids: readonly string[]) =>
  sql`select ${SUBSCRIPTION_FIELDS} from subscriptions
       where id in (${list(ids.map((id) => sql`${id}`))})`;

export const deleteSubscription = (organisationId: string, id: string) =>
  sql`delete from subscriptions where organisation_id = ${organisationId} and id = ${id}`;

/** Every message of a subscription: nothing more goes to it, and its address is kept no longer. */
export const deleteMailsOf = (subscriptionId: string) =>
  sql`delete from mail_outbox where subscription_id = ${subscriptionId}`;

// The outbox.

/** New messages, due at once; a dedupe key queued before (by any instance) is skipped. */
export const insertMails = (mails: readonly QueuedMail[]) =>
  sql`insert into mail_outbox (id, dedupe_key, kind, subscription_id, to_address, payload,
        created_at, status, attempts, next_attempt_at)
      values ${list(
        mails.map(
          (m) =>
            sql`(${m.id}, ${m.dedupeKey}, ${m.kind}, ${m.subscriptionId}, ${m.toAddress},
              ${m.payload}, ${m.createdAt}, 'pending', 0, ${m.createdAt})`,
        ),
      )}
      on conflict (dedupe_key) do nothing`;

/** Whether any message is due: a read, so that an idle worker never takes SQLite's write lock. */
export const anyMailDue = (now: number) =>
  sql`select 1 as due from mail_outbox
       where status = 'pending' and next_attempt_at <= ${now}
         and (locked_until is null or locked_until <= ${now})
       limit 1`;

/**
 * Claims due messages in one statement, as claimDeliveries does: `lock` is PostgreSQL's
 * `for update of d skip locked`, so that two instances never claim the same attempt.
 */
export const claimMails = (
  now: number,
  leaseUntil: number,
  limit: number,
  lock: SQL,
  only?: readonly string[],
) =>
  sql`update mail_outbox set locked_until = ${leaseUntil}, attempts = attempts + 1
       where id in (
         select d.id from mail_outbox d
          where d.status = 'pending' and d.next_attempt_at <= ${now}
            and (d.locked_until is null or d.locked_until <= ${now})
            ${only === undefined ? sql`` : sql`and d.id in (${list(only.map((id) => sql`${id}`))})`}
          order by d.next_attempt_at, d.id limit ${limit}${lock})
   returning id, kind, subscription_id as "subscriptionId", to_address as "toAddress", payload,
             attempts, created_at as "createdAt"`;

export type ClaimedRow = {
  id: string;
  kind: MailKind;
  subscriptionId: string | null;
  toAddress: string;
  payload: string;
  attempts: number;
  createdAt: number;
};

/**
 * A claim's lease extended before its message is sent, fenced like its result: no row when a later
 * claim (after the lease passed) owns the message now, or it was deleted.
 */
export const extendMailLease = (id: string, attempts: number, leaseUntil: number) =>
  sql`update mail_outbox set locked_until = ${leaseUntil}
       where id = ${id} and attempts = ${attempts} and status = 'pending'`;

/** An attempt's result, unless a later claim (after the lease passed) owns the message now. */
export const recordMailAttempt = (r: MailAttemptResult) =>
  sql`update mail_outbox
         set status = ${r.sent ? 'sent' : r.nextAttemptAt === null ? 'failed' : 'pending'},
             next_attempt_at = ${r.nextAttemptAt}, locked_until = null, last_error = ${r.error},
             sent_at = ${r.sent ? r.now : null}
       where id = ${r.mail.id} and attempts = ${r.mail.attempts}`;

export const deleteMails = (ids: readonly string[]) =>
  sql`delete from mail_outbox where id in (${list(ids.map((id) => sql`${id}`))})`;

export const pruneFinishedMails = (before: number) =>
  sql`delete from mail_outbox where status <> 'pending' and created_at < ${before}`;

export const expirePendingMails = (before: number) =>
  sql`update mail_outbox set status = 'failed', next_attempt_at = null, locked_until = null,
             last_error = 'not sent within 7 days of being queued'
       where status = 'pending' and created_at < ${before}`;
