import type { Language } from '@vo-feedback/shared';
import { LOW_RATING, termsOf } from './themes.ts';

// What counting or retracting comments changes in the kept theme counts (schema-themes.*.ts): the
// same terms a ThemeCounter counts, per service and month, summed so that a batch of comments is
// one row per stem and form.

/** A comment to add (`sign` 1) to or take (-1) from the counts of its service and month. */
export interface ThemeChange {
  serviceId: string;
  month: string;
  comment: string;
  lang: Language;
  rating: number;
  sign: 1 | -1;
}

/** A change of one kept count: `kind` `comments` has stem and form ''. */
export interface ThemeDelta {
  serviceId: string;
  month: string;
  kind: 'word' | 'pair' | 'comments';
  stem: string;
  form: string;
  count: number;
  low: number;
}

/** The deltas of some changes, one per service, month, kind, stem and form; none of them zero. */
export function themeDeltas(changes: Iterable<ThemeChange>): ThemeDelta[] {
  const deltas = new Map<string, ThemeDelta>();
  const add = (change: ThemeChange, kind: ThemeDelta['kind'], stem: string, form: string) => {
    const key = `${change.serviceId}\u0000${change.month}\u0000${kind}\u0000${stem}\u0000${form}`;
    let delta = deltas.get(key);
    if (!delta) {
      delta = {
        serviceId: change.serviceId,
        month: change.month,
        kind,
        stem,
        form,
        count: 0,
        low: 0,
      };
      deltas.set(key, delta);
    }
    delta.count += change.sign;
    // Forms count comments only; the stem's row carries the low ratings.
    if (form === '' && change.rating <= LOW_RATING) delta.low += change.sign;
  };
  for (const change of changes) {
    add(change, 'comments', '', '');
    const { words, pairs } = termsOf(change.comment, change.lang);
    for (const [kind, terms] of [
      ['word', words],
      ['pair', pairs],
    ] as const) {
      for (const [stem, forms] of terms) {
        add(change, kind, stem, '');
        for (const form of forms) add(change, kind, stem, form);
      }
    }
  }
  return [...deltas.values()].filter((delta) => delta.count !== 0 || delta.low !== 0);
}
