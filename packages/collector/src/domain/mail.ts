import { randomBytes } from 'node:crypto';
import type { Alert, SubscriptionFrequency } from '@vo-feedback/shared';
import { addDays, type Period } from './period.ts';

// E-mail to staff: subscriptions, and the mail outbox the worker sends from. A message is a row
// with a dedupe key (`digest:<subscription>:<period>`, `alert:<alert>:<subscription>`, …): queued
// with `on conflict do nothing`, so that however many instances queue it, and however often after
// a restart, it is sent once. Its payload says what it is about; it is rendered when it is sent.

/** A subscription as the store keeps it: with the secret of its unsubscribe link. */
export interface SubscriptionRecord {
  id: string;
  organisationId: string;
  /** Lower case; a staff member's, never a citizen's. */
  email: string;
  frequency: SubscriptionFrequency;
  /** null: every service of the organisation. */
  serviceIds: string[] | null;
  /** 32 random bytes, base64url: the one-click unsubscribe link's secret. */
  unsubscribeToken: string;
  createdAt: number;
  createdBy: string;
}

export type MailKind = 'digest' | 'alert' | 'notice';
export type MailStatus = 'pending' | 'sent' | 'failed';

/** A digest's payload: the period it covers, and whether it is a period so far (`--now`). */
export interface DigestPayload {
  frequency: 'weekly' | 'monthly';
  period: Period;
  /** The period is not over: `digests send --now` sent what there is so far. */
  soFar: boolean;
}

/** A notice: a webhook of the organisation was disabled after 5 days of failures. */
export interface WebhookDisabledPayload {
  notice: 'webhook-disabled';
  webhookId: string;
  /** The receiver's host only: a URL's path or query may carry the receiver's token. */
  host: string;
  failingSince: number | null;
  disabledAt: number;
}

export type MailPayload = DigestPayload | { alert: Alert } | WebhookDisabledPayload;

/** A message to queue: one row of the outbox, due at once. */
export interface QueuedMail {
  id: string;
  dedupeKey: string;
  kind: MailKind;
  subscriptionId: string;
  toAddress: string;
  payload: string;
  createdAt: number;
}

/** A message a worker claimed for one attempt, with the subscription it goes to. */
export interface ClaimedMail {
  id: string;
  kind: MailKind;
  toAddress: string;
  payload: string;
  /** This attempt's number: the claim's fence when its result is recorded. */
  attempts: number;
  createdAt: number;
  subscription: SubscriptionRecord;
}

/** What one attempt came to. */
export interface MailAttemptResult {
  mail: Pick<ClaimedMail, 'id' | 'attempts'>;
  sent: boolean;
  error: string | null;
  /** When to try again; null when sent or out of attempts (then `failed`). */
  nextAttemptAt: number | null;
  now: number;
}

/**
 * Attempts after the first: 1 min, 5 min, 30 min, 2 h, 6 h and 12 h — seven attempts over about
 * 21 hours, long enough for a mail server's maintenance window, then the message has failed.
 */
export const MAIL_RETRY_DELAYS_MS = [
  60_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
] as const;

/** No answer from the SMTP server within this long fails the attempt. */
export const MAIL_TIMEOUT_MS = 30_000;

/**
 * How long a claimed message is a worker's own: rendering a digest (its themes read the period's
 * comments) and the SMTP exchange; a worker that died leaves it to be claimed again after it.
 */
export const MAIL_LEASE_MS = 5 * 60_000;

/** A message still unsent this long after it was queued is given up (a worker that never ran). */
export const MAIL_EXPIRY_MS = 7 * 86_400_000;

/** A new unsubscribe secret: 32 random bytes, base64url (43 characters). */
export function newUnsubscribeToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What an unsubscribe link's token looks like; anything else is no token of ours. */
export const UNSUBSCRIBE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The one-click unsubscribe link of a subscription (PUBLIC_URL without a trailing slash). */
export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/unsubscribe/${token}`;
}

/** `2026-06-01..2026-06-07`: a period as a dedupe key names it. */
export const periodKey = (period: Period) => `${period.from}..${period.to}`;

export const digestKey = (subscriptionId: string, period: Period, run?: string) =>
  `digest:${subscriptionId}:${periodKey(period)}${run === undefined ? '' : `:${run}`}`;

export const alertKey = (alertId: string, subscriptionId: string) =>
  `alert:${alertId}:${subscriptionId}`;

export const webhookNoticeKey = (webhookId: string, disabledAt: number, subscriptionId: string) =>
  `notice:webhook-disabled:${webhookId}:${disabledAt}:${subscriptionId}`;

// ---------------------------------------------------------------------------------------------
// Periods of digests, in Brussels calendar days (YYYY-MM-DD).

/** The Monday of the week (Monday–Sunday) that holds `day`. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The last day of the month before the one that holds `day`. */
const endOfPreviousMonth = (day: string) => addDays(`${day.slice(0, 7)}-01`, -1);

/**
 * The period a scheduled digest covers, sent on `day`: the week before (Monday–Sunday) for a
 * weekly one, the month before for a monthly one.
 */
export function completedPeriod(frequency: 'weekly' | 'monthly', day: string): Period {
  if (frequency === 'weekly') {
    const monday = mondayOf(day);
    return { from: addDays(monday, -7), to: addDays(monday, -1) };
  }
  const to = endOfPreviousMonth(day);
  return { from: `${to.slice(0, 7)}-01`, to };
}

/** The period so far on `day`: this week from its Monday, or this month from its first day. */
export function periodSoFar(frequency: 'weekly' | 'monthly', day: string): Period {
  return { from: frequency === 'weekly' ? mondayOf(day) : `${day.slice(0, 7)}-01`, to: day };
}

/**
 * What a digest's change compares with. Weekly: the same days one week earlier (a week with the
 * week before; Monday–Wednesday so far with Monday–Wednesday of the week before). Monthly: the
 * month before; a month so far with the same days of the month before, up to its last day
 * (1–31 March with 1–28 February).
 */
export function previousDigestPeriod(payload: DigestPayload): Period {
  const { period } = payload;
  if (payload.frequency === 'weekly')
    return { from: addDays(period.from, -7), to: addDays(period.to, -7) };
  const last = endOfPreviousMonth(period.from);
  const month = last.slice(0, 7);
  if (!payload.soFar) return { from: `${month}-01`, to: last };
  const day = `${month}-${period.to.slice(8, 10)}`;
  return { from: `${month}-01`, to: day < last ? day : last };
}
