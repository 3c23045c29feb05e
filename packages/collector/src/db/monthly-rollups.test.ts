import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Channel, Language, Outcome } from '@vo-feedback/shared';
import { brusselsDay } from '../domain/time.ts';
import type { Store } from '../domain/store.ts';
import { openTestStore } from '../test-support/backend.ts';
import { databaseProblems, monthlyProblems } from '../test-support/invariants.ts';
import { sqlRows } from '../test-support/sql.ts';
import { rollupRanges } from './queries.ts';

// The monthly rollups (kept by triggers on the daily ones) stand in for the daily ones over whole
// months: every reader of a period gives what the submissions of its days add up to, whatever
// ingest, updates, erasures and retention did, and whichever whole and partial months it spans.

describe('rollupRanges', () => {
  it('reads whole months from the monthly tables and the other days from the daily ones', () => {
    expect(rollupRanges('2026-01-01', '2026-12-31')).toEqual({
      months: ['2026-01', '2026-12'],
      days: [],
    });
    // A year to today: its last month is partial.
    expect(rollupRanges('2026-01-01', '2026-11-30')).toEqual({
      months: ['2026-01', '2026-11'],
      days: [],
    });
    expect(rollupRanges('2026-01-01', '2026-11-29')).toEqual({
      months: ['2026-01', '2026-10'],
      days: [['2026-11-01', '2026-11-29']],
    });
    expect(rollupRanges('2025-12-15', '2026-03-10')).toEqual({
      months: ['2026-01', '2026-02'],
      days: [
        ['2025-12-15', '2025-12-31'],
        ['2026-03-01', '2026-03-10'],
      ],
    });
    // February's last day, in a leap year and not.
    expect(rollupRanges('2024-02-01', '2024-02-29')).toEqual({
      months: ['2024-02', '2024-02'],
      days: [],
    });
    expect(rollupRanges('2026-02-01', '2026-02-28')).toEqual({
      months: ['2026-02', '2026-02'],
      days: [],
    });
    expect(rollupRanges('2026-02-01', '2026-02-27')).toEqual({
      months: null,
      days: [['2026-02-01', '2026-02-27']],
    });
    // No whole month: every day from the daily tables.
    expect(rollupRanges('2026-01-10', '2026-02-20')).toEqual({
      months: null,
      days: [['2026-01-10', '2026-02-20']],
    });
    expect(rollupRanges('2026-03-05', '2026-03-05')).toEqual({
      months: null,
      days: [['2026-03-05', '2026-03-05']],
    });
    expect(rollupRanges('2026-03-06', '2026-03-05')).toEqual({ months: null, days: [] });
  });
});

const DAY = 24 * 60 * 60 * 1000;
/** 1 December 2025, noon in Brussels: the submissions span December to March. */
const START = Date.parse('2025-12-01T11:00:00Z');
const SERVICES = ['dienst-a', 'dienst-b'];

/** A store with the SERVICES of one organisation. */
async function storeWithServices(): Promise<Store> {
  const store = await openTestStore();
  await store.createOrganisation({ id: 'org-a', name: 'A' });
  for (const id of SERVICES) {
    await store.createService({
      id,
      name: id,
      organisationId: 'org-a',
      allowedOrigins: [],
      active: true,
      publicServiceUri: null,
    });
  }
  return store;
}

const submission = fc.record({
  service: fc.constantFrom(...SERVICES),
  /** Days after START, and minutes into the day (late: after midnight UTC, the Brussels day). */
  day: fc.integer({ min: 0, max: 110 }),
  minute: fc.integer({ min: 0, max: 23 * 60 }),
  rating: fc.integer({ min: 1, max: 5 }),
  comment: fc.option(fc.constantFrom('Te lang gewacht', 'Duidelijk formulier'), { nil: undefined }),
  lang: fc.constantFrom<Language>('nl', 'fr'),
  outcome: fc.option(fc.constantFrom<Outcome>('completed', 'rejected', 'error'), {
    nil: undefined,
  }),
  step: fc.option(fc.constantFrom('formulier', 'betaling'), { nil: undefined }),
  channel: fc.constantFrom<Channel>('web', 'phone'),
  reasons: fc.subarray(['wachttijd', 'onduidelijk']),
  widget: fc.boolean(),
  /** What happens to it afterwards. */
  then: fc.constantFrom('keep', 'keep', 'update', 'erase'),
  newRating: fc.integer({ min: 1, max: 5 }),
  newStep: fc.option(fc.constantFrom('formulier', 'betaling'), { nil: undefined }),
});

/** Whole months only (a report's year, a digest's month): read from the monthly tables alone. */
const wholeMonths = fc
  .tuple(fc.integer({ min: -1, max: 4 }), fc.integer({ min: 0, max: 3 }))
  .map(([start, length]) => {
    const day = (month: number, date: number) =>
      new Date(Date.UTC(2025, 11 + month, date)).toISOString().slice(0, 10);
    // Day 0 of the month after: the last day of the period's last month.
    return { from: day(start, 1), to: day(start + length + 1, 0) };
  });

const period = fc.oneof(
  fc
    .tuple(fc.integer({ min: -5, max: 120 }), fc.integer({ min: 0, max: 120 }))
    .map(([start, length]) => ({
      from: brusselsDay(START + start * DAY),
      to: brusselsDay(START + (start + length) * DAY),
    })),
  wholeMonths,
);

type Row = Record<string, unknown>;
const ratings = (rows: Row[]) => {
  const counts = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } as Record<string, number>;
  for (const row of rows) counts[String(row.rating)]! += 1;
  return counts;
};
const groupBy = (rows: Row[], key: (row: Row) => string) => {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
};

/** What each reader must give for a service and period: counted from the feedback rows. */
function expected(
  feedback: Row[],
  impressions: Row[],
  serviceId: string,
  from: string,
  to: string,
) {
  const rows = feedback.filter(
    (f) => f.service_id === serviceId && String(f.day) >= from && String(f.day) <= to,
  );
  const month = (row: Row) => String(row.day).slice(0, 7);
  return {
    monthly: groupBy(rows, (f) => `${month(f)}|${String(f.outcome ?? '')}`).map(([key, group]) => ({
      month: key.split('|')[0],
      outcome: key.split('|')[1],
      ratings: ratings(group),
      comments: group.filter((f) => f.comment !== null || Boolean(f.comment_pruned)).length,
      widgetResponses: group.filter((f) => Boolean(f.widget)).length,
    })),
    channels: groupBy(rows, (f) => String(f.channel)).map(([channel, group]) => ({
      channel,
      ratings: ratings(group),
    })),
    languages: groupBy(rows, (f) => String(f.lang)).map(([lang, group]) => ({
      lang,
      ratings: ratings(group),
    })),
    // In journey order: by the first post at each step.
    steps: groupBy(
      rows.filter((f) => f.step !== null),
      (f) => String(f.step),
    )
      .map(([step, group]) => ({
        first: Math.min(...group.map((f) => Number(f.created_at))),
        rollup: {
          step,
          ratings: ratings(group),
          withOutcome: group.filter((f) => f.outcome !== null).length,
          notCompleted: group.filter((f) => f.outcome === 'rejected' || f.outcome === 'error')
            .length,
        },
      }))
      .sort((a, b) => a.first - b.first || (a.rollup.step < b.rollup.step ? -1 : 1))
      .map(({ rollup }) => rollup),
    reasons: groupBy(
      rows.flatMap((f) =>
        (JSON.parse(String(f.reasons)) as string[]).map((reason) => ({ reason })),
      ),
      (r) => String(r.reason),
    ).map(([reason, group]) => ({ reason, count: group.length })),
    impressions: groupBy(
      impressions.filter(
        (i) => i.service_id === serviceId && String(i.day) >= from && String(i.day) <= to,
      ),
      (i) => String(i.day).slice(0, 7),
    ).map(([m, group]) => ({ month: m, count: group.length })),
  };
}

async function readers(store: Store, serviceId: string, from: string, to: string) {
  return {
    monthly: await store.monthlyRollups(serviceId, from, to),
    channels: await store.channelRollups(serviceId, from, to),
    languages: await store.languageRollups(serviceId, from, to),
    steps: await store.stepRollups(serviceId, from, to),
    reasons: await store.reasonCounts(serviceId, from, to),
    impressions: await store.monthlyImpressions(serviceId, from, to),
  };
}

/** Rollup rows that updates and erasures emptied count nothing: as if they were not there. */
function withoutEmpty(read: Awaited<ReturnType<typeof readers>>) {
  const any = (r: { ratings: Record<string, number> }) => Object.values(r.ratings).some(Boolean);
  return {
    ...read,
    monthly: read.monthly.filter((r) => any(r) || r.comments !== 0 || r.widgetResponses !== 0),
    channels: read.channels.filter(any),
    languages: read.languages.filter(any),
    reasons: read.reasons.filter((r) => r.count !== 0),
  };
}

describe('property: the monthly rollups stand in for the daily ones', () => {
  it('every reader of a period gives what its submissions add up to, after updates, erasures and retention', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(submission, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.constantFrom(...SERVICES), fc.integer({ min: 0, max: 110 })), {
          maxLength: 30,
        }),
        fc.integer({ min: 0, max: 110 }),
        fc.array(period, { minLength: 1, maxLength: 6 }),
        async (submissions, impressions, pruneDay, periods) => {
          const store = await storeWithServices();
          const stored: { id: string; at: number; s: (typeof submissions)[number] }[] = [];
          for (const [i, s] of submissions.entries()) {
            const id = `0195f0e0-0000-7000-8000-${String(i).padStart(12, '0')}`;
            const at = START + s.day * DAY + s.minute * 60_000;
            const incoming = {
              id,
              serviceId: s.service,
              rating: s.rating,
              comment: s.comment,
              lang: s.lang,
              outcome: s.outcome,
              step: s.step,
              redactions: 0,
              receivedAt: at,
              widget: s.widget,
              channel: s.channel,
              reasons: s.rating <= 3 ? s.reasons : [],
            };
            await store.ingest(incoming);
            stored.push({ id, at, s });
            if (s.then === 'update') {
              await store.ingest({
                ...incoming,
                rating: s.newRating,
                step: s.newStep,
                reasons: s.newRating <= 3 ? s.reasons : [],
                receivedAt: at + 60_000,
              });
            }
          }
          for (const [service, day] of impressions) {
            await store.recordImpression(service, brusselsDay(START + day * DAY));
          }
          await store.pruneComments(START + pruneDay * DAY);
          for (const { id, s } of stored) {
            if (s.then === 'erase') await store.eraseFeedback(s.service, id, START + 200 * DAY);
          }

          expect(await monthlyProblems(store)).toEqual([]);
          expect(await databaseProblems(store, { afterRetention: true })).toEqual([]);
          const feedback = await sqlRows(store, 'select * from feedback');
          const shown = await sqlRows(
            store,
            'select service_id, day, count from daily_impressions',
          );
          const impressionRows = shown.flatMap((r) =>
            Array.from({ length: Number(r.count) }, () => ({
              service_id: r.service_id,
              day: r.day,
            })),
          );
          for (const { from, to } of periods) {
            for (const serviceId of SERVICES) {
              const read = withoutEmpty(await readers(store, serviceId, from, to));
              expect(read).toEqual(expected(feedback, impressionRows, serviceId, from, to));
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('monthlyProblems', () => {
  it('finds a monthly rollup that differs from its days', async () => {
    const store = await openTestStore();
    await store.recordImpression('dienst-a', '2026-03-04');
    await store.recordImpression('dienst-a', '2026-03-05');
    expect(await monthlyProblems(store)).toEqual([]);
    expect(
      await sqlRows(store, 'select service_id, month, count from monthly_impressions'),
    ).toEqual([{ service_id: 'dienst-a', month: '2026-03', count: 2 }]);
    const wrong = "update monthly_impressions set count = 3 where month = '2026-03'";
    if ('sqlite' in store)
      (store as unknown as { sqlite: { exec(s: string): void } }).sqlite.exec(wrong);
    else
      await (store as unknown as { pool: { query(s: string): Promise<unknown> } }).pool.query(
        wrong,
      );
    expect(await monthlyProblems(store)).toEqual([
      'monthly_impressions dienst-a|2026-03: count 3, daily count 2',
    ]);
  });
});

describe('the rollups of several services at once', () => {
  it('give each service its own steps in journey order, over whole months and over days', async () => {
    const store = await storeWithServices();
    // Journey order is the order each step was first seen, not the alphabet: z, m, a for
    // dienst-a and a, z, m for dienst-b, with the services' posts interleaved.
    const posts: [string, string][] = [
      ['dienst-b', 'aanvraag'],
      ['dienst-a', 'zoeken'],
      ['dienst-a', 'melden'],
      ['dienst-b', 'zoeken'],
      ['dienst-a', 'aanvraag'],
      ['dienst-b', 'melden'],
      ['dienst-a', 'zoeken'],
    ];
    for (const [i, [serviceId, step]] of posts.entries()) {
      await store.ingest({
        id: `0195f0e0-0000-7000-8000-${String(i).padStart(12, '0')}`,
        serviceId,
        rating: 1 + (i % 5),
        lang: 'nl',
        step,
        redactions: 0,
        receivedAt: START + i * DAY,
        widget: true,
        channel: 'web',
        reasons: [],
      });
    }
    // December 2025 whole (the monthly rows), and 1 to 10 December (the daily ones).
    for (const to of ['2025-12-31', '2025-12-10']) {
      const read = await store.serviceRollups(SERVICES, '2025-12-01', to, ['steps']);
      expect(
        read.get('dienst-a')!.steps.map((s) => s.step),
        to,
      ).toEqual(['zoeken', 'melden', 'aanvraag']);
      expect(
        read.get('dienst-b')!.steps.map((s) => s.step),
        to,
      ).toEqual(['aanvraag', 'zoeken', 'melden']);
    }
  });
});
