import { fileURLToPath } from 'node:url';
import { and, asc, eq, sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { decideIngest } from '../domain/ingest-decision.ts';
import { asUnavailable } from './errors.ts';
import { monthlyRollupOf, type MonthlyRow } from './rollup-rows.ts';
import * as schema from './schema.pg.ts';
import type {
  CommentQuery,
  FeedbackPagesQuery,
  FeedbackRecord,
  IncomingFeedback,
  IngestedFeedback,
  IngestResult,
  OrganisationRecord,
  ServiceRecord,
  Store,
  TokenRecord,
} from '../domain/store.ts';

const { organisations, services, tokens } = schema;

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

const FEEDBACK_COLUMNS = `id, service_id as "serviceId", rating, comment, lang, outcome, step, page,
  redactions, day, created_at as "createdAt", updated_at as "updatedAt"`;

/** Errors after which the whole transaction is simply tried again. */
const RETRYABLE = new Set(['40001', '40P01', '23505']);

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

type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * The PostgreSQL store, for several collector instances behind a load balancer. Every write that
 * must be consistent across instances runs in one transaction with row locks and
 * `INSERT … ON CONFLICT`, so two instances that receive the same id at the same moment store it
 * once, and the 30-minute window holds whichever instance gets the second post.
 */
export class PgStore implements Store {
  private constructor(
    readonly pool: pg.Pool,
    readonly db: NodePgDatabase<typeof schema>,
    readonly schemaName: string,
  ) {}

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
    const db = drizzle(pool, { schema });
    const store = new PgStore(pool, db, schemaName);
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

  async isEmpty(): Promise<boolean> {
    const rows = await this.db.select({ id: organisations.id }).from(organisations).limit(1);
    return rows.length === 0;
  }

  async createOrganisation(organisation: OrganisationRecord): Promise<void> {
    await this.db.insert(organisations).values({ ...organisation, createdAt: Date.now() });
  }

  async listOrganisations(): Promise<OrganisationRecord[]> {
    return this.db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .orderBy(asc(organisations.id));
  }

  async getOrganisation(id: string): Promise<OrganisationRecord | undefined> {
    const [row] = await this.db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, id));
    return row;
  }

  async createService(service: ServiceRecord): Promise<void> {
    await this.db.insert(services).values({ ...service, createdAt: Date.now() });
  }

  async updateService(
    id: string,
    changes: Partial<Omit<ServiceRecord, 'id'>>,
  ): Promise<ServiceRecord | undefined> {
    if (Object.keys(changes).length > 0) {
      await this.db.update(services).set(changes).where(eq(services.id, id));
    }
    return this.getService(id);
  }

  async getService(id: string): Promise<ServiceRecord | undefined> {
    const [row] = await this.db.select().from(services).where(eq(services.id, id));
    return row && toService(row);
  }

  async listServices(organisationId?: string): Promise<ServiceRecord[]> {
    const query = this.db.select().from(services);
    const rows = organisationId
      ? await query.where(eq(services.organisationId, organisationId)).orderBy(asc(services.id))
      : await query.orderBy(asc(services.id));
    return rows.map(toService);
  }

  async createToken(token: TokenRecord): Promise<void> {
    await this.db.insert(tokens).values(token);
  }

  async findTokenByHash(hash: string): Promise<TokenRecord | undefined> {
    const [row] = await this.db.select().from(tokens).where(eq(tokens.hash, hash));
    return row;
  }

  async listTokens(): Promise<TokenRecord[]> {
    return this.db.select().from(tokens).orderBy(asc(tokens.createdAt));
  }

  async revokeToken(id: string, at: number): Promise<boolean> {
    await this.db
      .update(tokens)
      .set({ revokedAt: at })
      .where(and(eq(tokens.id, id), sql`${tokens.revokedAt} is null`));
    const [row] = await this.db.select({ id: tokens.id }).from(tokens).where(eq(tokens.id, id));
    return row !== undefined;
  }

  async ingest(incoming: IncomingFeedback): Promise<IngestResult> {
    for (let attempt = 1; ; attempt += 1) {
      const client = await this.connect();
      try {
        await client.query('begin');
        const result = await this.ingestIn(client, incoming);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        const code = (error as { code?: string }).code;
        // A concurrent first post of the same id on another instance, or a deadlock between
        // rollup rows: the loser tries again and now sees the winner's row.
        if (code && RETRYABLE.has(code) && attempt < 5) continue;
        throw asUnavailable(error);
      } finally {
        client.release();
      }
    }
  }

  private async ingestIn(client: Queryable, incoming: IncomingFeedback): Promise<IngestResult> {
    // The common case first: a new id is inserted without a prior read.
    const fresh = decideIngest(undefined, incoming);
    if ('record' in fresh) {
      const inserted = await client.query(
        `insert into feedback (id, service_id, rating, comment, lang, outcome, step, page,
                               redactions, day, created_at, updated_at, widget)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         on conflict (id) do nothing`,
        recordValues(fresh.record),
      );
      if (inserted.rowCount === 1) {
        await applyToRollup(client, fresh.record, 1);
        return fresh.result;
      }
    }
    // The id exists: lock its row so that a concurrent update on another instance waits.
    const { rows } = await client.query<IngestedFeedback>(
      `select ${FEEDBACK_COLUMNS}, widget from feedback where id = $1 for update`,
      [incoming.id],
    );
    const decision = decideIngest(rows[0], incoming);
    if (!('record' in decision)) return decision.result;
    const { record } = decision;
    await applyToRollup(client, rows[0]!, -1);
    await client.query(
      `update feedback set rating = $3, comment = $4, lang = $5, outcome = $6, step = $7,
              page = $8, redactions = $9, updated_at = $12
        where id = $1 and service_id = $2 and day = $10 and created_at = $11 and widget = $13`,
      recordValues(record),
    );
    await applyToRollup(client, record, 1);
    return decision.result;
  }

  async getFeedback(id: string): Promise<FeedbackRecord | undefined> {
    const { rows } = await this.query<FeedbackRecord>(
      `select ${FEEDBACK_COLUMNS} from feedback where id = $1`,
      [id],
    );
    return rows[0];
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
            `update feedback set comment = null
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

  async recordImpression(serviceId: string, day: string): Promise<void> {
    await this.query(
      `insert into daily_impressions (service_id, day, count) values ($1, $2, 1)
       on conflict (service_id, day) do update set count = daily_impressions.count + 1`,
      [serviceId, day],
    );
  }

  async monthlyRollups(serviceId: string, from: string, to: string) {
    const { rows } = await this.query<MonthlyRow>(
      `select substr(day, 1, 7) as month, outcome, sum(rating_1)::int as r1,
              sum(rating_2)::int as r2, sum(rating_3)::int as r3, sum(rating_4)::int as r4,
              sum(rating_5)::int as r5, sum(comments)::int as comments,
              sum(widget_responses)::int as widget
         from daily_rollups where service_id = $1 and day >= $2 and day <= $3
        group by month, outcome order by month, outcome`,
      [serviceId, from, to],
    );
    return rows.map(monthlyRollupOf);
  }

  async monthlyImpressions(serviceId: string, from: string, to: string) {
    const { rows } = await this.query<{ month: string; count: number }>(
      `select substr(day, 1, 7) as month, sum(count)::int as count from daily_impressions
        where service_id = $1 and day >= $2 and day <= $3 group by month order by month`,
      [serviceId, from, to],
    );
    return rows;
  }

  async listComments(query: CommentQuery): Promise<FeedbackRecord[]> {
    const conditions = [
      'service_id = $1',
      'created_at >= $2',
      'created_at < $3',
      'comment is not null',
    ];
    const params: (string | number)[] = [query.serviceId, query.start, query.end];
    const parameter = (value: string | number) => `$${params.push(value)}`;
    if (query.rating !== undefined) conditions.push(`rating = ${parameter(query.rating)}`);
    if (query.outcome === null) conditions.push('outcome is null');
    else if (query.outcome !== undefined) conditions.push(`outcome = ${parameter(query.outcome)}`);
    if (query.before) {
      conditions.push(
        `(created_at, id) < (${parameter(query.before.createdAt)}, ${parameter(query.before.id)})`,
      );
    }
    const { rows } = await this.query<FeedbackRecord>(
      `select ${FEEDBACK_COLUMNS} from feedback where ${conditions.join(' and ')}
        order by created_at desc, id desc limit ${parameter(query.limit)}`,
      params,
    );
    return rows;
  }

  async *feedbackPages(query: FeedbackPagesQuery): AsyncGenerator<FeedbackRecord[]> {
    const pageSize = query.pageSize ?? 1000;
    const order = query.newestFirst ? 'desc' : 'asc';
    const beyond = query.newestFirst ? '<' : '>';
    const withComment = query.withComment ? 'and comment is not null' : '';
    // The tiebreaker is the insertion order (`position`, SQLite's rowid), which the
    // (service_id, created_at, position) index carries: each page is an index range, no sort.
    // Rows keep it as an extra property that nothing above the store reads.
    const base = `select ${FEEDBACK_COLUMNS}, position from feedback
      where service_id = $1 and created_at >= $2 and created_at < $3 ${withComment}`;
    // Keyset pagination: each page is its own short query, no cursor or transaction stays open.
    type Row = FeedbackRecord & { position: number };
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
      yield rows;
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1]!;
      after = { createdAt: last.createdAt, position: last.position };
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

function recordValues(record: IngestedFeedback): unknown[] {
  return [
    record.id,
    record.serviceId,
    record.rating,
    record.comment,
    record.lang,
    record.outcome,
    record.step,
    record.page,
    record.redactions,
    record.day,
    record.createdAt,
    record.updatedAt,
    record.widget,
  ];
}

/** Adds (1) or removes (-1) one submission from its day's rollup. */
async function applyToRollup(client: Queryable, record: IngestedFeedback, sign: 1 | -1) {
  await client.query(
    `insert into daily_rollups (service_id, day, outcome, rating_1, rating_2, rating_3, rating_4,
                                rating_5, comments, widget_responses)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (service_id, day, outcome) do update set
       rating_1 = daily_rollups.rating_1 + excluded.rating_1,
       rating_2 = daily_rollups.rating_2 + excluded.rating_2,
       rating_3 = daily_rollups.rating_3 + excluded.rating_3,
       rating_4 = daily_rollups.rating_4 + excluded.rating_4,
       rating_5 = daily_rollups.rating_5 + excluded.rating_5,
       comments = daily_rollups.comments + excluded.comments,
       widget_responses = daily_rollups.widget_responses + excluded.widget_responses`,
    [
      record.serviceId,
      record.day,
      record.outcome ?? '',
      record.rating === 1 ? sign : 0,
      record.rating === 2 ? sign : 0,
      record.rating === 3 ? sign : 0,
      record.rating === 4 ? sign : 0,
      record.rating === 5 ? sign : 0,
      record.comment ? sign : 0,
      record.widget ? sign : 0,
    ],
  );
}
