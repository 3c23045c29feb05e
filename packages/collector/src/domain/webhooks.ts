import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type {
  Alert,
  DeliveryAttempt,
  FeedbackEventData,
  ReportEventData,
  WebhookEvent,
} from '@vo-feedback/shared';
import type { SubmissionRecord } from './acting-store.ts';
import type { FeedbackRecord } from './store.ts';

// Webhooks after the Standard Webhooks specification: the events, their bodies, the signature and
// the retry schedule. The outbox (one row per event and webhook, written in the transaction of
// its cause) and the worker that delivers it build on these, and so do alerts.

/** A webhook as the store keeps it: the secret too, which is needed to sign. */
export interface WebhookRecord {
  id: string;
  organisationId: string;
  url: string;
  events: WebhookEvent[];
  /** null: every service of the organisation. */
  serviceIds: string[] | null;
  includeComment: boolean;
  /** `whsec_` + base64 of the key, stored as it was shown once. */
  secret: string;
  createdAt: number;
  createdBy: string;
  failingSince: number | null;
  disabledAt: number | null;
  disabledReason: string | null;
}

/** One attempt as a delivery's history keeps it (`at` in ms). */
export type AttemptRecord = Omit<DeliveryAttempt, 'at'> & { at: number };

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event for one webhook: an outbox row. */
export interface DeliveryRecord {
  /** The event's id, `msg_…`: the `webhook-id` of every attempt. */
  id: string;
  webhookId: string;
  event: WebhookEvent;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: number | null;
  deliveredAt: number | null;
  createdAt: number;
  history: AttemptRecord[];
}

/** A delivery a worker claimed for one attempt, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  webhookId: string;
  event: WebhookEvent;
  /** The exact body, the same bytes on every attempt. */
  payload: string;
  /** This attempt's number, resends included: the claim's fence when its result is recorded. */
  attempts: number;
  /** Attempts since it was written or resent: its place in the retry schedule. */
  roundAttempts: number;
  history: AttemptRecord[];
  url: string;
  secret: string;
}

/** What one attempt came to, as the worker records it. */
export interface AttemptResult {
  delivery: Pick<ClaimedDelivery, 'id' | 'webhookId' | 'attempts'>;
  /** The history with this attempt added. */
  history: AttemptRecord[];
  statusCode: number | null;
  error: string | null;
  delivered: boolean;
  /** When to try again; null when delivered or out of attempts (then `failed`). */
  nextAttemptAt: number | null;
  now: number;
}

/**
 * An event in the outbox: written once per matching webhook, in the transaction of its cause.
 * `serviceId` set: the webhooks of that service's organisation whose service filter lets it pass;
 * else those of `organisationId`, whatever their filter.
 */
export interface OutboxEvent {
  /** `msg_` + a time-ordered UUID (v7): the `webhook-id` header of every attempt. */
  id: string;
  type: WebhookEvent;
  serviceId: string | null;
  organisationId: string | null;
  /** What an erasure or a redaction finds it by: the submission's id, or `report:…`. */
  subject: string;
  at: number;
  /** The body with the comment (for webhooks with `includeComment`) and without it. */
  body: string;
  briefBody: string;
}

/**
 * The Standard Webhooks schedule: the first attempt at once, then after 5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h and 10 h — eight attempts over about 27.6 hours, then the delivery has failed.
 */
export const RETRY_DELAYS_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
] as const;

/** A webhook every attempt to which failed for this long is disabled. */
export const DISABLE_AFTER_MS = 5 * 24 * 3_600_000;

/** No answer within this long is a failed attempt. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * How long a claimed attempt is an instance's own. Longer than the timeout: an instance that is
 * still sending keeps it; one that died (kill -9) leaves it to be claimed again when it expires.
 */
export const LEASE_MS = 2 * DELIVERY_TIMEOUT_MS;

/**
 * The delay before the next attempt after `attempts` failed ones on the schedule `delays`
 * (RETRY_DELAYS_MS, MAIL_RETRY_DELAYS_MS), `scale` times it (tests shrink it); undefined when
 * none is left.
 */
export function delayAfter(
  delays: readonly number[],
  attempts: number,
  scale = 1,
): number | undefined {
  const delay = delays[attempts - 1];
  return delay === undefined ? undefined : Math.round(delay * scale);
}

/** A new signing secret: `whsec_` and 32 random bytes in base64 (the specification: 24–64). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * `webhook-signature`: `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`, keyed with the
 * bytes the secret encodes after `whsec_`.
 */
export function webhookSignature(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`, 'utf8');
  return `v1,${mac.digest('base64')}`;
}

/**
 * An event id: `msg_` and a UUID v7 (the time in its first 48 bits), whose order keeps the
 * outbox's key appends cheap. The random part is randomUUID's, which draws from a pooled buffer:
 * ingest makes one or two of these per submission.
 */
export function newEventId(now: number): string {
  const time = Math.max(0, Math.floor(now)).toString(16).padStart(12, '0').slice(-12);
  // randomUUID: xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx; keep from the 4's successor on.
  return `msg_${time.slice(0, 8)}-${time.slice(8)}-7${randomUUID().slice(15)}`;
}

/** The body Standard Webhooks describes, around `data` already in JSON. */
const envelope = (type: WebhookEvent, timestamp: string, data: string) =>
  `{"type":"${type}","timestamp":"${timestamp}","data":${data}}`;

/** Ratings that also raise `feedback.low-rating`. */
export const LOW_RATING = 2;

/**
 * The events of a new submission: `feedback.created`, and `feedback.low-rating` for a rating of
 * 1 or 2. The comment is the stored one (redacted), in the body for `includeComment` only. Built
 * on ingest's hot path: the data is serialised once for both events.
 */
export function feedbackEvents(record: FeedbackRecord): OutboxEvent[] {
  const createdAt = new Date(record.createdAt).toISOString();
  const data: FeedbackEventData = {
    id: record.id,
    serviceId: record.serviceId,
    rating: record.rating,
    outcome: record.outcome,
    channel: record.channel,
    reasons: record.reasons,
    lang: record.lang,
    createdAt,
  };
  const brief = JSON.stringify(data);
  const full = `${brief.slice(0, -1)},"comment":${JSON.stringify(record.comment)}}`;
  const types: WebhookEvent[] =
    record.rating <= LOW_RATING
      ? ['feedback.created', 'feedback.low-rating']
      : ['feedback.created'];
  return types.map((type) => ({
    id: newEventId(record.createdAt),
    type,
    serviceId: record.serviceId,
    organisationId: null,
    subject: record.id,
    at: record.createdAt,
    body: envelope(type, createdAt, full),
    briefBody: envelope(type, createdAt, brief),
  }));
}

/** `report.submitted`: a version of an organisation's annual report was handed in. */
export function reportEvent(submission: SubmissionRecord): OutboxEvent {
  const data: ReportEventData = {
    organisationId: submission.organisationId,
    year: submission.year,
    version: submission.version,
    submittedAt: new Date(submission.submittedAt).toISOString(),
    sha256: submission.sha256,
  };
  const text = envelope('report.submitted', data.submittedAt, JSON.stringify(data));
  return {
    id: newEventId(submission.submittedAt),
    type: 'report.submitted',
    serviceId: null,
    organisationId: submission.organisationId,
    subject: `report:${submission.organisationId}/${submission.year}/${submission.version}`,
    at: submission.submittedAt,
    body: text,
    briefBody: text,
  };
}

/**
 * `alert.raised`: the alert itself is the data (AlertSchema), for the webhooks of its service's
 * organisation whose service filter lets its service pass. `timestamp` is when it was raised.
 */
export function alertEvent(alert: Alert): OutboxEvent {
  const text = envelope('alert.raised', alert.raisedAt, JSON.stringify(alert));
  const at = Date.parse(alert.raisedAt);
  return {
    id: newEventId(at),
    type: 'alert.raised',
    serviceId: alert.serviceId,
    organisationId: null,
    subject: `alert:${alert.id}`,
    at,
    body: text,
    briefBody: text,
  };
}

/** A stored body with its feedback comment replaced (a provider's redaction); as it was without. */
export function withComment(payload: string, comment: string | null): string {
  const parsed = JSON.parse(payload) as { data?: { comment?: unknown } };
  if (!parsed.data || !('comment' in parsed.data)) return payload;
  parsed.data.comment = comment;
  return JSON.stringify(parsed);
}

/** At most this many attempts are kept in a delivery's history (resends add to it). */
export const HISTORY_KEPT = 20;
