import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { json, submission, testCollector } from '../../test-support/fixtures.ts';

// Public transparency: no token, aggregates only, small services suppressed with no figure.

async function publicFixture(minPublicN?: number) {
  const clock = { now: Date.UTC(2026, 5, 1, 9) };
  const collector = await testCollector({
    now: () => clock.now,
    ...(minPublicN === undefined ? {} : { minPublicN }),
  });
  for (let i = 0; i < 12; i += 1) {
    clock.now += 3_600_000;
    const comment = i === 0 ? 'Vertrouwelijk: mijn buurman zeurt' : undefined;
    await collector.post(submission({ rating: i < 9 ? 5 : 2, comment }));
  }
  for (let i = 0; i < 9; i += 1)
    await collector.post(submission({ serviceId: 'dienst-b', rating: 4 }));
  return { ...collector, clock };
}

describe('GET /api/v1/public/stats', () => {
  it('needs no token and gives aggregates per active service, suppressing the small ones', async () => {
    const { app } = await publicFixture();
    const response = await app.request('/api/v1/public/stats?year=2026');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const text = await response.text();
    expect(text).not.toContain('Vertrouwelijk');
    const stats = JSON.parse(text);
    expect(stats).toMatchObject({ year: 2026, from: '2026-01-01', to: '2026-06-01', minimum: 10 });
    expect(stats.services[0]).toMatchObject({
      serviceId: 'dienst-a',
      suppressed: false,
      responses: 12,
      ratings: { '1': 0, '2': 3, '3': 0, '4': 0, '5': 9 },
      mean: 4.25,
      csat: 0.75,
      name: 'Dienst A',
      organisationName: 'Organisatie A',
    });
    expect(stats.services[0]).not.toHaveProperty('comments');
    // Nine responses: below MIN_PUBLIC_N (10), so not a single figure.
    expect(stats.services[1]).toEqual({
      serviceId: 'dienst-b',
      year: 2026,
      suppressed: true,
      minimum: 10,
      name: 'Dienst B',
      organisationId: 'org-b',
      organisationName: 'Organisatie B',
      improvements: [],
    });
  });

  it('follows MIN_PUBLIC_N', async () => {
    const { app } = await publicFixture(13);
    const stats = await json(await app.request('/api/v1/public/stats?year=2026'));
    expect(stats.minimum).toBe(13);
    expect(stats.services.map((s: { suppressed: boolean }) => s.suppressed)).toEqual([true, true]);
  });

  it('revalidates with an ETag and caches a closed year longer', async () => {
    const { app } = await publicFixture();
    const first = await app.request('/api/v1/public/stats?year=2026');
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await app.request('/api/v1/public/stats?year=2026', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const closed = await app.request('/api/v1/public/stats?year=2025');
    expect(closed.headers.get('cache-control')).toBe(
      'public, max-age=86400, stale-while-revalidate=604800',
    );
  });

  it('leaves inactive services out', async () => {
    const { app, store } = await publicFixture();
    await store.updateService('dienst-b', { active: false });
    const stats = await json(await app.request('/api/v1/public/stats?year=2026'));
    expect(stats.services.map((s: { serviceId: string }) => s.serviceId)).toEqual(['dienst-a']);
    expect((await app.request('/api/v1/public/services/dienst-b/stats')).status).toBe(404);
  });

  it('is open data as CSV, at stats.csv and with format=csv', async () => {
    const { app } = await publicFixture();
    for (const path of [
      '/api/v1/public/stats.csv?year=2026',
      '/api/v1/public/stats?year=2026&format=csv',
    ]) {
      const response = await app.request(path);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="vo-feedback-open-data-2026.csv"',
      );
      const rows: Record<string, string>[] = parse(Buffer.from(await response.arrayBuffer()), {
        bom: true,
        delimiter: ';',
        columns: true,
      });
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({
        dienst: 'dienst-a',
        onderdrukt: 'nee',
        antwoorden: '12',
        'gemiddelde score': '4,25',
        tevredenheid: '0,75',
      });
      expect(rows[1]).toMatchObject({ dienst: 'dienst-b', onderdrukt: 'ja', antwoorden: '' });
    }
  });

  it('answers 400 for a year that has not begun or is not a year', async () => {
    const { app } = await publicFixture();
    expect((await app.request('/api/v1/public/stats?year=2027')).status).toBe(400);
    expect((await app.request('/api/v1/public/stats?year=twee')).status).toBe(400);
  });

  it('answers 400 invalid-period for a year before 2000 or after 2100, on every public route', async () => {
    const { app } = await publicFixture();
    for (const route of [
      '/api/v1/public/stats',
      '/api/v1/public/stats.csv',
      '/api/v1/public/services/dienst-a/stats',
    ]) {
      for (const year of ['1999', '2101', '9999']) {
        const response = await app.request(`${route}?year=${year}`);
        expect(response.status, `${route}?year=${year}`).toBe(400);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(await json(response)).toMatchObject({
          type: '/problems/invalid-period',
          errors: [{ path: 'year', message: 'Give a year from 2000 to 2100.' }],
        });
      }
      expect((await app.request(`${route}?year=2000`)).status, route).toBe(200);
    }
  });
});

describe('GET /api/v1/public/services/:serviceId/stats', () => {
  it('gives one service its figures, or only that they are suppressed', async () => {
    const { app } = await publicFixture();
    const shown = await json(await app.request('/api/v1/public/services/dienst-a/stats?year=2026'));
    expect(shown).toMatchObject({
      serviceId: 'dienst-a',
      year: 2026,
      suppressed: false,
      responses: 12,
    });
    expect(shown.csatInterval).toHaveLength(2);
    const suppressed = await json(await app.request('/api/v1/public/services/dienst-b/stats'));
    expect(suppressed).toEqual({
      serviceId: 'dienst-b',
      year: 2026,
      suppressed: true,
      minimum: 10,
      improvements: [],
    });
    const csv = await app.request('/api/v1/public/services/dienst-a/stats?format=csv');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="vo-feedback-open-data-dienst-a-2026.csv"',
    );
    expect((await app.request('/api/v1/public/services/bestaat-niet/stats')).status).toBe(404);
  });
});

describe('GET /transparantie', () => {
  it('lists every active service in Dutch, suppressed ones as such, with links to the open data', async () => {
    const { app } = await publicFixture();
    const response = await app.request('/transparantie');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    const html = await response.text();
    expect(html).toMatch(/<html lang="nl">/);
    expect(html).toMatch(
      /<caption id="diensten">\s*Tevredenheid per digitale dienst in 2026\s*<\/caption>/,
    );
    expect(html).toMatch(
      /<th scope="row">Dienst A<\/th>\s*<td>Organisatie A<\/td>\s*<td class="number">75,0\u00a0%<\/td>/,
    );
    expect(html).toContain('Minder dan 10 antwoorden: niet gepubliceerd');
    expect(html).toContain('href="/api/v1/public/stats?year=2026"');
    expect(html).toContain('href="/api/v1/public/stats.csv?year=2026"');
    expect(html).not.toContain('Vertrouwelijk');
    expect(html).not.toMatch(/<script|\sstyle=/i);
    const earlier = await (await app.request('/transparantie?jaar=2025')).text();
    expect(earlier).toContain('Resultaten 2025');
  });

  it('answers a year it cannot show with a Dutch page that says what to choose instead', async () => {
    const { app } = await publicFixture();
    for (const [jaar, advice] of [
      ['1999', 'Kies een jaar van 2000 tot en met 2100.'],
      ['2101', 'Kies een jaar van 2000 tot en met 2100.'],
      ['9999', 'Kies een jaar van 2000 tot en met 2100.'],
      ['2027', 'Dat jaar is nog niet begonnen.'],
      ['twee', 'Geef het jaar in vier cijfers, bijvoorbeeld 2026.'],
    ] as const) {
      const response = await app.request(`/transparantie?jaar=${jaar}`);
      expect(response.status, jaar).toBe(400);
      expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
      const html = await response.text();
      expect(html).toMatch(/<html lang="nl">/);
      expect(html).toContain('<h1>Dit jaar kunnen we niet tonen</h1>');
      expect(html).toContain(advice);
      expect(html).toContain('href="/transparantie?jaar=2026"');
    }
    expect((await app.request('/transparantie?jaar=2000')).status).toBe(200);
  });
});
