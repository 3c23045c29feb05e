import type { Logger } from '../config/logger.ts';
import type { Store } from '../domain/store.ts';
import {
  delayAfter,
  DELIVERY_TIMEOUT_MS,
  DISABLE_AFTER_MS,
  HISTORY_KEPT,
  LEASE_MS,
  RETRY_DELAYS_MS,
  webhookSignature,
  type AttemptResult,
  type ClaimedDelivery,
} from '../domain/webhooks.ts';
import { runRounds, type BackgroundShare } from './background-share.ts';
import type { WebhookSender } from './webhook-sender.ts';

// The delivery worker: in each server process (never in the CLI) it claims due outbox rows, sends
// each as a signed POST outside any transaction, and records the result: delivered on a 2xx,
// otherwise the next attempt on the schedule or, after the eighth, failed. With several instances
// on PostgreSQL each attempt is claimed by one of them; an attempt whose instance died is claimed
// again when its lease has passed. At least once: a receiver deduplicates on `webhook-id`.

export interface WebhookWorkerOptions {
  store: Store;
  send: WebhookSender;
  logger: Logger;
  now?: () => number;
  /** The retry schedule times this (tests: 0.001 makes 5 min 300 ms). Default 1. */
  retryScale?: number;
  timeoutMs?: number;
  leaseMs?: number;
  /**
   * Deliveries claimed at once (and sent concurrently). Default 16; startWebhookWorker claims up
   * to four times as many while a backlog lasts.
   */
  batch?: number;
  /** How often to look for due deliveries when there were none. Default 1 s. */
  pollMs?: number;
  /** Delivered and failed deliveries are deleted this long after they were written. */
  keepMs?: number;
  /**
   * The server's share of a busy event loop for background work: after each batch the worker
   * waits for its pause (background-share.ts). Without one it never yields (the CLI, tests).
   */
  share?: BackgroundShare;
}

const DISABLED_REASON =
  'Every delivery failed for 5 days. Fix the receiver, then resend a delivery to enable it again.';

/** One attempt of one claimed delivery, sent: its result, to record, and its log fields. */
interface Attempted {
  result: AttemptResult;
  fields: Record<string, unknown>;
  /** The failure's log fields; undefined when delivered. */
  failure?: Record<string, unknown>;
}

/** Sends one attempt of a claimed delivery. */
async function attempt(
  options: WebhookWorkerOptions,
  delivery: ClaimedDelivery,
): Promise<Attempted> {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const at = now();
  const timestamp = Math.floor(at / 1000);
  const started = performance.now();
  const response = await options.send({
    url: delivery.url,
    body: delivery.payload,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'vo-feedback-webhooks',
      'webhook-id': delivery.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': webhookSignature(
        delivery.secret,
        delivery.id,
        timestamp,
        delivery.payload,
      ),
    },
    timeoutMs,
  });
  const ms = Math.round(performance.now() - started);
  const statusCode = response.statusCode ?? null;
  const delivered = statusCode !== null && statusCode >= 200 && statusCode < 300;
  const error = response.error ?? (delivered ? null : `HTTP ${statusCode}`);
  const finished = now();
  const delay = delivered
    ? undefined
    : delayAfter(RETRY_DELAYS_MS, delivery.roundAttempts, options.retryScale);
  const history = [
    ...delivery.history,
    { attempt: delivery.attempts, at, statusCode, error: delivered ? null : error, ms },
  ].slice(-HISTORY_KEPT);
  // The webhook's id and the event's, never the URL: its path or query may hold a receiver's token.
  const fields = {
    webhookId: delivery.webhookId,
    deliveryId: delivery.id,
    event: delivery.event,
    attempt: delivery.attempts,
    statusCode,
    ms,
  };
  return {
    result: {
      delivery,
      history,
      statusCode,
      error: delivered ? null : error,
      delivered,
      nextAttemptAt: delay === undefined ? null : finished + delay,
      now: finished,
    },
    fields,
    ...(delivered
      ? {}
      : {
          failure: {
            error,
            nextAttemptAt: delay === undefined ? null : new Date(finished + delay).toISOString(),
          },
        }),
  };
}

/**
 * Claims the deliveries due now, makes one attempt of each, concurrently, and records their
 * results together in one transaction, in the order they came in (recordAttempts: the same rows
 * as one transaction each); how many it attempted. No transaction is open while a request is on
 * its way. The log has a line per failed attempt and one for the batch's delivered ones.
 */
export async function deliverDue(options: WebhookWorkerOptions): Promise<number> {
  return (await deliverBatch(options)).attempted;
}

/** deliverDue, and the longest attempt of the batch in ms (0 for none). */
async function deliverBatch(
  options: WebhookWorkerOptions,
): Promise<{ attempted: number; slowestMs: number }> {
  const now = (options.now ?? Date.now)();
  const claimed = await options.store.claimDeliveries(
    now,
    now + (options.leaseMs ?? LEASE_MS),
    options.batch ?? 16,
  );
  if (claimed.length === 0) return { attempted: 0, slowestMs: 0 };
  const started = performance.now();
  const attempted: Attempted[] = [];
  await Promise.all(
    claimed.map(async (delivery) => attempted.push(await attempt(options, delivery))),
  );
  let outcomes: { disabled: boolean }[];
  try {
    outcomes = await options.store.recordAttempts(
      attempted.map((a) => a.result),
      DISABLE_AFTER_MS,
      DISABLED_REASON,
    );
  } catch (error) {
    // Not recorded (the database went away): the leases pass and the attempts are made again.
    const message = error instanceof Error ? error.message : String(error);
    for (const { fields } of attempted) {
      options.logger.error('webhook attempt not recorded', {
        webhookId: fields.webhookId,
        deliveryId: fields.deliveryId,
        error: message,
      });
    }
    return { attempted: claimed.length, slowestMs: Infinity };
  }
  const slowestMs = Math.max(...attempted.map((a) => a.fields.ms as number));
  const delivered = attempted.filter((a) => !a.failure);
  if (delivered.length > 0) {
    options.logger.info('webhooks delivered', {
      count: delivered.length,
      webhookIds: [...new Set(delivered.map((a) => a.fields.webhookId))],
      slowestMs,
      ms: Math.round(performance.now() - started),
    });
  }
  attempted.forEach(({ fields, failure }, index) => {
    if (failure) options.logger.warn('webhook attempt failed', { ...fields, ...failure });
    // Its organisation's subscribers hear of it by mail: recordAttempts queued the notice in the
    // transaction that disabled it.
    if (outcomes[index]?.disabled) {
      options.logger.warn('webhook disabled', { webhookId: fields.webhookId });
    }
  });
  return { attempted: claimed.length, slowestMs };
}

/**
 * Runs the worker until `stop()`: delivers what is due, again at once while there was a full
 * batch, else after `pollMs`; prunes finished deliveries hourly. `stop()` waits for the round in
 * flight (at most the timeout), so that shutdown closes the database after it.
 *
 * While a backlog lasts (full batches) and every receiver answers fast, each claim is twice the
 * last, up to four times `batch`: the claim, the results' transaction and its sync of the log are
 * per batch, and so is the log line. The requests still go to a receiver over at most 16
 * connections (webhook-sender.ts); the others wait for one, within their own timeout, so a batch
 * ends within the timeout and its lease (twice that) holds. A slow answer (a tenth of the
 * timeout, waiting included) or a batch that was not full brings the claim back to `batch`.
 * With a `share`, a batch is followed by its pause: none while the event loop has room, else
 * nineteen times the batch's time, so that a burst of submissions is not slowed by delivering
 * them; their deliveries wait in the outbox and go at full speed once the burst is over.
 */
export function startWebhookWorker(options: WebhookWorkerOptions): { stop(): Promise<void> } {
  const now = options.now ?? Date.now;
  const pollMs = options.pollMs ?? 1_000;
  const batch = options.batch ?? 16;
  const fastMs = (options.timeoutMs ?? DELIVERY_TIMEOUT_MS) / 10;
  let claim = batch;
  let lastPrune = 0;
  return runRounds(
    async () => {
      let full = false;
      let attempted = 0;
      try {
        const done = await deliverBatch({ ...options, batch: claim });
        attempted = done.attempted;
        full = attempted >= claim;
        claim = full && done.slowestMs <= fastMs ? Math.min(claim * 2, batch * 4) : batch;
        if (options.keepMs !== undefined && now() - lastPrune >= 3_600_000) {
          lastPrune = now();
          await options.store.pruneDeliveries(now() - options.keepMs);
        }
      } catch (error) {
        // The database is away: try again on the next round.
        claim = batch;
        options.logger.error('webhook worker round failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
      return { worked: attempted, full };
    },
    pollMs,
    options.share,
  );
}
