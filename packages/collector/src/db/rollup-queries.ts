import { sql, type SQL } from 'drizzle-orm';
import { addDays, nextDay } from '../domain/period.ts';
import { ROLLUP_COUNTS } from './records.ts';

// The readers of the rollups that both stores share (queries.ts re-exports them): a service's
// figures over a period, from the monthly rollups for its whole months and from the daily ones for
// the other days, summed by the database (a period of whole months only, read by service and
// month, takes the monthly rows as they are).

/** `sum(column)` as an integer on both (PostgreSQL's sum of an integer is a bigint). */
export const sumOf = (column: string, name: string) => `cast(sum(${column}) as integer) as ${name}`;

/**
 * The days [from, to] as the rollups are read: the whole months inside them (`YYYY-MM`, from the
 * monthly tables) and the ranges of days before and after those (from the daily ones). Without a
 * whole month, every day comes from the daily tables.
 */
export function rollupRanges(
  from: string,
  to: string,
): { months: [string, string] | null; days: [string, string][] } {
  const addMonth = (month: string, n: number) => {
    const at = new Date(`${month}-01T00:00:00Z`);
    at.setUTCMonth(at.getUTCMonth() + n);
    return at.toISOString().slice(0, 7);
  };
  const first = from.endsWith('-01') ? from.slice(0, 7) : addMonth(from.slice(0, 7), 1);
  const last = nextDay(to).endsWith('-01') ? to.slice(0, 7) : addMonth(to.slice(0, 7), -1);
  if (from > to || first > last) return { months: null, days: from > to ? [] : [[from, to]] };
  const days: [string, string][] = [];
  if (from < `${first}-01`) days.push([from, addDays(`${first}-01`, -1)]);
  if (to > `${last}-31`) days.push([`${addMonth(last, 1)}-01`, to]);
  return { months: [first, last], days };
}

/** `service_id = ?` for one service, `service_id in (?, …)` for several. */
export function ofServices(serviceIds: readonly string[]): SQL {
  return serviceIds.length === 1
    ? sql`service_id = ${serviceIds[0]}`
    : sql`service_id in (${sql.join(
        serviceIds.map((id) => sql`${id}`),
        sql`, `,
      )})`;
}

/**
 * The rows of one kind of rollup (`rollups`, `channel_rollups`, … after `daily_`/`monthly_`) of
 * some services over [from, to], the whole months from the monthly table and the other days from
 * the daily one: `service_id`, `month` (a daily row's is its day's) and `columns` of each, to be
 * grouped by the caller. `where` filters the rows of both.
 */
function rollupSource(
  kind: string,
  columns: string,
  serviceIds: readonly string[],
  from: string,
  to: string,
  where = '',
): SQL {
  const { months, days } = rollupRanges(from, to);
  const also = where ? sql.raw(` and ${where}`) : sql``;
  const services = ofServices(serviceIds.length > 0 ? serviceIds : ['']);
  const parts = days.map(
    ([first, last]) =>
      sql`select service_id, substr(day, 1, 7) as month, ${sql.raw(columns)}
            from ${sql.raw(`daily_${kind}`)}
           where ${services} and day >= ${first} and day <= ${last}${also}`,
  );
  if (months) {
    parts.push(
      sql`select service_id, month, ${sql.raw(columns)} from ${sql.raw(`monthly_${kind}`)}
           where ${services} and month >= ${months[0]} and month <= ${months[1]}${also}`,
    );
  }
  // No range at all (from after to): a select of nothing with the same columns.
  if (parts.length === 0) {
    parts.push(
      sql`select service_id, substr(day, 1, 7) as month, ${sql.raw(columns)}
            from ${sql.raw(`daily_${kind}`)} where 1 = 0`,
    );
  }
  return sql`(${sql.join(parts, sql` union all `)}) as rollup_rows`;
}

const ROLLUP_COLUMNS = ROLLUP_COUNTS.map(([column]) => column).join(', ');
/** The counts of a rollup row under their names, as they are and summed. */
const ROLLUP_COUNT_NAMES = ROLLUP_COUNTS.map(([column, name]) => `${column} as ${name}`).join(', ');
const ROLLUP_SUMS = ROLLUP_COUNTS.map(([column, name]) => sumOf(column, name)).join(', ');
const RATING_COLUMNS = 'rating_1, rating_2, rating_3, rating_4, rating_5';
/** The five rating columns of a rollup, summed as r1 … r5. */
const RATING_SUMS = [1, 2, 3, 4, 5].map((n) => sumOf(`rating_${n}`, `r${n}`)).join(', ');
const SERVICE = sql.raw('service_id as "serviceId"');

// Each reader takes one service or several: every row carries its `serviceId`, and the rows come
// by service first, so that a report of many services reads each kind in one query.

/**
 * [from, to] when it is whole months and nothing else (a report's year, a digest's month): a
 * reader keyed by service and month (and one more key) can then take the monthly table's rows as
 * they are, one per key already, instead of summing them; that sum was most of what SQLite spent
 * on a year's report.
 */
function onlyMonths(from: string, to: string): [string, string] | null {
  const { months, days } = rollupRanges(from, to);
  return days.length === 0 ? months : null;
}

/** The rows of a monthly table (`monthly_${kind}`) of some services over whole months. */
const monthlyRows = (
  kind: string,
  columns: string,
  serviceIds: readonly string[],
  [first, last]: [string, string],
  order: string,
) =>
  sql`select ${SERVICE}, month, ${sql.raw(columns)} from ${sql.raw(`monthly_${kind}`)}
       where ${ofServices(serviceIds.length > 0 ? serviceIds : [''])}
         and month >= ${first} and month <= ${last}
       order by ${sql.raw(order)}`;

/** Counts per service, month and outcome over the days in [from, to]. */
export const monthlyRollups = (serviceIds: readonly string[], from: string, to: string) => {
  const months = onlyMonths(from, to);
  return months
    ? monthlyRows(
        'rollups',
        `outcome, ${ROLLUP_COUNT_NAMES}`,
        serviceIds,
        months,
        'service_id, month, outcome',
      )
    : sql`select ${SERVICE}, month, outcome,
             ${sql.raw(ROLLUP_SUMS)}
        from ${rollupSource('rollups', `outcome, ${ROLLUP_COLUMNS}`, serviceIds, from, to)}
       group by service_id, month, outcome order by service_id, month, outcome`;
};

/** Counts per service and outcome over the days in [from, to], summed over them (month ''). */
export const outcomeRollups = (serviceIds: readonly string[], from: string, to: string) =>
  sql`select ${SERVICE}, '' as month, outcome,
             ${sql.raw(ROLLUP_SUMS)}
        from ${rollupSource('rollups', `outcome, ${ROLLUP_COLUMNS}`, serviceIds, from, to)}
       group by service_id, outcome order by service_id, outcome`;

/** Ratings per service and channel over the days in [from, to]. */
export const channelRollups = (serviceIds: readonly string[], from: string, to: string) =>
  sql`select ${SERVICE}, channel, ${sql.raw(RATING_SUMS)}
        from ${rollupSource('channel_rollups', `channel, ${RATING_COLUMNS}`, serviceIds, from, to)}
       group by service_id, channel order by service_id, channel`;

/** Ratings per service and language over the days in [from, to]. */
export const languageRollups = (serviceIds: readonly string[], from: string, to: string) =>
  sql`select ${SERVICE}, lang, ${sql.raw(RATING_SUMS)}
        from ${rollupSource('language_rollups', `lang, ${RATING_COLUMNS}`, serviceIds, from, to)}
       group by service_id, lang order by service_id, lang`;

/**
 * Ratings and outcomes per service and step over the days in [from, to], in journey order: by
 * the first post seen at each step. Rows left empty by updates and erasures carry no order.
 */
export const stepRollups = (serviceIds: readonly string[], from: string, to: string) =>
  sql`select ${SERVICE}, step, ${sql.raw(RATING_SUMS)},
             ${sql.raw(sumOf('with_outcome', '"withOutcome"'))},
             ${sql.raw(sumOf('not_completed', '"notCompleted"'))}
        from ${rollupSource(
          'step_rollups',
          `step, ${RATING_COLUMNS}, with_outcome, not_completed, first_seen`,
          serviceIds,
          from,
          to,
          'rating_1 + rating_2 + rating_3 + rating_4 + rating_5 > 0',
        )}
       group by service_id, step order by service_id, min(first_seen), step`;

/** How often each reason was ticked, per service, over the days in [from, to]. */
export const reasonCounts = (serviceIds: readonly string[], from: string, to: string) =>
  sql`select ${SERVICE}, reason, ${sql.raw(sumOf('count', 'count'))}
        from ${rollupSource('reason_counts', 'reason, count', serviceIds, from, to)}
       group by service_id, reason order by service_id, reason`;

/** Impressions per service and month over the days in [from, to]. */
export const monthlyImpressions = (serviceIds: readonly string[], from: string, to: string) => {
  const months = onlyMonths(from, to);
  return months
    ? monthlyRows('impressions', 'count', serviceIds, months, 'service_id, month')
    : sql`select ${SERVICE}, month, ${sql.raw(sumOf('count', 'count'))}
        from ${rollupSource('impressions', 'count', serviceIds, from, to)}
       group by service_id, month order by service_id, month`;
};
