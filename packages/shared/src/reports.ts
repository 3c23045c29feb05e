import { z } from 'zod';
import { ActionSchema, ImprovementSchema, TagSchema, TriageStatusSchema } from './acting.ts';
import {
  DateSchema,
  LanguageSchema,
  OrganisationIdSchema,
  OutcomeSchema,
  ServiceIdSchema,
} from './common.ts';
import { OverviewRowSchema, PolicyDomainSummarySchema } from './overview.ts';
import { PeriodDaySchema, PeriodYearSchema } from './period.ts';
import { ChannelSchema } from './submission.ts';
import {
  ChannelFiguresSchema,
  FiguresSchema,
  LanguageFiguresSchema,
  MonthFiguresSchema,
  OutcomeFiguresSchema,
  RatingCountsSchema,
  PeriodQuerySchema,
  ReasonFiguresSchema,
  StepFiguresSchema,
} from './summary.ts';

// Responses of the comment listing, the themes, the exports, the annual report and the public
// statistics. Query strings arrive as text: numbers are coerced here, once.

const fraction = z.number().min(0).max(1);
const count = z.number().int().nonnegative();
/** The service and the period (Brussels days, inclusive) an answer is about. */
const servicePeriod = { serviceId: ServiceIdSchema, from: DateSchema, to: DateSchema };
const ratingQuery = z.coerce
  .number({ message: 'Give the rating as a whole number from 1 to 5.' })
  .int('Give the rating as a whole number from 1 to 5.')
  .min(1, 'Give the rating as a whole number from 1 to 5.')
  .max(5, 'Give the rating as a whole number from 1 to 5.');

// ---------------------------------------------------------------------------------------------
// Comments

/** `?from&to&rating&outcome&limit&cursor` of `GET /api/v1/services/:serviceId/feedback`. */
export const FeedbackQuerySchema = z.strictObject({
  from: PeriodDaySchema.optional(),
  to: PeriodDaySchema.optional(),
  rating: ratingQuery.optional(),
  /** An outcome, or `unknown` for submissions whose host page gave none. */
  outcome: z
    .enum([...OutcomeSchema.options, 'unknown'], {
      message: 'Use completed, rejected, error, info or unknown.',
    })
    .optional(),
  limit: z.coerce
    .number({ message: 'Give the limit as a whole number from 1 to 200.' })
    .int('Give the limit as a whole number from 1 to 200.')
    .min(1, 'Give the limit as a whole number from 1 to 200.')
    .max(200, 'Give the limit as a whole number from 1 to 200.')
    .default(50),
  /** Only comments with this triage status. */
  status: TriageStatusSchema.optional(),
  /** Only comments with this tag. */
  tag: TagSchema.optional(),
  /** The `nextCursor` of the previous page, as it was given. */
  cursor: z.string().max(200).optional(),
});
export type FeedbackQuery = z.infer<typeof FeedbackQuerySchema>;

/** One submission with a comment, as a provider reads it. The comment is the redacted text. */
export const FeedbackItemSchema = z.object({
  id: z.uuid(),
  serviceId: ServiceIdSchema,
  /** When it was first posted (ISO 8601, UTC). */
  createdAt: z.iso.datetime(),
  /** The Brussels day it counts in. */
  day: DateSchema,
  rating: z.number().int().min(1).max(5),
  comment: z.string(),
  lang: LanguageSchema,
  outcome: OutcomeSchema.nullable(),
  step: z.string().nullable(),
  page: z.string().nullable(),
  /** How many personal-data items were replaced in it (a count, never the values). */
  redactions: count,
  channel: ChannelSchema,
  /** The reason codes ticked (only with a rating of 1–3). */
  reasons: z.array(z.string()),
  /** The provider's triage: where the comment is in its work (`new` until someone changes it). */
  status: TriageStatusSchema,
  tags: z.array(z.string()),
  /** Internal note of the provider; null when there is none. */
  note: z.string().nullable(),
});
export type FeedbackItem = z.infer<typeof FeedbackItemSchema>;

/** `GET /api/v1/services/:serviceId/feedback`: newest first; `nextCursor` null on the last page. */
export const FeedbackPageSchema = z
  .object({
    ...servicePeriod,
    items: z.array(FeedbackItemSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'FeedbackPage' });
export type FeedbackPage = z.infer<typeof FeedbackPageSchema>;

/**
 * A frequent word or word pair in the comments of a period, counted on its stem (the Snowball
 * stemmer of each comment's language): "formulier" and "formulieren" are one theme.
 */
export const ThemeSchema = z.object({
  /** The form written most often: a word, or two words separated by one space (lowercase). */
  term: z.string(),
  /** How many comments contain it (a comment counts once however often it repeats a word). */
  count: z.number().int().positive(),
  /** The share of those comments rated 1 or 2. */
  lowShare: fraction,
  /**
   * `count` minus the count in the previous period (of the same length, or the same span of the
   * year before in the annual report); null when that period has no comment to compare with.
   */
  change: z.number().int().nullable(),
  /** Every form counted under it, most written first (`term` is the first). */
  forms: z.array(z.string()).min(1),
  /** A few of those comments, newest first; absent where comments may not be shown. */
  examples: z.array(z.string()).optional(),
});
export type Theme = z.infer<typeof ThemeSchema>;

/** How themes may be ordered: by count, by share of low ratings, or by change; then by count. */
export const THEME_SORTS = ['count', 'lowShare', 'change'] as const;
export type ThemeSort = (typeof THEME_SORTS)[number];

/** `?from&to&sort` of `GET /api/v1/services/:serviceId/themes`. */
export const ThemesQuerySchema = PeriodQuerySchema.extend({
  sort: z.enum(THEME_SORTS, { message: 'Use count, lowShare or change.' }).default('count'),
});
export type ThemesQuery = z.infer<typeof ThemesQuerySchema>;

/** `GET /api/v1/services/:serviceId/themes`. */
export const ThemesSchema = z
  .object({
    ...servicePeriod,
    /** How many comments were read. */
    comments: count,
    /**
     * The period `change` compares with — the one of the same length just before — and how many
     * of its comments were read.
     */
    previous: z.object({ from: DateSchema, to: DateSchema, comments: count }),
    /**
     * The most frequent words and pairs (at most ten each), in the order asked: `sort` orders
     * these themes, it does not choose others.
     */
    words: z.array(ThemeSchema),
    pairs: z.array(ThemeSchema),
  })
  .meta({ id: 'Themes' });
export type Themes = z.infer<typeof ThemesSchema>;

// ---------------------------------------------------------------------------------------------
// Exports

export const EXPORT_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `?format&from&to` of `GET /api/v1/services/:serviceId/export`. */
export const ExportQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS, { message: 'Use csv, json or xlsx.' }).default('csv'),
  from: PeriodDaySchema.optional(),
  to: PeriodDaySchema.optional(),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

/** One exported submission: a row of the CSV and XLSX, an element of the JSON array. */
export const ExportRowSchema = z
  .object({
    id: z.uuid(),
    serviceId: ServiceIdSchema,
    /** The Brussels day and local time (HH:MM:SS) of the first post. */
    day: DateSchema,
    time: z.string().regex(/^\d{2}:\d{2}:\d{2}$/),
    /** The first post, ISO 8601 in UTC. */
    createdAt: z.iso.datetime(),
    rating: z.number().int().min(1).max(5),
    outcome: OutcomeSchema.nullable(),
    step: z.string().nullable(),
    lang: LanguageSchema,
    page: z.string().nullable(),
    comment: z.string().nullable(),
    redactions: count,
    channel: ChannelSchema,
    /** The reason codes ticked; in the CSV and XLSX one cell, separated by ", ". */
    reasons: z.array(z.string()),
  })
  .meta({ id: 'ExportRow' });
export type ExportRow = z.infer<typeof ExportRowSchema>;

// ---------------------------------------------------------------------------------------------
// The annual report

export const REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `?year&organisation&format` of `GET /api/v1/reports/annual`. */
export const AnnualReportQuerySchema = z.strictObject({
  year: PeriodYearSchema.optional(),
  organisation: OrganisationIdSchema.optional(),
  format: z.enum(REPORT_FORMATS, { message: 'Use json, csv or html.' }).default('json'),
});
export type AnnualReportQuery = z.infer<typeof AnnualReportQuerySchema>;

const PeriodSchema = z.object({ from: DateSchema, to: DateSchema });

/** The figures of a period with impressions and the response rate. */
export const ReportFiguresSchema = FiguresSchema.extend({
  impressions: count,
  /** The widget's responses / impressions (at most 1), or null without impressions. */
  responseRate: z.number().min(0).max(1).nullable(),
});
export type ReportFigures = z.infer<typeof ReportFiguresSchema>;

/**
 * This year minus the previous year. `csat` and `responseRate` are differences of fractions
 * (0.05 = 5 percentage points); a change is null when either side has no figure.
 */
export const ReportChangeSchema = z.object({
  responses: z.number().int(),
  mean: z.number().nullable(),
  csat: z.number().nullable(),
  responseRate: z.number().nullable(),
  comments: z.number().int(),
});
export type ReportChange = z.infer<typeof ReportChangeSchema>;

/** One month of the trend, beside the same month of the previous year. */
export const ReportMonthSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  current: MonthFiguresSchema,
  previous: MonthFiguresSchema,
});
export type ReportMonth = z.infer<typeof ReportMonthSchema>;

/** Figures of a service, an organisation or everything, this year and the previous one. */
export const ReportBlockSchema = z.object({
  current: ReportFiguresSchema,
  previous: ReportFiguresSchema,
  change: ReportChangeSchema,
  byMonth: z.array(ReportMonthSchema),
});
export type ReportBlock = z.infer<typeof ReportBlockSchema>;

export const ServiceReportSchema = ReportBlockSchema.extend({
  serviceId: ServiceIdSchema,
  name: z.string(),
  organisationId: OrganisationIdSchema,
  active: z.boolean(),
  /** This year's responses per channel. */
  byChannel: z.array(ChannelFiguresSchema),
  /** This year's reasons, most frequent first; share of the responses rated 1–3. */
  byReason: z.array(ReasonFiguresSchema),
  /** This year's figures per outcome (`unknown`: the host page gave none), as in the summary. */
  byOutcome: OutcomeFiguresSchema,
  /** This year's responses per language, in the order of LANGUAGES. */
  byLanguage: z.array(LanguageFiguresSchema),
  /** This year's responses per step, in journey order (as first seen), with the share not completed. */
  byStep: z.array(StepFiguresSchema),
  /** The most frequent words and word pairs of this year's comments: terms and counts only. */
  themes: z.object({
    /**
     * How many comments they were counted in: every comment of the year's months (fewer than
     * `current.comments` when retention removed text), compared with the same months of the year
     * before. While the collector has not yet counted a service's comments (just after an
     * upgrade), the year's newest, at most AnnualReport's `themeSample`.
     */
    comments: count,
    words: z.array(ThemeSchema),
    pairs: z.array(ThemeSchema),
  }),
  /** The provider's explanation of this year's figures ("explain"), or null. */
  explanation: z.string().nullable(),
  /** Improvement actions planned, in progress or done this year (created or done in it). */
  actions: z.array(ActionSchema),
});
export type ServiceReport = z.infer<typeof ServiceReportSchema>;

export const OrganisationReportSchema = ReportBlockSchema.extend({
  organisationId: OrganisationIdSchema,
  name: z.string(),
  /** The organisation's explanation for the year, or null. */
  explanation: z.string().nullable(),
  services: z.array(ServiceReportSchema),
});
export type OrganisationReport = z.infer<typeof OrganisationReportSchema>;

/** `GET /api/v1/reports/annual?format=json`. */
export const AnnualReportSchema = z
  .object({
    year: z.number().int(),
    /** 1 January to 31 December, or to today while the year runs. */
    period: PeriodSchema,
    /** The same span one year earlier, so that a running year is compared like with like. */
    previousPeriod: PeriodSchema,
    generatedAt: z.iso.datetime(),
    /** One organisation, or `null` for the steering committee's report of all organisations. */
    organisationId: OrganisationIdSchema.nullable(),
    /**
     * MIN_PUBLIC_N: a satisfaction or share counted on fewer answers than this is uncertain; the
     * HTML says "weinig antwoorden" beside it.
     */
    minimum: z.number().int().positive(),
    /** Themes count a word only when at least this many comments contain it. */
    themeMinimum: z.number().int().positive(),
    /**
     * While more comments of a service than this are not yet counted into the kept theme counts
     * (just after an upgrade), its themes read this many, the newest of the year.
     */
    themeSample: z.number().int().positive(),
    total: ReportBlockSchema,
    /** All organisations' report: its comparison, a row per service (inactive too); else null. */
    overview: z.array(OverviewRowSchema).nullable(),
    /** All organisations' report: its services per policy domain; else null. */
    byPolicyDomain: z.array(PolicyDomainSummarySchema).nullable(),
    organisations: z.array(OrganisationReportSchema),
  })
  .meta({ id: 'AnnualReport' });
export type AnnualReport = z.infer<typeof AnnualReportSchema>;

// ---------------------------------------------------------------------------------------------
// Public statistics

/** `?year&format` of the public statistics. */
export const PublicStatsQuerySchema = z.strictObject({
  year: PeriodYearSchema.optional(),
  format: z.enum(['json', 'csv'], { message: 'Use json or csv.' }).default('json'),
});
export type PublicStatsQuery = z.infer<typeof PublicStatsQuerySchema>;

/** A service's public figures for a year: aggregates only, never a comment. */
export const PublicFiguresSchema = z.object({
  serviceId: ServiceIdSchema,
  year: z.number().int(),
  suppressed: z.literal(false),
  responses: count,
  ratings: RatingCountsSchema,
  mean: z.number().min(1).max(5).nullable(),
  csat: fraction.nullable(),
  csatInterval: z.tuple([fraction, fraction]).nullable(),
});

/** Fewer responses than the threshold: no figure at all, only that it is suppressed. */
export const PublicSuppressedSchema = z.strictObject({
  serviceId: ServiceIdSchema,
  year: z.number().int(),
  suppressed: z.literal(true),
  minimum: z.number().int().positive(),
});

/** `GET /api/v1/public/services/:serviceId/stats`. */
export const PublicServiceStatsSchema = z
  .discriminatedUnion('suppressed', [
    PublicFiguresSchema.extend({ improvements: z.array(ImprovementSchema) }),
    PublicSuppressedSchema.extend({ improvements: z.array(ImprovementSchema) }),
  ])
  .meta({ id: 'PublicServiceStats' });
export type PublicServiceStats = z.infer<typeof PublicServiceStatsSchema>;

const naming = {
  name: z.string(),
  organisationId: OrganisationIdSchema,
  organisationName: z.string(),
  /** Public improvement actions that are done: "Dankzij uw feedback …". */
  improvements: z.array(ImprovementSchema),
};

/** `GET /api/v1/public/stats`: every active service, named. */
export const PublicStatsSchema = z
  .object({
    year: z.number().int(),
    from: DateSchema,
    to: DateSchema,
    minimum: z.number().int().positive(),
    services: z.array(
      z.discriminatedUnion('suppressed', [
        PublicFiguresSchema.extend(naming),
        PublicSuppressedSchema.extend(naming),
      ]),
    ),
  })
  .meta({ id: 'PublicStats' });
export type PublicStats = z.infer<typeof PublicStatsSchema>;
export type PublicStatsEntry = PublicStats['services'][number];
