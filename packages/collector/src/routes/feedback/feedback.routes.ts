import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import {
  fieldErrors,
  type FieldError,
  ImpressionSchema,
  LanguageSchema,
  MAX_BODY_BYTES,
  SubmissionSchema,
  type SubmissionAck,
} from '@vo-feedback/shared';
import { cleanText, decodeUtf8, readRequestBody } from '../../http/body.ts';
import { clientAddress } from '../../http/client-address.ts';
import type { Config } from '../../config/deps.ts';
import type { ServiceRecord } from '../../domain/store.ts';
import { asUnavailable, StoreUnavailableError } from '../../db/errors.ts';
import { redactPagePath, redactPersonalData } from '../../domain/redaction.ts';
import { brusselsDay } from '../../domain/time.ts';
import type { ServiceDirectory } from '../../use-cases/service-directory.ts';
import { problem } from '../../http/problem.ts';
import { formErrorPage, requestLanguage, thankYouPage } from '../../views/form-pages.ts';
import type { RateLimiter } from '../../http/rate-limit/memory.ts';

type Read<T> = { ok: true; value: T } | { ok: false; response: Response };

/** Why a body was refused before its fields were looked at; each route answers it its own way. */
type Refusal = {
  status: 400 | 413 | 415 | 429;
  slug: string;
  title: string;
  detail: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
  /** The body, when it was read and is UTF-8 (a 429): the form's answer takes its language. */
  text?: string;
};

/**
 * Content type, size and rate: the checks every public POST makes before it looks at the body, in
 * the contract's order (415, 413, 429), then strict UTF-8 decoding (400).
 */
async function readBody(
  c: Context,
  config: Config,
  limiter: RateLimiter,
  accept: readonly string[],
): Promise<{ ok: true; value: string } | { ok: false; refusal: Refusal }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!accept.includes(type)) {
    return {
      ok: false,
      refusal: {
        status: 415,
        slug: 'unsupported-media-type',
        title: 'Unsupported Media Type',
        detail: `Send the body as ${accept.join(' or ')}.`,
      },
    };
  }
  const bytes = await readRequestBody(c, MAX_BODY_BYTES);
  if (bytes === 'too-large') {
    return {
      ok: false,
      refusal: {
        status: 413,
        slug: 'payload-too-large',
        title: 'Payload Too Large',
        detail: `Send at most ${MAX_BODY_BYTES} bytes; shorten the comment.`,
      },
    };
  }
  const rate = await limiter.hit(clientAddress(c, config.trustProxy));
  if (!rate.allowed) {
    c.header('retry-after', String(rate.retryAfterSeconds));
    return {
      ok: false,
      refusal: {
        status: 429,
        slug: 'too-many-requests',
        title: 'Too Many Requests',
        detail: `Too many submissions from this client; try again in ${rate.retryAfterSeconds} seconds.`,
        retryAfterSeconds: rate.retryAfterSeconds,
        text: decodeUtf8(bytes),
      },
    };
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    return {
      ok: false,
      refusal: {
        status: 400,
        slug: 'invalid-body',
        title: 'Bad Request',
        detail: 'Send the body as UTF-8 text.',
        errors: [{ path: '(body)', message: 'Encode the body as UTF-8.' }],
      },
    };
  }
  return { ok: true, value: text };
}

async function readJsonBody(
  c: Context,
  config: Config,
  limiter: RateLimiter,
  accept: readonly string[],
): Promise<Read<unknown>> {
  const body = await readBody(c, config, limiter, accept);
  if (!body.ok) {
    const { status, slug, title, detail, errors } = body.refusal;
    return { ok: false, response: problem(c, status, slug, title, detail, errors) };
  }
  try {
    return { ok: true, value: JSON.parse(body.value) };
  } catch {
    return {
      ok: false,
      response: problem(
        c,
        400,
        'invalid-body',
        'Bad Request',
        'Send the body as one JSON object; it could not be parsed.',
        [{ path: '(body)', message: 'Send valid JSON.' }],
      ),
    };
  }
}

/** The fields of the fallback form; anything else a browser adds (a named button) is ignored. */
const FORM_FIELDS = [
  'id',
  'serviceId',
  'rating',
  'comment',
  'lang',
  'outcome',
  'step',
  'page',
  'website',
] as const;
type FormFields = Partial<Record<(typeof FORM_FIELDS)[number], string>>;

function formFields(text: string): FormFields {
  const params = new URLSearchParams(text);
  const fields: FormFields = {};
  for (const name of FORM_FIELDS) {
    const value = params.get(name);
    if (value !== null) fields[name] = value;
  }
  return fields;
}

/** The form's fields, or why the body was refused: the route answers that as a page, not JSON. */
async function readFormBody(
  c: Context,
  config: Config,
  limiter: RateLimiter,
): Promise<{ ok: true; value: FormFields } | { ok: false; refusal: Refusal }> {
  const body = await readBody(c, config, limiter, ['application/x-www-form-urlencoded']);
  if (!body.ok) return body;
  return { ok: true, value: formFields(body.value) };
}

/**
 * The page the form was on, for the error pages' link back: only when its origin is one a service
 * allows, so that the collector never shows a link to a page it does not know.
 */
async function backLink(c: Context, origins: ServiceDirectory): Promise<string | undefined> {
  const referer = c.req.header('referer');
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return (await origins.allowedOrigins()).has(url.origin) ? url.href : undefined;
  } catch {
    // Unparseable, or the database is away (the 503 page): the page says "use Back" instead.
    return undefined;
  }
}

/** The path of the page the form was on, from the Referer when the browser sent one. */
function pagePathOf(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).pathname;
  } catch {
    return undefined;
  }
}

/**
 * Where to send the citizen after the form: back to the page, only when its origin is one the
 * service allows (never an open redirect), with a fragment the page can style a thank-you on.
 */
function returnAddress(referer: string | undefined, service: ServiceRecord): string | undefined {
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    if (!service.allowedOrigins.includes(url.origin)) return undefined;
    url.hash = 'vo-feedback-bedankt';
    return url.href;
  } catch {
    return undefined;
  }
}

/** Whether a browser's Origin may post for this service. No Origin: not a cross-site browser. */
function originAllowed(c: Context, service: ServiceRecord): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  return service.allowedOrigins.includes(origin) || origin === new URL(c.req.url).origin;
}

type Accepted = {
  kind: 'accepted';
  id: string;
  status: SubmissionAck['status'];
  service: ServiceRecord;
};
type Rejected = {
  kind: 'rejected';
  status: 400 | 403 | 404 | 409;
  slug: string;
  title: string;
  detail: string;
  errors?: FieldError[];
};

/**
 * Validation, service, origin, honeypot, redaction and storage: the part of ingest after the body
 * was read, shared by the JSON route and the no-JavaScript form (400, 404, 403, 409 in that order).
 * `widget`: the widget sent it, so it counts in the response rate (answers per impression).
 */
async function acceptSubmission(
  c: Context,
  config: Config,
  origins: ServiceDirectory,
  value: unknown,
  widget: boolean,
): Promise<Accepted | Rejected> {
  const parsed = SubmissionSchema.safeParse(value);
  if (!parsed.success) {
    return {
      kind: 'rejected',
      status: 400,
      slug: 'validation-error',
      title: 'Bad Request',
      detail: 'The submission is not valid; see errors for each field and how to fix it.',
      errors: fieldErrors(parsed.error),
    };
  }
  const submission = parsed.data;
  const service = await origins.activeService(submission.serviceId);
  if (!service) {
    return {
      kind: 'rejected',
      status: 404,
      slug: 'unknown-service',
      title: 'Not Found',
      detail: `There is no active service "${submission.serviceId}"; check the service-id attribute.`,
    };
  }
  if (!originAllowed(c, service)) {
    return {
      kind: 'rejected',
      status: 403,
      slug: 'origin-not-allowed',
      title: 'Forbidden',
      detail: `This origin may not post feedback for "${service.id}"; ask the administrator to allow it.`,
    };
  }
  // The honeypot is looked at only now, on an otherwise valid body: a bot learns nothing.
  if (submission.website) return { kind: 'accepted', id: submission.id, status: 'stored', service };

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
    return {
      kind: 'rejected',
      status: 409,
      slug: 'conflict',
      title: 'Conflict',
      detail:
        result.reason === 'other-service'
          ? 'This id was already used for another service; generate a new UUID for each submission.'
          : 'This submission can no longer be changed (30 minutes have passed); send a new one with a new id.',
    };
  }
  return { kind: 'accepted', id: submission.id, status: result.status, service };
}

/** Public ingest: submissions and impressions. */
export function feedbackRoutes(config: Config, origins: ServiceDirectory) {
  const submissions = config.rateLimiters('submissions', config.rateLimitPerMinute, config.now);
  // Impressions come once per page view, far more often than submissions.
  const impressions = config.rateLimiters(
    'impressions',
    config.rateLimitPerMinute * 10,
    config.now,
  );

  const allowCors = async (c: Context) => {
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
  };

  const preflight = async (c: Context) => {
    const origin = c.req.header('origin');
    c.header('vary', 'Origin');
    if (!origin || !(await origins.allowedOrigins()).has(origin)) {
      return problem(
        c,
        403,
        'origin-not-allowed',
        'Forbidden',
        'This origin is not allowed to post feedback; ask the collector administrator to add it to the service.',
      );
    }
    c.header('access-control-allow-origin', origin);
    c.header('access-control-allow-methods', 'POST, OPTIONS');
    c.header('access-control-allow-headers', 'content-type');
    c.header('access-control-max-age', '600');
    return c.body(null, 204);
  };

  const accept = (c: Context, value: unknown, widget = false) =>
    acceptSubmission(c, config, origins, value, widget);

  return new Hono()
    .options('/feedback', preflight)
    .options('/impressions', preflight)
    .post('/feedback', async (c) => {
      await allowCors(c);
      const body = await readJsonBody(c, config, submissions, ['application/json']);
      if (!body.ok) return body.response;
      // JSON from a browser page (it sends an Origin, checked against the service) is the
      // widget; a script or a system without one is not, and does not count in the response rate.
      const outcome = await accept(c, body.value, c.req.header('origin') !== undefined);
      if (outcome.kind === 'accepted') {
        const ack: SubmissionAck = { id: outcome.id, status: outcome.status };
        return c.json(ack, outcome.status === 'stored' ? 201 : 200);
      }
      return problem(
        c,
        outcome.status,
        outcome.slug,
        outcome.title,
        outcome.detail,
        outcome.errors,
      );
    })
    .post('/feedback/form', async (c) => {
      // The no-JavaScript fallback: a plain HTML form. Every answer is a page in the citizen's
      // language, never problem+json: the browser shows the citizen whatever comes back.
      // Without a `lang` in the body (not read, or none sent): ?lang=, Accept-Language, Dutch.
      const requested = () => requestLanguage(c.req.query('lang'), c.req.header('accept-language'));
      const body = await readFormBody(c, config, submissions);
      if (!body.ok) {
        const { refusal } = body;
        const sent = refusal.text === undefined ? undefined : formFields(refusal.text).lang;
        const lang = LanguageSchema.safeParse(sent).data ?? requested();
        // A 429 keeps the Retry-After that readBody set on the context.
        return c.html(formErrorPage(lang, refusal, await backLink(c, origins)), refusal.status);
      }
      const form = body.value;
      const lang = LanguageSchema.safeParse(form.lang).data ?? requested();
      let outcome: Awaited<ReturnType<typeof accept>>;
      try {
        outcome = await accept(c, {
          ...form,
          id: form.id || randomUUID(),
          // An unchecked radio group sends nothing; a number that is not one stays invalid.
          rating: form.rating === undefined || form.rating === '' ? undefined : Number(form.rating),
          comment: form.comment || undefined,
          outcome: form.outcome || undefined,
          step: form.step || undefined,
          page: form.page || pagePathOf(c.req.header('referer')),
          lang,
        });
      } catch (error) {
        // The app's error handler would answer problem+json; the citizen gets a page instead,
        // logged and with Retry-After as that handler does.
        const unavailable = asUnavailable(error);
        if (!(unavailable instanceof StoreUnavailableError)) throw error;
        config.logger.error('database unavailable', {
          requestId: c.get('requestId'),
          path: c.req.path,
          reason: unavailable.reason,
        });
        c.header('retry-after', '5');
        return c.html(formErrorPage(lang, { status: 503 }, await backLink(c, origins)), 503);
      }
      if (outcome.kind === 'rejected') {
        return c.html(formErrorPage(lang, outcome, await backLink(c, origins)), outcome.status);
      }
      const back = returnAddress(c.req.header('referer'), outcome.service);
      if (back) return c.redirect(back, 303);
      return c.html(thankYouPage(lang), 200);
    })
    .post('/impressions', async (c) => {
      await allowCors(c);
      // sendBeacon sends text/plain: it cannot set a JSON content type without a preflight.
      const body = await readJsonBody(c, config, impressions, ['application/json', 'text/plain']);
      if (!body.ok) return body.response;
      const parsed = ImpressionSchema.safeParse(body.value);
      if (!parsed.success) {
        return problem(
          c,
          400,
          'validation-error',
          'Bad Request',
          'The impression is not valid; send {"serviceId": "<service-id>"}.',
          fieldErrors(parsed.error),
        );
      }
      const service = await origins.activeService(parsed.data.serviceId);
      if (!service) {
        return problem(
          c,
          404,
          'unknown-service',
          'Not Found',
          `There is no active service "${parsed.data.serviceId}"; check the service-id attribute.`,
        );
      }
      // Only the widget on an allowed page counts: without an Origin (a script, curl) anyone could
      // inflate the response rate's denominator.
      if (c.req.header('origin') === undefined || !originAllowed(c, service)) {
        return problem(
          c,
          403,
          'origin-not-allowed',
          'Forbidden',
          `Only the widget on a page of an origin allowed for "${service.id}" may report impressions; send them from that page (with its Origin header).`,
        );
      }
      await config.store.recordImpression(service.id, brusselsDay(config.now()));
      return c.body(null, 204);
    });
}
