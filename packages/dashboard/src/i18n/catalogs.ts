import { en } from './en.ts';
import { fr } from './fr.ts';
import { nl, type Messages } from './nl.ts';

export type { Messages };

/** The dashboard's languages; Dutch is the default. */
export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const catalogs: Record<Language, Messages> = { nl, fr, en };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
