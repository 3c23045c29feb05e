import { Hono, type Context } from 'hono';
import {
  fieldErrors,
  ImpressionSchema,
  MAX_BODY_BYTES,
  SubmissionSchema,
  type SubmissionAck,
} from '@vo-feedback/shared';
import { cleanText, decodeUtf8, readLimitedBody } from '../../body.ts';
import { clientAddress } from '../../client-address.ts';
import type { Config } from '../../deps.ts';
import type { ServiceRecord } from '../../db/store.ts';
import { redactPagePath, redactPersonalData } from '../../domain/redaction.ts';
import { brusselsDay } from '../../domain/time.ts';
import type { OriginRegistry } from '../../origins.ts';
import { problem } from '../../problem.ts';
import { RateLimiter } from '../../rate-limit.ts';

type Parsed = { ok: true; value: unknown } | { ok: false; response: Response };

/**
 * Content type, size, rate and JSON syntax: the checks every public POST makes before it looks at
 * the fields, in the contract's order (415, 413, 429, 400).
 */
async function readJsonBody(
  c: Context,
  config: Config,
  limiter: RateLimiter,
  accept: readonly string[],
): Promise<Parsed> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!accept.includes(type)) {
    return {
      ok: false,
      response: problem(
        c,
        415,
        'unsupported-media-type',
        'Unsupported Media Type',
        `Send the body as ${accept.join(' or ')}.`,
      ),
    };
  }
  const bytes = await readLimitedBody(c.req.raw, MAX_BODY_BYTES);
  if (bytes === 'too-large') {
    return {
      ok: false,
      response: problem(
        c,
        413,
        'payload-too-large',
        'Payload Too Large',
        `Send at most ${MAX_BODY_BYTES} bytes; shorten the comment.`,
      ),
    };
  }
  const rate = limiter.hit(clientAddress(c, config.trustProxy));
  if (!rate.allowed) {
    c.header('retry-after', String(rate.retryAfterSeconds));
    return {
      ok: false,
      response: problem(
        c,
        429,
        'too-many-requests',
        'Too Many Requests',
        `Too many submissions from this client; try again in ${rate.retryAfterSeconds} seconds.`,
      ),
    };
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    return {
      ok: false,
      response: problem(c, 400, 'invalid-body', 'Bad Request', 'Send the body as UTF-8 text.'),
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
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

/** Whether a browser's Origin may post for this service. No Origin: not a cross-site browser. */
function originAllowed(c: Context, service: ServiceRecord): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  return service.allowedOrigins.includes(origin) || origin === new URL(c.req.url).origin;
}

async function findActiveService(config: Config, id: string) {
  const service = await config.store.getService(id);
  return service?.active ? service : undefined;
}

/** Public ingest: submissions and impressions. */
export function feedbackRoutes(config: Config, origins: OriginRegistry) {
  const submissions = new RateLimiter(config.rateLimitPerMinute, config.now);
  // Impressions come once per page view, far more often than submissions.
  const impressions = new RateLimiter(config.rateLimitPerMinute * 10, config.now);

  const allowCors = async (c: Context) => {
    const origin = c.req.header('origin');
    if (origin && (await origins.allowedOrigins()).has(origin)) {
      c.header('access-control-allow-origin', origin);
    }
    c.header('vary', 'Origin');
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

  return new Hono()
    .options('/feedback', preflight)
    .options('/impressions', preflight)
    .post('/feedback', async (c) => {
      await allowCors(c);
      const body = await readJsonBody(c, config, submissions, ['application/json']);
      if (!body.ok) return body.response;
      const parsed = SubmissionSchema.safeParse(body.value);
      if (!parsed.success) {
        return problem(
          c,
          400,
          'validation-error',
          'Bad Request',
          'The submission is not valid; see errors for each field and how to fix it.',
          fieldErrors(parsed.error),
        );
      }
      const submission = parsed.data;
      const service = await findActiveService(config, submission.serviceId);
      if (!service) {
        return problem(
          c,
          404,
          'unknown-service',
          'Not Found',
          `There is no active service "${submission.serviceId}"; check the service-id attribute.`,
        );
      }
      if (!originAllowed(c, service)) {
        return problem(
          c,
          403,
          'origin-not-allowed',
          'Forbidden',
          `This origin may not post feedback for "${service.id}"; ask the administrator to allow it.`,
        );
      }
      const ack = (status: SubmissionAck['status']): SubmissionAck => ({
        id: submission.id,
        status,
      });
      // The honeypot is looked at only now, on an otherwise valid body: a bot learns nothing.
      if (submission.website) return c.json(ack('stored'), 201);

      const comment =
        submission.comment === undefined
          ? undefined
          : redactPersonalData(cleanText(submission.comment));
      const page =
        submission.page === undefined ? undefined : redactPagePath(cleanText(submission.page));
      const result = await config.store.ingest({
        id: submission.id,
        serviceId: submission.serviceId,
        rating: submission.rating,
        comment: comment?.text,
        lang: submission.lang,
        outcome: submission.outcome,
        step: submission.step === undefined ? undefined : cleanText(submission.step),
        page: page?.text,
        redactions: (comment?.redactions ?? 0) + (page?.redactions ?? 0),
        receivedAt: config.now(),
      });
      if (result.status === 'conflict') {
        return problem(
          c,
          409,
          'conflict',
          'Conflict',
          result.reason === 'other-service'
            ? 'This id was already used for another service; generate a new UUID for each submission.'
            : 'This submission can no longer be changed (30 minutes have passed); send a new one with a new id.',
        );
      }
      return c.json(ack(result.status), result.status === 'stored' ? 201 : 200);
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
      const service = await findActiveService(config, parsed.data.serviceId);
      if (!service) {
        return problem(
          c,
          404,
          'unknown-service',
          'Not Found',
          `There is no active service "${parsed.data.serviceId}"; check the service-id attribute.`,
        );
      }
      if (!originAllowed(c, service)) {
        return problem(
          c,
          403,
          'origin-not-allowed',
          'Forbidden',
          `This origin may not report impressions for "${service.id}".`,
        );
      }
      await config.store.recordImpression(service.id, brusselsDay(config.now()));
      return c.body(null, 204);
    });
}
