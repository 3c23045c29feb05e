import type { Context } from 'hono';
import {
  fieldErrors,
  ImpressionSchema,
  MAX_BODY_BYTES,
  SubmissionSchema,
  type SubmissionAck,
} from '@vo-feedback/shared';
import { bodyJson, bodyText, cleanText, readBodyBytes } from '../../http/body.ts';
import { clientAddress } from '../../http/client-address.ts';
import type { Config } from '../../config/deps.ts';
import type { ServiceRecord } from '../../domain/store.ts';
import { conflict, forbidden, invalid, notFound, ProblemError } from '../../domain/problems.ts';
import { redactPagePath, redactPersonalData } from '../../domain/redaction.ts';
import { brusselsDay } from '../../domain/time.ts';
import type { ServiceDirectory } from '../../use-cases/service-directory.ts';
import type { RateLimiter } from '../../http/rate-limit/memory.ts';

// Public ingest: the widget's submissions and impressions, and what the no-JavaScript form shares
// with them. Each refusal is a thrown ProblemError, answered once by the app (or, for the form, as
// a page in the citizen's language).

/** What every ingest handler works with: the configuration, the services and two rate limits. */
export interface Ingest {
  config: Config;
  origins: ServiceDirectory;
  submissions: RateLimiter;
  impressions: RateLimiter;
}

export function ingest(config: Config, origins: ServiceDirectory): Ingest {
  return {
    config,
    origins,
    submissions: config.rateLimiters('submissions', config.rateLimitPerMinute, config.now),
    // Impressions come once per page view, far more often than submissions.
    impressions: config.rateLimiters('impressions', config.rateLimitPerMinute * 10, config.now),
  };
}

/** The size every public body is held to. */
export const INGEST_BODY = { maxBytes: MAX_BODY_BYTES, tooLargeHint: 'shorten the comment' };

/** 429 once this client has posted too often; counted after the body was read (it was sent). */
export async function limitRate(c: Context, config: Config, limiter: RateLimiter): Promise<void> {
  const rate = await limiter.hit(clientAddress(c, config.trustProxy));
  if (rate.allowed) return;
  throw new ProblemError(
    429,
    'too-many-requests',
    `Too many submissions from this client; try again in ${rate.retryAfterSeconds} seconds.`,
    undefined,
    { 'retry-after': String(rate.retryAfterSeconds) },
  );
}

/**
 * A public JSON body, checked in the contract's order: content type (415), size (413), rate
 * (429), then strict UTF-8 and JSON (400).
 */
async function readIngestJson(
  c: Context,
  { config }: Ingest,
  limiter: RateLimiter,
  accept: readonly string[],
): Promise<unknown> {
  const bytes = await readBodyBytes(c, { accept, ...INGEST_BODY });
  await limitRate(c, config, limiter);
  return bodyJson(bodyText(bytes));
}

/** Whether a browser's Origin may post for this service. No Origin: not a cross-site browser. */
function originAllowed(c: Context, service: ServiceRecord): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  return service.allowedOrigins.includes(origin) || origin === new URL(c.req.url).origin;
}

const unknownService = (serviceId: string) =>
  notFound(
    `There is no active service "${serviceId}"; check the service-id attribute.`,
    'unknown-service',
  );

export interface Accepted {
  id: string;
  status: SubmissionAck['status'];
  service: ServiceRecord;
}

/**
 * Validation, service, origin, honeypot, redaction and storage: the part of ingest after the body
 * was read, shared by the JSON route and the no-JavaScript form (400, 404, 403, 409 in that order).
 * `widget`: the widget sent it, so it counts in the response rate (answers per impression).
 */
export async function acceptSubmission(
  c: Context,
  { config, origins }: Ingest,
  value: unknown,
  widget: boolean,
): Promise<Accepted> {
  const parsed = SubmissionSchema.safeParse(value);
  if (!parsed.success) {
    throw invalid(
      'The submission is not valid; see errors for each field and how to fix it.',
      fieldErrors(parsed.error),
    );
  }
  const submission = parsed.data;
  const service = await origins.activeService(submission.serviceId);
  if (!service) throw unknownService(submission.serviceId);
  if (!originAllowed(c, service)) {
    throw forbidden(
      `This origin may not post feedback for "${service.id}"; ask the administrator to allow it.`,
      'origin-not-allowed',
    );
  }
  // The honeypot is looked at only now, on an otherwise valid body: a bot learns nothing.
  if (submission.website) return { id: submission.id, status: 'stored', service };

  const comment =
    submission.comment === undefined
      ? undefined
      : redactPersonalData(cleanText(submission.comment));
  const page =
    submission.page === undefined ? undefined : redactPagePath(cleanText(submission.page));
  const step =
    submission.step === undefined ? undefined : redactPersonalData(cleanText(submission.step));
  const result = await config.store.ingest({
    id: submission.id,
    serviceId: submission.serviceId,
    rating: submission.rating,
    comment: comment?.text,
    lang: submission.lang,
    outcome: submission.outcome,
    step: step?.text,
    page: page?.text,
    redactions: (comment?.redactions ?? 0) + (page?.redactions ?? 0) + (step?.redactions ?? 0),
    receivedAt: config.now(),
    widget,
  });
  if (result.status === 'conflict') {
    throw conflict(
      result.reason === 'other-service'
        ? 'This id was already used for another service; generate a new UUID for each submission.'
        : 'This submission can no longer be changed (30 minutes have passed); send a new one with a new id.',
    );
  }
  return { id: submission.id, status: result.status, service };
}

/** CORS on the answers to other sites' pages: only for an Origin some service allows. */
async function allowCors(c: Context, origins: ServiceDirectory) {
  const origin = c.req.header('origin');
  if (origin && (await origins.allowedOrigins()).has(origin)) {
    c.header('access-control-allow-origin', origin);
    // The widget honours Retry-After on 429 and 503; cross-origin it may read only what is exposed.
    c.header('access-control-expose-headers', 'Retry-After');
  }
  c.header('vary', 'Origin');
  // Answers to other sites' pages: a same-site resource policy would make Chromium block the
  // beacon's response and log an error on the host page.
  c.header('cross-origin-resource-policy', 'cross-origin');
}

/** OPTIONS: a preflight carries no body, so it allows the origins of every active service. */
export function preflight({ origins }: Ingest) {
  return async (c: Context) => {
    const origin = c.req.header('origin');
    c.header('vary', 'Origin');
    if (!origin || !(await origins.allowedOrigins()).has(origin)) {
      throw forbidden(
        'This origin is not allowed to post feedback; ask the collector administrator to add it to the service.',
        'origin-not-allowed',
      );
    }
    c.header('access-control-allow-origin', origin);
    c.header('access-control-allow-methods', 'POST, OPTIONS');
    c.header('access-control-allow-headers', 'content-type');
    c.header('access-control-max-age', '600');
    return c.body(null, 204);
  };
}

/** POST /feedback: 201 stored, 200 updated or unchanged. */
export function submit(context: Ingest) {
  return async (c: Context) => {
    await allowCors(c, context.origins);
    const value = await readIngestJson(c, context, context.submissions, ['application/json']);
    // JSON from a browser page (it sends an Origin, checked against the service) is the
    // widget; a script or a system without one is not, and does not count in the response rate.
    const accepted = await acceptSubmission(
      c,
      context,
      value,
      c.req.header('origin') !== undefined,
    );
    const ack: SubmissionAck = { id: accepted.id, status: accepted.status };
    return c.json(ack, accepted.status === 'stored' ? 201 : 200);
  };
}

/** POST /impressions: 204 counted. */
export function impression(context: Ingest) {
  const { config, origins } = context;
  return async (c: Context) => {
    await allowCors(c, origins);
    // sendBeacon sends text/plain: it cannot set a JSON content type without a preflight.
    const value = await readIngestJson(c, context, context.impressions, [
      'application/json',
      'text/plain',
    ]);
    const parsed = ImpressionSchema.safeParse(value);
    if (!parsed.success) {
      throw invalid(
        'The impression is not valid; send {"serviceId": "<service-id>"}.',
        fieldErrors(parsed.error),
      );
    }
    const service = await origins.activeService(parsed.data.serviceId);
    if (!service) throw unknownService(parsed.data.serviceId);
    // Only the widget on an allowed page counts: without an Origin (a script, curl) anyone could
    // inflate the response rate's denominator.
    if (c.req.header('origin') === undefined || !originAllowed(c, service)) {
      throw forbidden(
        `Only the widget on a page of an origin allowed for "${service.id}" may report impressions; send them from that page (with its Origin header).`,
        'origin-not-allowed',
      );
    }
    await config.store.recordImpression(service.id, brusselsDay(config.now()));
    return c.body(null, 204);
  };
}
