import { describe, expect, it } from 'vitest';
import { json, submission, testCollector } from '../test-support/fixtures.ts';
import { THEME_CACHE_MS } from './theme-cache.ts';

describe('the annual report’s themes', () => {
  it('are counted once and reused for ten minutes, then counted again', async () => {
    let now = Date.parse('2026-06-15T10:00:00Z');
    const collector = await testCollector({ now: () => now });
    const themes = async () => {
      const report = await json(
        await collector.get('/api/v1/reports/annual?year=2026', collector.tokenA),
      );
      const service = report.organisations[0].services.find(
        (s: { serviceId: string }) => s.serviceId === 'dienst-a',
      );
      return service.themes.words.map((w: { term: string }) => w.term) as string[];
    };
    for (let i = 0; i < 4; i += 1) {
      await collector.post(submission({ comment: 'De betaling was onduidelijk.' }));
    }
    expect(await themes()).toContain('betaling');

    for (let i = 0; i < 8; i += 1) {
      await collector.post(submission({ comment: 'Het wachtwoord werd niet aanvaard.' }));
    }
    // Within ten minutes the report reuses what it counted.
    now += THEME_CACHE_MS - 1000;
    expect(await themes()).not.toContain('wachtwoord');
    now += 2000;
    expect(await themes()).toContain('wachtwoord');
  });
});
