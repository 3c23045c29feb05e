import { COMMENT_DETECTORS, PLACEHOLDERS, type Detector } from './redaction-detectors.ts';

// Personal data in a citizen's comment or in the page it was left on is replaced before anything is
// stored. Every detector is a bounded regular expression that finds candidates, and a check
// (mod-97, Luhn, a plausible phone structure) that keeps look-alikes such as dossier numbers,
// amounts and dates intact. Digits of every script count by their value, and any run of
// separators may stand between groups of digits. The text is expected normalised (NFKC, format
// characters removed) as the ingest does. The detectors are in domain/redaction-detectors.ts;
// docs/redaction.md has the rules and their limits.

export interface Redaction {
  /** The text with every detected item replaced by its placeholder. */
  text: string;
  /** How many items were replaced: a count, never the values. */
  redactions: number;
}

/** Replaces personal data in a citizen's comment with labelled placeholders. */
export function redactPersonalData(text: string): Redaction {
  let result: Redaction = { text, redactions: 0 };
  for (const detector of COMMENT_DETECTORS) {
    // Placeholders hold no digit and no '@': a text that fails the test stays failing it.
    if (!detector.requires.test(result.text)) continue;
    const next = applyDetector(result.text, detector);
    result = { text: next.text, redactions: result.redactions + next.redactions };
  }
  return result;
}

/** Zero-width spaces and joiners, soft hyphens, bidirectional controls … */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/**
 * Keeps only the path of a page (no query, no fragment; accepts a full URL too), and replaces
 * segments that look like e-mails or long numbers/ids. Returns '/'-rooted path. Dropping the query
 * and fragment is not counted in `redactions`: they are never kept.
 */
export function redactPagePath(page: string): Redaction {
  const path = page
    .trim()
    .replace(/[?#][\s\S]*$/, '')
    .replace(/^[a-z][a-z\d+.-]*:\/\/[^/]*/i, '')
    .replace(/^\/\/[^/]*/, '');
  let redactions = 0;
  const segments = path.split('/').map((segment) => {
    if (segment === '') return segment;
    // Browsers send %40 for '@' and %20 for spaces: detect on the decoded text, normalised as a
    // comment is (a decoded segment may hold full-width characters or a zero-width space).
    const personal = redactPersonalData(
      decodeSegment(segment).replace(FORMAT_CHARACTERS, '').normalize('NFKC'),
    );
    redactions += personal.redactions;
    if (looksLikeId(asciiDigitView(personal.text).text)) {
      redactions += 1;
      return PLACEHOLDERS.id;
    }
    return personal.redactions > 0 ? personal.text : segment;
  });
  const redacted = segments.join('/');
  return { text: redacted.startsWith('/') ? redacted : `/${redacted}`, redactions };
}

// ---------------------------------------------------------------------------------------------

function applyDetector(text: string, detector: Detector): Redaction {
  const pattern = new RegExp(detector.pattern); // a copy: lastIndex is never shared between calls
  // Detectors and checks read ASCII digits; what is copied and replaced is the text as written.
  const view = asciiDigitView(text);
  let redacted = '';
  let copiedUpTo = 0;
  let redactions = 0;
  for (let match = pattern.exec(view.text); match !== null; match = pattern.exec(view.text)) {
    const length = detector.accept ? detector.accept(match[0]) : match[0].length;
    if (length === undefined || length === 0) {
      // A valid item may still start inside the rejected candidate: "99 85.07.30-033.28".
      pattern.lastIndex = match.index + 1;
      continue;
    }
    redacted += text.slice(copiedUpTo, view.original(match.index)) + detector.placeholder;
    copiedUpTo = view.original(match.index + length);
    pattern.lastIndex = match.index + length;
    redactions += 1;
  }
  return { text: redacted + text.slice(copiedUpTo), redactions };
}

/** A decimal digit that is not ASCII: full-width, Arabic-Indic, Devanagari, Thai, Adlam … */
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/u;

/**
 * The text with every decimal digit of any script written as its ASCII digit, and a map from an
 * index in that view back to the index in the text (digits outside the BMP take two UTF-16 code
 * units in the text and one in the view).
 */
function asciiDigitView(text: string): { text: string; original: (index: number) => number } {
  if (!NON_ASCII_DIGIT.test(text)) return { text, original: (index) => index };
  let view = '';
  const original: number[] = [];
  let index = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (NON_ASCII_DIGIT.test(character)) {
      view += String(digitValue(codePoint));
      original.push(index);
    } else {
      view += character;
      for (let unit = 0; unit < character.length; unit += 1) original.push(index + unit);
    }
    index += character.length;
  }
  original.push(text.length);
  return { text: view, original: (viewIndex) => original[viewIndex] ?? text.length };
}

const DECIMAL_DIGIT = /\p{Nd}/u;
const digitValues = new Map<number, number>();

/**
 * The value of a decimal digit of any script. Unicode encodes every script's digits as ten
 * consecutive code points, 0 to 9, so where several sets follow each other (the mathematical
 * digits) the value is still the position in the run of digits, modulo ten.
 */
function digitValue(codePoint: number): number {
  let value = digitValues.get(codePoint);
  if (value === undefined) {
    let position = 0;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - position - 1))) position += 1;
    value = position % 10;
    digitValues.set(codePoint, value);
  }
  return value;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray '%' is kept as written
  }
}

/** Six digits in a row, a UUID, or a long token that switches between letters and digits. */
function looksLikeId(segment: string): boolean {
  if (/\d{6}/.test(segment)) return true;
  if (/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.test(segment)) return true;
  return (segment.match(/[A-Za-z0-9]{16,}/g) ?? []).some(
    (token) => (token.match(/[A-Za-z](?=\d)|\d(?=[A-Za-z])/g) ?? []).length >= 4,
  );
}
