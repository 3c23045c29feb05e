import { z } from 'zod';
import { HAND_IN_STATUSES } from './acting.ts';
import { OrganisationKindSchema } from './admin.ts';
import { AlertBriefSchema } from './alerts.ts';
import { DateSchema, OrganisationIdSchema, ServiceIdSchema } from './common.ts';
import { PeriodYearSchema } from './period.ts';

// The steering committee's overview: every service side by side, one row each, with the flags
// that say where to look. A provider gets the same table of its own services.

const fraction = z.number().min(0).max(1);
const interval = z.tuple([fraction, fraction]);
const count = z.number().int().nonnegative();

/** `?year&format` of `GET /api/v1/overview`. */
export const OverviewQuerySchema = z.strictObject({
  year: PeriodYearSchema.optional(),
  format: z.enum(['json', 'csv'], { message: 'Use json or csv.' }).default('json'),
});
export type OverviewQuery = z.infer<typeof OverviewQuerySchema>;

/**
 * What a row asks attention for, decided with the intervals rather than the point estimates:
 * - `below-target`: a target is set and even the interval's upper bound is under it;
 * - `falling`: this year's interval lies entirely under last year's (upper bound under last
 *   year's lower bound);
 * - `few-responses`: fewer responses than `minimum` (MIN_PUBLIC_N): read its shares with care;
 * - `silent`: no impression in the 30 days up to today (the widget may have gone from the page).
 */
export const OVERVIEW_FLAGS = ['below-target', 'falling', 'few-responses', 'silent'] as const;
export const OverviewFlagSchema = z.enum(OVERVIEW_FLAGS);
export type OverviewFlag = z.infer<typeof OverviewFlagSchema>;

/** One service of the overview. Shares are 0–1; null where there is nothing to divide. */
export const OverviewRowSchema = z
  .object({
    serviceId: ServiceIdSchema,
    serviceName: z.string(),
    organisationId: OrganisationIdSchema,
    organisationName: z.string(),
    policyDomain: z.string().nullable(),
    kind: OrganisationKindSchema.nullable(),
    /** Responses in the year (to today while it runs). */
    responses: count,
    /** Share of 4 and 5, and its Wilson 95 % interval; null without responses. */
    csat: fraction.nullable(),
    csatInterval: interval.nullable(),
    /** The same span of the previous year. */
    previousCsat: fraction.nullable(),
    previousCsatInterval: interval.nullable(),
    /** The widget's responses / impressions (at most 1); null without impressions. */
    responseRate: fraction.nullable(),
    /** Responses with outcome rejected or error / responses with any outcome; null when none has one. */
    shareNotCompleted: fraction.nullable(),
    /** The reason ticked most often (then the first code); null when none was. */
    topReason: z.string().nullable(),
    /** The satisfaction the service aims at, or null. */
    target: fraction.nullable(),
    /** The organisation's hand-in of this year's annual report. */
    reportStatus: z.enum(HAND_IN_STATUSES),
    /** In the order of OVERVIEW_FLAGS. */
    flags: z.array(OverviewFlagSchema),
    /**
     * The service's most recent alert of the last 7 days (`GET /api/v1/alerts` has the whole
     * of it), or null. Absent from the rows of an annual report's comparison.
     */
    alert: AlertBriefSchema.nullable().optional(),
  })
  .meta({ id: 'OverviewRow' });
export type OverviewRow = z.infer<typeof OverviewRowSchema>;

/** `GET /api/v1/overview`: steering every active service, a provider its own. */
export const OverviewSchema = z
  .object({
    year: z.number().int(),
    /** The year's span: 1 January to 31 December, or to today while it runs. */
    from: DateSchema,
    to: DateSchema,
    /** MIN_PUBLIC_N: under it a row is flagged `few-responses`. */
    minimum: z.number().int().positive(),
    /** By organisation name, then service name. */
    rows: z.array(OverviewRowSchema),
  })
  .meta({ id: 'Overview' });
export type Overview = z.infer<typeof OverviewSchema>;

/** The services of one policy domain together (null: organisations without one). */
export const PolicyDomainSummarySchema = z
  .object({
    policyDomain: z.string().nullable(),
    services: count,
    responses: count,
    /** Over all its responses together; null without responses. */
    csat: fraction.nullable(),
    csatInterval: interval.nullable(),
  })
  .meta({ id: 'PolicyDomainSummary' });
export type PolicyDomainSummary = z.infer<typeof PolicyDomainSummarySchema>;
