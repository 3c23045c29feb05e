import { bigint, integer, primaryKey, pgTable, text } from 'drizzle-orm/pg-core';

const millis = (name: string) => bigint(name, { mode: 'number' });
// schema.pg.ts re-exports these tables: drizzle-kit and the store read that one file.

// Monthly rollups: the daily ones summed per month (the month of the Brussels day, `YYYY-MM`), so
// that a report of a year reads 12 rows per dimension instead of 365. Never written by the
// application: triggers on each daily table add every change of a daily row to its month, in the
// same statement (migration 0012_monthly_rollups), so ingest, erasure and a copy keep them
// equal to the daily ones without a line of their own. A report reads whole months here and the
// days of a partial month from the daily tables (rollupRanges in queries.ts).

/** daily_rollups per month. */
export const monthlyRollups = pgTable(
  'monthly_rollups',
  {
    serviceId: text('service_id').notNull(),
    month: text('month').notNull(),
    outcome: text('outcome').notNull().default(''),
    rating1: integer('rating_1').notNull().default(0),
    rating2: integer('rating_2').notNull().default(0),
    rating3: integer('rating_3').notNull().default(0),
    rating4: integer('rating_4').notNull().default(0),
    rating5: integer('rating_5').notNull().default(0),
    comments: integer('comments').notNull().default(0),
    widgetResponses: integer('widget_responses').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.month, t.outcome] })],
);

/** daily_channel_rollups per month. */
export const monthlyChannelRollups = pgTable(
  'monthly_channel_rollups',
  {
    serviceId: text('service_id').notNull(),
    month: text('month').notNull(),
    channel: text('channel').notNull(),
    rating1: integer('rating_1').notNull().default(0),
    rating2: integer('rating_2').notNull().default(0),
    rating3: integer('rating_3').notNull().default(0),
    rating4: integer('rating_4').notNull().default(0),
    rating5: integer('rating_5').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.month, t.channel] })],
);

/** daily_language_rollups per month. */
export const monthlyLanguageRollups = pgTable(
  'monthly_language_rollups',
  {
    serviceId: text('service_id').notNull(),
    month: text('month').notNull(),
    lang: text('lang').notNull(),
    rating1: integer('rating_1').notNull().default(0),
    rating2: integer('rating_2').notNull().default(0),
    rating3: integer('rating_3').notNull().default(0),
    rating4: integer('rating_4').notNull().default(0),
    rating5: integer('rating_5').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.month, t.lang] })],
);

/**
 * daily_step_rollups per month. `first_seen` is the earliest first post of the month's daily rows
 * that still count a rating (0 when none does).
 */
export const monthlyStepRollups = pgTable(
  'monthly_step_rollups',
  {
    serviceId: text('service_id').notNull(),
    month: text('month').notNull(),
    step: text('step').notNull(),
    rating1: integer('rating_1').notNull().default(0),
    rating2: integer('rating_2').notNull().default(0),
    rating3: integer('rating_3').notNull().default(0),
    rating4: integer('rating_4').notNull().default(0),
    rating5: integer('rating_5').notNull().default(0),
    withOutcome: integer('with_outcome').notNull().default(0),
    notCompleted: integer('not_completed').notNull().default(0),
    firstSeen: millis('first_seen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.month, t.step] })],
);

/** daily_reason_counts per month. */
export const monthlyReasonCounts = pgTable(
  'monthly_reason_counts',
  {
    serviceId: text('service_id').notNull(),
    month: text('month').notNull(),
    reason: text('reason').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.month, t.reason] })],
);

/** daily_impressions per month. */
export const monthlyImpressions = pgTable(
  'monthly_impressions',
  {
    serviceId: text('service_id').notNull(),
    month: text('month').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.month] })],
);
