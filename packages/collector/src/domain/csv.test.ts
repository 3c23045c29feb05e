import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, csvRow, decimalComma, neutraliseFormula } from './csv.ts';

describe('CSV for Belgian Excel', () => {
  it('starts with a byte order mark and separates with ; and CRLF', () => {
    expect(
      csvDocument([
        ['a', 'b'],
        [1, 2],
      ]),
    ).toBe('\uFEFFa;b\r\n1;2\r\n');
  });

  it('quotes cells with ;, " or a line break, doubling the quotes', () => {
    expect(csvCell('een; twee')).toBe('"een; twee"');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvCell('regel 1\r\nregel 2')).toBe('"regel 1\r\nregel 2"');
    expect(csvCell('gewoon')).toBe('gewoon');
  });

  it.each(['=1+1', '+32', '-2', '@SUM(A1)', '\t=1+1', '\r=1+1'])(
    'neutralises %j against formula injection',
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
      const rows: string[][] = parse(csvDocument([[text]]), { bom: true, delimiter: ';' });
      expect(rows).toEqual([[`'${text}`]]);
    },
  );

  it('leaves other text alone, a formula character later in the text included', () => {
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula(" '=x")).toBe(" '=x");
  });

  it('writes numbers with a decimal comma, never neutralised or in exponent notation', () => {
    expect(csvCell(-0.05)).toBe('-0,05');
    expect(csvCell(0.3333333333)).toBe('0,333333');
    expect(csvCell(1e-7)).toBe('0');
    expect(csvCell(2.5e-6)).toBe('0,000003');
    expect(csvCell(1048576)).toBe('1048576');
    expect(csvCell(-0)).toBe('0');
    expect(decimalComma(4.25, 2)).toBe('4,25');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('round-trips awkward rows through a real CSV parser', () => {
    const rows = [
      ['tekst', 'getal'],
      ['Prima; "snel"\r\nen vlot', 3.75],
      ['=HYPERLINK("http://x")', -1],
    ];
    const parsed = parse(csvDocument(rows), {
      bom: true,
      delimiter: ';',
      record_delimiter: '\r\n',
    });
    expect(parsed).toEqual([
      ['tekst', 'getal'],
      ['Prima; "snel"\r\nen vlot', '3,75'],
      [`'=HYPERLINK("http://x")`, '-1'],
    ]);
    expect(csvRow(['x'])).toBe('x\r\n');
  });
});
