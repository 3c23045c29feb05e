import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { RatingCounts } from '@vo-feedback/shared';
import { decideIngest } from '../domain/ingest-decision.ts';
import type {
  FeedbackRecord,
  IncomingFeedback,
  IngestResult,
  OrganisationRecord,
  ServiceRecord,
  Store,
  TokenRecord,
} from './store.ts';
import * as schema from './schema.sqlite.ts';

const { organisations, services, tokens, feedback, dailyRollups, dailyImpressions } = schema;

// Resolved from this file so that it works from src/ (tsx, vitest) and from dist/ (node).
const MIGRATIONS = fileURLToPath(new URL('../../drizzle/sqlite', import.meta.url));

/** `file:./data/x.sqlite` → `./data/x.sqlite`; `:memory:` stays as it is. */
export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : databaseUrl;
}

type Db = BetterSQLite3Database<typeof schema>;

function ratingColumn(rating: number) {
  switch (rating) {
    case 1:
      return 'rating1' as const;
    case 2:
      return 'rating2' as const;
    case 3:
      return 'rating3' as const;
    case 4:
      return 'rating4' as const;
    default:
      return 'rating5' as const;
  }
}

/** Adds (sign 1) or removes (sign -1) one submission from its day's rollup. */
function applyToRollup(db: Db, record: FeedbackRecord, sign: 1 | -1): void {
  const values = {
    serviceId: record.serviceId,
    day: record.day,
    outcome: record.outcome ?? '',
    rating1: 0,
    rating2: 0,
    rating3: 0,
    rating4: 0,
    rating5: 0,
    comments: record.comment ? sign : 0,
    [ratingColumn(record.rating)]: sign,
  };
  db.insert(dailyRollups)
    .values(values)
    .onConflictDoUpdate({
      target: [dailyRollups.serviceId, dailyRollups.day, dailyRollups.outcome],
      set: {
        rating1: sql`${dailyRollups.rating1} + excluded.rating_1`,
        rating2: sql`${dailyRollups.rating2} + excluded.rating_2`,
        rating3: sql`${dailyRollups.rating3} + excluded.rating_3`,
        rating4: sql`${dailyRollups.rating4} + excluded.rating_4`,
        rating5: sql`${dailyRollups.rating5} + excluded.rating_5`,
        comments: sql`${dailyRollups.comments} + excluded.comments`,
      },
    })
    .run();
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

/** The SQLite store: one file, WAL mode, migrations applied on open. */
export class SqliteStore implements Store {
  readonly sqlite: Database.Database;
  readonly db: Db;

  constructor(databaseUrl: string) {
    const path = sqlitePath(databaseUrl);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.sqlite = new Database(path);
    this.sqlite.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a process crash (kill -9): a commit is in the WAL before the
    // answer goes out. Only a power loss can lose the last transactions.
    this.sqlite.pragma('synchronous = NORMAL');
    this.sqlite.pragma('foreign_keys = ON');
    this.sqlite.pragma('busy_timeout = 5000');
    this.db = drizzle(this.sqlite, { schema });
    migrate(this.db, { migrationsFolder: MIGRATIONS });
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

  async ingest(incoming: IncomingFeedback): Promise<IngestResult> {
    // better-sqlite3 transactions are synchronous: nothing else runs in this process between the
    // read and the writes, and the rollup changes commit together with the row.
    return this.db.transaction((tx) => {
      const existing = tx.select().from(feedback).where(eq(feedback.id, incoming.id)).get() as
        FeedbackRecord | undefined;
      const decision = decideIngest(existing, incoming);
      if (!('record' in decision)) return decision.result;
      const { record } = decision;
      if (existing) {
        applyToRollup(tx, existing, -1);
        tx.update(feedback).set(record).where(eq(feedback.id, record.id)).run();
      } else {
        tx.insert(feedback).values(record).run();
      }
      applyToRollup(tx, record, 1);
      return decision.result;
    });
  }

  async getFeedback(id: string): Promise<FeedbackRecord | undefined> {
    return this.db.select().from(feedback).where(eq(feedback.id, id)).get() as
      FeedbackRecord | undefined;
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

  async dailyRollups(serviceId: string, from: string, to: string) {
    const rows = this.db
      .select()
      .from(dailyRollups)
      .where(
        and(
          eq(dailyRollups.serviceId, serviceId),
          gte(dailyRollups.day, from),
          lte(dailyRollups.day, to),
        ),
      )
      .orderBy(asc(dailyRollups.day))
      .all();
    return rows.map((row) => ({
      day: row.day,
      outcome: row.outcome,
      ratings: {
        '1': row.rating1,
        '2': row.rating2,
        '3': row.rating3,
        '4': row.rating4,
        '5': row.rating5,
      } satisfies RatingCounts,
      comments: row.comments,
    }));
  }

  async dailyImpressions(serviceId: string, from: string, to: string) {
    return this.db
      .select({ day: dailyImpressions.day, count: dailyImpressions.count })
      .from(dailyImpressions)
      .where(
        and(
          eq(dailyImpressions.serviceId, serviceId),
          gte(dailyImpressions.day, from),
          lte(dailyImpressions.day, to),
        ),
      )
      .orderBy(asc(dailyImpressions.day))
      .all();
  }
}
