import { z } from '@hono/zod-openapi';
import type { Context, ValidationTargets } from 'hono';
import {
  fieldErrors,
  PERIOD_FIRST_YEAR,
  PERIOD_LAST_YEAR,
  PERIOD_MAX_DAYS,
  PeriodYearSchema,
} from '@vo-feedback/shared';
import { invalid, type ProblemError } from '../../domain/problems.ts';

// What the routes with a period or year in their query share: the provider and steering routes
// over services, the annual report and the public statistics.

/** The documented 400 of a route with a period: a malformed query, or a period beyond the limits. */
export const PERIOD_400: [number, string] = [
  400,
  `Invalid query (\`validation-error\`), or a period outside ${PERIOD_FIRST_YEAR}–${PERIOD_LAST_YEAR} or longer than ${PERIOD_MAX_DAYS} days, both ends included (\`invalid-period\`); \`errors\` names each parameter and how to fix it.`,
];

/**
 * A query schema that reads a repeated parameter (`?year=2026&year=2025`) by its first value, as
 * these routes always have. The document shows the inner schema's parameters.
 */
export function firstValues<T extends z.ZodObject>(schema: T) {
  return z
    .transform((query: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(query).map(([name, value]) => [
          name,
          Array.isArray(value) ? (value[0] as unknown) : value,
        ]),
      ),
    )
    .pipe(schema);
}

type ValidationResult = { target: keyof ValidationTargets } & (
  { success: true; data: unknown } | { success: false; error: Parameters<typeof fieldErrors>[0] }
);

/**
 * The validation hook of these routes: a query that breaks its schema is 400 `validation-error`
 * with each field ("The query is not valid; see errors."). A path parameter that breaks its
 * schema names nothing: it gets the problem `unknownParam` makes, the same 404 as an id that
 * matches no record.
 */
export function queryHook(unknownParam?: (c: Context) => ProblemError) {
  return (result: ValidationResult, c: Context): undefined => {
    if (result.success) return undefined;
    if (result.target === 'param' && unknownParam) throw unknownParam(c);
    throw invalid('The query is not valid; see errors.', fieldErrors(result.error));
  };
}

/**
 * `:year` of a path, as `?year` (whether that year may be asked is requireYear's to say). Never
 * 0: a path parameter is required, and the document generator takes a schema that accepts what
 * `null` coerces to as nullable, not required.
 */
export const YearParamSchema = PeriodYearSchema.min(
  1,
  'Give the year as four digits, e.g. 2026.',
).meta({
  description: `A calendar year, ${PERIOD_FIRST_YEAR} to ${PERIOD_LAST_YEAR}; else 400 invalid-period.`,
});
