import { describe, expect, it } from 'vitest';
import { buildAnnualReport } from '../domain/annual-report.ts';
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
