import { describe, expect, it } from 'vitest';
import { json, submission, testCollector } from '../test-support/fixtures.ts';
import { REPORT_THEME_SAMPLE } from './reports.ts';
import { THEME_CACHE_MS } from './theme-cache.ts';

async function reportThemes(collector: Awaited<ReturnType<typeof testCollector>>) {
  const report = await json(
    await collector.get('/api/v1/reports/annual?year=2026', collector.tokenA),
  );
  const service = report.organisations[0].services.find(
    (s: { serviceId: string }) => s.serviceId === 'dienst-a',
  );
  return service.themes.words.map((w: { term: string }) => w.term) as string[];
}

describe('the annual report’s themes', () => {
  it('hold a comment from the next report on: they come from the kept counts and what waits for them', async () => {
    const collector = await testCollector({ now: () => Date.parse('2026-06-15T10:00:00Z') });
    for (let i = 0; i < 4; i += 1) {
      await collector.post(submission({ comment: 'De betaling was onduidelijk.' }));
    }
    expect(await reportThemes(collector)).toContain('betaling');
    for (let i = 0; i < 8; i += 1) {
      await collector.post(submission({ comment: 'Het wachtwoord werd niet aanvaard.' }));
    }
    expect(await reportThemes(collector)).toContain('wachtwoord');
  });

  it('counted from comments while too many wait for the indexer are reused for ten minutes', async () => {
    let now = Date.parse('2026-06-15T10:00:00Z');
    const collector = await testCollector({ now: () => now });
    const at = Date.parse('2026-03-01T10:00:00Z');
    for (let i = 0; i <= REPORT_THEME_SAMPLE; i += 1) {
      await collector.store.ingest({
        id: crypto.randomUUID(),
        serviceId: 'dienst-a',
        rating: 2,
        comment: 'De betaling was onduidelijk.',
        lang: 'nl',
        redactions: 0,
        receivedAt: at + i * 1000,
      });
    }
    expect(await reportThemes(collector)).toContain('betaling');
    for (let i = 0; i < 8; i += 1) {
      await collector.post(submission({ comment: 'Het wachtwoord werd niet aanvaard.' }));
    }
    // Within ten minutes the report reuses what it counted.
    now += THEME_CACHE_MS - 1000;
    expect(await reportThemes(collector)).not.toContain('wachtwoord');
    now += 2000;
    expect(await reportThemes(collector)).toContain('wachtwoord');
  });
});
