import type { Language } from '@vo-feedback/shared/constants';
import type { Messages } from './nl.ts';

// Every language, Dutch included, is a chunk of its own beside the bundle, imported from the
// script's own base URL the first time a widget needs it, so a page pays only for its language
// (the size budget is the bundle plus its largest chunk).
export const catalogs: Partial<Record<Language, Messages>> = {};
const imports: Record<Language, () => Promise<Messages>> = {
  nl: () => import('./nl.ts').then((m) => m.nl),
  fr: () => import('./fr.ts').then((m) => m.fr),
  en: () => import('./en.ts').then((m) => m.en),
  de: () => import('./de.ts').then((m) => m.de),
};
const loading: Partial<Record<Language, Promise<unknown>>> = {};

/**
 * Loads the catalog of `lang`, once per page. One that cannot be loaded (offline, blocked) is
 * replaced by Dutch, and the widget then says it speaks Dutch; without Dutch either, the element
 * keeps showing its light DOM (the no-JavaScript form).
 */
export const loadCatalog = (lang: Language): Promise<unknown> =>
  (loading[lang] ??= imports[lang]().then<unknown, unknown>(
    (messages) => (catalogs[lang] = messages),
    () => lang != 'nl' && loadCatalog('nl').then(() => (catalogs[lang] = catalogs.nl)),
  ));
