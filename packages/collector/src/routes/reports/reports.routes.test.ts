import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_STYLE_HASH } from '../../views/html.ts';
import { REPORT_THEME_SAMPLE } from '../../use-cases/reports.ts';
import { countAllThemes } from '../../use-cases/theme-indexer.ts';
import { json, submission, testCollector } from '../../test-support/fixtures.ts';

// Who gets which annual report, and what the HTML document is made of. The figures themselves are
// checked against known answers in known-answers.test.ts.

async function withFeedback() {
  const clock = { now: Date.UTC(2026, 4, 10, 9) };
  const collector = await testCollector({ now: () => clock.now });
  for (const [i, rating] of [5, 4, 4, 2, 5, 1].entries()) {
    clock.now += 86_400_000 * 9;
    const comment = i % 2 ? 'Geheime opmerking over de wachttijd' : undefined;
    expect((await collector.post(submission({ rating, comment }))).status).toBe(201);
  }
  await collector.post(submission({ serviceId: 'dienst-b', rating: 3 }));
  return collector;
}

describe('GET /api/v1/reports/annual', () => {
  it("gives a provider its own organisation's report, and 403 for another organisation", async () => {
    const { get, tokenA } = await withFeedback();
    const own = await json(await get('/api/v1/reports/annual?year=2026', tokenA));
    expect(own.organisationId).toBe('org-a');
    expect(own.organisations).toHaveLength(1);
    expect(own.total.current.responses).toBe(6);
    const named = await get('/api/v1/reports/annual?year=2026&organisation=org-a', tokenA);
    expect(named.status).toBe(200);
    const other = await get('/api/v1/reports/annual?year=2026&organisation=org-b', tokenA);
    expect(other.status).toBe(403);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
  });

  it('gives the steering committee all organisations or one, aggregates only', async () => {
    const { get, steering } = await withFeedback();
    const all = await get('/api/v1/reports/annual?year=2026', steering);
    const text = await all.text();
    const report = JSON.parse(text);
    expect(report.organisationId).toBeNull();
    expect(report.total.current.responses).toBe(7);
    expect(report.organisations.map((o: { organisationId: string }) => o.organisationId)).toEqual([
      'org-a',
      'org-b',
    ]);
    // No comment text anywhere: themes are terms and counts.
    expect(text).not.toMatch(/Geheime opmerking/);
    const one = await json(
      await get('/api/v1/reports/annual?year=2026&organisation=org-b', steering),
    );
    expect(one.total.current.responses).toBe(1);
    expect((await get('/api/v1/reports/annual?organisation=org-z', steering)).status).toBe(404);
  });

  it('answers 401 without a token and 400 for a year that has not begun or a bad format', async () => {
    const { get, tokenA } = await withFeedback();
    expect((await get('/api/v1/reports/annual')).status).toBe(401);
    expect((await get('/api/v1/reports/annual?year=2027', tokenA)).status).toBe(400);
    expect((await get('/api/v1/reports/annual?year=26', tokenA)).status).toBe(400);
    expect((await get('/api/v1/reports/annual?format=pdf', tokenA)).status).toBe(400);
  });

  it('answers 400 invalid-period for a year before 2000 or after 2100, and serves 2000', async () => {
    const { get, tokenA, steering } = await withFeedback();
    for (const year of ['1999', '2101', '9999']) {
      const response = await get(`/api/v1/reports/annual?year=${year}`, tokenA);
      expect(response.status, year).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await json(response)).toMatchObject({
        type: '/problems/invalid-period',
        errors: [{ path: 'year', message: 'Give a year from 2000 to 2100.' }],
      });
    }
    const first = await get('/api/v1/reports/annual?year=2000', steering);
    expect(first.status).toBe(200);
    expect((await json(first)).period).toEqual({ from: '2000-01-01', to: '2000-12-31' });
  });

  it('defaults to this Brussels year', async () => {
    const { get, tokenA } = await withFeedback();
    const report = await json(await get('/api/v1/reports/annual', tokenA));
    expect(report.year).toBe(2026);
    expect(report.period.from).toBe('2026-01-01');
  });

  it('as HTML is a Dutch document with headings, charts with their tables, and no script', async () => {
    const { get, tokenA } = await withFeedback();
    const response = await get('/api/v1/reports/annual?year=2026&format=html', tokenA);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'inline; filename="jaarrapport-feedback-2026-org-a.html"',
    );
    // The one inline stylesheet is allowed by its hash; nothing else inline is.
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain(`style-src 'self' ${DOCUMENT_STYLE_HASH}`);
    expect(csp).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(html).toContain('<h1>Jaarrapport feedback 2026</h1>');
    expect(html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(`'sha256-${createHash('sha256').update(style).digest('base64')}'`).toBe(
      DOCUMENT_STYLE_HASH,
    );
    // Two charts per block (organisation summary and the one service), each an image with a
    // title and a description, each followed by its table.
    expect(html.match(/<svg\s[^>]*role="img"/g)).toHaveLength(4);
    expect(html.match(/<title id=/g)).toHaveLength(4);
    expect(html.match(/<desc id=/g)).toHaveLength(4);
    expect(html).toContain('Verdeling van de antwoorden: de cijfers');
    expect(html).toContain('Tevredenheid per maand in 2026: de cijfers');
    expect(html).toContain('@media print');
    expect(html).not.toContain('Geheime opmerking');
  });

  it('as CSV is an attachment for Belgian Excel', async () => {
    const { get, steering } = await withFeedback();
    const response = await get('/api/v1/reports/annual?year=2026&format=csv', steering);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="jaarrapport-feedback-2026-alle-organisaties.csv"',
    );
    const text = await response.text();
    // The total of all organisations comes first, then each organisation and its services.
    const levels = text
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(';')[0]);
    // The year so far ends in July: a year row and seven month rows for each.
    expect(levels.filter((l) => l === 'totaal')).toHaveLength(8);
    expect(levels.filter((l) => l === 'organisatie')).toHaveLength(16);
    expect(levels.filter((l) => l === 'dienst')).toHaveLength(16);
  });
});

describe('themes in the annual report', () => {
  it('read the newest comments of the year up to the sample size, and say so', async () => {
    const { store, get, tokenA } = await testCollector({ now: () => Date.UTC(2026, 6, 1, 12) });
    const start = Date.UTC(2026, 0, 2, 8);
    for (let i = 0; i < REPORT_THEME_SAMPLE + 50; i += 1) {
      await store.ingest({
        id: crypto.randomUUID(),
        serviceId: 'dienst-a',
        rating: 3,
        // The 50 oldest mention "papierwerk"; the newest do not.
        comment: i < 50 ? 'Veel papierwerk nodig' : 'Wachttijd aan de balie',
        lang: 'nl',
        redactions: 0,
        receivedAt: start + i * 60_000,
      });
    }
    const report = await json(await get('/api/v1/reports/annual?year=2026', tokenA));
    const service = report.organisations[0].services[0];
    expect(service.current.comments).toBe(REPORT_THEME_SAMPLE + 50);
    expect(service.themes.comments).toBe(REPORT_THEME_SAMPLE);
    // No comment in 2025 to compare with: change is unknown, not zero.
    expect(service.themes.words).toContainEqual({
      term: 'wachttijd',
      count: REPORT_THEME_SAMPLE,
      lowShare: 0,
      change: null,
      forms: ['wachttijd'],
    });
    expect(service.themes.words.map((t: { term: string }) => t.term)).not.toContain('papierwerk');
    const html = await (await get('/api/v1/reports/annual?year=2026&format=html', tokenA)).text();
    expect(html).toContain('Geteld in de 1.000 recentste van de 1.050 opmerkingen van 2026.');
  });

  it('count every comment of the year once the indexer has counted them', async () => {
    const { store, get, tokenA } = await testCollector({ now: () => Date.UTC(2026, 6, 1, 12) });
    const start = Date.UTC(2026, 0, 2, 8);
    for (let i = 0; i < REPORT_THEME_SAMPLE + 50; i += 1) {
      await store.ingest({
        id: crypto.randomUUID(),
        serviceId: 'dienst-a',
        rating: i < 50 ? 1 : 3,
        comment: i < 50 ? 'Veel papierwerk nodig' : 'Wachttijd aan de balie',
        lang: 'nl',
        redactions: 0,
        receivedAt: start + i * 60_000,
      });
    }
    // A year ago, in the months the report compares with: "papierwerk" twice.
    for (let i = 0; i < 2; i += 1) {
      await store.ingest({
        id: crypto.randomUUID(),
        serviceId: 'dienst-a',
        rating: 2,
        comment: 'Papierwerk!',
        lang: 'nl',
        redactions: 0,
        receivedAt: Date.UTC(2025, 3, 1, 8) + i,
      });
    }
    expect(await countAllThemes(store)).toBe(REPORT_THEME_SAMPLE + 52);
    const report = await json(await get('/api/v1/reports/annual?year=2026', tokenA));
    const service = report.organisations[0].services[0];
    expect(service.themes.comments).toBe(REPORT_THEME_SAMPLE + 50);
    expect(service.themes.words).toContainEqual({
      term: 'papierwerk',
      count: 50,
      lowShare: 1,
      change: 48,
      forms: ['papierwerk'],
    });
    const html = await (await get('/api/v1/reports/annual?year=2026&format=html', tokenA)).text();
    expect(html).toContain('Geteld in alle 1.050 opmerkingen van 2026.');
  });
});
