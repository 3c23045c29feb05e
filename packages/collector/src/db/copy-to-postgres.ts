import type pg from 'pg';
import type { PgStore } from './pg-store.ts';
import { FEEDBACK_TABLE_COLUMNS, ROLLUP_TOTALS } from './queries.ts';
import { ROLLUP_COUNTS } from './records.ts';
import type { SqliteStore } from './sqlite-store.ts';

// `vo-feedback migrate-to postgres://…`: everything of a SQLite database copied into an empty
// PostgreSQL database (or schema), in one transaction, verified before it commits.

/**
 * The tables that are copied, in an order that satisfies the foreign keys, with the columns both
 * schemas share and the order the rows are read in. Feedback goes in insertion order (SQLite's
 * rowid), so that PostgreSQL's `position` keeps the order of submissions within a millisecond.
 * Rate-limit counts and their salts are not copied: they live a minute and a day.
 */
export const COPIED_TABLES = [
  {
    name: 'organisations',
    columns: ['id', 'name', 'created_at', 'policy_domain', 'kind'],
    order: 'rowid',
  },
  {
    name: 'services',
    columns: [
      'id',
      'name',
      'organisation_id',
      'allowed_origins',
      'active',
      'public_service_uri',
      'help_url',
      'reasons',
      'created_at',
      'target',
    ],
    order: 'rowid',
  },
  {
    name: 'tokens',
    columns: ['id', 'label', 'role', 'organisation_id', 'hash', 'created_at', 'revoked_at'],
    order: 'rowid',
  },
  {
    name: 'feedback',
    columns: [...FEEDBACK_TABLE_COLUMNS, 'comment_pruned', 'comment_hash'],
    order: 'rowid',
  },
  {
    name: 'daily_rollups',
    columns: ['service_id', 'day', 'outcome', ...ROLLUP_COUNTS.map(([column]) => column)],
    // Stored WITHOUT ROWID: the primary key is the order.
    order: 'service_id, day, outcome',
  },
  {
    name: 'daily_channel_rollups',
    columns: [
      'service_id',
      'day',
      'channel',
      'rating_1',
      'rating_2',
      'rating_3',
      'rating_4',
      'rating_5',
    ],
    order: 'service_id, day, channel',
  },
  {
    name: 'daily_language_rollups',
    columns: [
      'service_id',
      'day',
      'lang',
      'rating_1',
      'rating_2',
      'rating_3',
      'rating_4',
      'rating_5',
    ],
    order: 'service_id, day, lang',
  },
  {
    name: 'daily_step_rollups',
    columns: [
      'service_id',
      'day',
      'step',
      'rating_1',
      'rating_2',
      'rating_3',
      'rating_4',
      'rating_5',
      'with_outcome',
      'not_completed',
      'first_seen',
    ],
    order: 'service_id, day, step',
  },
  {
    name: 'daily_reason_counts',
    columns: ['service_id', 'day', 'reason', 'count'],
    order: 'service_id, day, reason',
  },
  {
    name: 'daily_impressions',
    columns: ['service_id', 'day', 'count'],
    order: 'service_id, day',
  },
  {
    name: 'feedback_triage',
    columns: ['feedback_id', 'service_id', 'status', 'note', 'updated_at'],
    order: 'feedback_id',
  },
  {
    name: 'feedback_tags',
    columns: ['feedback_id', 'service_id', 'tag'],
    order: 'feedback_id, tag',
  },
  { name: 'erased_feedback', columns: ['id', 'service_id', 'erased_at'], order: 'id' },
  {
    name: 'improvement_actions',
    columns: [
      'id',
      'service_id',
      'title',
      'description',
      'status',
      'public',
      'themes',
      'feedback_ids',
      'planned_on',
      'done_on',
      'created_at',
      'updated_at',
    ],
    order: 'created_at, id',
  },
  {
    name: 'explanations',
    columns: ['scope', 'subject_id', 'year', 'text', 'updated_at', 'updated_by'],
    order: 'scope, subject_id, year',
  },
  {
    name: 'report_submissions',
    columns: [
      'organisation_id',
      'year',
      'version',
      'submitted_at',
      'submitted_by',
      'sha256',
      'json',
      'html',
    ],
    order: 'organisation_id, year, version',
  },
  {
    name: 'audit_log',
    columns: ['id', 'at', 'actor', 'action', 'target', 'details'],
    order: 'at, id',
  },
  {
    name: 'webhooks',
    columns: [
      'id',
      'organisation_id',
      'url',
      'events',
      'service_ids',
      'include_comment',
      'secret',
      'created_at',
      'created_by',
      'failing_since',
      'disabled_at',
      'disabled_reason',
    ],
    order: 'created_at, id',
  },
  {
    // The outbox goes along: what was pending is delivered by the collector on PostgreSQL.
    name: 'webhook_deliveries',
    columns: [
      'id',
      'webhook_id',
      'event',
      'subject',
      'payload',
      'created_at',
      'status',
      'attempts',
      'round_attempts',
      'next_attempt_at',
      'locked_until',
      'last_status_code',
      'last_error',
      'delivered_at',
      'history',
    ],
    order: 'created_at, id, webhook_id',
  },
  {
    name: 'subscriptions',
    columns: [
      'id',
      'organisation_id',
      'email',
      'frequency',
      'service_ids',
      'unsubscribe_token',
      'created_at',
      'created_by',
    ],
    order: 'created_at, id',
  },
  {
    // Mail not yet sent is sent by the collector on PostgreSQL; what was sent is not sent again.
    name: 'mail_outbox',
    columns: [
      'id',
      'dedupe_key',
      'kind',
      'subscription_id',
      'to_address',
      'payload',
      'created_at',
      'status',
      'attempts',
      'next_attempt_at',
      'locked_until',
      'sent_at',
      'last_error',
    ],
    order: 'created_at, id',
  },
  {
    name: 'alerts',
    columns: [
      'id',
      'service_id',
      'organisation_id',
      'kind',
      'day',
      'theme',
      'details',
      'raised_at',
    ],
    order: 'raised_at, id',
  },
  {
    name: 'people',
    columns: [
      'id',
      'email',
      'role',
      'organisation_id',
      'issuer',
      'subject',
      'created_at',
      'created_by',
      'last_sign_in_at',
    ],
    order: 'created_at, id',
  },
  {
    // People stay signed in across the move.
    name: 'sessions',
    columns: ['id_hash', 'person_id', 'csrf_token', 'created_at', 'last_seen_at', 'id_token'],
    order: 'created_at, id_hash',
  },
  {
    name: 'login_flows',
    columns: ['state', 'nonce', 'code_verifier', 'return_to', 'created_at'],
    order: 'created_at, state',
  },
] as const;

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
 * (what it writes after the snapshot is not copied). Before the commit, each table's count must
 * equal the source's, the rollup totals must equal the source's, and every daily rollup must
 * equal a recount of the copied feedback rows (the comment count at least: retention removes
 * comment texts and keeps their count). Otherwise it rolls back and throws CopyRefused.
 */
export async function copySqliteToPostgres(
  source: SqliteStore,
  target: PgStore,
  options: { batchSize?: number } = {},
): Promise<TableCounts> {
  const batchSize = options.batchSize ?? 1000;
  const sqlite = source.sqlite;
  const client = await target.pool.connect();
  sqlite.exec('begin');
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
