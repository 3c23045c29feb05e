import { z } from 'zod';
import { DateSchema, OrganisationIdSchema, ServiceIdSchema } from './common.ts';
import { ALERT_KINDS } from './constants.ts';

// Alerts: a service's satisfaction over the last 7 days significantly under that of the 8 weeks
// before (the two Wilson 95 % intervals do not overlap, each window with at least MIN_PUBLIC_N
// answers), or a theme whose share of the comments rises the same way. At most one alert per
// service and kind a day. Sent as `alert.raised` to webhooks and to `alerts` subscribers, and shown
// in the dashboard and the overview.

export const AlertKindSchema = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKindSchema>;

const fraction = z.number().min(0).max(1);
const count = z.number().int().nonnegative();

/** One of the two windows compared: its days, its answers (or comments) and its share. */
export const AlertWindowSchema = z.object({
  from: DateSchema,
  to: DateSchema,
  /** Answers (satisfaction) or comments (theme) in the window. */
  n: count,
  /** Share of 4 and 5 (satisfaction), or of the comments naming the theme (theme). */
  share: fraction,
  /** Wilson 95 % interval of the share. */
  interval: z.tuple([fraction, fraction]),
});
export type AlertWindow = z.infer<typeof AlertWindowSchema>;

export const AlertSchema = z
  .object({
    id: z.string(),
    serviceId: ServiceIdSchema,
    serviceName: z.string(),
    organisationId: OrganisationIdSchema,
    kind: AlertKindSchema,
    /** The day (Europe/Brussels) it was raised: one per service and kind a day. */
    day: DateSchema,
    /**
     * The theme that rose; null for satisfaction, and for steering, which is told that a theme
     * rose but not its words (citizens' words, for the service's providers only).
     */
    theme: z.string().nullable(),
    /** The last 7 days. */
    recent: AlertWindowSchema,
    /** The 8 weeks before them. */
    previous: AlertWindowSchema,
    raisedAt: z.iso.datetime(),
  })
  .meta({ id: 'Alert' });
export type Alert = z.infer<typeof AlertSchema>;

/** `GET /api/v1/alerts` lists at most this many; without `from`, the last ALERTS_LISTED_DAYS days. */
export const MAX_ALERTS_LISTED = 500;
export const ALERTS_LISTED_DAYS = 90;

/** `?serviceId&from&to` of `GET /api/v1/alerts`: days (Brussels) on which they were raised. */
export const AlertQuerySchema = z.strictObject({
  /** Only this service's; absent: every service the caller may see. */
  serviceId: ServiceIdSchema.optional(),
  /** Default: ALERTS_LISTED_DAYS days before `to`, both included. */
  from: DateSchema.optional(),
  /** Default: today. */
  to: DateSchema.optional(),
});
export type AlertQuery = z.infer<typeof AlertQuerySchema>;

/**
 * What the overview's row says of a service's most recent alert of the last 7 days; `theme` null
 * for steering, as in the alert.
 */
export const AlertBriefSchema = z
  .object({ kind: AlertKindSchema, day: DateSchema, theme: z.string().nullable() })
  .meta({ id: 'AlertBrief' });
export type AlertBrief = z.infer<typeof AlertBriefSchema>;

/** `GET /api/v1/alerts`: the alerts the caller may see, newest first. */
export const AlertListSchema = z.object({ alerts: z.array(AlertSchema) }).meta({ id: 'AlertList' });
export type AlertList = z.infer<typeof AlertListSchema>;
