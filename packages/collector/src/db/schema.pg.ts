import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// The PostgreSQL tables: the same names, columns and meaning as schema.sqlite.ts, in PostgreSQL's
// types. `drizzle-kit generate --config drizzle.pg.config.ts` writes the migrations in drizzle/pg.

const millis = (name: string) => bigint(name, { mode: 'number' });

export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: millis('created_at').notNull(),
  /** The policy domain it belongs to ("Omgeving", "Welzijn", …); null: not given. */
  policyDomain: text('policy_domain'),
  /** `flemish` (a Flemish government body) or `local` (a city, a municipality); null: not given. */
  kind: text('kind'),
});

export const services = pgTable('services', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  organisationId: text('organisation_id')
    .notNull()
    .references(() => organisations.id),
  allowedOrigins: jsonb('allowed_origins').$type<string[]>().notNull(),
  active: boolean('active').notNull().default(true),
  publicServiceUri: text('public_service_uri'),
  /** Where citizens get help: an https URL or a tel: link; null: the widget's default. */
  helpUrl: text('help_url'),
  /** The service's own reasons, [{code, labels}]; null: the default list. */
  reasons: jsonb('reasons').$type<{ code: string; labels: Record<string, string> }[]>(),
  createdAt: millis('created_at').notNull(),
  /** The satisfaction (share of 4 and 5) the service aims at, 0–1; null: none. */
  target: doublePrecision('target'),
});

export const tokens = pgTable('tokens', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  role: text('role', { enum: ['provider', 'steering', 'ingest'] }).notNull(),
  organisationId: text('organisation_id').references(() => organisations.id),
  hash: text('hash').notNull().unique(),
  createdAt: millis('created_at').notNull(),
  revokedAt: millis('revoked_at'),
});

export const feedback = pgTable(
  'feedback',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id').notNull(),
    rating: integer('rating').notNull(),
    comment: text('comment'),
    lang: text('lang').notNull(),
    outcome: text('outcome'),
    step: text('step'),
    page: text('page'),
    redactions: integer('redactions').notNull().default(0),
    day: text('day').notNull(),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
    /**
     * The order of insertion, what SQLite's rowid is: the tiebreaker of export pages within one
     * millisecond, carried by the index so that pages come in index order without a sort.
     */
    position: bigint('position', { mode: 'number' }).generatedAlwaysAsIdentity(),
    /** The widget sent it: what the response rate counts (schema.sqlite.ts says why). */
    widget: boolean('widget').notNull().default(false),
    channel: text('channel').notNull().default('web'),
    /** JSON array of reason codes as text, read alike on both databases. */
    reasons: text('reasons').notNull().default('[]'),
    /**
     * Retention removed its comment: the rollups still count it as a comment, so an erasure
     * must take it out of that count as well.
     */
    commentPruned: boolean('comment_pruned').notNull().default(false),
    /**
     * SHA-256 of the comment as the citizen sent it, kept once a provider removed text from it:
     * a replay of that comment is the same submission, not a change that restores the text.
     */
    commentHash: text('comment_hash'),
  },
  (t) => [index('feedback_service_created').on(t.serviceId, t.createdAt, t.position)],
);

export const dailyRollups = pgTable(
  'daily_rollups',
  {
    serviceId: text('service_id').notNull(),
    day: text('day').notNull(),
    outcome: text('outcome').notNull().default(''),
    rating1: integer('rating_1').notNull().default(0),
    rating2: integer('rating_2').notNull().default(0),
    rating3: integer('rating_3').notNull().default(0),
    rating4: integer('rating_4').notNull().default(0),
    rating5: integer('rating_5').notNull().default(0),
    comments: integer('comments').notNull().default(0),
    widgetResponses: integer('widget_responses').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.day, t.outcome] })],
);

/** Ratings per service, day and channel (schema.sqlite.ts says more). */
export const dailyChannelRollups = pgTable(
  'daily_channel_rollups',
  {
    serviceId: text('service_id').notNull(),
    day: text('day').notNull(),
    channel: text('channel').notNull(),
    rating1: integer('rating_1').notNull().default(0),
    rating2: integer('rating_2').notNull().default(0),
    rating3: integer('rating_3').notNull().default(0),
    rating4: integer('rating_4').notNull().default(0),
    rating5: integer('rating_5').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.day, t.channel] })],
);

/** Ratings per service, Brussels day and language: the summary's `byLanguage`. */
export const dailyLanguageRollups = pgTable(
  'daily_language_rollups',
  {
    serviceId: text('service_id').notNull(),
    day: text('day').notNull(),
    lang: text('lang').notNull(),
    rating1: integer('rating_1').notNull().default(0),
    rating2: integer('rating_2').notNull().default(0),
    rating3: integer('rating_3').notNull().default(0),
    rating4: integer('rating_4').notNull().default(0),
    rating5: integer('rating_5').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.day, t.lang] })],
);

/**
 * Ratings per service, Brussels day and step of the journey (submissions that name one): the
 * summary's `byStep`, in journey order as first seen.
 */
export const dailyStepRollups = pgTable(
  'daily_step_rollups',
  {
    serviceId: text('service_id').notNull(),
    day: text('day').notNull(),
    step: text('step').notNull(),
    rating1: integer('rating_1').notNull().default(0),
    rating2: integer('rating_2').notNull().default(0),
    rating3: integer('rating_3').notNull().default(0),
    rating4: integer('rating_4').notNull().default(0),
    rating5: integer('rating_5').notNull().default(0),
    /** Of these, those whose outcome was known (any outcome), and those not completed (rejected, error). */
    withOutcome: integer('with_outcome').notNull().default(0),
    notCompleted: integer('not_completed').notNull().default(0),
    /** The first post at this step that day (ms): the journey's order. */
    firstSeen: millis('first_seen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.day, t.step] })],
);

/** How often each reason was ticked, per service and day (ratings 1–3 only). */
export const dailyReasonCounts = pgTable(
  'daily_reason_counts',
  {
    serviceId: text('service_id').notNull(),
    day: text('day').notNull(),
    reason: text('reason').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.day, t.reason] })],
);

export const dailyImpressions = pgTable(
  'daily_impressions',
  {
    serviceId: text('service_id').notNull(),
    day: text('day').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.day] })],
);

/**
 * Submissions per client key and minute, shared by every instance: the rate limit of a
 * deployment with several collectors. The key is a keyed hash, never an address.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: millis('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/**
 * The day's key for the rate-limit hashes, shared by the instances so that they count the same
 * client alike. Replaced every Brussels day; older keys are deleted.
 */
export const rateLimitSalts = pgTable('rate_limit_salts', {
  day: text('day').primaryKey(),
  salt: text('salt').notNull(),
});

// Acting on feedback: triage, erasure, improvement actions, explanations, hand-in and the audit.
// Kept beside `feedback`, not in it, so that ingest's hot path writes the same rows as before.

/** A comment's triage by its provider: status and internal note. No row: status `new`. */
export const feedbackTriage = pgTable(
  'feedback_triage',
  {
    feedbackId: text('feedback_id').primaryKey(),
    serviceId: text('service_id').notNull(),
    /** new, read, in-progress, done or archived. */
    status: text('status').notNull().default('new'),
    /** Internal, at most 2,000 characters; never shown to steering or the public. */
    note: text('note'),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [index('feedback_triage_service_status').on(t.serviceId, t.status)],
);

/** The tags a provider put on a comment, one row each. */
export const feedbackTags = pgTable(
  'feedback_tags',
  {
    feedbackId: text('feedback_id').notNull(),
    serviceId: text('service_id').notNull(),
    tag: text('tag').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.feedbackId, t.tag] }),
    index('feedback_tags_service_tag').on(t.serviceId, t.tag),
  ],
);

/**
 * The ids of submissions a provider deleted (erasure): a replay of one stores nothing. The id is
 * the client's random UUID; nothing of the submission itself is kept.
 */
export const erasedFeedback = pgTable('erased_feedback', {
  id: text('id').primaryKey(),
  serviceId: text('service_id').notNull(),
  erasedAt: millis('erased_at').notNull(),
});

/** "Wat we verbeteren": what a provider changes because of the feedback. */
export const improvementActions = pgTable(
  'improvement_actions',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** planned, in-progress or done. */
    status: text('status').notNull(),
    /** Shown on /transparantie and in the public statistics once done. */
    public: boolean('public').notNull().default(false),
    /** JSON array of the themes that led to it. */
    themes: text('themes').notNull().default('[]'),
    /** JSON array of the ids of the comments that led to it. */
    feedbackIds: text('feedback_ids').notNull().default('[]'),
    /** Calendar days (YYYY-MM-DD). */
    plannedOn: text('planned_on'),
    doneOn: text('done_on'),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [index('improvement_actions_service').on(t.serviceId)],
);

/** The "explain" of comply-or-explain: per service or organisation and year. */
export const explanations = pgTable(
  'explanations',
  {
    /** `service` or `organisation`. */
    scope: text('scope').notNull(),
    subjectId: text('subject_id').notNull(),
    year: integer('year').notNull(),
    /** Plain text, at most 5,000 characters. */
    text: text('text').notNull(),
    updatedAt: millis('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.subjectId, t.year] })],
);

/** Handed-in annual reports: each version frozen, byte for byte, with the SHA-256 of its JSON. */
export const reportSubmissions = pgTable(
  'report_submissions',
  {
    organisationId: text('organisation_id').notNull(),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    submittedAt: millis('submitted_at').notNull(),
    submittedBy: text('submitted_by').notNull(),
    sha256: text('sha256').notNull(),
    json: text('json').notNull(),
    html: text('html').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.year, t.version] })],
);

/** Who did what, when, on what. Never comment text. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: millis('at').notNull(),
    /** The person, or the token's label (`admin` for ADMIN_TOKEN, `cli` for the command line). */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    /** What it was done on: `feedback:<id>`, `service:<id>`, `token:<id>`, … */
    target: text('target').notNull(),
    /** JSON object of the details (field names, statuses, counts), never a comment or note. */
    details: text('details').notNull().default('{}'),
  },
  (t) => [index('audit_log_at').on(t.at)],
);

// Webhooks: an organisation's receivers, and the outbox of what is to be delivered to them.

/** A receiver of an organisation's events. The secret signs every request: shown once, kept. */
export const webhooks = pgTable(
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
    includeComment: boolean('include_comment').notNull().default(false),
    /** `whsec_…`, as shown once: the key is needed to sign, so it cannot be hashed. */
    secret: text('secret').notNull(),
    createdAt: millis('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    /** The first failed attempt since the last success; null while it succeeds. */
    failingSince: millis('failing_since'),
    /** Set after 5 days of failures: nothing is sent until a resend enables it again. */
    disabledAt: millis('disabled_at'),
    disabledReason: text('disabled_reason'),
  },
  (t) => [index('webhooks_organisation').on(t.organisationId)],
);

/**
 * The outbox: one row per event and webhook, written in the transaction of the event's cause (a
 * submission stored, a report handed in), delivered at least once by the worker.
 */
export const webhookDeliveries = pgTable(
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
    createdAt: millis('created_at').notNull(),
    /** pending, delivered or failed. */
    status: text('status').notNull().default('pending'),
    /** Attempts made, resends included; an attempt's claim is fenced by it. */
    attempts: integer('attempts').notNull().default(0),
    /** Attempts since written or resent: the place in the retry schedule. */
    roundAttempts: integer('round_attempts').notNull().default(0),
    nextAttemptAt: millis('next_attempt_at'),
    /** A worker's claim on the attempt in flight; past it, another may claim the attempt. */
    lockedUntil: millis('locked_until'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: millis('delivered_at'),
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

/** A staff member's e-mail subscription: a digest (weekly, monthly) or alerts only. */
export const subscriptions = pgTable(
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
    createdAt: millis('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('subscriptions_organisation').on(t.organisationId)],
);

/**
 * The mail outbox: one row per message to send (a digest for a subscriber and period, an alert for
 * a subscriber, a notice). `dedupeKey` makes a message once only, across instances and restarts.
 */
export const mailOutbox = pgTable(
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
    createdAt: millis('created_at').notNull(),
    /** pending, sent or failed. */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: millis('next_attempt_at'),
    /** A worker's claim on the attempt in flight. */
    lockedUntil: millis('locked_until'),
    sentAt: millis('sent_at'),
    lastError: text('last_error'),
  },
  (t) => [index('mail_outbox_due').on(t.status, t.nextAttemptAt)],
);

/** A significant drop: at most one per service, kind and day (Brussels). */
export const alerts = pgTable(
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
    raisedAt: millis('raised_at').notNull(),
  },
  (t) => [
    uniqueIndex('alerts_once_a_day').on(t.serviceId, t.kind, t.day),
    index('alerts_raised').on(t.raisedAt),
  ],
);

/** A person registered by an admin or a manager; bound to the issuer's subject at first sign-in. */
export const people = pgTable(
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
    createdAt: millis('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    lastSignInAt: millis('last_sign_in_at'),
  },
  (t) => [uniqueIndex('people_subject').on(t.issuer, t.subject)],
);

/** A signed-in session: the cookie holds a secret, the row its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    personId: text('person_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: millis('created_at').notNull(),
    lastSeenAt: millis('last_seen_at').notNull(),
    /** The ID token, for the issuer's end-session endpoint (`id_token_hint`). */
    idToken: text('id_token'),
  },
  (t) => [index('sessions_person').on(t.personId)],
);

/** A sign-in under way: state, nonce and PKCE verifier, used once, shared by every instance. */
export const loginFlows = pgTable('login_flows', {
  state: text('state').primaryKey(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to'),
  createdAt: millis('created_at').notNull(),
});
