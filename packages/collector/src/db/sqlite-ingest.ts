import type Database from 'better-sqlite3';
import { decideIngest } from '../domain/ingest-decision.ts';
import type { IncomingFeedback, IngestedFeedback, IngestResult } from '../domain/store.ts';
import { asUnavailable, StoreUnavailableError } from './errors.ts';
import {
  ADD_TO_CHANNEL_ROLLUP,
  ADD_TO_LANGUAGE_ROLLUP,
  ADD_TO_REASON_COUNT,
  ADD_TO_ROLLUP,
  ADD_TO_STEP_ROLLUP,
  INGESTED_BY_ID,
  INSERT_NEW_FEEDBACK,
  RECOUNT_STEP_FIRST_SEEN,
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
  summedDeltas,
  toFeedback,
  type FeedbackRow,
} from './records.ts';
import { WebhookFanout } from './sqlite-fanout.ts';
import { prepareNamed as prepare, type PreparedNamed as Prepared } from './sqlite-statements.ts';
import type { WalSync } from './wal-sync.ts';
import { ANY_WEBHOOK_OF_SERVICE } from './webhook-queries.ts';

interface Pending {
  incoming: IncomingFeedback;
  resolve: (result: IngestResult) => void;
  reject: (error: unknown) => void;
}

/** What one submission came to, and the first post it stored (its rollups wait for the batch). */
interface Ingested {
  result: IngestResult;
  stored?: IngestedFeedback;
}

/** A committed batch's answers, given once its log is on disk. */
interface Committed {
  answer: () => void;
  fail: (error: unknown) => void;
}

/**
 * Group commit for SQLite ingest. Submissions that arrive while the event loop is busy are queued
 * and written in one transaction on the next turn (setImmediate), and each is answered only after
 * that commit is on disk: one sync for many requests instead of one each. On a database file the
 * sync runs off the event loop (wal-sync.ts), so the next requests are read and the next batch
 * written meanwhile; batches committed while a sync runs share the next one. Every submission
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
  private readonly insert: Prepared;
  private readonly update: Prepared;
  private readonly rollup: Prepared;
  private readonly channelRollup: Prepared;
  private readonly languageRollup: Prepared;
  private readonly stepRollup: Prepared;
  private readonly stepFirstSeen: Prepared;
  private readonly reasonCount: Prepared;
  private readonly anyWebhook: Prepared;
  private readonly one: (incoming: IncomingFeedback) => Ingested;
  private readonly batch: (items: Pending[]) => Array<IngestResult | { error: unknown }>;
  private readonly synchronous: { normal: Database.Statement; full: Database.Statement };
  /** Batches committed, waiting for the next sync of the log; whether one runs now. */
  private unsynced: Committed[] = [];
  private syncing = false;
  /** Whether a service's organisation has a webhook, looked up once per batch. */
  private readonly hasWebhook = new Map<string, boolean>();
  /** Where the batches name their submissions with webhook events to write. */
  readonly fanout: WebhookFanout;

  constructor(
    private readonly sqlite: Database.Database,
    /** Told each batch's size and the seconds until it was durable, sync included. */
    private readonly committed: (size: number, seconds: number) => void = () => {},
    /** The log's sync off the event loop; none for a database in memory. */
    private readonly wal?: Pick<WalSync, 'sync'>,
  ) {
    this.synchronous = {
      normal: sqlite.prepare('pragma synchronous = NORMAL'),
      full: sqlite.prepare('pragma synchronous = FULL'),
    };
    this.select = prepare(sqlite, INGESTED_BY_ID);
    this.insert = prepare(sqlite, INSERT_NEW_FEEDBACK);
    this.update = prepare(sqlite, UPDATE_FEEDBACK);
    this.rollup = prepare(sqlite, ADD_TO_ROLLUP);
    this.channelRollup = prepare(sqlite, ADD_TO_CHANNEL_ROLLUP);
    this.languageRollup = prepare(sqlite, ADD_TO_LANGUAGE_ROLLUP);
    this.stepRollup = prepare(sqlite, ADD_TO_STEP_ROLLUP);
    this.stepFirstSeen = prepare(sqlite, RECOUNT_STEP_FIRST_SEEN);
    this.reasonCount = prepare(sqlite, ADD_TO_REASON_COUNT);
    this.anyWebhook = prepare(sqlite, ANY_WEBHOOK_OF_SERVICE);
    this.fanout = new WebhookFanout(sqlite);
    // Nested inside the batch transaction, better-sqlite3 runs this as a savepoint.
    this.one = sqlite.transaction((incoming: IncomingFeedback) => this.ingestOne(incoming));
    this.batch = sqlite.transaction((items: Pending[]) => {
      // The batch's first posts, added to the rollups together: one upsert per rollup row.
      const fresh = new Map<string, IngestedFeedback>();
      const addFresh = () => {
        this.addToRollups([...fresh.values()], 1);
        fresh.clear();
      };
      // The batch's first posts whose organisation has a webhook: their events are written to
      // the outbox off the request path, from one row of this transaction (sqlite-fanout.ts).
      const heard: string[] = [];
      const results = items.map((item) => {
        // A second post of an id first posted in this batch updates its rollups: theirs first.
        if (fresh.has(item.incoming.id)) addFresh();
        try {
          const { result, stored } = this.one(item.incoming);
          if (stored) {
            fresh.set(stored.id, stored);
            if (this.webhookFor(stored.serviceId)) heard.push(stored.id);
          }
          return result;
        } catch (error) {
          const unavailable = asUnavailable(error);
          // The database itself failed: the whole batch must roll back and be answered 503.
          if (unavailable !== error) throw unavailable;
          return { error };
        }
      });
      addFresh();
      this.fanout.add(heard, Date.now());
      return results;
    });
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
    const started = performance.now();
    // With a log to sync ourselves, this commit leaves the sync to it (NORMAL); every other
    // write of the store keeps syncing its own commit (FULL), and with it the log before it.
    try {
      if (this.wal) this.synchronous.normal.run();
      // Nothing else runs while the batch is written: no webhook comes or goes meanwhile.
      this.hasWebhook.clear();
      results = this.batch(items);
    } catch (error) {
      const failure = asUnavailable(error);
      for (const item of items) item.reject(failure);
      return;
    } finally {
      if (this.wal && this.sqlite.open) this.synchronous.full.run();
    }
    const answer = () => {
      this.committed(items.length, (performance.now() - started) / 1000);
      items.forEach((item, index) => {
        const result = results[index]!;
        if ('error' in result) item.reject(result.error);
        else item.resolve(result);
      });
    };
    if (!this.wal) return answer();
    // Nobody hears "stored" before the log that holds it is on disk.
    this.unsynced.push({ answer, fail: (error) => items.forEach((item) => item.reject(error)) });
    this.syncLog(this.wal);
  }

  /** One sync at a time; the batches committed meanwhile wait for the next one. */
  private syncLog(wal: Pick<WalSync, 'sync'>): void {
    if (this.syncing || this.unsynced.length === 0) return;
    this.syncing = true;
    const batches = this.unsynced;
    this.unsynced = [];
    wal
      .sync()
      .then(
        () => batches.forEach((batch) => batch.answer()),
        (error: unknown) => {
          // Committed, but perhaps not on disk: a 503, and the client's retry is `unchanged`.
          const code = (error as { code?: unknown }).code;
          const failure = new StoreUnavailableError(typeof code === 'string' ? code : 'sync', {
            cause: error,
          });
          batches.forEach((batch) => batch.fail(failure));
        },
      )
      .finally(() => {
        this.syncing = false;
        this.syncLog(wal);
      });
  }

  private ingestOne(incoming: IncomingFeedback): Ingested {
    // The common case first: a new id is inserted without a read before it.
    const fresh = decideIngest(undefined, incoming);
    if ('record' in fresh) {
      const { record } = fresh;
      // SQLite has no boolean: better-sqlite3 binds 0 or 1.
      if (this.insert.run({ ...feedbackValues(record), widget: record.widget ? 1 : 0 }).changes) {
        // Its rollups, and its webhook events if any, come with the batch's, once its savepoint
        // is released.
        return { result: fresh.result, stored: record };
      }
    }
    const row = this.select.get({ id: incoming.id }) as
      (FeedbackRow & { widget: number }) | undefined;
    // Not inserted and not there: an erased submission's replay, acknowledged, storing nothing.
    if (!row) return { result: { status: 'unchanged' } };
    const existing: IngestedFeedback = { ...toFeedback(row), widget: row.widget === 1 };
    const decision = decideIngest(existing, incoming);
    if (!('record' in decision)) return { result: decision.result };
    const { record } = decision;
    this.addToRollups([existing], -1);
    this.update.run(feedbackValues(record));
    this.addToRollups([record], 1);
    // An update that moved it to another step: the old step's first post may have been its own.
    const left = stepLeft(existing, record);
    if (left) this.stepFirstSeen.run(left);
    return { result: decision.result };
  }

  private webhookFor(serviceId: string): boolean {
    let any = this.hasWebhook.get(serviceId);
    if (any === undefined) {
      any = this.anyWebhook.get({ serviceId }) !== undefined;
      this.hasWebhook.set(serviceId, any);
    }
    return any;
  }

  /**
   * What submissions add to (1) or take from (-1) the rollups, summed per row: one upsert per
   * rollup row, for one submission or a batch's first posts.
   */
  private addToRollups(records: IngestedFeedback[], sign: 1 | -1): void {
    if (records.length === 0) return;
    const place = ['serviceId', 'day'] as const;
    const add = <D extends object>(
      statement: Prepared,
      deltas: D[],
      keys: readonly (keyof D & string)[],
      earliest?: keyof D & string,
    ) => {
      for (const delta of summedDeltas(deltas, keys, earliest)) statement.run(delta);
    };
    add(
      this.rollup,
      records.map((r) => rollupDelta(r, sign)),
      [...place, 'outcome'],
    );
    add(
      this.channelRollup,
      records.map((r) => channelDelta(r, sign)),
      [...place, 'channel'],
    );
    add(
      this.languageRollup,
      records.map((r) => languageDelta(r, sign)),
      [...place, 'lang'],
    );
    const steps = records.flatMap((r) => stepDelta(r, sign) ?? []);
    add(this.stepRollup, steps, [...place, 'step'], 'firstSeen');
    add(
      this.reasonCount,
      records.flatMap((r) => reasonDeltas(r, sign)),
      [...place, 'reason'],
    );
  }
}
