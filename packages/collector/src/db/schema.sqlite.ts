import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

// The one source of the SQLite tables. `drizzle-kit generate` turns changes into the committed
// migrations under drizzle/sqlite, which the server applies at start.

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
  /** The policy domain it belongs to ("Omgeving", "Welzijn", …); null: not given. */
  policyDomain: text('policy_domain'),
  /** `flemish` (a Flemish government body) or `local` (a city, a municipality); null: not given. */
  kind: text('kind'),
});

export const services = sqliteTable('services', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  organisationId: text('organisation_id')
    .notNull()
    .references(() => organisations.id),
  /** JSON array of origins (scheme://host[:port]) allowed to post for this service. */
  allowedOrigins: text('allowed_origins', { mode: 'json' }).$type<string[]>().notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  publicServiceUri: text('public_service_uri'),
  /** Where citizens get help: an https URL or a tel: link; null: the widget's default. */
  helpUrl: text('help_url'),
  /** The service's own reasons, [{code, labels}]; null: the default list. */
  reasons: text('reasons', { mode: 'json' }).$type<
    { code: string; labels: Record<string, string> }[]
  >(),
  createdAt: integer('created_at').notNull(),
  /** The satisfaction (share of 4 and 5) the service aims at, 0–1; null: none. */
  target: real('target'),
});

export const tokens = sqliteTable('tokens', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  role: text('role', { enum: ['provider', 'steering', 'ingest'] }).notNull(),
  organisationId: text('organisation_id').references(() => organisations.id),
  /** SHA-256 of the token: the token itself is shown once and never stored. */
  hash: text('hash').notNull().unique(),
  createdAt: integer('created_at').notNull(),
  revokedAt: integer('revoked_at'),
});

export const feedback = sqliteTable(
  'feedback',
  {
    /** The client's UUID: the idempotency key. */
    id: text('id').primaryKey(),
    serviceId: text('service_id').notNull(),
    rating: integer('rating').notNull(),
    /** Redacted before storage; null when the citizen wrote none or retention removed it. */
    comment: text('comment'),
    lang: text('lang').notNull(),
    outcome: text('outcome'),
    step: text('step'),
    page: text('page'),
    /** How many personal-data items were redacted (a count, never the values). */
    redactions: integer('redactions').notNull().default(0),
    /** The Brussels calendar day of the first post: the rollup this row counts in. */
    day: text('day').notNull(),
    /** Milliseconds since the epoch of the first post; the 30-minute update window runs from it. */
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /**
     * The widget sent it (JSON from a page of an allowed origin), not the no-JavaScript form or
     * another channel: the response rate counts only these. Rows from before it was recorded are
     * the widget's (the migration says so), which keeps the historic rates as they were.
     */
    widget: integer('widget', { mode: 'boolean' }).notNull().default(false),
    /** Where it was given: web, phone, counter, chat, email or letter. Kept from the first post. */
    channel: text('channel').notNull().default('web'),
    /** JSON array of reason codes; '[]' when none, and always with a rating of 4 or 5. */
    reasons: text('reasons').notNull().default('[]'),
    /**
     * Retention removed its comment: the rollups still count it as a comment, so an erasure
     * must take it out of that count as well.
     */
    commentPruned: integer('comment_pruned', { mode: 'boolean' }).notNull().default(false),
    /**
     * SHA-256 of the comment as the citizen sent it, kept once a provider removed text from it:
     * a replay of that comment is the same submission, not a change that restores the text.
     */
    commentHash: text('comment_hash'),
    /**
     * Its comment is in theme_counts (schema-themes.*.ts): the indexer sets it, a change of the
     * comment, language or rating clears it again (a trigger, which queues the old text to subtract).
     */
    themesCounted: integer('themes_counted', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    // The comments still to count: the indexer's work, and what a report adds to the kept counts.
    index('feedback_themes_pending')
      .on(t.serviceId, t.createdAt)
      .where(sql`themes_counted = false and comment is not null`),
    index('feedback_service_created').on(t.serviceId, t.createdAt),
  ],
);

/**
 * Counts per service, Brussels day and outcome, kept in the same transaction as each submission,
 * so that every report reads days, not rows. `outcome` is '' when the host page gave none.
 */
export const dailyRollups = sqliteTable(
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
    /** Of these responses, those the widget sent: the numerator of the response rate. */
    widgetResponses: integer('widget_responses').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.day, t.outcome] })],
);

/**
 * Ratings per service, Brussels day and channel: the summary's `byChannel`, kept in the ingest
 * transaction like daily_rollups. Rows from before channels were recorded count as `web`.
 */
export const dailyChannelRollups = sqliteTable(
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
export const dailyLanguageRollups = sqliteTable(
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
export const dailyStepRollups = sqliteTable(
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
    firstSeen: integer('first_seen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.day, t.step] })],
);

/** How often each reason was ticked, per service and Brussels day (ratings 1–3 only). */
export const dailyReasonCounts = sqliteTable(
  'daily_reason_counts',
  {
    serviceId: text('service_id').notNull(),
    day: text('day').notNull(),
    reason: text('reason').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.day, t.reason] })],
);

/** How often the widget was shown, per service and Brussels day. No identifier of any kind. */
export const dailyImpressions = sqliteTable(
  'daily_impressions',
  {
    serviceId: text('service_id').notNull(),
    day: text('day').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.day] })],
);

// Acting on feedback: triage, erasure, improvement actions, explanations, hand-in and the audit.
// Kept beside `feedback`, not in it, so that ingest's hot path writes the same rows as before.

/** A comment's triage by its provider: status and internal note. No row: status `new`. */
export const feedbackTriage = sqliteTable(
  'feedback_triage',
  {
    feedbackId: text('feedback_id').primaryKey(),
    serviceId: text('service_id').notNull(),
    /** new, read, in-progress, done or archived. */
    status: text('status').notNull().default('new'),
    /** Internal, at most 2,000 characters; never shown to steering or the public. */
    note: text('note'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('feedback_triage_service_status').on(t.serviceId, t.status)],
);

/** The tags a provider put on a comment, one row each. */
export const feedbackTags = sqliteTable(
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
export const erasedFeedback = sqliteTable('erased_feedback', {
  id: text('id').primaryKey(),
  serviceId: text('service_id').notNull(),
  erasedAt: integer('erased_at').notNull(),
});

/** "Wat we verbeteren": what a provider changes because of the feedback. */
export const improvementActions = sqliteTable(
  'improvement_actions',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** planned, in-progress or done. */
    status: text('status').notNull(),
    /** Shown on /transparantie and in the public statistics once done. */
    public: integer('public', { mode: 'boolean' }).notNull().default(false),
    /** JSON array of the themes that led to it. */
    themes: text('themes').notNull().default('[]'),
    /** JSON array of the ids of the comments that led to it. */
    feedbackIds: text('feedback_ids').notNull().default('[]'),
    /** Calendar days (YYYY-MM-DD). */
    plannedOn: text('planned_on'),
    doneOn: text('done_on'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('improvement_actions_service').on(t.serviceId)],
);

/** The "explain" of comply-or-explain: per service or organisation and year. */
export const explanations = sqliteTable(
  'explanations',
  {
    /** `service` or `organisation`. */
    scope: text('scope').notNull(),
    subjectId: text('subject_id').notNull(),
    year: integer('year').notNull(),
    /** Plain text, at most 5,000 characters. */
    text: text('text').notNull(),
    updatedAt: integer('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.subjectId, t.year] })],
);

/** Handed-in annual reports: each version frozen, byte for byte, with the SHA-256 of its JSON. */
export const reportSubmissions = sqliteTable(
  'report_submissions',
  {
    organisationId: text('organisation_id').notNull(),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    submittedAt: integer('submitted_at').notNull(),
    submittedBy: text('submitted_by').notNull(),
    sha256: text('sha256').notNull(),
    json: text('json').notNull(),
    html: text('html').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.year, t.version] })],
);

/** Who did what, when, on what. Never comment text. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: integer('at').notNull(),
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

export * from './schema-v2.sqlite.ts';
export * from './schema-monthly.sqlite.ts';
export * from './schema-themes.sqlite.ts';
