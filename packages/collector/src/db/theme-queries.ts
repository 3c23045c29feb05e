import { sql, type SQL } from 'drizzle-orm';
import type { ThemeDelta } from '../domain/theme-deltas.ts';
import { named } from './queries.ts';
import { ofServices, sumOf } from './rollup-queries.ts';

// The SQL of the kept theme counts (schema-themes.*.ts), shared by SQLite and PostgreSQL.

const COMMENT = 'comment, lang, rating';
const ids = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/** The oldest retractions to subtract, locked against another instance's indexer. */
export const claimRetractions = (limit: number, skipLocked: SQL) =>
  sql`select id, service_id as "serviceId", month, ${sql.raw(COMMENT)} from theme_retractions
       order by id limit ${limit}${skipLocked}`;

export const deleteRetractions = (claimed: readonly number[]) =>
  sql`delete from theme_retractions where id in (${ids(claimed)})`;

/** Comments not counted yet (the partial index feedback_themes_pending), locked likewise. */
export const claimPending = (limit: number, skipLocked: SQL) =>
  sql`select id, service_id as "serviceId", substr(day, 1, 7) as month, ${sql.raw(COMMENT)}
        from feedback where themes_counted = false and comment is not null
       limit ${limit}${skipLocked}`;

export const markCounted = (claimed: readonly string[]) =>
  sql`update feedback set themes_counted = true where id in (${ids(claimed)})`;

/** Adds deltas to their counts, creating the rows that are missing. */
export const addThemeCounts = (deltas: readonly ThemeDelta[]) =>
  sql`insert into theme_counts (service_id, month, kind, stem, form, count, low) values ${sql.join(
    deltas.map(
      (d) =>
        sql`(${d.serviceId}, ${d.month}, ${d.kind}, ${d.stem}, ${d.form}, ${d.count}, ${d.low})`,
    ),
    sql`, `,
  )} on conflict (service_id, month, kind, stem, form) do update
       set count = theme_counts.count + excluded.count, low = theme_counts.low + excluded.low`;

// The same writes a row at a time, with named placeholders: SQLite prepares each once and runs
// it for every row, cheaper there than a statement of a thousand values built each time.

export const DELETE_RETRACTION = sql`delete from theme_retractions where id = ${sql.placeholder('id')}`;

export const MARK_COUNTED = sql`update feedback set themes_counted = true
  where id = ${sql.placeholder('id')}`;

export const ADD_THEME_COUNT = sql`insert into theme_counts
  (service_id, month, kind, stem, form, count, low)
  values (${named(['serviceId', 'month', 'kind', 'stem', 'form', 'count', 'low'])})
  on conflict (service_id, month, kind, stem, form) do update
  set count = theme_counts.count + excluded.count, low = theme_counts.low + excluded.low`;

/** A count a retraction brought to nothing. */
export const DROP_IF_EMPTY = sql`delete from theme_counts
  where service_id = ${sql.placeholder('serviceId')} and month = ${sql.placeholder('month')}
    and kind = ${sql.placeholder('kind')} and stem = ${sql.placeholder('stem')}
    and form = ${sql.placeholder('form')} and count = 0 and low = 0`;

const KEPT = sql.raw(
  `service_id as "serviceId", kind, stem, form, ${sumOf('count', 'count')}, ${sumOf('low', 'low')}`,
);

/**
 * Kept counts over [from, to] of the stems that at least `minimum` comments of a service contain,
 * with their forms, and each service's number of comments counted (kind `comments`).
 */
export const keptByMinimum = (
  serviceIds: readonly string[],
  [from, to]: [string, string],
  minimum: number,
) =>
  // One pass: each row of a stem carries the stem's total (its form '' row) over the months.
  sql`select "serviceId", kind, stem, form, count, low from (
        select ${KEPT},
               sum(case when form = '' then sum(count) end)
                 over (partition by service_id, kind, stem) as total
          from theme_counts
         where ${ofServices(serviceIds)} and month between ${from} and ${to}
         group by service_id, kind, stem, form) kept
       where total >= ${minimum} or kind = 'comments'`;

/** Kept counts over [from, to] of given stems (`<service> <kind> <stem>`), and the comments. */
export const keptByKeys = (
  serviceIds: readonly string[],
  [from, to]: [string, string],
  keys: readonly string[],
) =>
  sql`select ${KEPT} from theme_counts
       where ${ofServices(serviceIds)} and month between ${from} and ${to} and form = ''
         and (kind = 'comments'${keys.length > 0 ? sql` or service_id || ' ' || kind || ' ' || stem in (${ids(keys)})` : sql``})
       group by service_id, kind, stem, form`;

/** Up to `max` comments per service in [start, end) not counted yet, newest first. */
export const pendingComments = (
  serviceIds: readonly string[],
  start: number,
  end: number,
  max: number,
) =>
  sql`select "serviceId", ${sql.raw(COMMENT)} from (
        select service_id as "serviceId", ${sql.raw(COMMENT)},
               row_number() over (partition by service_id order by created_at desc) as n
          from feedback
         where themes_counted = false and comment is not null and ${ofServices(serviceIds)}
           and created_at >= ${start} and created_at < ${end}) pending
       where n <= ${max}`;

/** Retractions of some services' months [from, to] not subtracted yet. */
export const retractedComments = (serviceIds: readonly string[], [from, to]: [string, string]) =>
  sql`select service_id as "serviceId", ${sql.raw(COMMENT)} from theme_retractions
       where ${ofServices(serviceIds)} and month between ${from} and ${to}`;
