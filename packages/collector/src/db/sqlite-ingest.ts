import type Database from 'better-sqlite3';
import { decideIngest } from '../domain/ingest-decision.ts';
import { asUnavailable } from './errors.ts';
import type { IncomingFeedback, IngestedFeedback, IngestResult } from '../domain/store.ts';

interface Pending {
  incoming: IncomingFeedback;
  resolve: (result: IngestResult) => void;
  reject: (error: unknown) => void;
}

const ROLLUP_COLUMNS = ['rating_1', 'rating_2', 'rating_3', 'rating_4', 'rating_5'] as const;

/**
 * Group commit for SQLite ingest. Submissions that arrive while the event loop is busy are queued
 * and written in one transaction on the next turn (setImmediate), and each is answered only after
 * that commit: one fsync-bearing commit for many requests instead of one each. Every submission
 * runs in its own savepoint, so a failing one rolls back alone and the others still commit.
 *
 * The hot path uses prepared statements directly: drizzle's query builder costs about 40 % per
 * insert here (TOOLCHAIN.md); the table definitions remain drizzle's schema.
 */
export class SqliteIngest {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly select: Database.Statement<[string]>;
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;
  private readonly rollup: Database.Statement;
  private readonly one: (incoming: IncomingFeedback) => IngestResult;
  private readonly batch: (items: Pending[]) => Array<IngestResult | { error: unknown }>;

  constructor(private readonly sqlite: Database.Database) {
    this.select = sqlite.prepare(
      `select id, service_id as serviceId, rating, comment, lang, outcome, step, page,
              redactions, day, created_at as createdAt, updated_at as updatedAt, widget
         from feedback where id = ?`,
    );
    this.insert = sqlite.prepare(
      `insert into feedback (id, service_id, rating, comment, lang, outcome, step, page,
                             redactions, day, created_at, updated_at, widget)
       values (@id, @serviceId, @rating, @comment, @lang, @outcome, @step, @page,
               @redactions, @day, @createdAt, @updatedAt, @widget)`,
    );
    this.update = sqlite.prepare(
      `update feedback set rating = @rating, comment = @comment, lang = @lang, outcome = @outcome,
              step = @step, page = @page, redactions = @redactions, updated_at = @updatedAt
        where id = @id`,
    );
    this.rollup = sqlite.prepare(
      `insert into daily_rollups (service_id, day, outcome, ${ROLLUP_COLUMNS.join(', ')}, comments,
                                  widget_responses)
       values (@serviceId, @day, @outcome, @r1, @r2, @r3, @r4, @r5, @comments, @widget)
       on conflict (service_id, day, outcome) do update set
         ${ROLLUP_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')},
         comments = comments + excluded.comments,
         widget_responses = widget_responses + excluded.widget_responses`,
    );
    // Nested inside the batch transaction, better-sqlite3 runs this as a savepoint.
    this.one = sqlite.transaction((incoming: IncomingFeedback) => this.ingestOne(incoming));
    this.batch = sqlite.transaction((items: Pending[]) =>
      items.map((item) => {
        try {
          return this.one(item.incoming);
        } catch (error) {
          const unavailable = asUnavailable(error);
          // The database itself failed: the whole batch must roll back and be answered 503.
          if (unavailable !== error) throw unavailable;
          return { error };
        }
      }),
    );
  }

  ingest(incoming: IncomingFeedback): Promise<IngestResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ incoming, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const items = this.queue;
    this.queue = [];
    let results: Array<IngestResult | { error: unknown }>;
    try {
      results = this.batch(items);
    } catch (error) {
      const failure = asUnavailable(error);
      for (const item of items) item.reject(failure);
      return;
    }
    items.forEach((item, index) => {
      const result = results[index]!;
      if ('error' in result) item.reject(result.error);
      else item.resolve(result);
    });
  }

  private ingestOne(incoming: IncomingFeedback): IngestResult {
    const row = this.select.get(incoming.id) as
      (Omit<IngestedFeedback, 'widget'> & { widget: number }) | undefined;
    const existing = row && { ...row, widget: row.widget === 1 };
    const decision = decideIngest(existing, incoming);
    if (!('record' in decision)) return decision.result;
    const { record } = decision;
    if (existing) {
      this.applyToRollup(existing, -1);
      this.update.run(record);
    } else {
      // SQLite has no boolean: better-sqlite3 binds 0 or 1.
      this.insert.run({ ...record, widget: record.widget ? 1 : 0 });
    }
    this.applyToRollup(record, 1);
    return decision.result;
  }

  private applyToRollup(record: IngestedFeedback, sign: 1 | -1): void {
    this.rollup.run({
      serviceId: record.serviceId,
      day: record.day,
      outcome: record.outcome ?? '',
      r1: record.rating === 1 ? sign : 0,
      r2: record.rating === 2 ? sign : 0,
      r3: record.rating === 3 ? sign : 0,
      r4: record.rating === 4 ? sign : 0,
      r5: record.rating === 5 ? sign : 0,
      comments: record.comment ? sign : 0,
      widget: record.widget ? sign : 0,
    });
  }
}
