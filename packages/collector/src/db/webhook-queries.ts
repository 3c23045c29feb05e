import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { WebhookEvent } from '@vo-feedback/shared';
import type {
  AttemptRecord,
  AttemptResult,
  DeliveryRecord,
  OutboxEvent,
  WebhookRecord,
} from '../domain/webhooks.ts';

// The SQL of webhooks and their outbox, shared by SQLite and PostgreSQL like queries.ts. Lists
// are JSON text on both. A webhook's events and services are matched with `like '%"x"%'` on that
// text: event names and service ids hold no `%`, `_` or `"`, so the pattern is exact.

const list = (chunks: SQL[]) => sql.join(chunks, sql`, `);
const p = (name: string) => sql.placeholder(name);

/**
 * Whether a JSON list held as text names `value`. The pattern is built in the statement, never
 * bound whole: SQLite prepares a statement whose LIKE has a bound pattern again at every run (its
 * LIKE optimisation depends on the pattern), which made the outbox's INSERT … SELECT cost
 * 90–140 µs a submission in ingest, against some 20–30 µs this way.
 */
export const listIncludes = (column: string, value: SQLWrapper | string) =>
  sql`${sql.raw(column)} like '%"' || ${value} || '"%'`;

const WEBHOOK_FIELDS = sql.raw(
  'id, organisation_id as "organisationId", url, events, service_ids as "serviceIds", ' +
    'include_comment as "includeComment", secret, created_at as "createdAt", ' +
    'created_by as "createdBy", failing_since as "failingSince", disabled_at as "disabledAt", ' +
    'disabled_reason as "disabledReason"',
);

/** A `webhooks` row as both stores read it: JSON lists as text, a boolean as 0/1 on SQLite. */
export type WebhookRow = Omit<WebhookRecord, 'events' | 'serviceIds' | 'includeComment'> & {
  events: string;
  serviceIds: string | null;
  includeComment: boolean | number;
};

export const toWebhook = (row: WebhookRow): WebhookRecord => ({
  ...row,
  events: JSON.parse(row.events) as WebhookEvent[],
  serviceIds: row.serviceIds === null ? null : (JSON.parse(row.serviceIds) as string[]),
  includeComment: Boolean(row.includeComment),
});

export const insertWebhook = (w: WebhookRecord) =>
  sql`insert into webhooks (id, organisation_id, url, events, service_ids, include_comment, secret,
        created_at, created_by, failing_since, disabled_at, disabled_reason)
      values (${w.id}, ${w.organisationId}, ${w.url}, ${JSON.stringify(w.events)},
        ${w.serviceIds === null ? null : JSON.stringify(w.serviceIds)}, ${w.includeComment ? 1 : 0},
        ${w.secret}, ${w.createdAt}, ${w.createdBy}, ${w.failingSince}, ${w.disabledAt},
        ${w.disabledReason})`;

/** An organisation's webhooks, oldest first, or one of them. */
export const webhooks = (organisationId: string, id?: string) =>
  sql`select ${WEBHOOK_FIELDS} from webhooks where organisation_id = ${organisationId}
      ${id === undefined ? sql`order by created_at, id` : sql`and id = ${id}`}`;

/** The webhooks with these ids, whatever their organisation: what a worker signs and sends with. */
export const webhooksById = (ids: string[]) =>
  sql`select ${WEBHOOK_FIELDS} from webhooks where id in (${list(ids.map((id) => sql`${id}`))})`;

export const deleteWebhook = (organisationId: string, id: string) =>
  sql`delete from webhooks where organisation_id = ${organisationId} and id = ${id}`;

export const deleteDeliveriesOfWebhook = (id: string) =>
  sql`delete from webhook_deliveries where webhook_id = ${id}`;

// The outbox. Enqueueing runs inside ingest's transaction: statements of named placeholders,
// prepared once per dialect (queries.ts `statement`), like ingest's own. When no webhook listens
// they write nothing, at the cost of an index lookup.

const ENQUEUE_COLUMNS = sql.raw(
  'insert into webhook_deliveries (id, webhook_id, event, subject, payload, created_at, status, next_attempt_at)',
);

/**
 * The events of one service's cause (a submission: `feedback.created`, and `feedback.low-rating`
 * for a low rating) in one statement: a row per event and enabled webhook of the service's
 * organisation that listens to the event and whose services, if it names any, include this one.
 * The second event's values are null when there is only one. The first attempt is due at once.
 */
export const ENQUEUE_SERVICE_EVENTS = sql`${ENQUEUE_COLUMNS}
  select e.id, w.id, e.type, ${p('subject')},
         case when w.include_comment then e.body else e.brief end,
         cast(${p('at')} as bigint), 'pending', cast(${p('at')} as bigint)
    from (select ${p('id1')} as id, ${p('type1')} as type, ${p('body1')} as body, ${p('brief1')} as brief
          union all
          select ${p('id2')}, ${p('type2')}, ${p('body2')}, ${p('brief2')}) e
    join webhooks w on ${listIncludes('w.events', sql.raw('e.type'))}
   where e.type is not null
     and w.organisation_id = (select organisation_id from services where id = ${p('serviceId')})
     and w.disabled_at is null
     and (w.service_ids is null or ${listIncludes('w.service_ids', p('serviceId'))})`;

/**
 * Whether any enabled webhook of the service's organisation exists: SQLite's ingest asks this
 * first, an index lookup (under a microsecond), since an INSERT … SELECT that writes nothing still
 * opens the outbox and its indexes for writing (some 12 µs a submission).
 */
export const ANY_WEBHOOK_OF_SERVICE = sql`select 1 as listening from webhooks w
   where w.organisation_id = (select organisation_id from services where id = ${p('serviceId')})
     and w.disabled_at is null
   limit 1`;

/** An organisation's event: one row per enabled webhook of it that listens to the event. */
export const ENQUEUE_ORGANISATION_EVENT = sql`${ENQUEUE_COLUMNS}
  select ${p('id1')}, w.id, ${p('type1')}, ${p('subject')},
         case when w.include_comment then ${p('body1')} else ${p('brief1')} end,
         cast(${p('at')} as bigint), 'pending', cast(${p('at')} as bigint)
    from webhooks w
   where w.organisation_id = ${p('organisationId')}
     and w.disabled_at is null and ${listIncludes('w.events', p('type1'))}`;

/**
 * The named values of the enqueue statement of one cause's events (one or two, of the same
 * subject, service or organisation and instant), and which statement it is.
 */
export function enqueueOf(events: readonly OutboxEvent[]): {
  query: SQL;
  values: Record<string, unknown>;
} {
  const [first, second] = events as [OutboxEvent, OutboxEvent | undefined];
  return {
    query: first.serviceId === null ? ENQUEUE_ORGANISATION_EVENT : ENQUEUE_SERVICE_EVENTS,
    values: {
      subject: first.subject,
      at: first.at,
      serviceId: first.serviceId,
      organisationId: first.organisationId,
      id1: first.id,
      type1: first.type,
      body1: first.body,
      brief1: first.briefBody,
      id2: second?.id ?? null,
      type2: second?.type ?? null,
      body2: second?.body ?? null,
      brief2: second?.briefBody ?? null,
    },
  };
}

const DELIVERY_FIELDS = sql.raw(
  'id, webhook_id as "webhookId", event, status, attempts, last_status_code as "lastStatusCode", ' +
    'last_error as "lastError", next_attempt_at as "nextAttemptAt", ' +
    'delivered_at as "deliveredAt", created_at as "createdAt", history',
);

export type DeliveryRow = Omit<DeliveryRecord, 'history'> & { history: string };

export const toDelivery = (row: DeliveryRow): DeliveryRecord => ({
  ...row,
  history: JSON.parse(row.history) as AttemptRecord[],
});

export const deliveries = (webhookId: string, limit: number) =>
  sql`select ${DELIVERY_FIELDS} from webhook_deliveries where webhook_id = ${webhookId}
       order by created_at desc, id desc limit ${limit}`;

export const resendDelivery = (webhookId: string, id: string, now: number) =>
  sql`update webhook_deliveries
         set status = 'pending', next_attempt_at = ${now}, round_attempts = 0, locked_until = null
       where webhook_id = ${webhookId} and id = ${id}`;

export const enableWebhook = (id: string) =>
  sql`update webhooks set disabled_at = null, disabled_reason = null, failing_since = null
       where id = ${id} and disabled_at is not null`;

/** Whether any delivery is due: a read, so that an idle worker never takes SQLite's write lock. */
export const anyDue = (now: number) =>
  sql`select 1 as due from webhook_deliveries
       where status = 'pending' and next_attempt_at <= ${now}
         and (locked_until is null or locked_until <= ${now})
       limit 1`;

/**
 * Claims due deliveries of enabled webhooks: one statement, so one short transaction. `lock` is
 * PostgreSQL's `for update of d skip locked`: a row another instance is claiming is skipped, not
 * waited for, and one it has claimed is no longer due (the lease is re-read under the lock).
 * SQLite has one writer: nothing to add.
 */
export const claimDeliveries = (now: number, leaseUntil: number, limit: number, lock: SQL) =>
  sql`update webhook_deliveries
         set locked_until = ${leaseUntil}, attempts = attempts + 1,
             round_attempts = round_attempts + 1
       where (id, webhook_id) in (
         select d.id, d.webhook_id from webhook_deliveries d join webhooks w on w.id = d.webhook_id
          where d.status = 'pending' and d.next_attempt_at <= ${now}
            and (d.locked_until is null or d.locked_until <= ${now}) and w.disabled_at is null
          order by d.next_attempt_at limit ${limit}${lock})
   returning id, webhook_id as "webhookId", event, payload, attempts,
             round_attempts as "roundAttempts", history`;

/**
 * An attempt's result, unless a later claim (after the lease passed) owns the delivery now. Named
 * placeholders (recordAttemptValues), rendered once: it runs for every delivery.
 */
export const RECORD_ATTEMPT = sql`update webhook_deliveries
         set status = ${p('status')}, next_attempt_at = ${p('nextAttemptAt')},
             locked_until = null, last_status_code = ${p('statusCode')}, last_error = ${p('error')},
             delivered_at = ${p('deliveredAt')}, history = ${p('history')}
       where id = ${p('id')} and webhook_id = ${p('webhookId')} and attempts = ${p('attempts')}`;

export const recordAttemptValues = (r: AttemptResult) => ({
  status: r.delivered ? 'delivered' : r.nextAttemptAt === null ? 'failed' : 'pending',
  nextAttemptAt: r.nextAttemptAt,
  statusCode: r.statusCode,
  error: r.error,
  deliveredAt: r.delivered ? r.now : null,
  history: JSON.stringify(r.history),
  id: r.delivery.id,
  webhookId: r.delivery.webhookId,
  attempts: r.delivery.attempts,
});

export const webhookSucceeded = (id: string) =>
  sql`update webhooks set failing_since = null where id = ${id} and failing_since is not null`;

export const webhookFailed = (id: string, now: number) =>
  sql`update webhooks set failing_since = coalesce(failing_since, ${now}) where id = ${id}`;

/** An enabled webhook whose failures began on or before `since`: one to disable. */
const dueToDisable = (id: string, since: number) =>
  sql`id = ${id} and disabled_at is null and failing_since <= ${since}`;

/** Whether disableWebhook would disable it now. */
export const webhookDueToDisable = (id: string, since: number) =>
  sql`select 1 as due from webhooks where ${dueToDisable(id, since)}`;

export const disableWebhook = (id: string, now: number, since: number, reason: string) =>
  sql`update webhooks set disabled_at = ${now}, disabled_reason = ${reason}
       where ${dueToDisable(id, since)}`;

export const pruneFinishedDeliveries = (before: number) =>
  sql`delete from webhook_deliveries where status <> 'pending' and created_at < ${before}`;

export const pruneOrphanDeliveries = () =>
  sql`delete from webhook_deliveries
       where not exists (select 1 from webhooks w where w.id = webhook_deliveries.webhook_id)`;

// Erasure and redaction reach the outbox too: no copy of an erased or redacted comment stays.

export const deleteDeliveriesOf = (subject: string) =>
  sql`delete from webhook_deliveries where subject = ${subject}`;

export const payloadsOf = (subject: string) =>
  sql`select id, webhook_id as "webhookId", payload from webhook_deliveries
       where subject = ${subject}`;

export const setPayload = (id: string, webhookId: string, payload: string) =>
  sql`update webhook_deliveries set payload = ${payload}
       where id = ${id} and webhook_id = ${webhookId}`;
