import { describe, expect, it } from 'vitest';
import type { Language } from '@vo-feedback/shared';
import { findThemes, termsOf, type ThemeComment } from './themes.ts';

/** Comments in one language, rated 3 unless said otherwise. */
const comments = (lang: Language, ...texts: string[]): ThemeComment[] =>
  texts.map((comment) => ({ comment, lang, rating: 3 }));
const nl = (...texts: string[]) => comments('nl', ...texts);

/** The stems (keys) of a comment's words or pairs, in order of appearance. */
const words = (text: string, lang: Language = 'nl') => [...termsOf(text, lang).words.keys()];
const pairs = (text: string, lang: Language = 'nl') => [...termsOf(text, lang).pairs.keys()];
/** Term, count and forms of each theme: what a reader of the list sees. */
const seen = (themes: { term: string; count: number; forms: string[] }[]) =>
  themes.map(({ term, count, forms }) => ({ term, count, forms }));

describe('themes', () => {
  it('drops the function words of nl, fr, en and de, short words, digits and placeholders', () => {
    expect(words('Het is een formulier van 3 pagina’s, [e-mail]')).toEqual(['formulier', 'pagina']);
    expect(words('La procédure était trop longue', 'fr')).toEqual(['procédur']);
    expect(words('The upload button does not work', 'en')).toEqual(['upload', 'button', 'work']);
    expect(words('Das Formular ist zu kompliziert', 'de')).toEqual(['formular', 'kompliziert']);
  });

  it('drops the filler of feedback in every language, but keeps it after "too" or a negation', () => {
    expect(words('test test, gewoon eigenlijk heel echt goed, bedankt! Ingeven lang')).toEqual([]);
    expect(words('Bonjour, merci, test, vraiment très bien', 'fr')).toEqual([]);
    expect(words('Hello, thanks, just testing, really good', 'en')).toEqual([]);
    expect(words('Hallo, danke, Test, eigentlich ganz gut', 'de')).toEqual([]);
    // "lang" alone is filler; "te lang" is the complaint. Likewise "niet goed", "trop long".
    expect(pairs('Het formulier is te lang en niet goed.')).toEqual(['te lang', 'niet goed']);
    expect(pairs('Vraiment trop long', 'fr')).toEqual(['trop long']);
    expect(pairs('Zu lange Wartezeit, nicht gut', 'de')).toEqual(['zu lang', 'nicht gut']);
    // Without "too" or a negation before it, filler pairs with nothing.
    expect(pairs('lang gewacht, gewoon formulier, formulier gewoon')).toEqual([]);
  });

  it('keeps negations and "too" in pairs, not as words', () => {
    expect(pairs('De knop werkt niet. Te lang gewacht!')).toEqual([
      'knop werkt',
      'werkt niet',
      'te lang',
    ]);
    expect(pairs('niet duidelijk; trop long', 'fr')).toEqual(['niet duidelijk', 'trop long']);
    // "too" does not trail: "wachttijd te" says nothing.
    expect(pairs('wachttijd te lang')).toEqual(['te lang']);
    expect(words('niet te')).toEqual([]);
    // English "n't" is a negation, on either side.
    expect(pairs('The button doesn’t work', 'en')).toEqual(["button doesn't", "doesn't work"]);
  });

  it('never pairs across a sentence end, a slash, a bar, a bracket or a placeholder', () => {
    expect(pairs('Formulier. Betaling')).toEqual([]);
    expect(pairs('aanvraag/betaling')).toEqual([]);
    expect(pairs('aanvraag / betaling | wachttijd (bijlage) uploaden')).toEqual([]);
    expect(pairs('Bedankt [naam] geholpen')).toEqual([]);
    expect(pairs('betaling mislukt / formulier kwijt')).toEqual([
      'betal mislukt',
      'formulier kwijt',
    ]);
  });

  it('lowercases and treats "e-loket" as one word', () => {
    expect(words('Het E-loket en het e-loket')).toEqual(['e-loket']);
  });

  it('merges inflected forms on their Snowball stem, in each comment’s language', () => {
    const dutch = findThemes(
      nl(
        'Het formulier is onduidelijk.',
        'Twee formulieren.',
        'Mijn aanvraag.',
        'Aanvragen kwijt.',
      ),
    );
    expect(seen(dutch.words)).toEqual([
      { term: 'aanvraag', count: 2, forms: ['aanvraag', 'aanvragen'] },
      { term: 'formulier', count: 2, forms: ['formulier', 'formulieren'] },
    ]);
    const french = findThemes(
      comments(
        'fr',
        'Le formulaire.',
        'Les formulaires!',
        'Ma demande.',
        'Mes demandes, le formulaire',
      ),
    );
    expect(seen(french.words)).toEqual([
      { term: 'formulaire', count: 3, forms: ['formulaire', 'formulaires'] },
      { term: 'demande', count: 2, forms: ['demande', 'demandes'] },
    ]);
    const english = findThemes(
      comments('en', 'The form.', 'Two forms.', 'My payment failed.', 'Payments failed.', 'Paying'),
    );
    expect(seen(english.words)).toEqual([
      // "fail" is the stem of "failed": a theme, shown as written.
      { term: 'failed', count: 2, forms: ['failed'] },
      { term: 'form', count: 2, forms: ['form', 'forms'] },
      // The stemmer keeps "paying" (pay) apart from "payment".
      { term: 'payment', count: 2, forms: ['payment', 'payments'] },
    ]);
    const german = findThemes(
      comments('de', 'Das Formular.', 'Die Formulare.', 'Mein Antrag.', 'Zwei Anträge.'),
    );
    expect(seen(german.words)).toEqual([
      { term: 'antrag', count: 2, forms: ['antrag', 'anträge'] },
      { term: 'formular', count: 2, forms: ['formular', 'formulare'] },
    ]);
  });

  it('merges what stems alike across languages, and no more', () => {
    const themes = findThemes([
      ...nl('Het formulier.', 'Een probleem.', 'Problemen!'),
      ...comments('fr', 'Le formulaire.', 'Un problème.'),
      ...comments('en', 'The form.', 'A problem.'),
      ...comments('de', 'Das Formular.', 'Ein Problem.', 'Probleme.'),
    ]);
    // "problem" is the stem of all but the German singular, which the German stemmer cuts to
    // "probl"; "formulier", "formulaire", "form" and "Formular" are not translated into one.
    expect(seen(themes.words)).toEqual([
      {
        term: 'probleem',
        count: 5,
        forms: ['probleem', 'problem', 'probleme', 'problemen', 'problème'],
      },
    ]);
    // Nor does the Dutch stemmer merge every form of a verb: "werkt" keeps its "t".
    expect(words('werkt werken')).toEqual(['werkt', 'werk']);
    expect(findThemes(nl('De lange wachttijd.', 'Te lange wachttijden.')).words[0]).toMatchObject({
      term: 'wachttijd',
      forms: ['wachttijd', 'wachttijden'],
    });
  });

  it('counts a word once per comment, ranks by count then alphabetically, and keeps examples', () => {
    const themes = findThemes(
      nl(
        'Wachttijd, wachttijd, wachttijd!',
        'De wachttijd was lang.',
        'Formulier te lang.',
        'Formulier te lang.',
        'Eenmalig woord.',
      ),
      { examples: 2 },
    );
    expect(themes.comments).toBe(5);
    // "lang" is in three comments, but filler: only "te lang" counts, as a pair.
    expect(themes.words).toEqual([
      // The same comment twice is one example.
      {
        term: 'formulier',
        count: 2,
        lowShare: 0,
        change: null,
        forms: ['formulier'],
        examples: ['Formulier te lang.'],
      },
      {
        term: 'wachttijd',
        count: 2,
        lowShare: 0,
        change: null,
        forms: ['wachttijd'],
        examples: ['Wachttijd, wachttijd, wachttijd!', 'De wachttijd was lang.'],
      },
    ]);
    // A word in one comment only is no theme.
    expect(themes.words.map((t) => t.term)).not.toContain('eenmalig');
    expect(themes.pairs).toEqual([
      {
        term: 'te lang',
        count: 2,
        lowShare: 0,
        change: null,
        forms: ['te lang'],
        examples: ['Formulier te lang.'],
      },
    ]);
  });

  it('gives each theme its share of low ratings and its change since the previous period', () => {
    const rated = (rating: number, comment: string): ThemeComment => ({
      comment,
      lang: 'nl',
      rating,
    });
    const current = [
      rated(1, 'Het formulier werkt niet.'),
      rated(2, 'Formulieren: werkt niet.'),
      rated(4, 'Formulier oké, wachttijd ook.'),
      rated(5, 'Wachttijd prima.'),
      rated(3, 'Wachttijd ging.'),
      rated(1, 'Betaling mislukt.'),
      rated(2, 'Betaling mislukt.'),
    ];
    const previous = [
      rated(3, 'Wachttijd.'),
      rated(3, 'Wachttijd.'),
      rated(3, 'Wachttijd.'),
      rated(3, 'Wachttijd.'),
      rated(3, 'Formulier.'),
      rated(3, 'Iets anders.'),
    ];
    const themes = findThemes(current, { examples: 0, previous });
    const figures = (
      list: { term: string; count: number; lowShare: number; change: number | null }[],
    ) => list.map(({ term, count, lowShare, change }) => [term, count, lowShare, change]);
    expect(figures(themes.words)).toEqual([
      ['formulier', 3, 2 / 3, 2],
      ['wachttijd', 3, 0, -1],
      ['betaling', 2, 1, 2],
      ['mislukt', 2, 1, 2],
      ['werkt', 2, 1, 2],
    ]);
    expect(figures(themes.pairs)).toEqual([
      ['betaling mislukt', 2, 1, 2],
      ['werkt niet', 2, 1, 2],
    ]);
    // The same themes in another order: by low share, then by change; count breaks ties.
    const byLow = findThemes(current, { examples: 0, previous, sort: 'lowShare' });
    expect(byLow.words.map((t) => t.term)).toEqual([
      'betaling',
      'mislukt',
      'werkt',
      'formulier',
      'wachttijd',
    ]);
    const byChange = findThemes(current, { examples: 0, previous, sort: 'change' });
    expect(byChange.words.map((t) => t.term)).toEqual([
      'formulier',
      'betaling',
      'mislukt',
      'werkt',
      'wachttijd',
    ]);
    // Without comments to compare with, change is unknown, not zero; sorting on it keeps counts.
    const alone = findThemes(current, { examples: 0, previous: [], sort: 'change' });
    expect(alone.words.map((t) => [t.term, t.change])).toEqual([
      ['formulier', null],
      ['wachttijd', null],
      ['betaling', null],
      ['mislukt', null],
      ['werkt', null],
    ]);
  });

  it('leaves examples out when asked, honours the minimum and the limit, and shortens examples', () => {
    const long = `Wachttijd ${'veel te traag '.repeat(40)}`;
    const themes = findThemes(nl('Wachttijd', 'wachttijd', long, 'Formulier', 'Formulier'), {
      minimumCount: 3,
      limit: 1,
      examples: 0,
    });
    expect(themes.words).toEqual([
      { term: 'wachttijd', count: 3, lowShare: 0, change: null, forms: ['wachttijd'] },
    ]);
    const shortened = findThemes(nl(long, long.toUpperCase()), { exampleLength: 40 });
    expect(shortened.words[0]!.examples![0]!.length).toBeLessThanOrEqual(41);
    expect(shortened.words[0]!.examples![0]).toMatch(/…$/);
  });
});
