import type Database from 'better-sqlite3';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { decideIngest } from '../domain/ingest-decision.ts';
import { feedbackEvents } from '../domain/webhooks.ts';
import type { IncomingFeedback, IngestedFeedback, IngestResult } from '../domain/store.ts';
import { asUnavailable } from './errors.ts';
import {
  ADD_TO_CHANNEL_ROLLUP,
  ADD_TO_LANGUAGE_ROLLUP,
  ADD_TO_REASON_COUNT,
  ADD_TO_ROLLUP,
  ADD_TO_STEP_ROLLUP,
  ERASED_BY_ID,
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
import { ANY_WEBHOOK_OF_SERVICE, enqueueOf, ENQUEUE_SERVICE_EVENTS } from './webhook-queries.ts';

interface Pending {
  incoming: IncomingFeedback;
  resolve: (result: IngestResult) => void;
  reject: (error: unknown) => void;
}

/** A shared statement (queries.ts), prepared once: `run` and `get` take its named values. */
function prepare(sqlite: Database.Database, query: Parameters<typeof statement>[1]) {
  const { text, values } = statement(new SQLiteSyncDialect(), query);
  const prepared = sqlite.prepare(text);
  return {
    run: (named: object) => prepared.run(...values(named)),
    get: (named: object) => prepared.get(...values(named)),
  };
}

type Prepared = ReturnType<typeof prepare>;

/**
 * Group commit for SQLite ingest. Submissions that arrive while the event loop is busy are queued
 * and written in one transaction on the next turn (setImmediate), and each is answered only after
 * that commit: one fsync-bearing commit for many requests instead of one each. Every submission
 * runs in its own savepoint, so a failing one rolls back alone and the others still commit.
 *
 * The hot path uses prepared statements directly: drizzle's query builder costs about 40 % per
 * insert here (docs/toolchain.md). Their text is the one PostgreSQL's ingest runs too
 * (queries.ts), rendered for SQLite once.
 */
export class SqliteIngest {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly select: Prepared;
  private readonly erased: Prepared;
  private readonly insert: Prepared;
  private readonly update: Prepared;
  private readonly rollup: Prepared;
  private readonly channelRollup: Prepared;
  private readonly languageRollup: Prepared;
  private readonly stepRollup: Prepared;
  private readonly stepFirstSeen: Prepared;
  private readonly reasonCount: Prepared;
  private readonly anyWebhook: Prepared;
  private readonly enqueue: Prepared;
  private readonly one: (incoming: IncomingFeedback) => IngestResult;
  private readonly batch: (items: Pending[]) => Array<IngestResult | { error: unknown }>;

  constructor(private readonly sqlite: Database.Database) {
    this.select = prepare(sqlite, INGESTED_BY_ID);
    this.erased = prepare(sqlite, ERASED_BY_ID);
    this.insert = prepare(sqlite, INSERT_FEEDBACK);
    this.update = prepare(sqlite, UPDATE_FEEDBACK);
    this.rollup = prepare(sqlite, ADD_TO_ROLLUP);
    this.channelRollup = prepare(sqlite, ADD_TO_CHANNEL_ROLLUP);
    this.languageRollup = prepare(sqlite, ADD_TO_LANGUAGE_ROLLUP);
    this.stepRollup = prepare(sqlite, ADD_TO_STEP_ROLLUP);
    this.stepFirstSeen = prepare(sqlite, RECOUNT_STEP_FIRST_SEEN);
    this.reasonCount = prepare(sqlite, ADD_TO_REASON_COUNT);
    this.anyWebhook = prepare(sqlite, ANY_WEBHOOK_OF_SERVICE);
    this.enqueue = prepare(sqlite, ENQUEUE_SERVICE_EVENTS);
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
    // A store transaction (erasure, triage) is open: its end is a moment away.
    if (this.sqlite.inTransaction) {
      setImmediate(() => this.flush());
      return;
    }
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
    const row = this.select.get({ id: incoming.id }) as
      (FeedbackRow & { widget: number }) | undefined;
    const existing: IngestedFeedback | undefined = row && {
      ...toFeedback(row),
      widget: row.widget === 1,
    };
    // An erased submission's replay is acknowledged and stores nothing.
    if (!existing && this.erased.get({ id: incoming.id })) return { status: 'unchanged' };
    const decision = decideIngest(existing, incoming);
    if (!('record' in decision)) return decision.result;
    const { record } = decision;
    if (existing) {
      this.applyToRollup(existing, -1);
      this.update.run(feedbackValues(record));
    } else {
      // SQLite has no boolean: better-sqlite3 binds 0 or 1.
      this.insert.run({ ...feedbackValues(record), widget: record.widget ? 1 : 0 });
      // The outbox, in the same savepoint: a webhook hears of exactly the submissions stored.
      // One INSERT … SELECT for both events, after a lookup that skips it (and building the
      // bodies) when the organisation has no webhook: the common case stays as cheap as before.
      if (this.anyWebhook.get({ serviceId: record.serviceId })) {
        this.enqueue.run(enqueueOf(feedbackEvents(record)).values);
      }
    }
    this.applyToRollup(record, 1);
    // An update that moved it to another step: the old step's first post may have been its own.
    const left = existing && stepLeft(existing, record);
    if (left) this.stepFirstSeen.run(left);
    return decision.result;
  }

  private applyToRollup(record: IngestedFeedback, sign: 1 | -1): void {
    this.rollup.run(rollupDelta(record, sign));
    this.channelRollup.run(channelDelta(record, sign));
    this.languageRollup.run(languageDelta(record, sign));
    const step = stepDelta(record, sign);
    if (step) this.stepRollup.run(step);
    for (const delta of reasonDeltas(record, sign)) this.reasonCount.run(delta);
  }
}
