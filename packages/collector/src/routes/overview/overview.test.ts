import { AnnualReportSchema, OverviewSchema, type OverviewRow } from '@vo-feedback/shared';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../test-support/fixtures.ts';
import { oracleWilson } from '../../test-support/oracle.ts';
import { OVERVIEW_YEAR, overviewWorld } from '../../test-support/overview-dataset.ts';

// GET /api/v1/overview and the comparison table of the annual report of all organisations, on
// the known dataset of test-support/overview-dataset.ts: every row and flag written out here,
// the intervals computed by the oracle's own Wilson formula.

let world: Awaited<ReturnType<typeof overviewWorld>>;

beforeAll(async () => {
  world = await overviewWorld();
}, 120_000);

const NAMES = {
  'dep-omgeving': ['Departement Omgeving', 'Omgeving', 'flemish'],
  'stad-gent': ['Stad Gent', 'Binnenlands Bestuur', 'local'],
  'gemeente-kleinstad': ['Gemeente Kleinstad', null, null],
} as const;

/** A row as the contract says it must be, from the counts the dataset was built with. */
function expectedRow(
  serviceId: string,
  serviceName: string,
  organisationId: keyof typeof NAMES,
  figures: {
    satisfied: number;
    responses: number;
    previous: [satisfied: number, responses: number];
    /** The widget's responses, when not all are (the response rate counts only those). */
    widgetResponses?: number;
    impressions: number;
    notCompleted: [number, number] | null;
    topReason: string | null;
    target: number | null;
    reportStatus: OverviewRow['reportStatus'];
    flags: OverviewRow['flags'];
  },
): OverviewRow {
  const [organisationName, policyDomain, kind] = NAMES[organisationId];
  const [previousSatisfied, previousResponses] = figures.previous;
  return {
    serviceId,
    serviceName,
    organisationId,
    organisationName,
    policyDomain,
    kind,
    responses: figures.responses,
    csat: figures.satisfied / figures.responses,
    csatInterval: oracleWilson(figures.satisfied, figures.responses),
    previousCsat: previousResponses ? previousSatisfied / previousResponses : null,
    previousCsatInterval: oracleWilson(previousSatisfied, previousResponses),
    responseRate: figures.impressions
      ? (figures.widgetResponses ?? figures.responses) / figures.impressions
      : null,
    shareNotCompleted: figures.notCompleted && figures.notCompleted[0] / figures.notCompleted[1],
    topReason: figures.topReason,
    target: figures.target,
    reportStatus: figures.reportStatus,
    flags: figures.flags,
  };
}

const ROWS = {
  bouwaanvraag: expectedRow('bouwaanvraag', 'Bouwaanvraag', 'dep-omgeving', {
    satisfied: 10,
    responses: 20,
    previous: [12, 20],
    impressions: 25,
    notCompleted: [5, 12],
    topReason: 'technical-problem',
    target: 0.8,
    reportStatus: 'submitted',
    flags: ['below-target'],
  }),
  omgevingsloket: expectedRow('omgevingsloket', 'Omgevingsloket', 'dep-omgeving', {
    // 17 of the widget's 20, and 3 of the contact centre's 4 phone answers.
    satisfied: 20,
    responses: 24,
    previous: [16, 20],
    widgetResponses: 20,
    impressions: 40,
    notCompleted: [4, 14],
    // too-slow and unclear-information were ticked twice each: the first code wins.
    topReason: 'too-slow',
    target: 0.9,
    reportStatus: 'submitted',
    flags: [],
  }),
  kleineDienst: expectedRow('kleine-dienst', 'Kleine dienst', 'gemeente-kleinstad', {
    satisfied: 3,
    responses: 4,
    previous: [0, 0],
    impressions: 0,
    notCompleted: [1, 1],
    topReason: 'needed-help',
    target: 0.5,
    reportStatus: 'missing',
    flags: ['few-responses'],
  }),
  oudeDienst: expectedRow('oude-dienst', 'Oude dienst', 'gemeente-kleinstad', {
    satisfied: 6,
    responses: 12,
    previous: [10, 10],
    impressions: 24,
    notCompleted: null,
    topReason: null,
    target: null,
    reportStatus: 'missing',
    // From 10 of 10 to 6 of 12: the intervals (72–100 %, 25–75 %) still overlap.
    flags: ['silent'],
  }),
  afvalkalender: expectedRow('afvalkalender', 'Afvalkalender', 'stad-gent', {
    satisfied: 21,
    responses: 30,
    previous: [26, 30],
    impressions: 30,
    notCompleted: [0, 30],
    topReason: 'could-not-find',
    target: null,
    reportStatus: 'late',
    flags: ['silent'],
  }),
  parkeerkaart: expectedRow('parkeerkaart', 'Parkeerkaart', 'stad-gent', {
    satisfied: 12,
    responses: 30,
    previous: [27, 30],
    impressions: 60,
    notCompleted: null,
    topReason: null,
    target: null,
    reportStatus: 'late',
    flags: ['falling'],
  }),
};

/** Rows as the API answered them, against the expected: exact, intervals to 12 decimals. */
function expectRows(actual: OverviewRow[], expected: OverviewRow[]): void {
  expect(actual.map((row) => row.serviceId)).toEqual(expected.map((row) => row.serviceId));
  actual.forEach((row, i) => {
    const want = expected[i]!;
    // `alert` (null: none in the last 7 days) is the overview's, absent from a report's rows.
    const strip = (r: OverviewRow) => ({
      ...r,
      csatInterval: null,
      previousCsatInterval: null,
      alert: r.alert ?? null,
    });
    expect(strip(row), row.serviceId).toEqual(strip(want));
    for (const key of ['csatInterval', 'previousCsatInterval'] as const) {
      if (want[key] === null) expect(row[key], `${row.serviceId} ${key}`).toBeNull();
      else {
        expect(row[key]![0], `${row.serviceId} ${key}`).toBeCloseTo(want[key][0], 12);
        expect(row[key]![1], `${row.serviceId} ${key}`).toBeCloseTo(want[key][1], 12);
      }
    }
  });
}

const overviewPath = `/api/v1/overview?year=${OVERVIEW_YEAR}`;

describe('GET /api/v1/overview on a known dataset', () => {
  it('gives steering every active service, by organisation and service name, with its flags', async () => {
    const response = await world.get(overviewPath, world.tokens.steering);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = await json(response, OverviewSchema);
    expect({ ...body, rows: [] }).toEqual({
      year: 2026,
      from: '2026-01-01',
      to: '2026-12-31',
      minimum: 10,
      rows: [],
    });
    // The inactive service is not in the overview (it is in the annual report below).
    expectRows(body.rows, [
      ROWS.bouwaanvraag,
      ROWS.omgevingsloket,
      ROWS.kleineDienst,
      ROWS.afvalkalender,
      ROWS.parkeerkaart,
    ]);
  });

  it('gives a provider the rows of its own organisation only', async () => {
    const omgeving = await json(
      await world.get(overviewPath, world.tokens.omgeving),
      OverviewSchema,
    );
    expectRows(omgeving.rows, [ROWS.bouwaanvraag, ROWS.omgevingsloket]);
    const gent = await json(await world.get(overviewPath, world.tokens.gent), OverviewSchema);
    expectRows(gent.rows, [ROWS.afvalkalender, ROWS.parkeerkaart]);
    expect(JSON.stringify(gent)).not.toMatch(/omgeving|kleinstad/i);
  });

  it('decides the flags with the intervals, not the point estimates', async () => {
    const { rows } = await json(await world.get(overviewPath, world.tokens.steering));
    const byId = Object.fromEntries(rows.map((row: OverviewRow) => [row.serviceId, row]));
    // Under its target of 90 % (85 %), but the interval reaches it: not below-target.
    const loket = byId.omgevingsloket as OverviewRow;
    expect(loket.csat!).toBeLessThan(loket.target!);
    expect(loket.csatInterval![1]).toBeGreaterThan(loket.target!);
    expect(loket.flags).not.toContain('below-target');
    // The interval's upper bound under the target: below-target.
    const bouw = byId.bouwaanvraag as OverviewRow;
    expect(bouw.csatInterval![1]).toBeLessThan(bouw.target!);
    expect(bouw.flags).toContain('below-target');
    // Lower than last year, but the intervals overlap: not falling.
    const afval = byId.afvalkalender as OverviewRow;
    expect(afval.csat!).toBeLessThan(afval.previousCsat!);
    expect(afval.csatInterval![1]).toBeGreaterThan(afval.previousCsatInterval![0]);
    expect(afval.flags).not.toContain('falling');
    // Entirely under last year's interval: falling.
    const parkeer = byId.parkeerkaart as OverviewRow;
    expect(parkeer.csatInterval![1]).toBeLessThan(parkeer.previousCsatInterval![0]);
    expect(parkeer.flags).toContain('falling');
  });

  it("counts a contact centre's answers in responses and satisfaction, not in the response rate", async () => {
    const { rows } = await json(
      await world.get(overviewPath, world.tokens.steering),
      OverviewSchema,
    );
    const loket = rows.find((row) => row.serviceId === 'omgevingsloket')!;
    // 20 widget answers and 4 by phone through an ingest token: 24 answers, 20 of them satisfied.
    expect(loket.responses).toBe(24);
    expect(loket.csat).toBe(20 / 24);
    // The phone answers followed no impression: still the widget's 20 on 40 impressions.
    expect(loket.responseRate).toBe(20 / 40);
  });

  it('counts an impression on the first day of the 30-day window, not the day before', async () => {
    const { rows } = await json(await world.get(overviewPath, world.tokens.steering));
    const flagsOf = (id: string) => rows.find((r: OverviewRow) => r.serviceId === id).flags;
    // kleine-dienst: only on 2 April 2027; afvalkalender: only on 1 April 2027 (today 1 May).
    expect(flagsOf('kleine-dienst')).not.toContain('silent');
    expect(flagsOf('afvalkalender')).toContain('silent');
  });

  it('gives the same rows as CSV', async () => {
    const jsonBody = await json(
      await world.get(overviewPath, world.tokens.steering),
      OverviewSchema,
    );
    const response = await world.get(`${overviewPath}&format=csv`, world.tokens.steering);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="overzicht-diensten-2026-alle-organisaties.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder drops the byte order mark.
    const text = new TextDecoder().decode(bytes);
    const [header, ...lines] = parse(text, { delimiter: ';' }) as string[][];
    expect(header).toContain('signalen');
    expect(lines).toHaveLength(jsonBody.rows.length);
    const number = (cell: string) => (cell === '' ? null : Number(cell.replace(',', '.')));
    lines.forEach((cells, i) => {
      const row = jsonBody.rows[i]!;
      const cell = (name: string) => cells[header!.indexOf(name)]!;
      expect(cells.slice(0, 3)).toEqual(['2026', '2026-01-01', '2026-12-31']);
      expect(cell('dienst')).toBe(row.serviceId);
      expect(cell('dienst naam')).toBe(row.serviceName);
      expect(cell('organisatie naam')).toBe(row.organisationName);
      expect(cell('beleidsdomein')).toBe(row.policyDomain ?? '');
      expect(cell('soort')).toBe(row.kind ?? '');
      expect(number(cell('antwoorden'))).toBe(row.responses);
      for (const [name, value] of [
        ['tevredenheid', row.csat],
        ['tevredenheid ondergrens (95%)', row.csatInterval?.[0] ?? null],
        ['tevredenheid bovengrens (95%)', row.csatInterval?.[1] ?? null],
        ['vorig jaar: tevredenheid', row.previousCsat],
        ['responsgraad', row.responseRate],
        ['aandeel niet voltooid', row.shareNotCompleted],
        ['doel', row.target],
      ] as const) {
        if (value === null) expect(cell(name), name).toBe('');
        else expect(number(cell(name)), name).toBeCloseTo(value, 6);
      }
      expect(cell('meest aangeduide reden')).toBe(row.topReason ?? '');
      expect(cell('jaarrapport')).toBe(row.reportStatus);
      expect(cell('signalen')).toBe(row.flags.join(', '));
    });
  });

  it('answers 400 for a year that has not begun and for an unknown format', async () => {
    for (const path of ['/api/v1/overview?year=2028', '/api/v1/overview?format=xlsx']) {
      const response = await world.get(path, world.tokens.steering);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});

describe('the annual report of all organisations opens with the comparison', () => {
  it('carries every service of the report, inactive ones too, and a summary per policy domain', async () => {
    const response = await world.get(
      `/api/v1/reports/annual?year=${OVERVIEW_YEAR}`,
      world.tokens.steering,
    );
    const report = await json(response, AnnualReportSchema);
    expectRows(report.overview!, [
      ROWS.bouwaanvraag,
      ROWS.omgevingsloket,
      ROWS.kleineDienst,
      ROWS.oudeDienst,
      ROWS.afvalkalender,
      ROWS.parkeerkaart,
    ]);
    const domain = (
      policyDomain: string | null,
      services: number,
      satisfied: number,
      responses: number,
    ) => ({
      policyDomain,
      services,
      responses,
      csat: satisfied / responses,
      csatInterval: oracleWilson(satisfied, responses),
    });
    const expected = [
      domain('Binnenlands Bestuur', 2, 33, 60),
      domain('Omgeving', 2, 30, 44),
      domain(null, 2, 9, 16),
    ];
    expect(report.byPolicyDomain!.map((d) => ({ ...d, csatInterval: null }))).toEqual(
      expected.map((d) => ({ ...d, csatInterval: null })),
    );
    report.byPolicyDomain!.forEach((d, i) => {
      expect(d.csatInterval![0]).toBeCloseTo(expected[i]!.csatInterval![0], 12);
      expect(d.csatInterval![1]).toBeCloseTo(expected[i]!.csatInterval![1], 12);
    });
    // The policy domains add up to the report's total.
    expect(report.byPolicyDomain!.reduce((n, d) => n + d.responses, 0)).toBe(
      report.total.current.responses,
    );
  });

  it('gives the CSV the same: a row per policy domain, and each service its flags', async () => {
    const response = await world.get(
      `/api/v1/reports/annual?year=${OVERVIEW_YEAR}&format=csv`,
      world.tokens.steering,
    );
    expect(response.status).toBe(200);
    const [header, ...lines] = parse(await response.text(), { delimiter: ';' }) as string[][];
    const cell = (line: string[], name: string) => line[header!.indexOf(name)];
    const levels = lines.map((line) => cell(line, 'niveau'));
    const domains = lines.filter((line) => cell(line, 'niveau') === 'beleidsdomein');
    expect(domains.map((line) => [cell(line, 'beleidsdomein'), cell(line, 'antwoorden')])).toEqual([
      ['Binnenlands Bestuur', '60'],
      ['Omgeving', '44'],
      ['zonder beleidsdomein', '16'],
    ]);
    expect(Number(cell(domains[1]!, 'tevredenheid')!.replace(',', '.'))).toBeCloseTo(30 / 44, 6);
    // After the total, before the first organisation.
    expect(levels.indexOf('beleidsdomein')).toBeGreaterThan(levels.lastIndexOf('totaal'));
    expect(levels.lastIndexOf('beleidsdomein')).toBeLessThan(levels.indexOf('organisatie'));
    const yearRow = (serviceId: string) =>
      lines.find((line) => cell(line, 'dienst') === serviceId && cell(line, 'periode') === '2026')!;
    expect(
      ['beleidsdomein', 'soort', 'doel', 'signalen'].map((name) =>
        cell(yearRow('bouwaanvraag'), name),
      ),
    ).toEqual(['Omgeving', 'flemish', '0,8', 'below-target']);
    expect(cell(yearRow('oude-dienst'), 'signalen')).toBe('silent');
  });

  it("splits a service's year by step, language and channel", async () => {
    const report = await json(
      await world.get(`/api/v1/reports/annual?year=${OVERVIEW_YEAR}`, world.tokens.omgeving),
      AnnualReportSchema,
    );
    const loket = report.organisations[0]!.services.find((s) => s.serviceId === 'omgevingsloket')!;
    expect(loket.byChannel.map((c) => [c.channel, c.responses, c.csat])).toEqual([
      ['web', 20, 17 / 20],
      ['phone', 4, 3 / 4],
    ]);
    expect(loket.byLanguage.map((l) => [l.lang, l.responses, l.csat])).toEqual([
      ['nl', 19, 16 / 19],
      ['fr', 5, 4 / 5],
    ]);
    // In journey order, as first seen; the share not completed is of those with an outcome.
    expect(loket.byStep.map((s) => [s.step, s.responses, s.shareNotCompleted])).toEqual([
      ['aanvraag', 4, 0],
      ['betaling', 4, 4 / 4],
      ['bevestiging', 6, 0],
    ]);
  });

  it('has neither in the report of one organisation', async () => {
    const report = await json(
      await world.get(`/api/v1/reports/annual?year=${OVERVIEW_YEAR}`, world.tokens.gent),
      AnnualReportSchema,
    );
    expect(report.overview).toBeNull();
    expect(report.byPolicyDomain).toBeNull();
  });

  it('shows the comparison table and the policy domains first in the HTML', async () => {
    const response = await world.get(
      `/api/v1/reports/annual?year=${OVERVIEW_YEAR}&format=html`,
      world.tokens.steering,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    const comparison = html.indexOf('<h2 id="vergelijking">Alle diensten naast elkaar</h2>');
    const domains = html.indexOf('<h2 id="per-beleidsdomein">Per beleidsdomein</h2>');
    const summary = html.indexOf('<h2 id="samenvatting">');
    expect(comparison).toBeGreaterThan(0);
    expect(domains).toBeGreaterThan(comparison);
    expect(summary).toBeGreaterThan(domains);
    const table = html.slice(comparison, domains);
    // One row per service, in the order of the JSON, each with its organisation and flags.
    const rows = [...table.matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(rows).toEqual([
      'Bouwaanvraag',
      'Omgevingsloket',
      'Kleine dienst',
      'Oude dienst',
      'Afvalkalender',
      'Parkeerkaart',
    ]);
    expect(table).toContain('onder het doel');
    expect(table).toContain('weinig antwoorden');
    expect(table).toContain('<td>dalend</td>');
    expect(table).toContain('geen vertoningen in 30 dagen');
    expect(table).toMatch(
      /<td class="number">50,0\u00a0% <span class="note">\(29,9–70,1\u00a0%\)<\/span><\/td>/,
    );
    expect(table).toContain('<td class="number">80,0\u00a0%</td>');
    // Kleine dienst's 3 of 4: the note beside the figure as well as among the flags.
    expect(table).toMatch(
      /<td class="number">75,0\u00a0% <span class="few">weinig antwoorden<\/span> <span class="note">/,
    );
    expect(table.match(/<span class="few">/g)).toHaveLength(1);
    const domainTable = html.slice(domains, summary);
    expect(domainTable).toContain('<th scope="row">Zonder beleidsdomein</th>');
    // The print layout forces no page break per organisation or service.
    expect(html).not.toMatch(/break-before:\s*page/);
    expect(html).toMatch(/thead \{ display: table-header-group; \}/);
    const toc = html.slice(html.indexOf('<nav class="toc"'), html.indexOf('</nav>'));
    expect(toc.indexOf('#vergelijking')).toBeLessThan(toc.indexOf('#samenvatting'));
  });
});
