import { z } from 'zod';
import { LanguageSchema, OrganisationIdSchema, OutcomeSchema, ServiceIdSchema } from './common.ts';
import { CHANNELS, WEBHOOK_EVENTS } from './constants.ts';
import { AlertSchema } from './alerts.ts';

// Webhooks: an organisation's systems hear of new feedback, a low rating, a handed-in report or an
// alert, as Standard Webhooks (https://www.standardwebhooks.com): a signed POST of
// `{type, timestamp, data}`, retried with the same `webhook-id` until it is acknowledged.

export const WebhookEventSchema = z.enum(WEBHOOK_EVENTS, {
  message: `Use one of ${WEBHOOK_EVENTS.join(', ')}.`,
});
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

/** At most this many webhooks per organisation, and services in one webhook's filter. */
export const MAX_WEBHOOKS = 20;
export const MAX_WEBHOOK_SERVICES = 100;
export const MAX_WEBHOOK_URL = 2048;

/** What is wrong with a receiver's URL as the contract sees it; undefined when nothing is. */
function urlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Give an https URL, e.g. https://tickets.example.be/hooks/vo.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'Give an https URL, e.g. https://tickets.example.be/hooks/vo.';
  }
  if (url.username !== '' || url.password !== '') {
    return 'Leave the user name and password out of the URL: every request is signed with the secret.';
  }
  if (value.includes('#')) return 'Leave the fragment (#…) out of the URL: it is never sent.';
  return undefined;
}

/**
 * The receiver's URL. Whether it must be https and reach a public address is the collector's rule
 * (`ALLOW_INSECURE_WEBHOOKS`), checked by the server; here: an http(s) URL without credentials.
 */
export const WebhookUrlSchema = z
  .string({ message: 'Give the URL of the receiver, e.g. https://tickets.example.be/hooks/vo.' })
  .trim()
  .max(MAX_WEBHOOK_URL, `Give a URL of at most ${MAX_WEBHOOK_URL} characters.`)
  .superRefine((value, context) => {
    const problem = urlProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** `POST /api/v1/webhooks`. */
export const WebhookCreateSchema = z
  .strictObject({
    url: WebhookUrlSchema,
    events: z
      .array(WebhookEventSchema, {
        message: 'Give the events as a list, e.g. ["feedback.created"].',
      })
      .min(1, 'Give at least one event.')
      .refine((events) => new Set(events).size === events.length, {
        message: 'Give each event once.',
      }),
    /** Only these services of the organisation; absent: all of them, also those added later. */
    serviceIds: z
      .array(ServiceIdSchema, { message: 'Give the services as a list of service ids.' })
      .min(1, 'Give at least one service, or leave serviceIds out for all of them.')
      .max(MAX_WEBHOOK_SERVICES, `Give at most ${MAX_WEBHOOK_SERVICES} services.`)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'Give each service once.' })
      .optional(),
    /** Send the comment (as stored: redacted) with feedback events. Default false. */
    includeComment: z.boolean({ message: 'Use true or false.' }).default(false),
  })
  .meta({ id: 'WebhookCreate' });
export type WebhookCreate = z.input<typeof WebhookCreateSchema>;

/** `201` to `POST /api/v1/webhooks`: the secret is shown this once. */
export const WebhookCreatedSchema = z
  .object({
    id: z.uuid(),
    /** `whsec_` + base64 of 32 random bytes: the Standard Webhooks signing key. */
    secret: z.string().regex(/^whsec_[A-Za-z0-9+/]+=*$/),
  })
  .meta({ id: 'WebhookCreated' });
export type WebhookCreated = z.infer<typeof WebhookCreatedSchema>;

/** A webhook as its organisation's list shows it; never its secret. */
export const WebhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(WebhookEventSchema),
    /** null: every service of the organisation. */
    serviceIds: z.array(ServiceIdSchema).nullable(),
    includeComment: z.boolean(),
    createdAt: z.iso.datetime(),
    /** Since when every attempt failed; null while the last one succeeded (or none was made). */
    failingSince: z.iso.datetime().nullable(),
    /** Set when it failed for 5 days without a success: nothing is sent until a resend. */
    disabledAt: z.iso.datetime().nullable(),
    disabledReason: z.string().nullable(),
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof WebhookSchema>;

export const WebhookListSchema = z
  .object({ webhooks: z.array(WebhookSchema) })
  .meta({ id: 'WebhookList' });
export type WebhookList = z.infer<typeof WebhookListSchema>;

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

/** One attempt to deliver: the receiver's status code, or what went wrong before one came. */
export const DeliveryAttemptSchema = z.object({
  attempt: z.number().int().positive(),
  at: z.iso.datetime(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  ms: z.number().int().nonnegative(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttemptSchema>;

/** One event for one webhook. `id` is the `webhook-id` header of every attempt. */
export const DeliverySchema = z
  .object({
    id: z.string(),
    event: WebhookEventSchema,
    status: z.enum(DELIVERY_STATUSES),
    /** Attempts made, resends included. */
    attempts: z.number().int().nonnegative(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    /** null once delivered or failed. */
    nextAttemptAt: z.iso.datetime().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    /** The attempts, oldest first (an attempt cut short by a stopped instance is not listed). */
    history: z.array(DeliveryAttemptSchema),
  })
  .meta({ id: 'Delivery' });
export type Delivery = z.infer<typeof DeliverySchema>;

export const DeliveryListSchema = z
  .object({ webhookId: z.uuid(), deliveries: z.array(DeliverySchema) })
  .meta({ id: 'DeliveryList' });
export type DeliveryList = z.infer<typeof DeliveryListSchema>;

// ---------------------------------------------------------------------------------------------
// What a receiver gets: the body of each POST.

/** `data` of `feedback.created` and `feedback.low-rating` (ratings 1 and 2). */
export const FeedbackEventDataSchema = z.object({
  id: z.uuid(),
  serviceId: ServiceIdSchema,
  rating: z.number().int().min(1).max(5),
  outcome: OutcomeSchema.nullable(),
  channel: z.enum(CHANNELS),
  reasons: z.array(z.string()),
  lang: LanguageSchema,
  createdAt: z.iso.datetime(),
  /** Only when the webhook has `includeComment`: the comment as stored (redacted), or null. */
  comment: z.string().nullable().optional(),
});
export type FeedbackEventData = z.infer<typeof FeedbackEventDataSchema>;

/** `data` of `report.submitted`: a version of the annual report was handed in. */
export const ReportEventDataSchema = z.object({
  organisationId: OrganisationIdSchema,
  year: z.number().int(),
  version: z.number().int().positive(),
  submittedAt: z.iso.datetime(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ReportEventData = z.infer<typeof ReportEventDataSchema>;

const payload = <T extends z.ZodType>(types: readonly WebhookEvent[], data: T) =>
  z.object({
    type: z.enum(types as [WebhookEvent, ...WebhookEvent[]]),
    timestamp: z.iso.datetime(),
    data,
  });

/** The body of a webhook request (Standard Webhooks): `timestamp` is when the event happened. */
export const WebhookPayloadSchema = z
  .union([
    payload(['feedback.created', 'feedback.low-rating'], FeedbackEventDataSchema),
    payload(['report.submitted'], ReportEventDataSchema),
    payload(['alert.raised'], AlertSchema),
  ])
  .meta({ id: 'WebhookPayload' });
export type WebhookPayload = z.infer<typeof WebhookPayloadSchema>;
