import { bigserial, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
// schema.pg.ts re-exports these tables: drizzle-kit and the store read that one file.

// Themes kept as counts (use-cases/theme-indexer.ts): how many comments of a service and month
// contain each word and word pair, so that the annual report reads its themes from a few rows per
// service instead of counting a year of comments. Written only by the indexer, a little after
// ingest and off the request path; a comment that changes or goes (edit, redaction, retention,
// erasure) after it was counted is retracted by triggers on `feedback` (migration 0013_theme_counts), which
// queue its old text in theme_retractions for the indexer to subtract.

/**
 * Per service, month (`YYYY-MM` of the Brussels day), kind (`word`, `pair`, or `comments` for the
 * number of comments counted) and stem: with `form` '' the comments containing the stem and how
 * many of them were rated 1–2; with a form, how many comments wrote it so.
 */
export const themeCounts = pgTable(
  'theme_counts',
  {
    serviceId: text('service_id').notNull(),
    month: text('month').notNull(),
    kind: text('kind').notNull(),
    stem: text('stem').notNull(),
    form: text('form').notNull().default(''),
    count: integer('count').notNull().default(0),
    low: integer('low').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.month, t.kind, t.stem, t.form] })],
);

/** A counted comment as it was before it changed or went: to subtract from theme_counts. */
export const themeRetractions = pgTable('theme_retractions', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  serviceId: text('service_id').notNull(),
  month: text('month').notNull(),
  comment: text('comment').notNull(),
  lang: text('lang').notNull(),
  rating: integer('rating').notNull(),
});
