import type { Language } from '@vo-feedback/shared/constants';
import { nl, type Messages } from './nl.ts';

// Dutch, the default language and the one most pages speak, is in the bundle: the widget renders
// in its first update, with no second request. French, English and German are chunks of their own
// beside the bundle, imported from the script's own base URL the first time a widget needs one (the
// size budget is the bundle plus its largest chunk).
export const catalogs: Partial<Record<Language, Messages>> = { nl };
const imports: Partial<Record<Language, () => Promise<Messages>>> = {
  fr: () => import('./fr.ts').then((m) => m.fr),
  en: () => import('./en.ts').then((m) => m.en),
  de: () => import('./de.ts').then((m) => m.de),
};
const loading: Partial<Record<Language, Promise<unknown>>> = {};

/**
 * Loads the catalog of `lang` (not Dutch, which is always there), once per page. One that cannot
 * be loaded (offline, blocked) is replaced by Dutch, and the widget then says it speaks Dutch.
 */
export const loadCatalog = (lang: Language): Promise<unknown> =>
  (loading[lang] ??= imports[lang]!().then(
    (messages) => (catalogs[lang] = messages),
    () => (catalogs[lang] = nl),
  ));
