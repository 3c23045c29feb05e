import { describe, expect, it } from 'vitest';
import { findThemes, termsOf } from './themes.ts';

describe('themes', () => {
  it('drops the stop words of nl, fr, en and de, short words, digits and placeholders', () => {
    expect([...termsOf('Het is een formulier van 3 pagina’s, [e-mail] ok').words]).toEqual([
      'formulier',
      'pagina',
    ]);
    expect([...termsOf('La procédure était trop longue').words]).toEqual(['procédure', 'longue']);
    expect([...termsOf('The upload button does not work').words]).toEqual([
      'upload',
      'button',
      'work',
    ]);
    expect([...termsOf('Das Formular ist zu kompliziert').words]).toEqual([
      'formular',
      'kompliziert',
    ]);
  });

  it('keeps negations and "too" in pairs, not as words, and never across a sentence', () => {
    expect([...termsOf('De knop werkt niet. Te lang gewacht!').pairs]).toEqual([
      'knop werkt',
      'werkt niet',
      'te lang',
      'lang gewacht',
    ]);
    expect([...termsOf('niet duidelijk; trop long').pairs]).toEqual([
      'niet duidelijk',
      'trop long',
    ]);
    // "too" does not trail: "wachttijd te" says nothing.
    expect([...termsOf('wachttijd te lang').pairs]).toEqual(['te lang']);
    expect(termsOf('niet te').words.size).toBe(0);
  });

  it('lowercases and treats "e-loket" as one word', () => {
    expect([...termsOf('Het E-loket en het e-loket').words]).toEqual(['e-loket']);
  });

  it('counts a word once per comment, ranks by count then alphabetically, and keeps examples', () => {
    const themes = findThemes(
      [
        'Wachttijd, wachttijd, wachttijd!',
        'De wachttijd was lang.',
        'Formulier te lang.',
        'Formulier te lang.',
        'Eenmalig woord.',
      ],
      { examples: 2 },
    );
    expect(themes.comments).toBe(5);
    expect(themes.words).toEqual([
      { term: 'lang', count: 3, examples: ['De wachttijd was lang.', 'Formulier te lang.'] },
      // The same comment twice is one example.
      { term: 'formulier', count: 2, examples: ['Formulier te lang.'] },
      {
        term: 'wachttijd',
        count: 2,
        examples: ['Wachttijd, wachttijd, wachttijd!', 'De wachttijd was lang.'],
      },
    ]);
    // A word in one comment only is no theme.
    expect(themes.words.map((t) => t.term)).not.toContain('eenmalig');
    expect(themes.pairs).toEqual([{ term: 'te lang', count: 2, examples: ['Formulier te lang.'] }]);
  });

  it('leaves examples out when asked, honours the minimum and the limit, and shortens examples', () => {
    const long = `Wachttijd ${'heel erg lang '.repeat(40)}`;
    const themes = findThemes(['Wachttijd', 'wachttijd', long, 'Formulier', 'Formulier'], {
      minimumCount: 3,
      limit: 1,
      examples: 0,
    });
    expect(themes.words).toEqual([{ term: 'wachttijd', count: 3 }]);
    const shortened = findThemes([long, long.toUpperCase()], { exampleLength: 40 });
    expect(shortened.words[0]!.examples![0]!.length).toBeLessThanOrEqual(41);
    expect(shortened.words[0]!.examples![0]).toMatch(/…$/);
  });
});
