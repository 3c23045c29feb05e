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
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

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
    /**
     * Its comment is in theme_counts (schema-themes.*.ts): the indexer sets it, a change of the
     * comment, language or rating clears it again (a trigger, which queues the old text to subtract).
     */
    themesCounted: boolean('themes_counted').notNull().default(false),
  },
  (t) => [
    // The comments still to count: the indexer's work, and what a report adds to the kept counts.
    index('feedback_themes_pending')
      .on(t.serviceId, t.createdAt)
      .where(sql`themes_counted = false and comment is not null`),
    index('feedback_service_created').on(t.serviceId, t.createdAt, t.position),
  ],
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

export * from './schema-v2.pg.ts';
export * from './schema-monthly.pg.ts';
export * from './schema-themes.pg.ts';
