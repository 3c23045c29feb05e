import { describe, expect, it } from 'vitest';
import type { RatingCounts } from '@vo-feedback/shared';
import { buildAnnualReport, type ServiceInput } from '../domain/annual-report.ts';
import { oracleWilson } from '../test-support/oracle.ts';
import { formatInterval } from './html.ts';
import { annualReportHtml } from './report-html.ts';
import { transparencyHtml } from './transparency-html.ts';

const HOSTILE = '<img src=x onerror=alert(1)>"\'&';

function report() {
  const rollup = (day: string, rating: '1' | '5') => ({
    month: day.slice(0, 7),
    outcome: '',
    ratings: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, [rating]: 3 },
    comments: 1,
    widgetResponses: 3,
  });
  return buildAnnualReport({
    year: 2026,
    period: { from: '2026-01-01', to: '2026-03-31' },
    previousPeriod: { from: '2025-01-01', to: '2025-03-31' },
    generatedAt: Date.UTC(2026, 2, 31, 22, 30),
    organisationId: 'org-x',
    minimum: 10,
    themeMinimum: 3,
    themeSample: 1000,
    organisations: [{ id: 'org-x', name: `Gemeente ${HOSTILE}` }],
    services: [
      {
        serviceId: 'loket-x',
        name: `Loket ${HOSTILE}`,
        organisationId: 'org-x',
        active: true,
        current: {
          rollups: [rollup('2026-01-05', '5'), rollup('2026-03-05', '1')],
          impressions: [],
        },
        previous: { rollups: [], impressions: [] },
        // A step is the host page's text: as hostile as any name.
        steps: [
          {
            step: HOSTILE,
            ratings: { '1': 3, '2': 0, '3': 0, '4': 0, '5': 3 },
            withOutcome: 2,
            notCompleted: 1,
          },
        ],
        themes: {
          comments: 2,
          words: [{ term: HOSTILE, count: 3, lowShare: 0, change: null, forms: [HOSTILE] }],
          pairs: [],
        },
      },
    ],
  });
}

describe('the HTML documents', () => {
  it('escape every name and term', () => {
    const html = annualReportHtml(report());
    expect(html).not.toContain('<img');
    expect(html).toContain('Loket &lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
    expect(html).toContain(
      '<th scope="row">&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;</th>',
    );
    const page = transparencyHtml({
      stats: {
        year: 2026,
        from: '2026-01-01',
        to: '2026-03-31',
        minimum: 10,
        services: [
          {
            serviceId: 'loket-x',
            year: 2026,
            suppressed: true,
            minimum: 10,
            name: HOSTILE,
            organisationId: 'org-x',
            organisationName: HOSTILE,
            improvements: [{ title: HOSTILE, description: HOSTILE, doneOn: '2026-03-01' }],
          },
        ],
      },
      years: [2026],
    });
    expect(page).not.toContain('<img');
  });

  it('date the report in Brussels time and leave a gap in the monthly line where a month is empty', () => {
    const html = annualReportHtml(report());
    // 22:30 UTC on 31 March is 00:30 on 1 April in Brussels.
    expect(html).toMatch(/<dt>Opgemaakt op<\/dt>\s*<dd>1 april 2026<\/dd>/);
    // January and March have responses, February none: two single-month intervals, no line.
    expect(html).not.toContain('<polyline');
    expect(html.match(/width="12"/g)).toHaveLength(4);
  });
});

/**
 * A service whose answers of 2026 all came in February, on the website, in Dutch, at the step
 * "aanvraag", completed; with the same count in 2025.
 */
function serviceWith(serviceId: string, ratings: RatingCounts): ServiceInput {
  const responses = Object.values(ratings).reduce((n, count) => n + count, 0);
  const rollup = (month: string) => ({
    month,
    outcome: 'completed',
    ratings,
    comments: 0,
    widgetResponses: responses,
  });
  return {
    serviceId,
    name: `Dienst ${serviceId}`,
    organisationId: 'org-x',
    active: true,
    current: { rollups: [rollup('2026-02')], impressions: [] },
    previous: { rollups: [rollup('2025-02')], impressions: [] },
    channels: [{ channel: 'web', ratings }],
    languages: [{ lang: 'nl', ratings }],
    steps: [{ step: 'aanvraag', ratings, withOutcome: responses, notCompleted: 0 }],
    themes: { comments: 0, words: [], pairs: [] },
  };
}

const NO_RATINGS = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };

/** The report of one organisation with a service of 12 answers and one of 2; minimum 10. */
function reportOfFewAndMany() {
  return buildAnnualReport({
    year: 2026,
    period: { from: '2026-01-01', to: '2026-03-31' },
    previousPeriod: { from: '2025-01-01', to: '2025-03-31' },
    generatedAt: Date.UTC(2026, 2, 31, 12),
    organisationId: 'org-x',
    minimum: 10,
    themeMinimum: 3,
    themeSample: 1000,
    organisations: [{ id: 'org-x', name: 'Gemeente X' }],
    services: [
      serviceWith('veel', { ...NO_RATINGS, '3': 2, '4': 1, '5': 9 }),
      serviceWith('weinig', { ...NO_RATINGS, '5': 2 }),
    ],
  });
}

/** The text of each cell of a table's row (named by its row header), tags gone, spaces collapsed. */
function cellsOf(html: string, captionId: string, rowName: string): string[] {
  const start = html.indexOf(`<caption id="${captionId}">`);
  expect(start, captionId).toBeGreaterThan(0);
  const table = html.slice(start, html.indexOf('</table>', start));
  const row = table
    .split('<tr>')
    .find((tr) => tr.replace(/\s+/g, ' ').includes(`<th scope="row">${rowName}</th>`));
  expect(row, `${captionId}: ${rowName}`).toBeDefined();
  return [...row!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, '')
      // Not \s: that would take the no-break space of "83,3 %" too.
      .replace(/[ \t\r\n]+/g, ' ')
      .trim(),
  );
}

describe('a share counted on few answers', () => {
  const html = annualReportHtml(reportOfFewAndMany());
  const NBSP = '\u00a0';
  const SATISFACTION = 'Tevredenheid (aandeel tevreden en zeer tevreden)';

  it('says "weinig antwoorden" beside it, with the interval, in the key figures and every table', () => {
    const few = `100,0${NBSP}% weinig antwoorden`;
    const interval = formatInterval(oracleWilson(2, 2)!);
    expect(interval).toBe(`34,2–100,0${NBSP}%`);
    // 2 answers this year and 2 the year before: both satisfactions; a change in points is no share.
    expect(cellsOf(html, 'dienst-weinig-kerncijfers', SATISFACTION)).toEqual([
      few,
      few,
      `0,0${NBSP}procentpunt`,
    ]);
    expect(cellsOf(html, 'dienst-weinig-uitkomsten', 'Afgerond')).toEqual(['2', few, interval]);
    expect(cellsOf(html, 'dienst-weinig-talen', 'Nederlands')).toEqual(['2', few, interval]);
    expect(cellsOf(html, 'dienst-weinig-kanalen', 'Website')).toEqual(['2', few, interval]);
    // The share not completed is of the 2 answers whose outcome is known.
    expect(cellsOf(html, 'dienst-weinig-stappen', 'aanvraag')).toEqual([
      '2',
      few,
      interval,
      `0,0${NBSP}% weinig antwoorden`,
    ]);
    // The distribution's shares and the month's satisfaction are counted on the same 2.
    expect(cellsOf(html, 'dienst-weinig-dist-table', 'Totaal')).toEqual([
      '2',
      'weinig antwoorden',
      '2',
      'weinig antwoorden',
    ]);
    expect(cellsOf(html, 'dienst-weinig-month-table', 'februari')[1]).toBe(few);
    // The note is a word in its own element, and the report says what it means.
    expect(html).toContain('<span class="few">weinig antwoorden</span>');
    expect(html).toMatch(/minder\s+dan\s+10\s+antwoorden/);
  });

  it('says nothing of the kind at the minimum or above, and still gives the interval', () => {
    const satisfied = `83,3${NBSP}%`;
    const interval = formatInterval(oracleWilson(10, 12)!);
    expect(cellsOf(html, 'dienst-veel-kerncijfers', SATISFACTION).slice(0, 2)).toEqual([
      satisfied,
      satisfied,
    ]);
    expect(cellsOf(html, 'dienst-veel-uitkomsten', 'Afgerond')).toEqual([
      '12',
      satisfied,
      interval,
    ]);
    expect(cellsOf(html, 'dienst-veel-talen', 'Nederlands')).toEqual(['12', satisfied, interval]);
    expect(cellsOf(html, 'dienst-veel-kanalen', 'Website')).toEqual(['12', satisfied, interval]);
    expect(cellsOf(html, 'dienst-veel-stappen', 'aanvraag')).toEqual([
      '12',
      satisfied,
      interval,
      `0,0${NBSP}%`,
    ]);
    const section = html.slice(
      html.indexOf('id="dienst-veel"'),
      html.indexOf('id="dienst-weinig"'),
    );
    expect(section).not.toContain('weinig antwoorden');
    // The organisation's 14 answers together are enough.
    const summary = html.slice(html.indexOf('id="samenvatting"'), html.indexOf('id="dienst-veel"'));
    expect(summary).not.toContain('weinig antwoorden');
  });
});
