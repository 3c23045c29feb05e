import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { databaseProblems } from '../../test-support/invariants.ts';
import { ORIGIN_A, testCollector } from '../../test-support/fixtures.ts';
import { countRows } from '../../test-support/sql.ts';

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
    // The generator reaches storage, not only validation: about 100 of the 3,000 bodies are
    // stored on a typical seed (90 to 150 seen); 30 leaves room for any seed.
    expect(await countRows(store, 'feedback')).toBeGreaterThan(30);
  });
});
