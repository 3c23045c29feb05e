import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from 'drizzle-orm/pg-core';

// The PostgreSQL tables: the same names, columns and meaning as schema.sqlite.ts, in PostgreSQL's
// types. `drizzle-kit generate --config drizzle.pg.config.ts` writes the migrations in drizzle/pg.

const millis = (name: string) => bigint(name, { mode: 'number' });

export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: millis('created_at').notNull(),
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
