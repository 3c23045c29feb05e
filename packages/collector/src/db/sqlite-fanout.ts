import type Database from 'better-sqlite3';
import { feedbackEvents } from '../domain/webhooks.ts';
import { INGESTED_BY_ID } from './queries.ts';
import { toFeedback, type FeedbackRow } from './records.ts';
import { prepareNamed, type PreparedNamed } from './sqlite-statements.ts';
import { enqueueOf, ENQUEUE_SERVICE_EVENTS } from './webhook-queries.ts';

// Webhook fan-out on SQLite. Writing a submission's events to the outbox (its bodies built, one
// row per matching webhook, five b-trees each) cost ingest about half as much again as the rest of
// storing it, on the core that answers the submissions. So ingest writes, in the batch's own
// transaction, one row that names the batch's submissions whose organisation has a webhook
// (`webhook_fanout`), and the webhook worker writes their events later, within its share of a busy
// event loop (background-share.ts): at once while the loop has room, after a burst otherwise.
//
// Nothing is lost or sent twice: the row commits with its submissions, and a fan-out writes the
// events and deletes its rows in one transaction. The events are built from the submission as it
// is stored at that moment (an erased one has none; a redacted comment is redacted; a rating
// changed since decides whether it is also a low rating; a comment pruned by retention is gone),
// and matched against the webhooks as they are then: so that this is the answer the outbox would
// have given at ingest, everything that creates, deletes, enables or disables a webhook, moves a
// service to another organisation, or lists or claims deliveries, first writes the events still
// waiting, in its own transaction (listing, after a long peak, in several: sqlite-store.ts).

export class WebhookFanout {
  private readonly insert: Database.Statement;
  private readonly oldest: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly anyWaiting: Database.Statement;
  private readonly waitingCount: Database.Statement;
  private readonly submission: PreparedNamed;
  private readonly enqueue: PreparedNamed;

  constructor(sqlite: Database.Database) {
    this.insert = sqlite.prepare(
      'insert into webhook_fanout (feedback_ids, created_at) values (?, ?)',
    );
    this.oldest = sqlite.prepare(
      'select id, feedback_ids as ids from webhook_fanout order by id limit 1',
    );
    this.remove = sqlite.prepare('delete from webhook_fanout where id = ?');
    this.anyWaiting = sqlite.prepare('select 1 from webhook_fanout limit 1').pluck();
    this.waitingCount = sqlite
      .prepare('select coalesce(sum(json_array_length(feedback_ids)), 0) from webhook_fanout')
      .pluck();
    this.submission = prepareNamed(sqlite, INGESTED_BY_ID);
    this.enqueue = prepareNamed(sqlite, ENQUEUE_SERVICE_EVENTS);
  }

  /** In ingest's batch transaction: the events of these submissions are to be written. */
  add(feedbackIds: readonly string[], now: number): void {
    if (feedbackIds.length > 0) this.insert.run(JSON.stringify(feedbackIds), now);
  }

  /** Whether any submission waits for its events. */
  waiting(): boolean {
    return this.anyWaiting.get() !== undefined;
  }

  /** How many submissions wait for their events (an operator's count). */
  count(): number {
    return this.waitingCount.get() as number;
  }

  /**
   * In an open transaction: writes the events of the oldest batches that wait, batch by batch,
   * until `limit` submissions are done or none wait; how many submissions it took.
   */
  writeIn(limit: number): number {
    let done = 0;
    while (done < limit) {
      const batch = this.oldest.get() as { id: number; ids: string } | undefined;
      if (!batch) break;
      for (const id of JSON.parse(batch.ids) as string[]) {
        const row = this.submission.get({ id }) as FeedbackRow | undefined;
        // Erased meanwhile: its events went with it.
        if (row) this.enqueue.run(enqueueOf(feedbackEvents(toFeedback(row))).values);
        done += 1;
      }
      this.remove.run(batch.id);
    }
    return done;
  }
}
