import type { Env } from '../config/env.ts';
import type { Logger } from '../config/logger.ts';
import type { Store } from '../domain/store.ts';
import type { BackgroundShare } from './background-share.ts';
import { scheduleDigests } from './digest-schedule.ts';
import { smtpSender } from './mail-sender.ts';
import { startMailWorker } from './mail-worker.ts';

/** Sent messages are kept this long (their rows name the address), then deleted. */
export const MAIL_KEPT_DAYS = 30;

/**
 * E-mail in a server process: with SMTP_URL, the digests' schedule and the mail worker; without
 * it, nothing (subscriptions can still be managed; alerts and notices wait, and are given up
 * after 7 days). `stop()` ends both and waits for the messages in flight.
 */
export function startMailDelivery(options: {
  env: Pick<Env, 'SMTP_URL' | 'MAIL_FROM' | 'PUBLIC_URL' | 'MIN_PUBLIC_N' | 'RETENTION_DAYS'>;
  store: Store;
  logger: Logger;
  /** The process's share of a busy event loop, shared with the webhook worker. */
  share?: BackgroundShare;
}): { stop(): Promise<void> } {
  const { env, store, logger, share } = options;
  // readEnv made MAIL_FROM and PUBLIC_URL required with SMTP_URL.
  if (!env.SMTP_URL || !env.MAIL_FROM || !env.PUBLIC_URL) return { stop: async () => undefined };
  if (env.PUBLIC_URL.startsWith('http://')) {
    // Allowed (a test setup), but mail clients offer one-click unsubscribe only for https links.
    logger.warn('PUBLIC_URL is http://: mail clients show no one-click unsubscribe for its links', {
      publicUrl: env.PUBLIC_URL,
    });
  }
  const worker = startMailWorker({
    store,
    sender: smtpSender({ url: env.SMTP_URL, from: env.MAIL_FROM }),
    logger,
    publicUrl: env.PUBLIC_URL,
    minPublicN: env.MIN_PUBLIC_N,
    keepMs: Math.min(MAIL_KEPT_DAYS, env.RETENTION_DAYS) * 86_400_000,
    ...(share ? { share } : {}),
  });
  const digests = scheduleDigests({ store, logger });
  return {
    async stop() {
      digests.stop();
      await worker.stop();
    },
  };
}
