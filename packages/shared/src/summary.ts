import { z } from 'zod';
import { DateSchema, LanguageSchema, OUTCOMES, ServiceIdSchema } from './common.ts';
import { ChannelSchema } from './submission.ts';
import { PeriodDaySchema } from './period.ts';

const fraction = z.number().min(0).max(1);

/** Counts of each rating value, keys "1" to "5". */
export const RatingCountsSchema = z.object({
  '1': z.number().int().nonnegative(),
  '2': z.number().int().nonnegative(),
  '3': z.number().int().nonnegative(),
  '4': z.number().int().nonnegative(),
  '5': z.number().int().nonnegative(),
});
export type RatingCounts = z.infer<typeof RatingCountsSchema>;

/** The figures of one group of responses (a period, a month, an outcome). */
export const FiguresSchema = z.object({
  responses: z.number().int().nonnegative(),
  ratings: RatingCountsSchema,
  /** Mean rating 1–5, or null when there are no responses. */
  mean: z.number().min(1).max(5).nullable(),
  /** Share of ratings 4 and 5 (0–1), or null when there are no responses. */
  csat: fraction.nullable(),
  /** Wilson score interval (95 %) of csat, or null when there are no responses. */
  csatInterval: z.tuple([fraction, fraction]).nullable(),
  /** Number of responses with a comment. */
  comments: z.number().int().nonnegative(),
});
export type Figures = z.infer<typeof FiguresSchema>;

export const MonthFiguresSchema = FiguresSchema.extend({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  impressions: z.number().int().nonnegative(),
  /** The widget's responses / impressions of the month (at most 1), or null without impressions. */
  responseRate: z.number().min(0).max(1).nullable(),
});
export type MonthFigures = z.infer<typeof MonthFiguresSchema>;

/** The responses of one channel: how many, and their satisfaction. */
export const ChannelFiguresSchema = z.object({
  channel: ChannelSchema,
  responses: z.number().int().nonnegative(),
  csat: fraction.nullable(),
  csatInterval: z.tuple([fraction, fraction]).nullable(),
});
export type ChannelFigures = z.infer<typeof ChannelFiguresSchema>;

/** The responses in one language: how many, and their satisfaction. */
export const LanguageFiguresSchema = z.object({
  lang: LanguageSchema,
  responses: z.number().int().nonnegative(),
  csat: fraction.nullable(),
  csatInterval: z.tuple([fraction, fraction]).nullable(),
});
export type LanguageFigures = z.infer<typeof LanguageFiguresSchema>;

/**
 * The responses given at one step of the journey (the host page's `step`): how many, their
 * satisfaction, and where people did not get through.
 */
export const StepFiguresSchema = z.object({
  step: z.string(),
  responses: z.number().int().nonnegative(),
  csat: fraction.nullable(),
  csatInterval: z.tuple([fraction, fraction]).nullable(),
  /** Of the responses, those whose host page gave an outcome: the base of `shareNotCompleted`. */
  withOutcome: z.number().int().nonnegative(),
  /** Outcome rejected or error / responses with an outcome; null when none has one. */
  shareNotCompleted: fraction.nullable(),
});
export type StepFigures = z.infer<typeof StepFiguresSchema>;

/** Figures per outcome; `unknown`: the host page gave none. Outcomes without responses are absent. */
export const OutcomeFiguresSchema = z.partialRecord(
  z.enum([...OUTCOMES, 'unknown']),
  FiguresSchema,
);
export type OutcomeFigures = z.infer<typeof OutcomeFiguresSchema>;

/**
 * How often a reason was ticked, and its share of the responses rated 1–3 (the only ones that
 * carry reasons), or null when there are none. Most frequent first.
 */
export const ReasonFiguresSchema = z.object({
  reason: z.string(),
  count: z.number().int().nonnegative(),
  share: fraction.nullable(),
});
export type ReasonFigures = z.infer<typeof ReasonFiguresSchema>;

/** `GET /api/v1/services/:serviceId/summary`. */
export const SummarySchema = FiguresSchema.extend({
  serviceId: ServiceIdSchema,
  from: DateSchema,
  to: DateSchema,
  impressions: z.number().int().nonnegative(),
  /**
   * The responses the widget sent / impressions, at most 1, or null without impressions. Answers
   * of the no-JavaScript form and other channels follow no impression and are not counted.
   */
  responseRate: z.number().min(0).max(1).nullable(),
  byMonth: z.array(MonthFiguresSchema),
  byOutcome: OutcomeFiguresSchema,
  /** The channels that have responses in the period, in the order of CHANNELS. */
  byChannel: z.array(ChannelFiguresSchema),
  /** The reasons ticked in the period, most frequent first. */
  byReason: z.array(ReasonFiguresSchema),
  /** The languages that have responses in the period, in the order of LANGUAGES. */
  byLanguage: z.array(LanguageFiguresSchema),
  /** The steps that have responses in the period, in journey order: as first seen. */
  byStep: z.array(StepFiguresSchema),
}).meta({ id: 'Summary' });
export type Summary = z.infer<typeof SummarySchema>;

/** `?from&to` of a period query; both optional. The limits of a period are in period.ts. */
export const PeriodQuerySchema = z.strictObject({
  from: PeriodDaySchema.optional(),
  to: PeriodDaySchema.optional(),
});
export type PeriodQuery = z.infer<typeof PeriodQuerySchema>;
