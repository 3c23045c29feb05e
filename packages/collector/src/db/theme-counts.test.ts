import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Language } from '@vo-feedback/shared';
import { brusselsDay } from '../domain/time.ts';
import type { Store } from '../domain/store.ts';
import { themeDeltas } from '../domain/theme-deltas.ts';
import { openTestStore } from '../test-support/backend.ts';
import { seedOrganisation } from '../test-support/seed.ts';
import { sqlRows } from '../test-support/sql.ts';
import { keptServiceThemes } from '../use-cases/kept-themes.ts';
import { serviceThemes } from '../use-cases/reports.ts';
import { countAllThemes } from '../use-cases/theme-indexer.ts';

// The kept theme counts stand in for counting comments: whatever ingest, updates, redactions,
// erasures and retention did, and however far the indexer got in between, the themes read from
// the counts are those counted from the months' comments, and once the indexer is through, the
// counts are a recount of the stored comments.

const DAY = 24 * 60 * 60 * 1000;
/** 1 November 2025, noon in Brussels: the submissions span November 2025 to February 2027. */
const START = Date.parse('2025-11-01T11:00:00Z');
const SERVICES = ['dienst-a', 'dienst-b'];
const COMMENTS = [
  'Te lang gewacht op het formulier',
  'Het formulier werkt niet',
  'Duidelijke formulieren, snelle betaling',
  'La demande est trop longue',
  'Formulier niet duidelijk. Te lang!',
  'Betaling werkt niet, te lang gewacht',
];

const submission = fc.record({
  service: fc.constantFrom(...SERVICES),
  day: fc.integer({ min: 0, max: 480 }),
  rating: fc.integer({ min: 1, max: 5 }),
  comment: fc.option(fc.constantFrom(...COMMENTS), { nil: undefined }),
  lang: fc.constantFrom<Language>('nl', 'fr'),
  /** What happens to it afterwards. */
  then: fc.constantFrom('keep', 'keep', 'update', 'redact', 'erase'),
  newRating: fc.integer({ min: 1, max: 5 }),
  newComment: fc.constantFrom(...COMMENTS),
  /** How many comments the indexer takes after it, if any: often none, so that some wait. */
  index: fc.constantFrom(undefined, undefined, undefined, 1, 2, 4),
});

/** Whole months, as the annual report reads them: from the first day to the last. */
const months = fc
  .tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 }))
  .map(([start, length]) => {
    const first = new Date(Date.UTC(2025, 10 + start, 1));
    const last = new Date(Date.UTC(2025, 10 + start + length + 1, 0));
    return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
  });

async function openStore(): Promise<Store> {
  const store = await openTestStore();
  await seedOrganisation(
    store,
    { id: 'org-a', name: 'A' },
    SERVICES.map((id) => ({ id, name: id })),
  );
  return store;
}

const OPTIONS = { limit: 5, minimumCount: 2, examples: 0 } as const;

describe('property: the kept theme counts stand in for counting comments', () => {
  it('gives the themes of the comments, after updates, redactions, erasures, retention and any indexer progress', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(submission, { minLength: 1, maxLength: 40 }),
        fc.option(fc.integer({ min: 0, max: 480 }), { nil: undefined }),
        fc.array(fc.tuple(months, months), { minLength: 1, maxLength: 4 }),
        async (submissions, pruneDay, periods) => {
          const store = await openStore();
          for (const [i, s] of submissions.entries()) {
            const id = `0195f0e0-0000-7000-8000-${String(i).padStart(12, '0')}`;
            const at = START + s.day * DAY;
            const incoming = {
              id,
              serviceId: s.service,
              rating: s.rating,
              comment: s.comment,
              lang: s.lang,
              redactions: 0,
              receivedAt: at,
            };
            await store.ingest(incoming);
            if (s.index !== undefined) await store.countThemeBacklog(s.index);
            if (s.then === 'update') {
              await store.ingest({
                ...incoming,
                rating: s.newRating,
                comment: s.newComment,
                receivedAt: at + 60_000,
              });
            } else if (s.then === 'redact') {
              await store.redactComment(s.service, id, 'formulier', '[naam]', at + 60_000);
            } else if (s.then === 'erase') {
              await store.eraseFeedback(s.service, id, at + 60_000);
            }
            if (s.index !== undefined) await store.countThemeBacklog(s.index);
          }
          if (pruneDay !== undefined) await store.pruneComments(START + pruneDay * DAY);
          for (const [period, previousPeriod] of periods) {
            const kept = await keptServiceThemes(store, SERVICES, period, previousPeriod, {
              ...OPTIONS,
              maxPending: 1_000,
            });
            for (const serviceId of SERVICES) {
              const counted = await serviceThemes(store, serviceId, period, {
                ...OPTIONS,
                previousPeriod,
              });
              expect(kept.get(serviceId)).toEqual(counted);
            }
          }
          // Through: the counts are a recount of what is stored, and nothing waits.
          await countAllThemes(store, 7);
          expect(await keptProblems(store)).toEqual([]);
          expect(await sqlRows(store, 'select id from theme_retractions')).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  }, 180_000);
});

/** Kept counts that differ from a recount of the stored comments, one line each. */
async function keptProblems(store: Store): Promise<string[]> {
  const comments = await sqlRows(
    store,
    'select service_id, day, comment, lang, rating from feedback where comment is not null',
  );
  const expected = new Map(
    themeDeltas(
      comments.map((row) => ({
        serviceId: String(row.service_id),
        month: String(row.day).slice(0, 7),
        comment: String(row.comment),
        lang: row.lang as Language,
        rating: Number(row.rating),
        sign: 1 as const,
      })),
    ).map((d) => [
      `${d.serviceId}|${d.month}|${d.kind}|${d.stem}|${d.form}`,
      `${d.count}/${d.low}`,
    ]),
  );
  const kept = new Map(
    (await sqlRows(store, 'select * from theme_counts')).map((r) => [
      `${String(r.service_id)}|${String(r.month)}|${String(r.kind)}|${String(r.stem)}|${String(r.form)}`,
      `${Number(r.count)}/${Number(r.low)}`,
    ]),
  );
  const problems: string[] = [];
  for (const key of new Set([...expected.keys(), ...kept.keys()])) {
    if (expected.get(key) !== kept.get(key)) {
      problems.push(`${key}: kept ${kept.get(key) ?? '-'}, comments ${expected.get(key) ?? '-'}`);
    }
  }
  return problems.sort();
}

describe('the theme indexer', () => {
  it('counts a comment once, and subtracts it again when a provider erases it', async () => {
    const store = await openStore();
    const at = Date.parse('2026-03-10T10:00:00Z');
    for (let i = 0; i < 3; i += 1) {
      await store.ingest({
        id: `0195f0e0-0000-7000-8000-00000000000${i}`,
        serviceId: 'dienst-a',
        rating: 1,
        comment: 'De formulieren zijn te lang',
        lang: 'nl',
        redactions: 0,
        receivedAt: at + i,
      });
    }
    expect(await countAllThemes(store)).toBe(3);
    expect(await countAllThemes(store)).toBe(0);
    const formulier = () =>
      sqlRows(
        store,
        "select form, count, low from theme_counts where kind = 'word' and stem = 'formulier' order by form",
      );
    expect(await formulier()).toEqual([
      { form: '', count: 3, low: 3 },
      { form: 'formulieren', count: 3, low: 0 },
    ]);
    await store.eraseFeedback('dienst-a', '0195f0e0-0000-7000-8000-000000000001', at + 10);
    expect(await countAllThemes(store)).toBe(1);
    expect(await formulier()).toEqual([
      { form: '', count: 2, low: 2 },
      { form: 'formulieren', count: 2, low: 0 },
    ]);
    expect(brusselsDay(at)).toBe('2026-03-10');
  });

  it('counts each comment once when indexers of two instances run at once', async () => {
    const store = await openStore();
    const at = Date.parse('2026-03-10T10:00:00Z');
    for (let i = 0; i < 60; i += 1) {
      await store.ingest({
        id: `0195f0e0-0000-7000-8000-${String(i).padStart(12, '0')}`,
        serviceId: SERVICES[i % 2]!,
        rating: 1 + (i % 5),
        comment: COMMENTS[i % COMMENTS.length],
        lang: 'nl',
        redactions: 0,
        receivedAt: at + i,
      });
    }
    // On PostgreSQL the two run on separate connections of the pool and skip each other's rows.
    const taken = await Promise.all([countAllThemes(store, 5), countAllThemes(store, 5)]);
    expect(taken[0]! + taken[1]!).toBe(60);
    expect(await keptProblems(store)).toEqual([]);
  });
});
