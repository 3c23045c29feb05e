import { z } from 'zod';

// What went wrong, in the citizen's words: the reasons a citizen may tick after a rating of 1–3.
// Each service may set its own list (admin API, CLI); without one it offers these.

/** A reason's code: lowercase letters, digits and `-`, 1–40 characters. */
export const ReasonCodeSchema = z
  .string({ message: 'Give each reason as a code, e.g. "too-slow".' })
  .regex(/^[a-z0-9-]{1,40}$/, 'Use a reason code of 1–40 lowercase letters, digits or "-".');
export type ReasonCode = z.infer<typeof ReasonCodeSchema>;

/** At most this many reasons per submission, and the most a service's own list may hold. */
export const MAX_REASONS = 6;

const label = (language: string) =>
  z
    .string({ message: `Give the ${language} label as text.` })
    .trim()
    .min(1, `Give the ${language} label.`)
    .max(120, `Shorten the ${language} label to at most 120 characters.`);

/** One reason a service offers, with its label in each language of the widget. */
export const ReasonSchema = z
  .strictObject({
    code: ReasonCodeSchema,
    labels: z.strictObject({ nl: label('nl'), fr: label('fr'), en: label('en'), de: label('de') }),
  })
  .meta({ id: 'Reason' });
export type Reason = z.infer<typeof ReasonSchema>;

/** A service's own list: 1 to 6 reasons, each code once. */
export const ReasonListSchema = z
  .array(ReasonSchema, { message: 'Give reasons as a list of {code, labels: {nl, fr, en, de}}.' })
  .min(1, 'Give at least one reason, or null for the default list.')
  .max(MAX_REASONS, `Give at most ${MAX_REASONS} reasons.`)
  .refine((list) => new Set(list.map((reason) => reason.code)).size === list.length, {
    message: 'Give each reason code once.',
  });

/** The reasons every service offers unless it sets its own. */
export const DEFAULT_REASONS: readonly Reason[] = [
  {
    code: 'unclear-information',
    labels: {
      nl: 'De informatie was niet duidelijk',
      fr: "Les informations n'étaient pas claires",
      en: 'The information was not clear',
      de: 'Die Informationen waren nicht klar',
    },
  },
  {
    code: 'technical-problem',
    labels: {
      nl: 'Er was een technisch probleem',
      fr: 'Il y avait un problème technique',
      en: 'There was a technical problem',
      de: 'Es gab ein technisches Problem',
    },
  },
  {
    code: 'too-slow',
    labels: {
      nl: 'Het duurde te lang',
      fr: 'Cela a pris trop de temps',
      en: 'It took too long',
      de: 'Es hat zu lange gedauert',
    },
  },
  {
    code: 'could-not-find',
    labels: {
      nl: 'Ik vond niet wat ik zocht',
      fr: "Je n'ai pas trouvé ce que je cherchais",
      en: 'I could not find what I was looking for',
      de: 'Ich habe nicht gefunden, was ich gesucht habe',
    },
  },
  {
    code: 'needed-help',
    labels: {
      nl: 'Ik had hulp nodig',
      fr: "J'avais besoin d'aide",
      en: 'I needed help',
      de: 'Ich brauchte Hilfe',
    },
  },
  {
    code: 'other',
    labels: { nl: 'Iets anders', fr: 'Autre chose', en: 'Something else', de: 'Etwas anderes' },
  },
];
