import type { Alert } from '@vo-feedback/shared';
import type { Logger } from '../config/logger.ts';
import {
  MAIL_EXPIRY_MS,
  MAIL_LEASE_MS,
  MAIL_RETRY_DELAYS_MS,
  unsubscribeUrl,
  type ClaimedMail,
  type DigestPayload,
  type MailPayload,
  type WebhookDisabledPayload,
} from '../domain/mail.ts';
import type { Store } from '../domain/store.ts';
import { delayAfter } from '../domain/webhooks.ts';
import { digestMail } from '../views/mail-digest.ts';
import type { MailRecipient, RenderedMail } from '../views/mail-layout.ts';
import { alertMail, webhookDisabledMail } from '../views/mail-notices.ts';
import { runRounds, type BackgroundShare } from './background-share.ts';
import { buildDigest } from './digest.ts';
import { mailError, type MailSender } from './mail-sender.ts';

// The mail worker: in each server process started with SMTP_URL (and in `digests send --now`) it
// claims due messages of the mail outbox, renders each from its payload — a digest's figures are
// computed now, from the same use cases as the API — and sends it through SMTP outside any
// transaction, then records it: sent, or retried on the schedule (1 min … 12 h), failed after the
// seventh attempt. As the webhook worker: several instances on PostgreSQL claim each attempt
// once; one whose instance died is claimed again when its lease has passed. Just before it sends,
// an attempt extends its lease, fenced by its number: one that outlived its lease (a slow render)
// and was claimed again meanwhile sends nothing, so the two claims never both send.

export interface MailWorkerOptions {
  store: Store;
  sender: MailSender;
  logger: Logger;
  /** PUBLIC_URL, without a trailing slash: the unsubscribe and dashboard links. */
  publicUrl: string;
  /** MIN_PUBLIC_N: a digest marks a satisfaction on fewer answers "weinig antwoorden". */
  minPublicN: number;
  now?: () => number;
  /** The retry schedule times this (tests). Default 1. */
  retryScale?: number;
  leaseMs?: number;
  /**
   * Messages claimed at once (and sent concurrently). Default 2: a digest reads each service's
   * figures and comments on the database's connections, and the SMTP pool has two.
   */
  batch?: number;
  /** How often to look for due messages when there were none. Default 2 s. */
  pollMs?: number;
  /** Sent and failed messages are deleted this long after they were queued (no pruning without it). */
  keepMs?: number;
  /** Pending messages are given up this long after they were queued. Default MAIL_EXPIRY_MS. */
  expireMs?: number;
  /**
   * The server's share of a busy event loop for background work: after each batch the worker
   * waits for its pause (background-share.ts). Without one it never yields (the CLI, tests).
   */
  share?: BackgroundShare;
}

/**
 * The headers of a message: no auto-replies, and the one-click unsubscribe of RFC 8058 — but not
 * on a notice (`link` undefined), which every subscriber gets and no subscription's link ends.
 */
export function mailHeaders(link: string | undefined): Record<string, string> {
  return {
    ...(link === undefined
      ? {}
      : { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }),
    'Auto-Submitted': 'auto-generated',
    'X-Auto-Response-Suppress': 'All',
  };
}

/** The dashboard's page of an organisation's e-mail subscriptions, under PUBLIC_URL/dashboard/. */
const SUBSCRIPTIONS_PAGE = '#/meldingen';

/**
 * A claimed message as it is sent now: rendered from its payload for its subscription, whose
 * one-click unsubscribe link is `link`.
 */
export async function renderMail(
  options: Pick<MailWorkerOptions, 'store' | 'publicUrl' | 'minPublicN' | 'now'>,
  mail: ClaimedMail,
  link: string,
): Promise<RenderedMail> {
  const { store, publicUrl } = options;
  const { subscription } = mail;
  const organisation = await store.getOrganisation(subscription.organisationId);
  const recipient: MailRecipient = {
    email: subscription.email,
    frequency: subscription.frequency,
    organisationName: organisation?.name ?? subscription.organisationId,
    unsubscribeUrl: link,
  };
  const dashboard = `${publicUrl}/dashboard/`;
  const payload = JSON.parse(mail.payload) as MailPayload;
  switch (mail.kind) {
    case 'digest': {
      const digest = await buildDigest(store, subscription, payload as DigestPayload, {
        organisationName: recipient.organisationName,
        minimum: options.minPublicN,
        now: options.now?.(),
      });
      return digestMail(digest, recipient, dashboard);
    }
    case 'alert':
      return alertMail((payload as { alert: Alert }).alert, recipient, dashboard);
    case 'notice':
      return webhookDisabledMail(
        payload as WebhookDisabledPayload,
        { ...recipient, manageUrl: `${dashboard}${SUBSCRIPTIONS_PAGE}` },
        dashboard,
      );
  }
}

/** Messages a worker claims at once when not told otherwise. */
export const MAIL_BATCH = 2;

type Outcome = 'sent' | 'failed' | 'superseded';

/** One attempt of one claimed message: rendered, sent, recorded. What came of it. */
async function attemptMail(options: MailWorkerOptions, mail: ClaimedMail): Promise<Outcome> {
  const now = options.now ?? Date.now;
  // The message's and subscription's ids, never the address.
  const fields = {
    mailId: mail.id,
    kind: mail.kind,
    subscriptionId: mail.subscription.id,
    attempt: mail.attempts,
  };
  let error: string | null = null;
  try {
    const link = unsubscribeUrl(options.publicUrl, mail.subscription.unsubscribeToken);
    const rendered = await renderMail(options, mail, link);
    // The render may have taken longer than the lease: another worker may own the message now.
    if (!(await options.store.extendMailLease(mail, now() + (options.leaseMs ?? MAIL_LEASE_MS)))) {
      options.logger.warn('mail attempt superseded', fields);
      return 'superseded';
    }
    await options.sender.send({
      to: mail.toAddress,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers: mailHeaders(mail.kind === 'notice' ? undefined : link),
    });
  } catch (failure) {
    error = mailError(failure);
  }
  const finished = now();
  const delay =
    error === null
      ? undefined
      : delayAfter(MAIL_RETRY_DELAYS_MS, mail.attempts, options.retryScale);
  await options.store.recordMailAttempt({
    mail,
    sent: error === null,
    error,
    nextAttemptAt: delay === undefined ? null : finished + delay,
    now: finished,
  });
  if (error === null) options.logger.info('mail sent', fields);
  else {
    options.logger.warn('mail attempt failed', {
      ...fields,
      error,
      nextAttemptAt: delay === undefined ? null : new Date(finished + delay).toISOString(),
    });
  }
  return error === null ? 'sent' : 'failed';
}

/**
 * Claims the messages due now (`only`: of these) and makes one attempt of each, concurrently. The
 * claim and each result are short statements of their own: no transaction is open while a
 * message is rendered or on its way. `attempted` leaves out an attempt that found its message
 * claimed again by another worker (which makes that attempt).
 */
export async function sendDueMails(
  options: MailWorkerOptions,
  only?: readonly string[],
): Promise<{ attempted: number; sent: number; failed: number }> {
  const now = (options.now ?? Date.now)();
  const claimed = await options.store.claimMails(
    now,
    now + (options.leaseMs ?? MAIL_LEASE_MS),
    options.batch ?? MAIL_BATCH,
    only,
  );
  const results = await Promise.all(
    claimed.map((mail) =>
      attemptMail(options, mail).catch((error: unknown) => {
        // Not recorded (the database went away): the lease passes and the attempt is made again.
        options.logger.error('mail attempt not recorded', {
          mailId: mail.id,
          error: error instanceof Error ? error.message : String(error),
        });
        return 'failed' as const;
      }),
    ),
  );
  const count = (outcome: Outcome) => results.filter((result) => result === outcome).length;
  return {
    attempted: results.length - count('superseded'),
    sent: count('sent'),
    failed: count('failed'),
  };
}

/**
 * Runs the worker until `stop()`: sends what is due, again at once after a full batch, else after
 * `pollMs`; prunes hourly. `stop()` waits for the round in flight and closes the SMTP connections.
 * With a `share`, a batch is followed by its pause: none while the event loop has room, else
 * nineteen times the batch's time (a digest round sent during a burst of submissions finishes
 * after it).
 */
export function startMailWorker(options: MailWorkerOptions): { stop(): Promise<void> } {
  const now = options.now ?? Date.now;
  const pollMs = options.pollMs ?? 2_000;
  const batch = options.batch ?? MAIL_BATCH;
  let lastPrune = 0;
  const rounds = runRounds(
    async () => {
      let attempted = 0;
      try {
        // Pruning first: a message queued long ago (alerts and notices are queued whether or not
        // SMTP_URL is set) is given up before a worker's first round could send it late.
        if (options.keepMs !== undefined && now() - lastPrune >= 3_600_000) {
          lastPrune = now();
          await options.store.pruneMails(
            now() - options.keepMs,
            now() - (options.expireMs ?? MAIL_EXPIRY_MS),
          );
        }
        attempted = (await sendDueMails({ ...options, batch })).attempted;
      } catch (error) {
        // The database is away: try again on the next round.
        options.logger.error('mail worker round failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
      // Between batches, after the leases' results are recorded, comes the share's pause: a
      // digest's render (its services' figures, synchronous reads on SQLite) waits there while
      // submissions keep the loop busy.
      return { worked: attempted, full: attempted >= batch };
    },
    pollMs,
    options.share,
  );
  return {
    async stop() {
      await rounds.stop();
      options.sender.close();
    },
  };
}
