import {
  AnnualReportSchema,
  LANGUAGES,
  PublicServiceStatsSchema,
  PublicStatsSchema,
  SummarySchema,
  type Language,
} from '@vo-feedback/shared';
import { parse } from 'csv-parse/sync';
import snowball from 'snowball-stemmers';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DATASET_NOW,
  DATASET_ORGANISATIONS,
  DATASET_SERVICES,
  generateDataset,
  loadDataset,
  oracleBrusselsDay,
} from '../../test-support/dataset.ts';
import { monthEnd, oracleFigures, type OracleFigures } from '../../test-support/oracle.ts';
import { json, testCollector } from '../../test-support/fixtures.ts';
import { sqlRows } from '../../test-support/sql.ts';
import { NEGATIONS, TOO } from '../../domain/stop-words.ts';

// The summary, the annual report (JSON and CSV) and the public statistics of a generated dataset
// must equal the figures computed independently from the generated list (test-support/dataset.ts).

const dataset = generateDataset();
let collector: Awaited<ReturnType<typeof testCollector>>;

beforeAll(async () => {
  const clock = { now: 0 };
  collector = await testCollector({ now: () => clock.now });
  await loadDataset({ app: collector.app, store: collector.store, clock }, dataset);
}, 120_000);

const idsOf = (organisationId?: string) =>
  DATASET_SERVICES.filter((s) => !organisationId || s.organisationId === organisationId).map(
    (s) => s.id,
  );

/** Figures as the API gives them, against the oracle: counts exact, fractions exact too. */
function expectFigures(actual: Record<string, unknown>, expected: OracleFigures, where: string) {
  const { csatInterval, ...rest } = expected;
  const shown = { ...actual };
  for (const key of Object.keys(shown)) if (!(key in rest)) delete shown[key];
  // mean, csat and responseRate are one division of the same integers: bit-for-bit equal.
  expect(shown, where).toEqual(rest);
  const interval = actual.csatInterval as [number, number] | null;
  if (csatInterval === null) expect(interval, where).toBeNull();
  else {
    expect(interval![0], where).toBeCloseTo(csatInterval[0], 12);
    expect(interval![1], where).toBeCloseTo(csatInterval[1], 12);
  }
}

describe('the generated dataset', () => {
  it('has hundreds of submissions over two years, with edits, replays and refusals', () => {
    const posts = dataset.events.filter((e) => e.kind === 'post');
    expect(dataset.truths.length).toBeGreaterThan(500);
    expect(
      posts.filter((e) => e.kind === 'post' && e.expectedStatus === 409).length,
    ).toBeGreaterThan(5);
    expect(posts.length - dataset.truths.length).toBeGreaterThan(60);
    expect(new Set(dataset.truths.map((t) => t.day.slice(0, 4)))).toEqual(
      new Set(['2024', '2025', '2026']),
    );
  });

  it('knows its Brussels days (the oracle itself, checked by hand)', () => {
    const day = (iso: string) => oracleBrusselsDay(Date.parse(iso));
    expect(day('2025-12-31T23:30:00Z')).toBe('2026-01-01');
    expect(day('2025-12-31T22:59:59Z')).toBe('2025-12-31');
    expect(day('2026-03-29T00:59:59Z')).toBe('2026-03-29');
    expect(day('2026-03-28T22:59:59Z')).toBe('2026-03-28');
    expect(day('2026-06-30T22:00:00Z')).toBe('2026-07-01');
    expect(day('2026-10-24T22:30:00Z')).toBe('2026-10-25');
    expect(day('2026-10-25T22:30:00Z')).toBe('2026-10-25');
    expect(day('2026-10-25T23:00:00Z')).toBe('2026-10-26');
  });

  it('stores each submission in the Brussels day of its first post, edits included', async () => {
    const stored = (await sqlRows(collector.store, 'select id, day, rating from feedback')) as {
      id: string;
      day: string;
      rating: number;
    }[];
    const byId = new Map(stored.map((row) => [row.id, row]));
    expect(byId.size).toBe(dataset.truths.length);
    for (const truth of dataset.truths) {
      expect(byId.get(truth.id), truth.id).toEqual({
        id: truth.id,
        day: truth.day,
        rating: truth.rating,
      });
    }
  });
});

describe('summary', () => {
  const periods = [
    ['2025-01-01', '2025-12-31'],
    ['2026-01-01', '2026-11-28'],
    ['2026-01-01', '2026-01-01'],
    ['2026-03-29', '2026-03-29'],
    ['2026-10-25', '2026-10-26'],
    ['2024-12-31', '2025-01-01'],
  ] as const;

  it.each(DATASET_SERVICES.map((s) => s.id))(
    'of %s matches the known figures, by month and by outcome',
    async (serviceId) => {
      const organisation = DATASET_SERVICES.find((s) => s.id === serviceId)!.organisationId;
      const token = organisation === 'org-b' ? collector.tokenB : collector.steering;
      for (const [from, to] of periods) {
        const response = await collector.get(
          `/api/v1/services/${serviceId}/summary?from=${from}&to=${to}`,
          token,
        );
        expect(response.status).toBe(200);
        const summary = await json(response, SummarySchema);
        expectFigures(summary, oracleFigures(dataset, [serviceId], from, to), `${from}..${to}`);
        for (const month of summary.byMonth) {
          const start = `${month.month}-01` < from ? from : `${month.month}-01`;
          const end = monthEnd(month.month) > to ? to : monthEnd(month.month);
          expectFigures(month, oracleFigures(dataset, [serviceId], start, end), month.month);
        }
        for (const [outcome, figures] of Object.entries(summary.byOutcome)) {
          const expected = oracleFigures(
            {
              ...dataset,
              truths: dataset.truths.filter((t) => (t.outcome ?? 'unknown') === outcome),
              impressions: [],
            },
            [serviceId],
            from,
            to,
          );
          expectFigures(
            { ...(figures as object), impressions: 0, responseRate: null },
            expected,
            `${from}..${to} ${outcome}`,
          );
        }
        const outcomes = Object.values(summary.byOutcome) as { responses: number }[];
        expect(outcomes.reduce((sum, o) => sum + o.responses, 0)).toBe(summary.responses);
      }
    },
  );

  it('defaults to this Brussels year up to today', async () => {
    const summary = await json(
      await collector.get('/api/v1/services/dienst-a/summary', collector.tokenA),
      SummarySchema,
    );
    expect([summary.from, summary.to]).toEqual(['2026-01-01', '2026-11-28']);
    expect(summary.byMonth).toHaveLength(11);
  });
});

function expectBlock(
  block: Record<string, unknown> & {
    current: Record<string, unknown>;
    previous: Record<string, unknown>;
    change: Record<string, number | null>;
    byMonth: {
      month: string;
      current: Record<string, unknown>;
      previous: Record<string, unknown>;
    }[];
  },
  serviceIds: readonly string[],
  period: { from: string; to: string },
  previousPeriod: { from: string; to: string },
  where: string,
) {
  const current = oracleFigures(dataset, serviceIds, period.from, period.to);
  const previous = oracleFigures(dataset, serviceIds, previousPeriod.from, previousPeriod.to);
  expectFigures(block.current, current, `${where} current`);
  expectFigures(block.previous, previous, `${where} previous`);
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  expect(block.change, where).toEqual({
    responses: current.responses - previous.responses,
    mean: diff(current.mean, previous.mean),
    csat: diff(current.csat, previous.csat),
    responseRate: diff(current.responseRate, previous.responseRate),
    comments: current.comments - previous.comments,
  });
  for (const month of block.byMonth) {
    const end = (m: string, to: string) => (monthEnd(m) > to ? to : monthEnd(m));
    expectFigures(
      month.current,
      oracleFigures(dataset, serviceIds, `${month.month}-01`, end(month.month, period.to)),
      `${where} ${month.month}`,
    );
    const previousMonth = month.previous.month as string;
    expect(previousMonth).toBe(`${Number(month.month.slice(0, 4)) - 1}${month.month.slice(4)}`);
    expectFigures(
      month.previous,
      oracleFigures(
        dataset,
        serviceIds,
        `${previousMonth}-01`,
        end(previousMonth, previousPeriod.to),
      ),
      `${where} ${previousMonth}`,
    );
  }
}

/** Each submission's language, as first posted (an edit keeps it). */
const langOf = new Map<string, Language>();
for (const event of dataset.events) {
  if (event.kind === 'post' && !langOf.has(event.id)) langOf.set(event.id, event.body.lang);
}
const STEMMERS = {
  nl: snowball.newStemmer('dutch'),
  fr: snowball.newStemmer('french'),
  en: snowball.newStemmer('english'),
  de: snowball.newStemmer('german'),
};
/** A word or pair as the themes key it: each word's Snowball stem; negations and "too" as is. */
const stemKey = (phrase: string, lang: Language) =>
  phrase
    .split(' ')
    .map((word) => (NEGATIONS.has(word) || TOO.has(word) ? word : STEMMERS[lang].stem(word)))
    .join(' ');

/**
 * A theme as counted from the generated list: the comments of a service in a period with one
 * of the theme's forms in one clause, whose stem in that comment's language is the theme's, and
 * how many of them were rated 1–2. The theme's stem is its term's in one of the four languages
 * (a comment's language is the widget's, not always the one it was written in): one candidate
 * per language, `[count, low, previous count]`.
 */
function oracleTheme(
  serviceId: string,
  periods: { period: { from: string; to: string }; previousPeriod: { from: string; to: string } },
  theme: { term: string; forms: string[] },
): [number, number, number][] {
  const patterns = theme.forms.map((form) => ({
    form,
    pattern: new RegExp(
      `(^|[^\\p{L}\\p{M}-])${form.split(' ').join(' +')}($|[^\\p{L}\\p{M}-])`,
      'iu',
    ),
  }));
  const inPeriod = (period: { from: string; to: string }, key: string) =>
    dataset.truths.filter((t) => {
      if (t.serviceId !== serviceId || t.day < period.from || t.day > period.to) return false;
      if (t.comment === null) return false;
      const lang = langOf.get(t.id)!;
      const clauses = t.comment.toLowerCase().split(/[.!?;:,/\\|()[\]{}"“”«»–—•\r\n]+|\s-\s/u);
      return patterns.some(
        ({ form, pattern }) =>
          stemKey(form, lang) === key && clauses.some((clause) => pattern.test(clause)),
      );
    });
  return LANGUAGES.map((lang) => {
    const key = stemKey(theme.term, lang);
    const current = inPeriod(periods.period, key);
    return [
      current.length,
      current.filter((t) => t.rating <= 2).length,
      inPeriod(periods.previousPeriod, key).length,
    ];
  });
}

describe('annual report', () => {
  it("gives a provider its organisation's year beside the same span of the year before", async () => {
    const response = await collector.get('/api/v1/reports/annual?year=2026', collector.tokenA);
    expect(response.status).toBe(200);
    const report = await json(response, AnnualReportSchema);
    expect(report.period).toEqual({ from: '2026-01-01', to: '2026-11-28' });
    expect(report.previousPeriod).toEqual({ from: '2025-01-01', to: '2025-11-28' });
    expect(report.organisationId).toBe('org-a');
    expect(report.generatedAt).toBe(new Date(DATASET_NOW).toISOString());
    expect(report.organisations.map((o: { organisationId: string }) => o.organisationId)).toEqual([
      'org-a',
    ]);
    expectBlock(report.total, idsOf('org-a'), report.period, report.previousPeriod, 'total');
    const organisation = report.organisations[0]!;
    expectBlock(organisation, idsOf('org-a'), report.period, report.previousPeriod, 'org-a');
    expect(organisation.services.map((s: { serviceId: string }) => s.serviceId)).toEqual([
      'dienst-a',
      'dienst-a2',
    ]);
    for (const service of organisation.services) {
      expectBlock(
        service,
        [service.serviceId],
        report.period,
        report.previousPeriod,
        service.serviceId,
      );
      // Themes: terms and counts only, each count what the comments say, over every comment of
      // the year (the sample cap is far above this dataset).
      expect(service.themes.comments).toBe(service.current.comments);
      expect(report.themeSample).toBeGreaterThan(service.current.comments);
      const themes = [...service.themes.words, ...service.themes.pairs];
      expect(themes.length).toBeGreaterThan(0);
      for (const theme of themes) {
        expect(theme.examples).toBeUndefined();
        expect(theme.count, theme.term).toBeGreaterThanOrEqual(report.themeMinimum);
        // Its count, share of ratings 1–2 and change: each what the comments say.
        expect(oracleTheme(service.serviceId, report, theme), theme.term).toContainEqual([
          theme.count,
          Math.round(theme.lowShare * theme.count),
          // null: no comment in the previous period to compare with.
          theme.change === null ? 0 : theme.count - theme.change,
        ]);
      }
    }
  });

  it('covers a closed year from 1 January to 31 December', async () => {
    const report = await json(
      await collector.get('/api/v1/reports/annual?year=2025&organisation=org-b', collector.tokenB),
      AnnualReportSchema,
    );
    expect(report.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(report.previousPeriod).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expectBlock(report.total, ['dienst-b'], report.period, report.previousPeriod, 'org-b 2025');
    // 23:30 on 31 December 2024 in Brussels is the one response of 2024.
    expect(report.total.previous.responses).toBe(1);
  });

  it('gives the steering committee every organisation and the grand total', async () => {
    const report = await json(
      await collector.get('/api/v1/reports/annual?year=2026', collector.steering),
      AnnualReportSchema,
    );
    expect(report.organisationId).toBeNull();
    expect(report.previousPeriod).toEqual({ from: '2025-01-01', to: '2025-11-28' });
    expect(report.organisations.map((o: { organisationId: string }) => o.organisationId)).toEqual(
      DATASET_ORGANISATIONS.map((o) => o.id),
    );
    expectBlock(report.total, idsOf(), report.period, report.previousPeriod, 'all');
    for (const organisation of report.organisations) {
      expectBlock(
        organisation,
        idsOf(organisation.organisationId),
        report.period,
        report.previousPeriod,
        organisation.organisationId,
      );
    }
    // The inactive service stays in the report: it had responses in the previous year.
    const old = report.organisations[2]!.services.find(
      (s: { serviceId: string }) => s.serviceId === 'dienst-c-oud',
    )!;
    expect(old.active).toBe(false);
    expect(old.previous.responses).toBe(
      oracleFigures(dataset, ['dienst-c-oud'], '2025-01-01', '2025-11-28').responses,
    );
  });

  it('as CSV, has the same figures, read back by a CSV parser', async () => {
    const response = await collector.get(
      '/api/v1/reports/annual?year=2026&format=csv',
      collector.tokenA,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="jaarrapport-feedback-2026-org-a.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Record<string, string>[] = parse(Buffer.from(bytes), {
      bom: true,
      delimiter: ';',
      columns: true,
      record_delimiter: '\r\n',
    });
    // An organisation row and its services, each for the year and its 11 months so far.
    expect(rows).toHaveLength(3 * 12);
    const number = (text: string | undefined) =>
      text === undefined || text === '' ? null : Number(text.replace(',', '.'));
    const check = (
      row: Record<string, string>,
      expected: OracleFigures,
      prefix: string,
      where: string,
    ) => {
      expect(number(row[`${prefix}antwoorden`]), where).toBe(expected.responses);
      for (const k of ['1', '2', '3', '4', '5'] as const) {
        expect(number(row[`${prefix}score ${k}`]), where).toBe(expected.ratings[k]);
      }
      expect(number(row[`${prefix}opmerkingen`]), where).toBe(expected.comments);
      expect(number(row[`${prefix}vertoningen`]), where).toBe(expected.impressions);
      // Fractions are written with six decimals.
      const close = (text: string | undefined, value: number | null) => {
        if (value === null) expect(text, where).toBe('');
        else expect(Math.abs(number(text)! - value), where).toBeLessThanOrEqual(5e-7);
      };
      close(row[`${prefix}gemiddelde score`], expected.mean);
      close(row[`${prefix}tevredenheid`], expected.csat);
      close(row[`${prefix}tevredenheid ondergrens (95%)`], expected.csatInterval?.[0] ?? null);
      close(row[`${prefix}tevredenheid bovengrens (95%)`], expected.csatInterval?.[1] ?? null);
      close(row[`${prefix}responsgraad`], expected.responseRate);
    };
    for (const row of rows) {
      const ids = row.niveau === 'organisatie' ? idsOf('org-a') : [row.dienst!];
      const period = row.periode!;
      const previousPeriod = row['vorige periode']!;
      const span = (p: string, to: string) =>
        p.length === 4 ? [`${p}-01-01`, to] : [`${p}-01`, monthEnd(p) > to ? to : monthEnd(p)];
      const [from, to] = span(period, '2026-11-28');
      const [pFrom, pTo] = span(previousPeriod, '2025-11-28');
      const where = `${row.niveau} ${row.dienst} ${period}`;
      check(row, oracleFigures(dataset, ids, from!, to!), '', where);
      check(row, oracleFigures(dataset, ids, pFrom!, pTo!), 'vorig jaar: ', where);
    }
  });
});

describe('public statistics', () => {
  it('match the known figures, suppress the small service and leave out the inactive one', async () => {
    const response = await collector.app.request('/api/v1/public/stats?year=2026');
    expect(response.status).toBe(200);
    const stats = await json(response, PublicStatsSchema);
    expect(stats).toMatchObject({ year: 2026, from: '2026-01-01', to: '2026-11-28', minimum: 10 });
    const ids = stats.services.map((s: { serviceId: string }) => s.serviceId);
    expect(ids).toEqual(['dienst-a', 'dienst-a2', 'dienst-b', 'dienst-c']);
    for (const entry of stats.services) {
      const expected = oracleFigures(dataset, [entry.serviceId], '2026-01-01', '2026-11-28');
      if (expected.responses < 10) {
        expect(entry).toEqual({
          serviceId: entry.serviceId,
          year: 2026,
          suppressed: true,
          minimum: 10,
          name: 'Kleine dienst C',
          organisationId: 'org-c',
          organisationName: 'Gemeente C',
          improvements: [],
        });
        continue;
      }
      expect(entry.suppressed).toBe(false);
      if (entry.suppressed) continue;
      expect(entry).toMatchObject({
        responses: expected.responses,
        ratings: expected.ratings,
        mean: expected.mean,
        csat: expected.csat,
      });
      expect(entry.csatInterval![0]).toBeCloseTo(expected.csatInterval![0], 12);
      expect(entry.csatInterval![1]).toBeCloseTo(expected.csatInterval![1], 12);
      expect(Object.keys(entry).sort()).toEqual(
        [
          'serviceId',
          'year',
          'suppressed',
          'responses',
          'ratings',
          'mean',
          'csat',
          'csatInterval',
          'name',
          'organisationId',
          'organisationName',
          'improvements',
        ].sort(),
      );
    }
    expect(oracleFigures(dataset, ['dienst-c'], '2026-01-01', '2026-11-28').responses).toBeLessThan(
      10,
    );
  });

  it('of a closed year publish the small service once it had enough responses', async () => {
    const stats = await json(
      await collector.app.request('/api/v1/public/services/dienst-c/stats?year=2025'),
      PublicServiceStatsSchema,
    );
    const expected = oracleFigures(dataset, ['dienst-c'], '2025-01-01', '2025-12-31');
    expect(expected.responses).toBeGreaterThanOrEqual(10);
    expect(stats).toMatchObject({
      serviceId: 'dienst-c',
      year: 2025,
      suppressed: false,
      responses: expected.responses,
      ratings: expected.ratings,
      mean: expected.mean,
      csat: expected.csat,
    });
  });

  it('as open-data CSV, carry the same figures', async () => {
    const response = await collector.app.request('/api/v1/public/stats.csv?year=2026');
    expect(response.status).toBe(200);
    const rows: Record<string, string>[] = parse(Buffer.from(await response.arrayBuffer()), {
      bom: true,
      delimiter: ';',
      columns: true,
    });
    expect(rows.map((r) => [r.dienst, r.onderdrukt])).toEqual([
      ['dienst-a', 'nee'],
      ['dienst-a2', 'nee'],
      ['dienst-b', 'nee'],
      ['dienst-c', 'ja'],
    ]);
    for (const row of rows.filter((r) => r.onderdrukt === 'nee')) {
      const expected = oracleFigures(dataset, [row.dienst!], '2026-01-01', '2026-11-28');
      expect(Number(row.antwoorden)).toBe(expected.responses);
      expect(
        Math.abs(Number(row.tevredenheid!.replace(',', '.')) - expected.csat!),
      ).toBeLessThanOrEqual(5e-7);
    }
    const suppressed = rows.find((r) => r.dienst === 'dienst-c')!;
    expect(suppressed.antwoorden).toBe('');
    expect(suppressed.tevredenheid).toBe('');
  });
});
