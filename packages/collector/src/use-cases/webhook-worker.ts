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
  type ClaimedDelivery,
} from '../domain/webhooks.ts';
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
  /** Deliveries claimed at once (and sent concurrently). Default 16. */
  batch?: number;
  /** How often to look for due deliveries when there were none. Default 1 s. */
  pollMs?: number;
  /** Delivered and failed deliveries are deleted this long after they were written. */
  keepMs?: number;
}

const DISABLED_REASON =
  'Every delivery failed for 5 days. Fix the receiver, then resend a delivery to enable it again.';

/** One attempt of one claimed delivery: sent, then recorded. */
async function attempt(options: WebhookWorkerOptions, delivery: ClaimedDelivery): Promise<void> {
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
  const { disabled } = await options.store.recordAttempt(
    {
      delivery,
      history,
      statusCode,
      error: delivered ? null : error,
      delivered,
      nextAttemptAt: delay === undefined ? null : finished + delay,
      now: finished,
    },
    finished - DISABLE_AFTER_MS,
    DISABLED_REASON,
  );
  // The webhook's id and the event's, never the URL: its path or query may hold a receiver's token.
  const fields = {
    webhookId: delivery.webhookId,
    deliveryId: delivery.id,
    event: delivery.event,
    attempt: delivery.attempts,
    statusCode,
    ms,
  };
  if (delivered) options.logger.info('webhook delivered', fields);
  else {
    options.logger.warn('webhook attempt failed', {
      ...fields,
      error,
      nextAttemptAt: delay === undefined ? null : new Date(finished + delay).toISOString(),
    });
  }
  if (disabled) {
    // Its organisation's subscribers hear of it by mail: recordAttempt queued the notice in the
    // transaction that disabled it.
    options.logger.warn('webhook disabled', { webhookId: delivery.webhookId });
  }
}

/**
 * Claims the deliveries due now and makes one attempt of each, concurrently; how many it
 * attempted. The claim and each result are short statements of their own: no transaction is open
 * while a request is on its way.
 */
export async function deliverDue(options: WebhookWorkerOptions): Promise<number> {
  const now = (options.now ?? Date.now)();
  const claimed = await options.store.claimDeliveries(
    now,
    now + (options.leaseMs ?? LEASE_MS),
    options.batch ?? 16,
  );
  await Promise.all(
    claimed.map((delivery) =>
      attempt(options, delivery).catch((error: unknown) => {
        // Not recorded (the database went away): the lease passes and the attempt is made again.
        options.logger.error('webhook attempt not recorded', {
          webhookId: delivery.webhookId,
          deliveryId: delivery.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }),
    ),
  );
  return claimed.length;
}

/**
 * Runs the worker until `stop()`: delivers what is due, again at once while there was a full
 * batch, else after `pollMs`; prunes finished deliveries hourly. `stop()` waits for the round in
 * flight (at most the timeout), so that shutdown closes the database after it.
 */
export function startWebhookWorker(options: WebhookWorkerOptions): { stop(): Promise<void> } {
  const now = options.now ?? Date.now;
  const pollMs = options.pollMs ?? 1_000;
  const batch = options.batch ?? 16;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  let lastPrune = 0;

  const run = async () => {
    let attempted = 0;
    try {
      attempted = await deliverDue({ ...options, batch });
      if (options.keepMs !== undefined && now() - lastPrune >= 3_600_000) {
        lastPrune = now();
        await options.store.pruneDeliveries(now() - options.keepMs);
      }
    } catch (error) {
      // The database is away: try again on the next round.
      options.logger.error('webhook worker round failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    if (!stopped) timer = setTimeout(tick, attempted >= batch ? 0 : pollMs);
  };
  const tick = () => {
    round = run();
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}
