import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AnnualReportSchema, SummarySchema } from '@vo-feedback/shared';
import { json, testCollector } from '../../test-support/fixtures.ts';
import { databaseProblems } from '../../test-support/invariants.ts';
import { oracleWilson } from '../../test-support/oracle.ts';

// Issue 16, who is left behind: the languages and the steps of the journey are counted (in the
// ingest transaction, and out again on an update or an erasure) and shown per service in the
// summary and the annual report: responses, satisfaction, and per step the share not completed,
// in journey order as first seen.

const at = (day: string, time: string) => Date.parse(`2026-03-${day}T${time}:00Z`);

/**
 * Two days of dienst-a. On the first, the journey's steps are first seen as `betaling`, then
 * `gegevens`; on the second, `bevestiging` comes first of the day. `x` is the earliest of all,
 * at `bevestiging`, and is erased, and so is `y`, the first of the second day at `bevestiging`.
 * `a`, `e` and `h` are changed within their window. Absent step or outcome: none given.
 */
type Post = [
  key: string,
  day: string,
  time: string,
  rating: number,
  lang: string,
  step?: string,
  outcome?: string,
];
const POSTS: Post[] = [
  ['x', '02', '08:00', 1, 'de', 'bevestiging', 'error'],
  ['a', '02', '09:00', 5, 'nl', 'gegevens', 'completed'],
  ['b', '02', '09:05', 2, 'fr', 'betaling', 'error'],
  ['c', '02', '09:10', 4, 'nl', 'gegevens'],
  // The first post at gegevens moves to betaling: gegevens is first seen with c now.
  ['a', '02', '09:20', 5, 'nl', 'betaling'],
  ['y', '03', '07:30', 2, 'de', 'bevestiging'],
  ['d', '03', '08:00', 1, 'nl', 'bevestiging', 'rejected'],
  ['e', '03', '08:30', 3, 'nl', 'betaling', 'completed'],
  // Only the language changes; step and outcome are kept.
  ['e', '03', '08:40', 3, 'en'],
  ['f', '03', '09:00', 5, 'nl', 'gegevens', 'completed'],
  ['g', '03', '09:30', 5, 'de', undefined, 'completed'],
  ['h', '03', '10:00', 2, 'fr', 'betaling', 'error'],
  ['h', '03', '10:10', 4, 'fr', 'bevestiging', 'completed'],
];

const ID = (key: string) => `0190b000-0000-7000-8000-00000000000${'abcdefghxy'.indexOf(key)}`;

/** The figures of `satisfied` of `n` responses, with the interval rounded for comparison. */
const figures = (n: number, satisfied: number) => ({
  responses: n,
  csat: satisfied / n,
  csatInterval: oracleWilson(satisfied, n)!.map((bound) => Number(bound.toFixed(9))),
});
const rounded = <T extends { csatInterval: [number, number] | null }>(list: T[]) =>
  list.map((item) => ({
    ...item,
    csatInterval: item.csatInterval?.map((bound) => Number(bound.toFixed(9))),
  }));

/** After the erasure of x and y: what the rows say, counted by hand. */
const BY_LANGUAGE = [
  // a 5, c 4, d 1, f 5
  { lang: 'nl', ...figures(4, 3) },
  // b 2, h 4
  { lang: 'fr', ...figures(2, 1) },
  // e 3
  { lang: 'en', ...figures(1, 0) },
  // g 5
  { lang: 'de', ...figures(1, 1) },
];
const BY_STEP = [
  // First seen on 2 March at 09:00 (a, moved here); a 5 completed, b 2 error, e 3 completed.
  { step: 'betaling', ...figures(3, 1), withOutcome: 3, shareNotCompleted: 1 / 3 },
  // First seen at 09:10 (c); c 4 without outcome, f 5 completed.
  { step: 'gegevens', ...figures(2, 2), withOutcome: 1, shareNotCompleted: 0 },
  // First seen on 3 March, the first step of that day; d 1 rejected, h 4 completed.
  { step: 'bevestiging', ...figures(2, 1), withOutcome: 2, shareNotCompleted: 0.5 },
];

async function collector() {
  const clock = { now: at('02', '07:00') };
  const collector = await testCollector({ now: () => clock.now, minPublicN: 1 });
  const posted = new Set<string>();
  for (const [key, day, time, rating, lang, step, outcome] of POSTS) {
    clock.now = at(day, time);
    const response = await collector.post({
      id: ID(key),
      serviceId: 'dienst-a',
      rating,
      lang,
      ...(step ? { step } : {}),
      ...(outcome ? { outcome } : {}),
    });
    // A first post is stored, a later one within the window updates.
    expect(response.status, key).toBe(posted.has(key) ? 200 : 201);
    posted.add(key);
    // Every rollup, the language and step ones too, equals a recount after each write.
    expect(await databaseProblems(collector.store), key).toEqual([]);
  }
  clock.now = at('10', '12:00');
  const summary = async (from = '2026-03-01', to = '2026-03-10') =>
    json(
      await collector.get(
        `/api/v1/services/dienst-a/summary?from=${from}&to=${to}`,
        collector.tokenA,
      ),
      SummarySchema,
    );
  const erase = async (key: string) => {
    const response = await collector.app.request(`/api/v1/services/dienst-a/feedback/${ID(key)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${collector.tokenA}` },
    });
    expect(response.status).toBe(204);
  };
  return { ...collector, summary, erase };
}

describe('languages and steps', () => {
  it('are counted per service in journey order, through updates and an erasure', async () => {
    const { summary, erase, store } = await collector();
    // x, first of all at bevestiging, puts that step first.
    expect((await summary()).byStep.map((s) => s.step)).toEqual([
      'bevestiging',
      'betaling',
      'gegevens',
    ]);
    expect((await summary()).byLanguage.find((l) => l.lang === 'de')?.responses).toBe(3);

    // Erased: no first post of theirs stays behind (databaseProblems recounts it).
    await erase('x');
    expect(await databaseProblems(store)).toEqual([]);
    await erase('y');
    expect(await databaseProblems(store)).toEqual([]);
    const after = await summary();
    expect(rounded(after.byLanguage)).toEqual(BY_LANGUAGE);
    expect(rounded(after.byStep)).toEqual(BY_STEP);
    expect(after.responses).toBe(8);

    // Each day on its own: on 3 March bevestiging came first, betaling (e) and gegevens (f) after.
    expect((await summary('2026-03-03', '2026-03-03')).byStep.map((s) => s.step)).toEqual([
      'bevestiging',
      'betaling',
      'gegevens',
    ]);
    const firstDay = await summary('2026-03-02', '2026-03-02');
    expect(firstDay.byStep.map((s) => [s.step, s.responses])).toEqual([
      ['betaling', 2],
      ['gegevens', 1],
    ]);
    expect(firstDay.byLanguage.map((l) => [l.lang, l.responses])).toEqual([
      ['nl', 2],
      ['fr', 1],
    ]);
    // No step, no language: empty lists, not rows of zeros.
    const none = await summary('2026-03-05', '2026-03-06');
    expect(none.byStep).toEqual([]);
    expect(none.byLanguage).toEqual([]);
  });

  it('are in the annual report with the outcomes, in JSON, CSV and HTML', async () => {
    const { summary, erase, get, tokenA } = await collector();
    await erase('x');
    await erase('y');
    const year = await summary('2026-01-01', '2026-03-10');

    const report = await json(
      await get('/api/v1/reports/annual?year=2026', tokenA),
      AnnualReportSchema,
    );
    const service = report.organisations[0]!.services.find((s) => s.serviceId === 'dienst-a')!;
    expect(rounded(service.byLanguage)).toEqual(BY_LANGUAGE);
    expect(rounded(service.byStep)).toEqual(BY_STEP);
    expect(service.byOutcome).toEqual(year.byOutcome);
    expect(Object.keys(service.byOutcome).sort()).toEqual([
      'completed',
      'error',
      'rejected',
      'unknown',
    ]);
    expect(service.byOutcome.completed?.responses).toBe(5);
    expect(service.byOutcome.unknown?.responses).toBe(1);

    const csv: Record<string, string>[] = parse(
      await (await get('/api/v1/reports/annual?year=2026&format=csv', tokenA)).text(),
      { bom: true, delimiter: ';', columns: true, record_delimiter: '\r\n' },
    );
    const rows = csv.filter((row) => row.dienst === 'dienst-a');
    const yearRow = rows.find((row) => row.periode === '2026')!;
    // completed: a 5, e 3, f 5, g 5, h 4; rejected d 1; error b 2; unknown c 4.
    expect(yearRow.uitkomsten).toBe(
      'completed 5 (80 %), rejected 1 (0 %), error 1 (0 %), unknown 1 (100 %)',
    );
    expect(yearRow.talen).toBe('nl 4 (75 %), fr 2 (50 %), en 1 (0 %), de 1 (100 %)');
    expect(yearRow.stappen).toBe(
      'betaling 3 (33 %, niet voltooid 33 %), gegevens 2 (100 %, niet voltooid 0 %), ' +
        'bevestiging 2 (50 %, niet voltooid 50 %)',
    );
    const months = rows.filter((row) => row.periode !== '2026');
    expect(months.length).toBeGreaterThan(0);
    expect(months.every((row) => !row.uitkomsten && !row.talen && !row.stappen)).toBe(true);
    // The organisation's rows have no breakdowns of their own.
    expect(csv.find((row) => row.niveau === 'organisatie')!.stappen).toBe('');

    const html = await (await get('/api/v1/reports/annual?year=2026&format=html', tokenA)).text();
    const section = html.slice(html.indexOf('id="dienst-dienst-a-stappen"'));
    expect(section).toContain('Antwoorden per stap in 2026, in de volgorde van de klantreis');
    const order = ['betaling', 'gegevens', 'bevestiging'].map((step) =>
      section.indexOf(`<th scope="row">${step}</th>`),
    );
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Satisfaction (1 of 3) with its 95 % interval, then the share not completed.
    expect(section).toMatch(
      /<th scope="row">betaling<\/th>\s*<td class="number">3<\/td>\s*<td class="number">33,3\u00a0%<\/td>\s*<td class="number">6,1–79,2\u00a0%<\/td>\s*<td class="number">33,3\u00a0%<\/td>/,
    );
    // MIN_PUBLIC_N is 1 here: no figure is counted on too few answers.
    expect(report.minimum).toBe(1);
    expect(html).not.toContain('<span class="few">');
    expect(html).toContain('<th scope="row">Nederlands</th>');
    expect(html).toContain('<th scope="row">Niet opgegeven</th>');
    expect(html).toContain('Antwoorden per uitkomst in 2026');
  });
});
