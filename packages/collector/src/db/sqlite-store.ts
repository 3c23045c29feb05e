import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type {
  FeedbackPagesQuery,
  FeedbackRecord,
  IncomingFeedback,
  IngestResult,
} from '../domain/store.ts';
import { asUnavailable } from './errors.ts';
import type { Executor } from './acting-sql-store.ts';
import { FEEDBACK_FIELDS, statement } from './queries.ts';
import { toFeedback, type FeedbackRow } from './records.ts';
import * as schema from './schema.sqlite.ts';
import { SqliteIngest } from './sqlite-ingest.ts';
import { WalSync } from './wal-sync.ts';
import { SqlStore } from './sql-store.ts';

// Resolved from this file so that it works from src/ (tsx, vitest) and from dist/ (node).
const MIGRATIONS = fileURLToPath(new URL('../../drizzle/sqlite', import.meta.url));
/** Submissions whose webhook events one transaction writes when a caller asks for all waiting. */
const FANOUT_CHUNK = 1000;

/** `file:./data/x.sqlite` → `./data/x.sqlite`; `:memory:` stays as it is. */
export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : databaseUrl;
}

/** The SQLite store: one file, WAL mode, migrations applied on open. */
export class SqliteStore extends SqlStore {
  readonly sqlite: Database.Database;
  private readonly ingestion: SqliteIngest;
  /** Ingest's sync of the write-ahead log (wal-sync.ts); none in memory. */
  private readonly wal: WalSync | undefined;
  private readonly dialect = new SQLiteSyncDialect();
  /** The shared queries' statements, prepared once per text. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    databaseUrl: string,
    options: { busyTimeoutMs?: number; /** Tests only. */ migrationsFolder?: string } = {},
  ) {
    super();
    const path = sqlitePath(databaseUrl);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.sqlite = new Database(path);
    this.sqlite.pragma('journal_mode = WAL');
    // FULL: every commit is synced to disk before the answer goes out, so a 2xx survives a power
    // loss, not only a crash (NORMAL in WAL mode can lose the last transactions then). The group
    // commit makes one sync per batch of requests, which keeps it cheap.
    this.sqlite.pragma('synchronous = FULL');
    // Wait this long for another connection's write lock before answering 503.
    this.sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    // Foreign keys are enforced after the migrations, not during them: drizzle-kit rebuilds a
    // changed SQLite table (create, copy, drop, rename), and its own "PRAGMA foreign_keys=OFF" is
    // a no-op inside the migrator's transaction, so dropping a referenced table would fail and
    // the collector would not start. The check after it catches a rebuild that broke a reference.
    this.sqlite.pragma('foreign_keys = OFF');
    migrate(drizzle(this.sqlite, { schema }), {
      migrationsFolder: options.migrationsFolder ?? MIGRATIONS,
    });
    this.sqlite.pragma('foreign_keys = ON');
    // 32 MiB of page cache (the default is 2 MiB): reports read rollups of many services.
    this.sqlite.pragma('cache_size = -32768');
    const broken = this.sqlite.pragma('foreign_key_check') as { table: string }[];
    if (broken.length > 0) {
      throw new Error(
        `The migrations left ${broken.length} row(s) with a broken reference (in ${[...new Set(broken.map((b) => b.table))].join(', ')}).`,
      );
    }
    this.wal = path === ':memory:' ? undefined : new WalSync(`${path}-wal`);
    this.ingestion = new SqliteIngest(
      this.sqlite,
      (size, seconds) => this.ingestBatchCommitted(size, seconds),
      this.wal,
    );
  }

  async ping(): Promise<void> {
    this.sqlite.prepare('select 1').get();
  }

  async close(): Promise<void> {
    if (this.sqlite.open) this.sqlite.close();
    this.wal?.close();
  }

  protected readonly lockRow = sql``;
  protected readonly skipLockedRows = sql``;
  protected readonly skipLocked = sql``;
  protected override readonly rowAtATime = true;

  /** Open while a transaction runs: statements from outside it wait for its end. */
  private open: Promise<void> | undefined;

  // The webhook worker's writes. A claim's leases commit with `synchronous = NORMAL` and no sync
  // of their own, which cost a sync of the log on the event loop per claim. The round's results
  // follow in one transaction, also NORMAL, and then the log is synced off the event loop
  // (wal-sync.ts, shared with ingest's syncs) before recordAttempts resolves: the log is written
  // in order, so that sync covers the claim too. Until it, only a power loss (not a crash of the
  // process: the log is in the system's cache) can lose the claim or the results, all of them
  // together up to the last complete commit; then the attempts are made again, under the same
  // webhook-id, which the at-least-once contract allows.
  protected override claimRows<R>(query: SQL): Promise<R[]> {
    return this.transaction((tx) => tx.rows<R>(query), 'NORMAL');
  }

  protected override async resultsTransaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    if (!this.wal) return this.transaction(work);
    const result = await this.transaction(work, 'NORMAL');
    await this.wal.sync();
    return result;
  }

  // Webhook events written after ingest (sqlite-fanout.ts). Their commit is synced before any
  // of them is claimed: a power loss that took it would write them again under other event ids,
  // and a receiver deduplicates on the id. A caller that finds nothing waiting still waits for
  // the sync of the fan-outs committed before it (another caller's, still under way).
  /** Fan-out commits made, and how many of them are known to be on disk. */
  private fanouts = { committed: 0, synced: 0 };

  // All of them means those waiting when it is called (the oldest are written first), not those
  // ingest adds meanwhile, in transactions of about FANOUT_CHUNK submissions with a turn of the
  // event loop between them: after a long peak, ingest commits between them rather than wait
  // behind the whole backlog (listing deliveries, migrate-to).
  override async writeWaitingEvents(limit = Infinity): Promise<number> {
    while (this.open) await this.open;
    const fanout = this.ingestion.fanout;
    if (limit === Infinity) limit = fanout.count();
    else if (!fanout.waiting()) limit = 0;
    let written = 0;
    while (written < limit) {
      const chunk = Math.min(limit - written, FANOUT_CHUNK);
      const done = await this.transaction(async () => fanout.writeIn(chunk), 'NORMAL');
      if (done === 0) break;
      this.fanouts.committed += 1;
      written += done;
      if (done < chunk || written >= limit) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (this.wal && this.fanouts.synced < this.fanouts.committed) {
      const upTo = this.fanouts.committed;
      await this.wal.sync();
      this.fanouts.synced = Math.max(this.fanouts.synced, upTo);
    }
    return written;
  }

  /** Whether any submission waits for its webhook events (in the transaction open, if any). */
  hasWaitingEvents(): boolean {
    return this.ingestion.fanout.waiting();
  }

  protected override async countWaitingSubmissions(): Promise<number> {
    while (this.open) await this.open;
    return this.ingestion.fanout.count();
  }

  protected override async writeWaitingEventsIn(): Promise<void> {
    this.ingestion.fanout.writeIn(Infinity);
  }

  // The theme indexer's counts are derived from the comments: a power loss may take its last
  // transactions, the counts and the marks of the comments they counted together, and the indexer
  // counts those comments again. So its commits do not sync the log; the next sync covers them.
  protected override themeTransaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    return this.transaction(work, 'NORMAL');
  }

  protected async transaction<T>(
    work: (tx: Executor) => Promise<T>,
    /** NORMAL: the caller syncs the log itself. */
    synchronous: 'FULL' | 'NORMAL' = 'FULL',
  ): Promise<T> {
    while (this.open) await this.open;
    let done!: () => void;
    this.open = new Promise((resolve) => (done = resolve));
    const tx: Executor = {
      rows: async <R>(query: SQL) => this.execute(query, (s, p) => s.all(...p) as R[]),
      run: async (query) => this.execute(query, (s, p) => s.run(...p).changes),
      runNamed: async (query, named) => {
        const { prepared, values } = this.named(query);
        return prepared.run(...values(named)).changes;
      },
    };
    try {
      if (synchronous === 'NORMAL') this.sqlite.exec('pragma synchronous = NORMAL');
      this.sqlite.exec('begin immediate');
      try {
        // Every statement of `work` runs synchronously underneath: its awaits resolve within
        // this turn of the event loop, so ingest's batch (setImmediate) cannot interleave.
        const result = await work(tx);
        this.sqlite.exec('commit');
        return result;
      } catch (error) {
        if (this.sqlite.inTransaction) this.sqlite.exec('rollback');
        throw error;
      }
    } catch (error) {
      throw asUnavailable(error);
    } finally {
      if (synchronous === 'NORMAL' && this.sqlite.open) {
        this.sqlite.exec('pragma synchronous = FULL');
      }
      this.open = undefined;
      done();
    }
  }

  private execute<R>(query: SQL, use: (statement: Database.Statement, params: unknown[]) => R): R {
    const [prepared, params] = this.prepared(query);
    return use(prepared, params);
  }

  protected async rows<R>(query: SQL): Promise<R[]> {
    while (this.open) await this.open;
    try {
      const [statement, params] = this.prepared(query);
      return statement.all(...params) as R[];
    } catch (error) {
      throw asUnavailable(error);
    }
  }

  /** Each packed statement (manyRows) and its columns' names, by the text of the query it wraps. */
  private readonly packedStatements = new Map<
    string,
    { statement: Database.Statement; columns: string[] }
  >();

  /**
   * Many rows as one JSON text of arrays, built by SQLite and parsed at once: better-sqlite3
   * makes a JavaScript value of every cell, which for a report's rollups (a thousand rows of ten
   * columns) cost more than the query itself; this costs half. JSON keeps text, integers and
   * null as they are (for text and integer columns only: a blob would not pass). The rows keep the
   * wrapped query's order, which SQLite keeps for an ordered subquery under an aggregate with no
   * ORDER BY or join of its own, though SQL does not promise it: the steps' journey order (by a
   * column the query does not select) is tested over several services on both databases.
   */
  protected override async manyRows<R>(query: SQL): Promise<R[]> {
    while (this.open) await this.open;
    try {
      const { sql: text, params } = this.dialect.sqlToQuery(query);
      let packed = this.packedStatements.get(text);
      if (!packed) {
        const columns = this.sqlite
          .prepare(text)
          .columns()
          .map(({ name }) => name);
        // The outer select names each column once: two of a name would each read the first.
        if (new Set(columns).size !== columns.length) {
          throw new Error(`manyRows: a column name appears twice in: ${text}`);
        }
        const cells = columns.map((name) => `"${name.replaceAll('"', '""')}"`).join(', ');
        const statement = this.sqlite
          .prepare(`select json_group_array(json_array(${cells})) from (${text})`)
          .pluck();
        packed = { statement, columns };
        this.packedStatements.set(text, packed);
      }
      const { statement, columns } = packed;
      const arrays = JSON.parse(statement.get(...params) as string) as unknown[][];
      return arrays.map((cells) => {
        const row: Record<string, unknown> = {};
        for (let i = 0; i < columns.length; i += 1) row[columns[i]!] = cells[i];
        return row as R;
      });
    } catch (error) {
      throw asUnavailable(error);
    }
  }

  protected async run(query: SQL): Promise<number> {
    while (this.open) await this.open;
    try {
      const [statement, params] = this.prepared(query);
      return statement.run(...params).changes;
    } catch (error) {
      throw asUnavailable(error);
    }
  }

  /** Statements of named placeholders: module constants, so rendered and prepared once each. */
  private readonly namedStatements = new WeakMap<
    SQL,
    { prepared: Database.Statement; values: (named: object) => unknown[] }
  >();

  private named(query: SQL) {
    let named = this.namedStatements.get(query);
    if (!named) {
      const { text, values } = statement(this.dialect, query);
      named = { prepared: this.sqlite.prepare(text), values };
      this.namedStatements.set(query, named);
    }
    return named;
  }

  private prepared(query: SQL): [Database.Statement, unknown[]] {
    const { sql: text, params } = this.dialect.sqlToQuery(query);
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.sqlite.prepare(text);
      this.statements.set(text, statement);
    }
    return [statement, params];
  }

  ingest(incoming: IncomingFeedback): Promise<IngestResult> {
    return this.ingestion.ingest(incoming);
  }

  async pruneComments(before: number): Promise<number> {
    // In batches, yielding to the event loop between them: the first prune of a large, old
    // database must not hold the write lock and the process for the whole table at once.
    const batchSize = 1000;
    const batch = this.sqlite.prepare(
      `update feedback set comment = null, comment_pruned = 1
        where rowid in (select rowid from feedback
                         where created_at < ? and comment is not null limit ${batchSize})`,
    );
    let removed = 0;
    for (;;) {
      const { changes } = batch.run(before);
      removed += changes;
      if (changes < batchSize) return removed;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async *feedbackPages(query: FeedbackPagesQuery): AsyncGenerator<FeedbackRecord[]> {
    const pageSize = query.pageSize ?? 1000;
    const order = query.newestFirst ? 'desc' : 'asc';
    const withComment = query.withComment ? 'and comment is not null' : '';
    // The tiebreaker is the rowid, which the (service_id, created_at) index carries: the pages come
    // in index order without a sort. (The text id would need one for every page.) Rows keep the
    // rowid as an extra `position` property that nothing above the store reads.
    const columns = `select ${FEEDBACK_FIELDS}, rowid as position from feedback`;
    const orderBy = `order by created_at ${order}, rowid ${order} limit ?`;
    const first = this.sqlite.prepare(
      `${columns} where service_id = ? and created_at >= ? and created_at < ? ${withComment}
        ${orderBy}`,
    );
    // Keyset pagination: each page is its own short query, so no read transaction stays open
    // between pages and ingest goes on while an export streams. The range on created_at starts at
    // the last row's instant itself (not at the period's start, with the cursor in an OR, which
    // SQLite cannot use as a bound: every page would scan from the start again).
    const next = this.sqlite.prepare(
      query.newestFirst
        ? `${columns} where service_id = ? and created_at >= ? and created_at <= ?
            and (created_at < ? or rowid < ?) ${withComment} ${orderBy}`
        : `${columns} where service_id = ? and created_at >= ? and created_at < ?
            and (created_at > ? or rowid > ?) ${withComment} ${orderBy}`,
    );
    const { serviceId, start, end } = query;
    type Row = FeedbackRow & { position: number };
    let page = first.all(serviceId, start, end, pageSize) as Row[];
    while (page.length > 0) {
      yield page.map(toFeedback);
      if (page.length < pageSize) return;
      const last = page[page.length - 1]!;
      page = (
        query.newestFirst
          ? next.all(serviceId, start, last.createdAt, last.createdAt, last.position, pageSize)
          : next.all(serviceId, last.createdAt, end, last.createdAt, last.position, pageSize)
      ) as Row[];
    }
  }
}
