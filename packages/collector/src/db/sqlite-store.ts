import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { and, asc, eq, sql } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type {
  CommentQuery,
  FeedbackPagesQuery,
  FeedbackRecord,
  IncomingFeedback,
  IngestResult,
  OrganisationRecord,
  ServiceRecord,
  Store,
  TokenRecord,
} from '../domain/store.ts';
import * as schema from './schema.sqlite.ts';
import { SqliteIngest } from './sqlite-ingest.ts';
import { monthlyRollupOf, type MonthlyRow } from './rollup-rows.ts';

const { organisations, services, tokens, feedback, dailyImpressions } = schema;

// Resolved from this file so that it works from src/ (tsx, vitest) and from dist/ (node).
const MIGRATIONS = fileURLToPath(new URL('../../drizzle/sqlite', import.meta.url));

/** `file:./data/x.sqlite` → `./data/x.sqlite`; `:memory:` stays as it is. */
export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : databaseUrl;
}

type Db = BetterSQLite3Database<typeof schema>;

function toService(row: typeof services.$inferSelect): ServiceRecord {
  return {
    id: row.id,
    name: row.name,
    organisationId: row.organisationId,
    allowedOrigins: row.allowedOrigins,
    active: row.active,
    publicServiceUri: row.publicServiceUri,
  };
}

/** The SQLite store: one file, WAL mode, migrations applied on open. */
export class SqliteStore implements Store {
  readonly sqlite: Database.Database;
  readonly db: Db;
  private readonly ingestion: SqliteIngest;
  private rollupMonths: Database.Statement | undefined;
  private impressionMonths: Database.Statement | undefined;

  constructor(
    databaseUrl: string,
    options: { busyTimeoutMs?: number; /** Tests only. */ migrationsFolder?: string } = {},
  ) {
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
    this.db = drizzle(this.sqlite, { schema });
    // Foreign keys are enforced after the migrations, not during them: drizzle-kit rebuilds a
    // changed SQLite table (create, copy, drop, rename), and its own "PRAGMA foreign_keys=OFF" is
    // a no-op inside the migrator's transaction, so dropping a referenced table would fail and
    // the collector would not start. The check after it catches a rebuild that broke a reference.
    this.sqlite.pragma('foreign_keys = OFF');
    migrate(this.db, { migrationsFolder: options.migrationsFolder ?? MIGRATIONS });
    this.sqlite.pragma('foreign_keys = ON');
    // 32 MiB of page cache (the default is 2 MiB): reports read rollups of many services.
    this.sqlite.pragma('cache_size = -32768');
    const broken = this.sqlite.pragma('foreign_key_check') as { table: string }[];
    if (broken.length > 0) {
      throw new Error(
        `The migrations left ${broken.length} row(s) with a broken reference (in ${[...new Set(broken.map((b) => b.table))].join(', ')}).`,
      );
    }
    this.ingestion = new SqliteIngest(this.sqlite);
  }

  async ping(): Promise<void> {
    this.sqlite.prepare('select 1').get();
  }

  async close(): Promise<void> {
    if (this.sqlite.open) this.sqlite.close();
  }

  async isEmpty(): Promise<boolean> {
    return this.db.select({ id: organisations.id }).from(organisations).limit(1).all().length === 0;
  }

  async createOrganisation(organisation: OrganisationRecord): Promise<void> {
    this.db
      .insert(organisations)
      .values({ ...organisation, createdAt: Date.now() })
      .run();
  }

  async listOrganisations(): Promise<OrganisationRecord[]> {
    return this.db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .orderBy(asc(organisations.id))
      .all();
  }

  async getOrganisation(id: string): Promise<OrganisationRecord | undefined> {
    return this.db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, id))
      .get();
  }

  async createService(service: ServiceRecord): Promise<void> {
    this.db
      .insert(services)
      .values({ ...service, createdAt: Date.now() })
      .run();
  }

  async updateService(
    id: string,
    changes: Partial<Omit<ServiceRecord, 'id'>>,
  ): Promise<ServiceRecord | undefined> {
    if (Object.keys(changes).length > 0) {
      this.db.update(services).set(changes).where(eq(services.id, id)).run();
    }
    return this.getService(id);
  }

  async getService(id: string): Promise<ServiceRecord | undefined> {
    const row = this.db.select().from(services).where(eq(services.id, id)).get();
    return row && toService(row);
  }

  async listServices(organisationId?: string): Promise<ServiceRecord[]> {
    const query = this.db.select().from(services);
    const rows = organisationId
      ? query.where(eq(services.organisationId, organisationId)).orderBy(asc(services.id)).all()
      : query.orderBy(asc(services.id)).all();
    return rows.map(toService);
  }

  async createToken(token: TokenRecord): Promise<void> {
    this.db.insert(tokens).values(token).run();
  }

  async findTokenByHash(hash: string): Promise<TokenRecord | undefined> {
    return this.db.select().from(tokens).where(eq(tokens.hash, hash)).get();
  }

  async listTokens(): Promise<TokenRecord[]> {
    return this.db.select().from(tokens).orderBy(asc(tokens.createdAt)).all();
  }

  async revokeToken(id: string, at: number): Promise<boolean> {
    const result = this.db
      .update(tokens)
      .set({ revokedAt: at })
      .where(and(eq(tokens.id, id), sql`${tokens.revokedAt} is null`))
      .run();
    if (result.changes > 0) return true;
    return (
      this.db.select({ id: tokens.id }).from(tokens).where(eq(tokens.id, id)).get() !== undefined
    );
  }

  ingest(incoming: IncomingFeedback): Promise<IngestResult> {
    return this.ingestion.ingest(incoming);
  }

  async getFeedback(id: string): Promise<FeedbackRecord | undefined> {
    return this.db.select().from(feedback).where(eq(feedback.id, id)).get() as
      FeedbackRecord | undefined;
  }

  async pruneComments(before: number): Promise<number> {
    // In batches, yielding to the event loop between them: the first prune of a large, old
    // database must not hold the write lock and the process for the whole table at once.
    const batchSize = 1000;
    const batch = this.sqlite.prepare(
      `update feedback set comment = null
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

  async recordImpression(serviceId: string, day: string): Promise<void> {
    this.db
      .insert(dailyImpressions)
      .values({ serviceId, day, count: 1 })
      .onConflictDoUpdate({
        target: [dailyImpressions.serviceId, dailyImpressions.day],
        set: { count: sql`${dailyImpressions.count} + 1` },
      })
      .run();
  }

  async monthlyRollups(serviceId: string, from: string, to: string) {
    this.rollupMonths ??= this.sqlite.prepare(
      `select substr(day, 1, 7) as month, outcome, sum(rating_1) as r1, sum(rating_2) as r2,
              sum(rating_3) as r3, sum(rating_4) as r4, sum(rating_5) as r5,
              sum(comments) as comments, sum(widget_responses) as widget
         from daily_rollups where service_id = ? and day >= ? and day <= ?
        group by month, outcome order by month, outcome`,
    );
    const rows = this.rollupMonths.all(serviceId, from, to) as MonthlyRow[];
    return rows.map(monthlyRollupOf);
  }

  async monthlyImpressions(serviceId: string, from: string, to: string) {
    this.impressionMonths ??= this.sqlite.prepare(
      `select substr(day, 1, 7) as month, sum(count) as count from daily_impressions
        where service_id = ? and day >= ? and day <= ? group by month order by month`,
    );
    return this.impressionMonths.all(serviceId, from, to) as Array<{
      month: string;
      count: number;
    }>;
  }

  async listComments(query: CommentQuery): Promise<FeedbackRecord[]> {
    // The range on (service_id, created_at) uses the feedback_service_created index; the other
    // conditions filter the rows it yields. No index of their own: each would slow every insert.
    // With a cursor, the range on created_at ends at the cursor's instant itself: SQLite uses one
    // upper bound of a range, and the period's end would make every page scan down from it.
    const conditions = [
      'service_id = ?',
      'created_at >= ?',
      query.before ? 'created_at <= ?' : 'created_at < ?',
      'comment is not null',
    ];
    const params: (string | number)[] = [
      query.serviceId,
      query.start,
      // A cursor from beyond the period (another query's) still ends the range at the period.
      query.before ? Math.min(query.before.createdAt, query.end - 1) : query.end,
    ];
    if (query.rating !== undefined) {
      conditions.push('rating = ?');
      params.push(query.rating);
    }
    if (query.outcome === null) conditions.push('outcome is null');
    else if (query.outcome !== undefined) {
      conditions.push('outcome = ?');
      params.push(query.outcome);
    }
    if (query.before) {
      conditions.push('(created_at < ? or id < ?)');
      params.push(query.before.createdAt, query.before.id);
    }
    return this.sqlite
      .prepare(
        `select ${FEEDBACK_COLUMNS} from feedback where ${conditions.join(' and ')}
          order by created_at desc, id desc limit ?`,
      )
      .all(...params, query.limit) as FeedbackRecord[];
  }

  async *feedbackPages(query: FeedbackPagesQuery): AsyncGenerator<FeedbackRecord[]> {
    const pageSize = query.pageSize ?? 1000;
    const order = query.newestFirst ? 'desc' : 'asc';
    const withComment = query.withComment ? 'and comment is not null' : '';
    // The tiebreaker is the rowid, which the (service_id, created_at) index carries: the pages come
    // in index order without a sort. (The text id would need one for every page.) Rows keep the
    // rowid as an extra `position` property that nothing above the store reads.
    const columns = `select ${FEEDBACK_COLUMNS}, rowid as position from feedback`;
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
    type Row = FeedbackRecord & { position: number };
    let page = first.all(serviceId, start, end, pageSize) as Row[];
    while (page.length > 0) {
      yield page;
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

/** The columns of a FeedbackRecord, named as its fields. */
const FEEDBACK_COLUMNS = `id, service_id as serviceId, rating, comment, lang, outcome, step, page,
  redactions, day, created_at as createdAt, updated_at as updatedAt`;
