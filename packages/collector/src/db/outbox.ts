import { withComment, type OutboxEvent } from '../domain/webhooks.ts';
import type { Executor } from './acting-sql-store.ts';
import * as w from './webhook-queries.ts';

// The outbox as other transactions write it: an event with its cause (a report handed in), and
// an erased or redacted submission's comment taken out of what is still to be delivered.

/** Writes the outbox rows of a cause's events (one, or two of one service) in `tx`. */
export async function enqueueIn(tx: Executor, ...events: OutboxEvent[]): Promise<void> {
  const { query, values } = w.enqueueOf(events);
  await tx.runNamed(query, values);
}

/** An erased submission: its events leave the outbox with it. */
export async function eraseFromOutbox(tx: Executor, feedbackId: string): Promise<void> {
  await tx.run(w.deleteDeliveriesOf(feedbackId));
}

/** A redacted comment: the bodies that carry it carry the redacted text from now on. */
export async function redactInOutbox(
  tx: Executor,
  feedbackId: string,
  comment: string,
): Promise<void> {
  const rows = await tx.rows<{ id: string; webhookId: string; payload: string }>(
    w.payloadsOf(feedbackId),
  );
  for (const row of rows) {
    const payload = withComment(row.payload, comment);
    if (payload !== row.payload) await tx.run(w.setPayload(row.id, row.webhookId, payload));
  }
}
