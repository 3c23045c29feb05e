import { describe, expect, it } from 'vitest';
import { textMeasurer, wrapText } from './text-lines.ts';

// One pixel per character: the lines are easy to count by hand.
const characters = (text: string) => text.length;

describe('wrapText', () => {
  it('keeps a text that fits on one line', () => {
    expect(wrapText('Het duurde te lang', 40, characters)).toEqual(['Het duurde te lang']);
  });

  it('breaks between words, never inside one', () => {
    expect(wrapText('De informatie was niet duidelijk', 15, characters)).toEqual([
      'De informatie',
      'was niet',
      'duidelijk',
    ]);
    expect(wrapText('Onbeschrijflijk lang', 5, characters)).toEqual(['Onbeschrijflijk', 'lang']);
  });

  it('gives one empty line for an empty text', () => {
    expect(wrapText('  ', 10, characters)).toEqual(['']);
  });
});

describe('textMeasurer', () => {
  it('measures in the font it is given', () => {
    const small = textMeasurer('10px Arial, sans-serif');
    const large = textMeasurer('20px Arial, sans-serif');
    expect(small('Loket')).toBeGreaterThan(0);
    expect(large('Loket')).toBeCloseTo(small('Loket') * 2, 0);
  });
});
