// CSV as Belgian Excel opens it with a double click: UTF-8 with a byte order mark (without it
// Excel reads the file as Windows-1252), `;` between cells (the list separator of the nl-BE and
// fr-BE locales, where `,` is the decimal mark), CRLF between rows, and a decimal comma.
// RFC 4180 quoting otherwise.

/** The byte order mark that makes Excel read UTF-8. */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_NEWLINE = '\r\n';

/**
 * A cell: text is written as text, a number as a number with a decimal comma, null or undefined
 * as an empty cell.
 */
export type CsvCell = string | number | null | undefined;

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage return,
 * that some spreadsheets strip before looking for one). OWASP's CSV injection advice: prefix such
 * a cell with an apostrophe, which Excel and LibreOffice show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a text cell that a spreadsheet would otherwise evaluate as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A number with a decimal comma and at most `decimals` decimals, trailing zeros dropped, never in
 * exponent notation (Excel would read "1e-7" as text in a comma locale).
 */
export function decimalComma(value: number, decimals = 6): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return String(value);
  let text = value.toFixed(decimals);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  if (text === '-0') text = '0';
  return text.replace('.', ',');
}

function quote(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One cell as it is written. Only text we did not compute is neutralised: a number is written by
 * us, and a negative number ("-0,05") must stay a number.
 */
export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return decimalComma(cell);
  return quote(neutraliseFormula(cell));
}

/** One row, CRLF included. */
export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(CSV_SEPARATOR) + CSV_NEWLINE;
}

/** A whole CSV document, byte order mark first. */
export function csvDocument(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map(csvRow).join('');
}
