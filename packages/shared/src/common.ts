import { z } from 'zod';

import { LANGUAGES, OUTCOMES } from './constants.ts';

export * from './constants.ts';

export const LanguageSchema = z.enum(LANGUAGES);
export const OutcomeSchema = z.enum(OUTCOMES);

/** A service id at the collector: lowercase letters, digits and `-`, 2–64 characters. */
export const ServiceIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$/,
    'Use 2–64 lowercase letters, digits or "-", starting and ending with a letter or digit.',
  );

/** An organisation id follows the same rule as a service id. */
export const OrganisationIdSchema = ServiceIdSchema;

/** A calendar date, `YYYY-MM-DD`, counted in Europe/Brussels time. */
export const DateSchema = z.iso.date({ message: 'Use a date as YYYY-MM-DD.' });

export const RatingSchema = z
  .number({ message: 'Give the rating as a whole number from 1 to 5.' })
  .int('Give the rating as a whole number from 1 to 5.')
  .min(1, 'Give the rating as a whole number from 1 to 5.')
  .max(5, 'Give the rating as a whole number from 1 to 5.');
