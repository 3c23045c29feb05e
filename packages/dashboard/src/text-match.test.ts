import { describe, expect, it } from 'vitest';
import { matches } from './text-match.ts';

describe('the comment text filter', () => {
  it('finds a theme as whole words, whatever the punctuation and case', () => {
    expect(matches('Het formulier was TE LANG!', 'te lang')).toBe(true);
    expect(matches('Formulier te\nlang, en traag', 'te lang')).toBe(true);
    expect(matches('De lange wachttijd', 'lang')).toBe(false);
    expect(matches('lang te', 'te lang')).toBe(false);
  });

  it('ignores accents, so "tres long" finds "Très long"', () => {
    expect(matches('Très long formulaire', 'tres long')).toBe(true);
    expect(matches('Het was een één-tweetje', 'een')).toBe(true);
  });

  it('treats markup in a comment as plain characters', () => {
    expect(matches('<img src=x onerror=alert(1)>', 'onerror alert')).toBe(true);
  });

  it('matches everything with an empty query', () => {
    expect(matches('wat dan ook', '  ')).toBe(true);
  });
});
