import type pg from 'pg';
import type { PgStore } from './pg-store.ts';
import { ROLLUP_TOTALS } from './queries.ts';
import type { SqliteStore } from './sqlite-store.ts';

// `vo-feedback migrate-to postgres://…`: everything of a SQLite database copied into an empty
// PostgreSQL database (or schema), in one transaction, verified before it commits.

export { COPIED_TABLES } from './copied-tables.ts';
import { COPIED_TABLES } from './copied-tables.ts';

export type TableName = (typeof COPIED_TABLES)[number]['name'];
export type TableCounts = Record<TableName, number>;

/** The copy was refused or failed its verification; nothing was committed. */
export class CopyRefused extends Error {
  override readonly name = 'CopyRefused';
}

/**
 * Copies every row of `source` into `target`, which must be empty, in one PostgreSQL transaction
 * with the tables locked against writers, in batches of `batchSize` rows per statement. The
 * source is read in one read transaction: a collector still writing to it does not tear the copy
 * (what it writes after the snapshot is not copied). Only the webhook events still waiting after
 * ingest are written first, so that none is left behind in a table the copy does not take.
 * Before the commit, each table's count must equal the source's, the rollup totals must equal
 * the source's, and every daily rollup must equal a recount of the copied feedback rows (the
 * comment count at least: retention removes comment texts and keeps their count). Otherwise it rolls back and throws CopyRefused.
 */
export async function copySqliteToPostgres(
  source: SqliteStore,
  target: PgStore,
  options: { batchSize?: number } = {},
): Promise<TableCounts> {
  const batchSize = options.batchSize ?? 1000;
  const sqlite = source.sqlite;
  const client = await target.pool.connect();
  // Webhook events that wait for their outbox rows go along as rows: PostgreSQL has no such wait.
  // A collector still writing may leave some again before the snapshot (its first read) starts.
  for (let attempt = 1; ; attempt += 1) {
    await source.writeWaitingEvents();
    sqlite.exec('begin');
    if (!source.hasWaitingEvents()) break;
    sqlite.exec('rollback');
    if (attempt === 5) {
      client.release();
      throw new CopyRefused(
        'Webhook events kept arriving faster than they could be written: stop the collector, then copy again.',
      );
    }
  }
  try {
    const counts = {} as TableCounts;
    for (const table of COPIED_TABLES) {
      counts[table.name] = (
        sqlite.prepare(`select count(*) as n from ${table.name}`).get() as { n: number }
      ).n;
    }
    const sourceTotals = sqlite.prepare(ROLLUP_TOTALS).get() as Record<string, number>;

    await client.query('begin');
    try {
      // Collectors started early on the target wait until the copy is committed.
      await client.query(
        `lock table ${COPIED_TABLES.map((t) => t.name).join(', ')} in exclusive mode`,
      );
      const occupied: string[] = [];
      for (const table of COPIED_TABLES) {
        const { rows } = await client.query<{ n: number }>(
          `select count(*)::int as n from ${table.name}`,
        );
        if (rows[0]!.n > 0) occupied.push(`${table.name} (${rows[0]!.n})`);
      }
      if (occupied.length > 0) {
        throw new CopyRefused(
          `The target database is not empty: ${occupied.join(', ')}. migrate-to copies into an ` +
            'empty database only; give a new database or schema (postgres://…?schema=name).',
        );
      }

      for (const table of COPIED_TABLES) {
        const rows = sqlite
          .prepare(`select ${table.columns.join(', ')} from ${table.name} order by ${table.order}`)
          .raw()
          .iterate() as IterableIterator<unknown[]>;
        let batch: unknown[][] = [];
        for (const row of rows) {
          batch.push(row);
          if (batch.length === batchSize) {
            await insertBatch(client, table.name, table.columns, batch);
            batch = [];
          }
        }
        if (batch.length > 0) await insertBatch(client, table.name, table.columns, batch);
      }

      const problems: string[] = [];
      for (const table of COPIED_TABLES) {
        const { rows } = await client.query<{ n: number }>(
          `select count(*)::int as n from ${table.name}`,
        );
        if (rows[0]!.n !== counts[table.name]) {
          problems.push(
            `${table.name}: ${rows[0]!.n} rows copied, ${counts[table.name]} in SQLite`,
          );
        }
      }
      const { rows: totals } = await client.query<Record<string, string>>(ROLLUP_TOTALS);
      for (const [column, value] of Object.entries(sourceTotals)) {
        if (Number(totals[0]![column]) !== value) {
          problems.push(`daily_rollups: total ${column} ${totals[0]![column]}, ${value} in SQLite`);
        }
      }
      const { rows: mismatches } = await client.query<{ n: number }>(ROLLUPS_UNLIKE_RECOUNT);
      if (mismatches[0]!.n > 0) {
        problems.push(
          `daily_rollups: ${mismatches[0]!.n} rollup(s) differ from a recount of the feedback rows`,
        );
      }
      if (problems.length > 0) {
        throw new CopyRefused(`The copy did not verify; nothing was kept. ${problems.join('; ')}.`);
      }
      await client.query('commit');
      return counts;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  } finally {
    sqlite.exec('commit');
    client.release();
  }
}

async function insertBatch(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: unknown[][],
): Promise<void> {
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = row.map((value) => `$${values.push(value)}`);
    return `(${placeholders.join(', ')})`;
  });
  // Column types come from the target: SQLite's 0/1 become boolean, JSON text becomes jsonb.
  await client.query(
    `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`,
    values,
  );
}

const counted = (condition: string) => `sum(case when ${condition} then 1 else 0 end)`;

/** How many (service, day, outcome) groups have a rollup unlike a recount of the feedback rows. */
const ROLLUPS_UNLIKE_RECOUNT = `
  with recount as (
    select service_id, day, coalesce(outcome, '') as outcome,
           ${counted('rating = 1')} as r1, ${counted('rating = 2')} as r2,
           ${counted('rating = 3')} as r3, ${counted('rating = 4')} as r4,
           ${counted('rating = 5')} as r5, ${counted('comment is not null')} as comments,
           ${counted('widget')} as widget
      from feedback group by service_id, day, coalesce(outcome, ''))
  select count(*)::int as n
    from recount r full join daily_rollups d using (service_id, day, outcome)
   where coalesce(r.r1, 0) <> coalesce(d.rating_1, 0)
      or coalesce(r.r2, 0) <> coalesce(d.rating_2, 0)
      or coalesce(r.r3, 0) <> coalesce(d.rating_3, 0)
      or coalesce(r.r4, 0) <> coalesce(d.rating_4, 0)
      or coalesce(r.r5, 0) <> coalesce(d.rating_5, 0)
      or coalesce(r.widget, 0) <> coalesce(d.widget_responses, 0)
      or coalesce(d.comments, 0) < coalesce(r.comments, 0)`;
