import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { organisations } from './schema.sqlite.ts';

// The tables of notifications (webhooks and their outbox, e-mail subscriptions and the mail
// outbox, alerts) and of signing in as a person (people, sessions, sign-ins under way).
// schema.sqlite.ts re-exports them: drizzle-kit and the store read that one file.

/** A receiver of an organisation's events. The secret signs every request: shown once, kept. */
export const webhooks = sqliteTable(
  'webhooks',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    url: text('url').notNull(),
    /** JSON array of event types, e.g. '["feedback.created"]'. */
    events: text('events').notNull(),
    /** JSON array of service ids; null: every service of the organisation. */
    serviceIds: text('service_ids'),
    includeComment: integer('include_comment', { mode: 'boolean' }).notNull().default(false),
    /** `whsec_…`, as shown once: the key is needed to sign, so it cannot be hashed. */
    secret: text('secret').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    /** The first failed attempt since the last success; null while it succeeds. */
    failingSince: integer('failing_since'),
    /** Set after 5 days of failures: nothing is sent until a resend enables it again. */
    disabledAt: integer('disabled_at'),
    disabledReason: text('disabled_reason'),
  },
  (t) => [index('webhooks_organisation').on(t.organisationId)],
);

/**
 * The outbox: one row per event and webhook, written in the transaction of the event's cause (a
 * submission stored, a report handed in), delivered at least once by the worker.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    /** The event's id (`msg_` + UUID v7): the `webhook-id` of every attempt. */
    id: text('id').notNull(),
    webhookId: text('webhook_id').notNull(),
    event: text('event').notNull(),
    /** The submission's id, or `report:…`: what an erasure or a redaction finds it by. */
    subject: text('subject').notNull(),
    /** The exact body: `{type, timestamp, data}`. */
    payload: text('payload').notNull(),
    createdAt: integer('created_at').notNull(),
    /** pending, delivered or failed. */
    status: text('status').notNull().default('pending'),
    /** Attempts made, resends included; an attempt's claim is fenced by it. */
    attempts: integer('attempts').notNull().default(0),
    /** Attempts since written or resent: the place in the retry schedule. */
    roundAttempts: integer('round_attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    /** A worker's claim on the attempt in flight; past it, another may claim the attempt. */
    lockedUntil: integer('locked_until'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: integer('delivered_at'),
    /** JSON array of the attempts: [{attempt, at, statusCode, error, ms}]. */
    history: text('history').notNull().default('[]'),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.webhookId] }),
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_webhook').on(t.webhookId, t.createdAt),
    index('webhook_deliveries_subject').on(t.subject),
  ],
);

/**
 * SQLite only: the submissions of an ingest batch whose organisation has a webhook, written in
 * the batch's transaction. Their events reach the outbox later, written by the webhook worker
 * within its share of a busy event loop (sqlite-fanout.ts); PostgreSQL writes them with the
 * submission.
 */
export const webhookFanout = sqliteTable('webhook_fanout', {
  /** Commit order. */
  id: integer('id').primaryKey(),
  /** JSON array of the batch's submission ids. */
  feedbackIds: text('feedback_ids').notNull(),
  createdAt: integer('created_at').notNull(),
});

/** A staff member's e-mail subscription: a digest (weekly, monthly) or alerts only. */
export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** A staff address, never a citizen's. */
    email: text('email').notNull(),
    /** weekly, monthly or alerts. */
    frequency: text('frequency').notNull(),
    /** JSON array of service ids; null: every service of the organisation. */
    serviceIds: text('service_ids'),
    /** The secret of the one-click unsubscribe link: it can do nothing else. */
    unsubscribeToken: text('unsubscribe_token').notNull().unique(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    index('subscriptions_organisation').on(t.organisationId),
    // One per address and frequency in an organisation, also when two requests race: the loser's
    // insert does nothing, and it answers 409 subscription-exists.
    uniqueIndex('subscriptions_once').on(t.organisationId, t.email, t.frequency),
  ],
);

/**
 * The mail outbox: one row per message to send (a digest for a subscriber and period, an alert for
 * a subscriber, a notice). `dedupeKey` makes a message once only, across instances and restarts.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    /** e.g. `digest:<subscription>:<period>`, `alert:<alert>:<subscription>`. */
    dedupeKey: text('dedupe_key').notNull().unique(),
    /** digest, alert or notice. */
    kind: text('kind').notNull(),
    subscriptionId: text('subscription_id'),
    toAddress: text('to_address').notNull(),
    /** JSON: what the message is about (a period, an alert id), rendered when sent. */
    payload: text('payload').notNull(),
    createdAt: integer('created_at').notNull(),
    /** pending, sent or failed. */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    /** A worker's claim on the attempt in flight. */
    lockedUntil: integer('locked_until'),
    sentAt: integer('sent_at'),
    lastError: text('last_error'),
  },
  (t) => [
    index('mail_outbox_due').on(t.status, t.nextAttemptAt),
    // Deleting a subscription deletes its messages: a range of this index, not the whole outbox.
    index('mail_outbox_subscription').on(t.subscriptionId),
  ],
);

/** A significant drop: at most one per service, kind and day (Brussels). */
export const alerts = sqliteTable(
  'alerts',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id').notNull(),
    organisationId: text('organisation_id').notNull(),
    /** satisfaction or theme. */
    kind: text('kind').notNull(),
    /** YYYY-MM-DD in Europe/Brussels. */
    day: text('day').notNull(),
    /** The theme that rose; null for satisfaction. */
    theme: text('theme'),
    /** JSON: the two windows' counts, shares and intervals. */
    details: text('details').notNull(),
    raisedAt: integer('raised_at').notNull(),
  },
  (t) => [
    uniqueIndex('alerts_once_a_day').on(t.serviceId, t.kind, t.day),
    index('alerts_raised').on(t.raisedAt),
    // The listings read a span of days, newest first (GET /api/v1/alerts, the overview, the
    // check's alerts of the day): a range of this index rather than the whole table.
    index('alerts_by_day').on(t.day, t.raisedAt),
  ],
);

/** A person registered by an admin or a manager; bound to the issuer's subject at first sign-in. */
export const people = sqliteTable(
  'people',
  {
    id: text('id').primaryKey(),
    /** Lower case. */
    email: text('email').notNull().unique(),
    /** provider, steering or manager. */
    role: text('role').notNull(),
    organisationId: text('organisation_id').references(() => organisations.id),
    issuer: text('issuer'),
    subject: text('subject'),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    lastSignInAt: integer('last_sign_in_at'),
  },
  (t) => [uniqueIndex('people_subject').on(t.issuer, t.subject)],
);

/** A signed-in session: the cookie holds a secret, the row its SHA-256. */
export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    personId: text('person_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    /** The ID token, for the issuer's end-session endpoint (`id_token_hint`). */
    idToken: text('id_token'),
  },
  (t) => [index('sessions_person').on(t.personId)],
);

/** A sign-in under way: state, nonce and PKCE verifier, used once, shared by every instance. */
export const loginFlows = sqliteTable('login_flows', {
  state: text('state').primaryKey(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to'),
  createdAt: integer('created_at').notNull(),
});
