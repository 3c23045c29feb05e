import snowball from 'snowball-stemmers';
import type { Language, Theme, ThemeSort } from '@vo-feedback/shared';
import { isFiller, isFunctionWord, NEGATIONS, TOO } from './stop-words.ts';
import type { KeptTerm } from './theme-store.ts';

// Themes: the words and word pairs that come back most often in a period's comments, so that
// "what should we improve" has an answer at a glance. Deliberately simple and explainable to the
// reader of a report: no model. A word counts once per comment that contains it, on its stem —
// the Snowball stemmer of the comment's language (nl, fr, en, de) — so that "formulier" and
// "formulieren", "demande" and "demandes", "Antrag" and "Anträge" are one theme, shown as the
// form people wrote most often. Stemming merges inflections within a language (not all: Dutch
// "werkt" and "werken", German "Problem" and "Probleme" stay apart), and words of different
// languages that stem alike ("probleem", "problème", "problem", "Probleme" → "problem"); it does
// not translate: "formulier", "formulaire", "Formular" and "form" stay four themes. Each theme
// lists the forms it counted, so that a reader sees what was merged.

/** The Snowball algorithm of each language a comment can be in. */
const STEMMERS: Record<Language, { stem(word: string): string }> = {
  nl: snowball.newStemmer('dutch'),
  fr: snowball.newStemmer('french'),
  en: snowball.newStemmer('english'),
  de: snowball.newStemmer('german'),
};

// Stemming is a few microseconds a word, and a period's vocabulary is small next to its
// comments: stems are remembered, within a bound so that a long-running process cannot grow.
const STEM_MEMORY = 100_000;
const stems = new Map<string, string>();

/** The Snowball stem of a lowercase word in a language ("formulieren" in nl → "formulier"). */
export function stemOf(word: string, lang: Language): string {
  const key = `${lang}:${word}`;
  let stem = stems.get(key);
  if (stem === undefined) {
    if (stems.size >= STEM_MEMORY) stems.clear();
    stem = STEMMERS[lang].stem(word);
    stems.set(key, stem);
  }
  return stem;
}

const MIN_WORD_LENGTH = 3;

/**
 * Words: letters, marks and inner hyphens ("e-loket"), with an English "n't" kept ("doesn't", a
 * negation); digits and other apostrophes split them ("l'attente" → "l", "attente").
 */
const WORD = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*(?:'t(?![\p{L}\p{M}]))?/gu;
/**
 * Where a pair may not span: sentence and clause ends, slashes and bars ("aanvraag/betaling" are
 * two things), brackets, quotes, dashes and bullets. Pairs are counted within one clause only.
 */
const CLAUSE_BREAK = /[.!?;:,/\\|()[\]{}"“”«»–—•\r\n]+|\s-\s/u;
/**
 * The redaction placeholders ("[e-mail]", "[telefoonnummer]") are not the citizen's words, and
 * the words on either side of one were not next to each other: a placeholder breaks the clause.
 */
const PLACEHOLDER = /\[[^\]]{1,40}\]/g;

type Role = 'content' | 'filler' | 'negation' | 'too' | 'none';

function roleOf(token: string): Role {
  if (NEGATIONS.has(token)) return 'negation';
  if (TOO.has(token)) return 'too';
  if ([...token].length < MIN_WORD_LENGTH || isFunctionWord(token)) return 'none';
  return isFiller(token) ? 'filler' : 'content';
}

/** Terms of one comment: each stem (or pair of stems) and the forms it was written in. */
export type Terms = Map<string, Set<string>>;

function note(terms: Terms, key: string, form: string): void {
  let forms = terms.get(key);
  if (!forms) terms.set(key, (forms = new Set()));
  forms.add(form);
}

/**
 * The distinct words and word pairs of one comment, keyed by stem ("formulier" for
 * "formulieren"; "te lang" for "te lange"), each with the lowercase forms written.
 */
export function termsOf(comment: string, lang: Language): { words: Terms; pairs: Terms } {
  const words: Terms = new Map();
  const pairs: Terms = new Map();
  const text = comment.normalize('NFC').toLowerCase().replace(/’/g, "'").replace(PLACEHOLDER, '.');
  for (const clause of text.split(CLAUSE_BREAK)) {
    const tokens = clause.match(WORD) ?? [];
    const roles = tokens.map(roleOf);
    // Negations and "too" are kept as written: they are short and stemming them says nothing.
    const keys = tokens.map((token, i) =>
      roles[i] === 'content' || roles[i] === 'filler' ? stemOf(token, lang) : token,
    );
    for (let i = 0; i < tokens.length; i += 1) {
      const role = roles[i]!;
      if (role === 'content') note(words, keys[i]!, tokens[i]!);
      const next = roles[i + 1];
      if (next === undefined) continue;
      // A pair is two content words, a negation or "too" before a content or filler word ("te
      // lang", "niet goed"), or a content word before a negation ("werkt niet"), adjacent within
      // one clause.
      const pair =
        (role === 'content' && (next === 'content' || next === 'negation')) ||
        ((role === 'negation' || role === 'too') && (next === 'content' || next === 'filler'));
      if (pair) note(pairs, `${keys[i]} ${keys[i + 1]}`, `${tokens[i]} ${tokens[i + 1]}`);
    }
  }
  return { words, pairs };
}

export interface ThemeOptions {
  /** How many words and how many pairs to return. Default 10. */
  limit?: number;
  /** A term must occur in at least this many comments. Default 2. */
  minimumCount?: number;
  /** How many example comments to keep per theme; 0 keeps none. Default 3. */
  examples?: number;
  /** Examples longer than this are cut at a word boundary with "…". Default 280. */
  exampleLength?: number;
}

/** A comment to count: its text, the language it was given in, and its rating. */
export interface ThemeComment {
  comment: string;
  lang: Language;
  rating: number;
}

/** Ratings that count as low in `lowShare`. */
export const LOW_RATING = 2;

interface Tally {
  count: number;
  /** Of those comments, how many were rated 1–2. */
  low: number;
  /** Each form written, and in how many comments. */
  forms: Map<string, number>;
  examples: string[];
}

type Kind = 'words' | 'pairs';

function shorten(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const alphabetical = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Forms most written first, then alphabetically: the first is the theme's term. */
function formsOf(tally: Tally): string[] {
  return [...tally.forms]
    .sort(([a, x], [b, y]) => y - x || alphabetical(a, b))
    .map(([form]) => form);
}

/** Themes with the highest count first, equal counts alphabetically. */
const byCount = (a: Theme, b: Theme) => b.count - a.count || alphabetical(a.term, b.term);

/**
 * The order of `sort`. Every order ends with the count and then the term, so that it is total;
 * a `change` of null (nothing to compare with) sorts last.
 */
const ORDER: Record<ThemeSort, (a: Theme, b: Theme) => number> = {
  count: byCount,
  lowShare: (a, b) => b.lowShare - a.lowShare || byCount(a, b),
  change: (a, b) => (b.change ?? -Infinity) - (a.change ?? -Infinity) || byCount(a, b),
};

function tallyOf(tallies: Map<string, Tally>, key: string): Tally {
  let tally = tallies.get(key);
  if (!tally) tallies.set(key, (tally = { count: 0, low: 0, forms: new Map(), examples: [] }));
  return tally;
}

/**
 * Counts themes over comments given one at a time, so that a year of comments can stream from the
 * database without being held in memory. Give comments newest first: the examples kept are the
 * first ones seen.
 */
export class ThemeCounter {
  #comments = 0;
  readonly #tallies: Record<Kind, Map<string, Tally>> = { words: new Map(), pairs: new Map() };
  readonly #limit: number;
  readonly #minimumCount: number;
  readonly #examples: number;
  readonly #exampleLength: number;

  constructor(options: ThemeOptions = {}) {
    this.#limit = options.limit ?? 10;
    this.#minimumCount = options.minimumCount ?? 2;
    this.#examples = options.examples ?? 3;
    this.#exampleLength = options.exampleLength ?? 280;
  }

  add({ comment, lang, rating }: ThemeComment): void {
    this.#comments += 1;
    const terms = termsOf(comment, lang);
    const low = rating <= LOW_RATING;
    this.#count(this.#tallies.words, terms.words, comment, low);
    this.#count(this.#tallies.pairs, terms.pairs, comment, low);
  }

  /**
   * Adds a kept count (theme-store.ts): a stem's comments and low ratings (`form` ''), or how
   * many comments wrote one of its forms.
   */
  addKept(term: KeptTerm): void {
    const tally = tallyOf(this.#tallies[term.kind === 'word' ? 'words' : 'pairs'], term.stem);
    if (term.form !== '') {
      tally.forms.set(term.form, (tally.forms.get(term.form) ?? 0) + term.count);
      return;
    }
    tally.count += term.count;
    tally.low += term.low;
  }

  /** Adds comments counted in kept counts. */
  addKeptComments(comments: number): void {
    this.#comments += comments;
  }

  /** Takes out a comment that kept counts hold but that changed or went since (a retraction). */
  remove({ comment, lang, rating }: ThemeComment): void {
    this.#comments -= 1;
    const terms = termsOf(comment, lang);
    for (const kind of ['words', 'pairs'] as const) {
      for (const [key, forms] of terms[kind]) {
        // Only a term the counts were read for: the others are below the minimum anyway.
        const tally = this.#tallies[kind].get(key);
        if (!tally) continue;
        tally.count -= 1;
        if (rating <= LOW_RATING) tally.low -= 1;
        for (const form of forms) {
          const left = (tally.forms.get(form) ?? 0) - 1;
          if (left > 0) tally.forms.set(form, left);
          else tally.forms.delete(form);
        }
      }
    }
  }

  #count(tallies: Map<string, Tally>, terms: Terms, comment: string, low: boolean): void {
    for (const [key, forms] of terms) {
      const tally = tallyOf(tallies, key);
      tally.count += 1;
      if (low) tally.low += 1;
      for (const form of forms) tally.forms.set(form, (tally.forms.get(form) ?? 0) + 1);
      if (tally.examples.length < this.#examples) {
        const example = shorten(comment, this.#exampleLength);
        // The same words typed twice are one example.
        if (!tally.examples.includes(example)) tally.examples.push(example);
      }
    }
  }

  /** How many comments contain a stem (words) or a pair of stems (pairs, "te lang"). */
  countOf(kind: Kind, key: string): number {
    return this.#tallies[kind].get(key)?.count ?? 0;
  }

  #ranked(
    kind: Kind,
    previous: ThemeCounter | undefined,
    sort: ThemeSort,
  ): { key: string; theme: Theme }[] {
    // Nothing to compare with is not "no change": change is null then.
    const compare = previous && previous.comments > 0 ? previous : undefined;
    return (
      [...this.#tallies[kind]]
        .filter(([, tally]) => tally.count >= this.#minimumCount)
        .map(([key, tally]) => {
          const forms = formsOf(tally);
          const theme: Theme = {
            term: forms[0]!,
            count: tally.count,
            lowShare: tally.low / tally.count,
            change: compare ? tally.count - compare.countOf(kind, key) : null,
            forms,
            ...(this.#examples > 0 ? { examples: tally.examples } : {}),
          };
          return { key, theme };
        })
        // The themes are the most frequent terms whatever the order asked: `sort` orders them,
        // it never brings in a rare term because all two of its comments were rated 1.
        // Two stems can be shown as the same term (a word written in two languages): the stem
        // keeps the order total, whatever order the counts were read in.
        .sort((a, b) => byCount(a.theme, b.theme) || alphabetical(a.key, b.key))
        .slice(0, this.#limit)
        .sort((a, b) => ORDER[sort](a.theme, b.theme) || alphabetical(a.key, b.key))
    );
  }

  #top(kind: Kind, previous: ThemeCounter | undefined, sort: ThemeSort): Theme[] {
    return this.#ranked(kind, previous, sort).map(({ theme }) => theme);
  }

  /** The stems of the themes `result` gives, as kept counts name them ("word formulier"). */
  topKeys(): string[] {
    return (['words', 'pairs'] as const).flatMap((kind) =>
      this.#ranked(kind, undefined, 'count').map(
        ({ key }) => `${kind === 'words' ? 'word' : 'pair'} ${key}`,
      ),
    );
  }

  /** How many comments were read. */
  get comments(): number {
    return this.#comments;
  }

  /**
   * The most frequent words and pairs, each with its share of low ratings and, given the
   * counter of the previous period, its change in count since then.
   */
  result(options: { previous?: ThemeCounter; sort?: ThemeSort } = {}): {
    comments: number;
    words: Theme[];
    pairs: Theme[];
  } {
    const sort = options.sort ?? 'count';
    return {
      comments: this.#comments,
      words: this.#top('words', options.previous, sort),
      pairs: this.#top('pairs', options.previous, sort),
    };
  }
}

/** Themes of a list of comments, newest first. */
export function findThemes(
  comments: Iterable<ThemeComment>,
  options: ThemeOptions & { previous?: Iterable<ThemeComment>; sort?: ThemeSort } = {},
) {
  const counter = new ThemeCounter(options);
  for (const comment of comments) counter.add(comment);
  let previous: ThemeCounter | undefined;
  if (options.previous) {
    previous = new ThemeCounter({ examples: 0 });
    for (const comment of options.previous) previous.add(comment);
  }
  return counter.result({ previous, sort: options.sort });
}
