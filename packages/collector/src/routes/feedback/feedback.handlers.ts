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
import { reasonCodes } from '../../use-cases/service-config.ts';
import type { RateLimiter } from '../../http/rate-limit/memory.ts';
import { bearerToken } from '../../http/auth.ts';
import { completeJson } from '../../http/security-headers.ts';

// Public ingest: the widget's submissions and impressions, and what the no-JavaScript form shares
// with them. Each refusal is a thrown ProblemError, answered once by the app (or, for the form, as
// a page in the citizen's language).

/** What every ingest handler works with: the configuration, the services and the rate limits. */
export interface Ingest {
  config: Config;
  origins: ServiceDirectory;
  submissions: RateLimiter;
  impressions: RateLimiter;
  /** Per ingest token, instead of per address. */
  ingestTokens?: RateLimiter;
}

export function ingest(config: Config, origins: ServiceDirectory): Ingest {
  return {
    config,
    origins,
    submissions: config.rateLimiters('submissions', config.rateLimitPerMinute, config.now),
    // Impressions come once per page view, far more often than submissions.
    impressions: config.rateLimiters('impressions', config.rateLimitPerMinute * 10, config.now),
    ingestTokens: config.rateLimiters(
      'ingest-tokens',
      config.ingestRateLimitPerMinute ?? 600,
      config.now,
    ),
  };
}

/** The size every public body is held to. */
export const INGEST_BODY = { maxBytes: MAX_BODY_BYTES, tooLargeHint: 'shorten the comment' };

/**
 * 429 once this client (its address, or the ingest token's id as `key`) has posted too often;
 * counted after the body was read (it was sent).
 */
export async function limitRate(
  c: Context,
  config: Config,
  limiter: RateLimiter,
  key = clientAddress(c, config.trustProxy),
): Promise<void> {
  const rate = await limiter.hit(key);
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
  key?: string,
): Promise<unknown> {
  const bytes = await readBodyBytes(c, { accept, ...INGEST_BODY });
  await limitRate(c, config, limiter, key);
  return bodyJson(bodyText(bytes));
}

/** Set on the context by a route that takes `Origin: null` as no Origin (the form). */
export const OPAQUE_ORIGIN_AS_NONE = 'opaqueOriginAsNone';

/** Whether a browser's Origin may post for this service. No Origin: not a cross-site browser. */
function originAllowed(c: Context, service: ServiceRecord): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  // A page that names no site (`Origin: null`: Referrer-Policy no-referrer, a sandboxed frame) is
  // taken as none by the no-JavaScript form only (the per-client limit still applies).
  if (origin === 'null' && c.get(OPAQUE_ORIGIN_AS_NONE) === true) return true;
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

/** 400 with the field `reasons` when a code is not in the service's list. */
function checkReasons(service: ServiceRecord, reasons: readonly string[] | undefined): void {
  if (!reasons) return;
  const codes = reasonCodes(service);
  const unknown = reasons.filter((code) => !codes.has(code));
  if (unknown.length === 0) return;
  throw invalid('The submission is not valid; see errors for each field and how to fix it.', [
    {
      path: 'reasons',
      message: `Unknown reason ${unknown.map((code) => `"${code}"`).join(', ')} for "${service.id}"; use the codes of GET /api/v1/public/services/${service.id}/config: ${[...codes].join(', ')}.`,
    },
  ]);
}

/**
 * Validation, service, origin, honeypot, redaction and storage: the part of ingest after the body
 * was read, shared by the JSON route and the no-JavaScript form (400, 404, 403, 409 in that order).
 * `widget`: the widget sent it, so it counts in the response rate (answers per impression).
 * `ingestOrganisation`: an ingest token sent it; its organisation's services only, any Origin.
 */
export async function acceptSubmission(
  c: Context,
  { config, origins }: Ingest,
  value: unknown,
  widget: boolean,
  ingestOrganisation?: string,
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
  checkReasons(service, submission.reasons);
  if (ingestOrganisation !== undefined) {
    if (service.organisationId !== ingestOrganisation) {
      throw forbidden(
        `This ingest token belongs to another organisation than "${service.id}"; use a token of that service's organisation.`,
        'other-organisation',
      );
    }
  } else if (!originAllowed(c, service)) {
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
    channel: submission.channel,
    reasons: submission.reasons,
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

/**
 * CORS on the answers to other sites' pages: only for an Origin some service allows. Set on the
 * context for every answer (a refusal too), and returned for an answer that carries its headers
 * itself (completeJson).
 */
async function allowCors(c: Context, origins: ServiceDirectory) {
  const origin = c.req.header('origin');
  const headers: Record<string, string> =
    origin && (await origins.allowedOrigins()).has(origin)
      ? // The widget honours Retry-After on 429 and 503; cross-origin it may read only what is
        // exposed.
        { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'Retry-After' }
      : {};
  headers.vary = 'Origin';
  // Answers to other sites' pages: a same-site resource policy would make Chromium block the
  // beacon's response and log an error on the host page.
  headers['cross-origin-resource-policy'] = 'cross-origin';
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return headers;
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

/**
 * The ingest token of a request that sends `Authorization`: 401 when it is not a valid token, 403
 * when it is a provider or steering token (they read; they do not post). Undefined without one.
 */
async function ingestToken(c: Context, { config }: Ingest) {
  const header = c.req.header('authorization');
  if (header === undefined) return undefined;
  const token = await bearerToken(config.store, header);
  if (token.role !== 'ingest' || token.organisationId === null) {
    throw forbidden(
      'Only an ingest token may post feedback with Authorization; a provider or steering token reads. Ask the administrator for a token with role "ingest", or send no Authorization.',
      'not-an-ingest-token',
    );
  }
  return token;
}

/** POST /feedback: 201 stored, 200 updated or unchanged. */
export function submit(context: Ingest) {
  return async (c: Context) => {
    const cors = await allowCors(c, context.origins);
    const token = await ingestToken(c, context);
    if (token) {
      // A system that collects feedback itself: its own limit per token, not per address; no
      // Origin needed; not the widget, so outside the response rate.
      const value = await readIngestJson(
        c,
        context,
        context.ingestTokens ?? context.submissions,
        ['application/json'],
        `token:${token.id}`,
      );
      const accepted = await acceptSubmission(c, context, value, false, token.organisationId!);
      const ack: SubmissionAck = { id: accepted.id, status: accepted.status };
      return c.json(ack, accepted.status === 'stored' ? 201 : 200);
    }
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
    return completeJson(c, ack, accepted.status === 'stored' ? 201 : 200, cors);
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
