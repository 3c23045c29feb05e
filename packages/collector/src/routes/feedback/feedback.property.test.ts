import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../http/body.ts';
import { databaseProblems } from '../../test-support/invariants.ts';
import { ORIGIN_A, submission, testCollector } from '../../test-support/fixtures.ts';
import { countRows, sqlRows } from '../../test-support/sql.ts';

// Thousands of generated bodies, mostly near-valid so that they reach deep into the pipeline:
// whatever arrives, the collector never answers 5xx and never stores a row the contract forbids.

const ids = fc.constantFrom(
  '0195f0e0-0000-7000-8000-000000000001',
  '0195f0e0-0000-7000-8000-000000000002',
  '0195f0e0-0000-7000-8000-000000000003',
);
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    "'; drop table feedback; --",
    '=HYPERLINK("http://x")',
    'bel 0470 12 34 56',
    ' '.repeat(10),
    'x'.repeat(2000),
    'x'.repeat(2001),
    '\u0000\u0007',
    '\ud800',
  ),
);
const anyValue = fc.oneof(fc.anything(), text, fc.integer(), fc.double());
const field = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 15, arbitrary: valid }, { weight: 1, arbitrary: anyValue });

const body = fc
  .tuple(
    fc.record({
      id: field(fc.oneof(ids, fc.uuid({ version: [4, 7] }))),
      serviceId: field(fc.constantFrom('dienst-a', 'dienst-a', 'dienst-b', 'bestaat-niet')),
      rating: field(fc.integer({ min: 1, max: 5 })),
      lang: field(fc.constantFrom('nl', 'fr', 'en', 'de')),
    }),
    fc.record(
      {
        comment: field(text),
        outcome: field(fc.constantFrom('completed', 'rejected', 'error', 'info')),
        step: field(text),
        page: field(fc.oneof(fc.webPath(), fc.webUrl(), text)),
        website: field(fc.constantFrom('', '', '', 'http://spam.example')),
      },
      { requiredKeys: [] },
    ),
    // Unknown fields now and then: one is enough for a 400.
    fc.oneof(
      { weight: 9, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), anyValue) },
    ),
  )
  .map(([required, optional, extra]) => ({ ...required, ...optional, ...extra }));

describe('property: generated bodies against POST /api/v1/feedback', () => {
  it('never answers 5xx and never stores an invalid row or an inconsistent rollup', async () => {
    const { app, store } = await testCollector();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 5, arbitrary: body.map((b) => JSON.stringify(b)) },
          { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
        ),
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain'),
        fc.option(fc.constantFrom(ORIGIN_A, 'https://evil.example'), { nil: undefined }),
        async (payload, contentType, origin) => {
          const response = await app.request('/api/v1/feedback', {
            method: 'POST',
            headers: { 'content-type': contentType, ...(origin ? { origin } : {}) },
            body: payload,
          });
          expect(response.status).toBeLessThan(500);
          expect([200, 201, 400, 403, 404, 409, 415]).toContain(response.status);
          if (response.status >= 400) {
            expect(response.headers.get('content-type')).toBe('application/problem+json');
          }
        },
      ),
      { numRuns: 3000 },
    );
    expect(await databaseProblems(store)).toEqual([]);
    // What is stored is normalised: cleaning it again changes nothing.
    for (const row of await sqlRows(store, 'select comment, step from feedback')) {
      for (const stored of [row.comment, row.step]) {
        if (typeof stored === 'string') expect(cleanText(stored)).toBe(stored);
      }
    }
    // The generator reaches storage, not only validation: about 100 of the 3,000 bodies are
    // stored on a typical seed (90 to 150 seen); 30 leaves room for any seed.
    expect(await countRows(store, 'feedback')).toBeGreaterThan(30);
  });
});

// Personal data written as a citizen may type it: digits of any script, any run of separators,
// invisible format characters anywhere, compatibility characters in the words around it.

const digitZero = fc.constantFrom('0', '０', '٠', '۰', '०', '๐', '𞥐');
const separator = fc.constantFrom(' ', '  ', '\u00a0', '\u2009', '.', '-', '–', '—', ' – ');
/** Commas and slashes join the groups of every number but a card's. */
const separatorOrList = fc.oneof(separator, fc.constantFrom('/', ',', ', '));
const formatCharacter = fc.constantFrom('\u200b', '\u200d', '\u00ad', '\u2060', '\ufeff');

const inScript = (text: string, zero: string) =>
  text.replace(/[0-9]/g, (digit) => String.fromCodePoint((zero.codePointAt(0) ?? 48) + +digit));

/** Cuts `digits` into groups of the given sizes. */
const grouped = (digits: string, sizes: readonly number[]) =>
  sizes.map((size, index) => {
    const start = sizes.slice(0, index).reduce((sum, previous) => sum + previous, 0);
    return digits.slice(start, start + size);
  });

const nationalNumber = fc
  .tuple(
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 1, max: 998 }),
    fc.boolean(),
  )
  .map(([year, month, day, serial, from2000]) => {
    const nine = [year, month, day].map((part) => String(part).padStart(2, '0')).join('');
    const digits = nine + String(serial).padStart(3, '0');
    const base = Number(digits) + (from2000 ? 2_000_000_000 : 0);
    return digits + String(97 - (base % 97)).padStart(2, '0');
  });

/** [how it is written, the placeholder it becomes] */
type Written = readonly [string, string];

const personalData: fc.Arbitrary<Written> = fc.oneof(
  fc
    .tuple(nationalNumber, digitZero, separatorOrList)
    .map(([digits, zero, between]): Written => [
      inScript(grouped(digits, [2, 2, 2, 3, 2]).join(between), zero),
      '[rijksregisternummer]',
    ]),
  fc
    .tuple(fc.integer({ min: 5, max: 9 }), fc.nat({ max: 9_999_999 }), digitZero, separatorOrList)
    .map(([mobile, subscriber, zero, between]): Written => {
      const digits = `04${mobile}${String(subscriber).padStart(7, '0')}`;
      return [inScript(grouped(digits, [4, 2, 2, 2]).join(between), zero), '[telefoonnummer]'];
    }),
  fc
    .tuple(fc.constantFrom('BE68539007547034', 'BE71096123456769'), digitZero, separatorOrList)
    .map(([iban, zero, between]): Written => [
      inScript(grouped(iban, [4, 4, 4, 4]).join(between), zero),
      '[rekeningnummer]',
    ]),
  fc
    .tuple(fc.constantFrom('4111111111111111', '5500000000000004'), digitZero, separator)
    .map(([card, zero, between]): Written => [
      inScript(grouped(card, [4, 4, 4, 4]).join(between), zero),
      '[kaartnummer]',
    ]),
  fc
    .tuple(fc.constantFrom('jan', 'an.de.smet', 'ｍａｒｉｅ'), fc.constantFrom('@', '＠'))
    .map(([local, at]): Written => [`${local}${at}example.be`, '[e-mail]']),
);

/** Inserts format characters at generated places (counted in code points). */
const withFormatCharacters = (written: string) =>
  fc.array(fc.tuple(fc.nat(), formatCharacter), { maxLength: 3 }).map((insertions) => {
    const characters = [...written];
    for (const [place, format] of insertions) {
      characters.splice(place % (characters.length + 1), 0, format);
    }
    return characters.join('');
  });

const writtenData = personalData.chain(([written, placeholder]) =>
  withFormatCharacters(written).map((typed) => [typed, placeholder] as const),
);

/** Words around the data: ligatures, full-width letters, combining accents, a soft hyphen. */
const words = fc
  .array(
    fc.constantFrom(
      'Ik',
      'kon',
      'niet',
      'verder',
      'ﬁjn',
      'Ｍｅｒｃｉ',
      'in\u00adloggen',
      'cafe\u0301',
    ),
    { maxLength: 4 },
  )
  .map((list) => list.join(' '));

describe('property: personal data in any script and notation', () => {
  it('is redacted in the comment and the step, and the rest is stored normalised', async () => {
    const { post, store } = await testCollector();
    await fc.assert(
      fc.asyncProperty(
        words,
        writtenData,
        words,
        writtenData,
        async (before, [inComment, commentPlaceholder], after, [inStep, stepPlaceholder]) => {
          const body = submission({
            comment: [before, inComment, after].filter((part) => part !== '').join(' '),
            step: `stap ${inStep}`,
          });
          expect((await post(body, { origin: ORIGIN_A })).status).toBe(201);
          const stored = await store.getFeedback(body.id);
          // The generated words are normalised the way the collector does: compare like with like.
          const expected = [cleanText(before), commentPlaceholder, cleanText(after)]
            .filter((part) => part !== '')
            .join(' ');
          expect(stored?.comment).toBe(expected);
          expect(stored?.step).toBe(`stap ${stepPlaceholder}`);
          expect(stored?.redactions).toBe(2);
        },
      ),
      { numRuns: 300 },
    );
  });
});
