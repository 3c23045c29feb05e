import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { decideIngest } from '../domain/ingest-decision.ts';
import { feedbackEvents } from '../domain/webhooks.ts';
import type {
  FeedbackPagesQuery,
  FeedbackRecord,
  IncomingFeedback,
  IngestedFeedback,
  IngestResult,
} from '../domain/store.ts';
import type { Executor } from './acting-sql-store.ts';
import { asUnavailable, isRetryable, isUniqueViolation } from './errors.ts';
import {
  ADD_TO_CHANNEL_ROLLUP,
  ADD_TO_LANGUAGE_ROLLUP,
  ADD_TO_REASON_COUNT,
  ADD_TO_ROLLUP,
  ADD_TO_STEP_ROLLUP,
  ERASED_BY_ID,
  FEEDBACK_FIELDS,
  INGESTED_BY_ID,
  INSERT_FEEDBACK,
  RECOUNT_STEP_FIRST_SEEN,
  statement,
  UPDATE_FEEDBACK,
} from './queries.ts';
import {
  channelDelta,
  feedbackValues,
  languageDelta,
  reasonDeltas,
  rollupDelta,
  stepDelta,
  stepLeft,
  toFeedback,
  type FeedbackRow,
} from './records.ts';
import * as schema from './schema.pg.ts';
import { SqlStore } from './sql-store.ts';
import { enqueueOf, ENQUEUE_SERVICE_EVENTS } from './webhook-queries.ts';

const MIGRATIONS = fileURLToPath(new URL('../../drizzle/pg', import.meta.url));

/** Advisory lock keys (any constant 64-bit numbers, unique to this application). */
export const LOCKS = { migrate: 7_301_001, prune: 7_301_002 } as const;

// bigint (int8) columns hold milliseconds since the epoch and counts: well inside 2^53, so they
// are read as numbers rather than pg's default strings.
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
};

const dialect = new PgDialect();

/** Ingest found the id erased after inserting it: roll back, answer `unchanged`. */
const ERASED_MEANWHILE = Symbol('erased meanwhile');

/** The row of an id that conflicted was gone by the time it was locked: try the post again. */
class RowVanished extends Error {}

/** Ingest's statements (queries.ts), rendered for PostgreSQL once. */
const INGEST = {
  erased: statement(dialect, ERASED_BY_ID),
  // A first post races another instance's: the loser's insert does nothing and reads the row.
  insert: statement(dialect, sql`${INSERT_FEEDBACK} on conflict (id) do nothing`),
  // Locks the row, so that a concurrent update on another instance waits.
  select: statement(dialect, sql`${INGESTED_BY_ID} for update`),
  update: statement(dialect, UPDATE_FEEDBACK),
  rollup: statement(dialect, ADD_TO_ROLLUP),
  channel: statement(dialect, ADD_TO_CHANNEL_ROLLUP),
  language: statement(dialect, ADD_TO_LANGUAGE_ROLLUP),
  step: statement(dialect, ADD_TO_STEP_ROLLUP),
  stepFirstSeen: statement(dialect, RECOUNT_STEP_FIRST_SEEN),
  reason: statement(dialect, ADD_TO_REASON_COUNT),
  // The outbox rides on the erasure check after a first insert (a data-modifying CTE runs once,
  // whatever reads it): a webhook's events cost the ingest no extra round trip.
  erasedAndEnqueue: statement(
    dialect,
    sql`with outbox as (${ENQUEUE_SERVICE_EVENTS}) ${ERASED_BY_ID}`,
  ),
};

/**
 * `postgres://…?schema=name` selects a schema (created when missing) for every table and for
 * drizzle's migration journal; tests use it to get a fresh, isolated database per run.
 */
export function parsePostgresUrl(databaseUrl: string): {
  connectionString: string;
  schema: string;
} {
  const url = new URL(databaseUrl);
  const schemaName = url.searchParams.get('schema') ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schemaName)) {
    throw new Error(`Use a schema name of lowercase letters, digits and _: "${schemaName}".`);
  }
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema: schemaName };
}

type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * The PostgreSQL store, for several collector instances behind a load balancer. Every write that
 * must be consistent across instances runs in one transaction with row locks and
 * `INSERT … ON CONFLICT`, so two instances that receive the same id at the same moment store it
 * once, and the 30-minute window holds whichever instance gets the second post.
 */
export class PgStore extends SqlStore {
  private constructor(
    readonly pool: pg.Pool,
    readonly schemaName: string,
  ) {
    super();
  }

  /** Connects, creates the schema when missing and applies pending migrations under a lock. */
  static async open(databaseUrl: string, options: { poolSize?: number } = {}): Promise<PgStore> {
    const { connectionString, schema: schemaName } = parsePostgresUrl(databaseUrl);
    const pool = new pg.Pool({
      connectionString,
      max: options.poolSize ?? 10,
      // An unreachable server answers 503 after this long instead of holding requests forever.
      connectionTimeoutMillis: 5_000,
      types,
      // Every connection works in the configured schema.
      options: `-c search_path=${schemaName}`,
    });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it, requests see the next error.
    });
    const store = new PgStore(pool, schemaName);
    // Two instances starting together: one migrates, the other waits for it and finds nothing
    // left to do. The lock lives on one session, so migrations run on that same client.
    const client = await pool.connect();
    try {
      // The lock comes first: even `create schema if not exists` races between two sessions.
      await client.query('select pg_advisory_lock($1)', [LOCKS.migrate]);
      try {
        await client.query(`create schema if not exists "${schemaName}"`);
        await migrate(drizzle(client, { schema }), {
          migrationsFolder: MIGRATIONS,
          migrationsSchema: schemaName,
        });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [LOCKS.migrate]);
      }
    } finally {
      client.release();
    }
    return store;
  }

  async ping(): Promise<void> {
    await this.pool.query('select 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  protected async rows<R>(query: SQL): Promise<R[]> {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return (await this.query<R & pg.QueryResultRow>(text, params)).rows;
  }

  protected async run(query: SQL): Promise<number> {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return (await this.query(text, params)).rowCount ?? 0;
  }

  async ingest(incoming: IncomingFeedback): Promise<IngestResult> {
    for (let attempt = 1; ; attempt += 1) {
      const client = await this.connect();
      try {
        const started = performance.now();
        await client.query('begin');
        const result = await this.ingestIn(client, incoming);
        // An erasure of this id committed while the insert waited: nothing of it may stay.
        await client.query(result === ERASED_MEANWHILE ? 'rollback' : 'commit');
        this.ingestBatchCommitted(1, (performance.now() - started) / 1000);
        return result === ERASED_MEANWHILE ? { status: 'unchanged' } : result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        // A concurrent first post of the same id on another instance, or a deadlock between
        // rollup rows: the loser tries again and now sees the winner's row.
        if ((isRetryable(error) || error instanceof RowVanished) && attempt < 5) continue;
        throw asUnavailable(error);
      } finally {
        client.release();
      }
    }
  }

  private async ingestIn(
    client: Queryable,
    incoming: IncomingFeedback,
  ): Promise<IngestResult | typeof ERASED_MEANWHILE> {
    // An erased submission's replay is acknowledged and stores nothing. The check comes after the
    // insert or the row lock, each a statement of its own in READ COMMITTED: it sees an erasure
    // that committed while either waited for the erasing transaction.
    const erased = async () =>
      ((await client.query(INGEST.erased.text, INGEST.erased.values(incoming))).rowCount ?? 0) > 0;
    // The common case first: a new id is inserted without a prior read.
    const fresh = decideIngest(undefined, incoming);
    if ('record' in fresh) {
      const inserted = await client.query(
        INGEST.insert.text,
        INGEST.insert.values(feedbackValues(fresh.record)),
      );
      if (inserted.rowCount === 1) {
        // The outbox, in the same transaction: a webhook hears of exactly the submissions stored
        // (an erasure that came first rolls its events back with the row).
        const { values } = enqueueOf(feedbackEvents(fresh.record));
        const check = INGEST.erasedAndEnqueue;
        const found = await client.query(check.text, check.values({ ...values, id: incoming.id }));
        if ((found.rowCount ?? 0) > 0) return ERASED_MEANWHILE;
        await applyToRollups(client, [[fresh.record, 1]]);
        return fresh.result;
      }
    }
    // The id exists: lock its row so that a concurrent update on another instance waits.
    const { rows } = await client.query<FeedbackRow & { widget: boolean }>(
      INGEST.select.text,
      INGEST.select.values(incoming),
    );
    const existing: IngestedFeedback | undefined = rows[0] && toFeedback(rows[0]);
    // No row after the conflict: erased meanwhile (or a first post that rolled back: try again).
    if (!existing) {
      if (await erased()) return { status: 'unchanged' };
      throw new RowVanished();
    }
    const decision = decideIngest(existing, incoming);
    if (!('record' in decision)) return decision.result;
    const { record } = decision;
    await applyToRollups(client, [
      [existing, -1],
      [record, 1],
    ]);
    await client.query(INGEST.update.text, INGEST.update.values(feedbackValues(record)));
    // An update that moved it to another step: the old step's first post may have been its own.
    const left = stepLeft(existing, record);
    if (left) await client.query(INGEST.stepFirstSeen.text, INGEST.stepFirstSeen.values(left));
    return decision.result;
  }

  async pruneComments(before: number): Promise<number> {
    // One instance at a time: the others find the lock taken and leave the work to it.
    const client = await this.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        'select pg_try_advisory_lock($1) as locked',
        [LOCKS.prune],
      );
      if (!rows[0]?.locked) return 0;
      try {
        let removed = 0;
        for (;;) {
          // In batches, so that no transaction holds many row locks for long.
          const result = await client.query(
            `update feedback set comment = null, comment_pruned = true
              where id in (select id from feedback
                            where created_at < $1 and comment is not null limit 1000)`,
            [before],
          );
          removed += result.rowCount ?? 0;
          if ((result.rowCount ?? 0) < 1000) return removed;
        }
      } finally {
        await client.query('select pg_advisory_unlock($1)', [LOCKS.prune]);
      }
    } finally {
      client.release();
    }
  }

  async *feedbackPages(query: FeedbackPagesQuery): AsyncGenerator<FeedbackRecord[]> {
    const pageSize = query.pageSize ?? 1000;
    const order = query.newestFirst ? 'desc' : 'asc';
    const beyond = query.newestFirst ? '<' : '>';
    const withComment = query.withComment ? 'and comment is not null' : '';
    // The tiebreaker is the insertion order (`position`, SQLite's rowid), which the
    // (service_id, created_at, position) index carries: each page is an index range, no sort.
    // Rows keep it as an extra property that nothing above the store reads.
    const base = `select ${FEEDBACK_FIELDS}, position from feedback
      where service_id = $1 and created_at >= $2 and created_at < $3 ${withComment}`;
    // Keyset pagination: each page is its own short query, no cursor or transaction stays open.
    type Row = FeedbackRow & { position: number };
    let after: { createdAt: number; position: number } | undefined;
    for (;;) {
      const { rows } = after
        ? await this.query<Row>(
            `${base} and (created_at, position) ${beyond} ($4, $5)
              order by created_at ${order}, position ${order} limit $6`,
            [query.serviceId, query.start, query.end, after.createdAt, after.position, pageSize],
          )
        : await this.query<Row>(
            `${base} order by created_at ${order}, position ${order} limit $4`,
            [query.serviceId, query.start, query.end, pageSize],
          );
      if (rows.length === 0) return;
      yield rows.map(toFeedback);
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1]!;
      after = { createdAt: last.createdAt, position: last.position };
    }
  }

  protected readonly lockRow = sql` for update`;
  protected readonly skipLockedRows = sql` for update of d skip locked`;
  protected readonly skipLocked = sql` for update skip locked`;

  protected async transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const client = await this.connect();
      const tx: Executor = {
        rows: async <R>(query: SQL) => {
          const { sql: text, params } = dialect.sqlToQuery(query);
          return (await client.query(text, params)).rows as R[];
        },
        run: async (query) => {
          const { sql: text, params } = dialect.sqlToQuery(query);
          return (await client.query(text, params)).rowCount ?? 0;
        },
        runNamed: async (query, named) => {
          const { text, values } = statement(dialect, query);
          return (await client.query(text, values(named))).rowCount ?? 0;
        },
      };
      try {
        await client.query('begin');
        const result = await work(tx);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        // A deadlock or serialization failure resolves itself when tried again.
        if (isRetryable(error) && !isUniqueViolation(error) && attempt < 5) continue;
        throw asUnavailable(error);
      } finally {
        client.release();
      }
    }
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw asUnavailable(error);
    }
  }

  private async query<R extends pg.QueryResultRow>(
    text: string,
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(text, values);
    } catch (error) {
      throw asUnavailable(error);
    }
  }
}

/**
 * Adds (1) or removes (-1) submissions from their day's rollups and reason counts — an update
 * removes the stored version and adds the new one — in one order, by table and row, whatever the
 * submission: two instances that change the same rollup rows lock them in the same order, and
 * do not deadlock each other. (The day and the service are the same for both versions.)
 */
async function applyToRollups(
  client: Queryable,
  changes: readonly (readonly [IngestedFeedback, 1 | -1])[],
) {
  const statements: { key: string; text: string; values: unknown[] }[] = [];
  const add = (
    table: number,
    row: string,
    query: { text: string; values(named: object): unknown[] },
    delta: object,
  ) => statements.push({ key: `${table}|${row}`, text: query.text, values: query.values(delta) });
  for (const [record, sign] of changes) {
    add(0, record.outcome ?? '', INGEST.rollup, rollupDelta(record, sign));
    add(1, record.channel, INGEST.channel, channelDelta(record, sign));
    add(2, record.lang, INGEST.language, languageDelta(record, sign));
    const step = stepDelta(record, sign);
    if (step) add(3, step.step, INGEST.step, step);
    for (const delta of reasonDeltas(record, sign)) add(4, delta.reason, INGEST.reason, delta);
  }
  // Stable: a row's removal stays before its addition.
  statements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { text, values } of statements) await client.query(text, values);
}
