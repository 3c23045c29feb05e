import type { Theme } from '@vo-feedback/shared';

// Themes: the words and word pairs that come back most often in a period's comments, so that
// "what should we improve" has an answer at a glance. Deliberately simple and explainable to the
// reader of a report: no stemming, no model — a word counts once per comment that contains it,
// after the stop words of Dutch, French, English and German are removed.

/** Function words of nl, fr, en and de (after the Snowball lists), and feedback filler. */
const STOP_WORDS = new Set(
  [
    // nl
    'aan al alle alles als altijd andere ben bent bij daar dan dat de der deze die dit doch doen',
    'door dus een eens en er ge geweest haar had hadden heb hebben hebt heeft hem het hier hij hoe',
    'hun iemand iets ik in is ja je jij jou jouw jullie kan kon konden kun kunnen kunt maar me men',
    'met mij mijn mn moet moest moeten mocht mag mogen na naar nog nu of om omdat onder ons onze',
    'ook op over reeds tegen toch toen tot uit uw van veel voor waar waarom wanneer want waren was',
    'wat we wel welke werd werden wie wij wil wilde willen worden wordt word zal ze zelf zich zij',
    'zijn zo zonder zou zouden zullen dus erg zeer heel echt even gewoon graag beetje misschien',
    'soms vaak eigenlijk daarna daarom dezelfde hetzelfde gaan gaat ging komt komen kreeg krijg',
    'krijgen kregen ging via per waarbij waarin waardoor welk elk elke ieder iedere enkel enkele',
    'bedankt dank dankjewel dankuwel merci alvast',
    // fr
    'au aux avec ce ces dans de des du elle elles en et eux il ils je la le les leur leurs lui ma',
    'mais me meme même mes moi mon ne nos notre nous on ou où par pour qu que qui quoi sa se ses',
    'son sur ta te tes toi ton tu un une vos votre vous été être suis es est sommes êtes sont ai',
    'as avons avez ont avais avait avions aviez avaient eu était étaient fait faire cette cet ceci',
    'cela ça tout tous toute toutes très bien aussi alors comme donc car encore déjà ici lors quand',
    'peut peuvent pouvoir dois doit faut chez entre après avant',
    // en
    'about above after again all also am an and any are as at be because been before being below',
    'between both but by can could did do does doing don down during each few for from further get',
    'got had has have having he her here hers herself him himself his how if in into is it its',
    'itself just me more most my myself now of off on once only or other our ours ourselves out',
    'over own same she should so some such than that the their theirs them themselves then there',
    'these they this those through to under until up very was we were what when where which while',
    'who whom why will with would you your yours yourself yourselves really much lot still thanks',
    'thank please',
    // de
    'aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes',
    'auch auf aus bei bin bis bist da damit dann der den des dem die das dass daß dich dir du dies',
    'diese dieser dieses doch dort durch ein eine einem einen einer eines er es etwas euer eure für',
    'hatte hatten hab habe haben hat hier hin hinter ich mich mir ihr ihre ihrem ihren ihrer ihres',
    'euch im indem ins ist jede jedem jeden jeder jedes jene jetzt kann können könnte man manche',
    'mein meine meinem meinen meiner mit muss musste nach nun nur ob oder sehr sein seine seinem',
    'seinen sich sie sind so solche soll sollte sondern sonst über um und uns unser unter viel vom',
    'von vor während war waren warst was weil weiter welche wenn werde werden wie wieder will wir',
    'wird wirst wo wollen wollte würde würden wurde zum zur zwar zwischen gibt danke bitte',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Negations and "too": not themes on their own, but they make a pair meaningful — "werkt niet",
 * "niet duidelijk", "te lang", "trop long", "zu kompliziert" are exactly what a provider needs to
 * read. A negation pairs on either side of a word, "too" only before it ("wachttijd te" is noise).
 */
const NEGATIONS = new Set(
  'niet geen nooit pas jamais sans not no never without nicht kein keine nie ohne'.split(' '),
);
const TOO = new Set(['te', 'trop', 'too', 'zu']);

const MIN_WORD_LENGTH = 3;

/** Words: letters, marks and inner hyphens ("e-loket"); digits and apostrophes split them. */
const WORD = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu;
/** Where a pair may not span: sentence and clause ends, brackets, quotes. */
const CLAUSE_BREAK = /[.!?;:,()"“”«»\r\n]+/u;
/** The redaction placeholders ("[e-mail]", "[telefoonnummer]") are not the citizen's words. */
const PLACEHOLDER = /\[[^\]]{1,40}\]/g;

function isContentWord(token: string): boolean {
  return (
    [...token].length >= MIN_WORD_LENGTH &&
    !STOP_WORDS.has(token) &&
    !NEGATIONS.has(token) &&
    !TOO.has(token)
  );
}

/** The distinct words and word pairs of one comment. */
export function termsOf(comment: string): { words: Set<string>; pairs: Set<string> } {
  const words = new Set<string>();
  const pairs = new Set<string>();
  const text = comment.normalize('NFC').toLowerCase().replace(PLACEHOLDER, ' ');
  for (const clause of text.split(CLAUSE_BREAK)) {
    const tokens = clause.match(WORD) ?? [];
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i]!;
      if (isContentWord(token)) words.add(token);
      const next = tokens[i + 1];
      if (next === undefined) continue;
      // A pair is two content words, a negation next to a content word, or "too" before one,
      // adjacent within one clause.
      const pair =
        (isContentWord(next) && (isContentWord(token) || NEGATIONS.has(token) || TOO.has(token))) ||
        (isContentWord(token) && NEGATIONS.has(next));
      if (pair) pairs.add(`${token} ${next}`);
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

interface Tally {
  count: number;
  examples: string[];
}

function shorten(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Counts themes over comments given one at a time, so that a year of comments can stream from the
 * database without being held in memory. Give comments newest first: the examples kept are the
 * first ones seen.
 */
export class ThemeCounter {
  #comments = 0;
  readonly #words = new Map<string, Tally>();
  readonly #pairs = new Map<string, Tally>();
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

  add(comment: string): void {
    this.#comments += 1;
    const { words, pairs } = termsOf(comment);
    this.#count(this.#words, words, comment);
    this.#count(this.#pairs, pairs, comment);
  }

  #count(tallies: Map<string, Tally>, terms: Set<string>, comment: string): void {
    for (const term of terms) {
      let tally = tallies.get(term);
      if (!tally) tallies.set(term, (tally = { count: 0, examples: [] }));
      tally.count += 1;
      if (tally.examples.length < this.#examples) {
        const example = shorten(comment, this.#exampleLength);
        // The same words typed twice are one example.
        if (!tally.examples.includes(example)) tally.examples.push(example);
      }
    }
  }

  #top(tallies: Map<string, Tally>): Theme[] {
    return [...tallies]
      .filter(([, tally]) => tally.count >= this.#minimumCount)
      .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, this.#limit)
      .map(([term, tally]) =>
        this.#examples > 0
          ? { term, count: tally.count, examples: tally.examples }
          : { term, count: tally.count },
      );
  }

  /** How many comments were read. */
  get comments(): number {
    return this.#comments;
  }

  result(): { comments: number; words: Theme[]; pairs: Theme[] } {
    return {
      comments: this.#comments,
      words: this.#top(this.#words),
      pairs: this.#top(this.#pairs),
    };
  }
}

/** Themes of a list of comments, newest first. */
export function findThemes(comments: Iterable<string>, options: ThemeOptions = {}) {
  const counter = new ThemeCounter(options);
  for (const comment of comments) counter.add(comment);
  return counter.result();
}
