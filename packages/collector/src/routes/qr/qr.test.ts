import { describe, expect, it } from 'vitest';
import { testCollector } from '../../test-support/fixtures.ts';

// The QR code of a service's hosted page, and its A4 poster: for the service's provider only.

describe('GET /api/v1/services/:serviceId/qr.svg and /poster', () => {
  it('an SVG QR code for the provider of the service; others 401, 403 or 404', async () => {
    const { get, tokenA, tokenB, steering } = await testCollector();
    const response = await get('/api/v1/services/dienst-a/qr.svg?channel=counter', tokenA);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = await response.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('<path');
    expect((await get('/api/v1/services/dienst-a/qr.svg')).status).toBe(401);
    expect((await get('/api/v1/services/dienst-a/qr.svg', tokenB)).status).toBe(403);
    expect((await get('/api/v1/services/dienst-a/qr.svg', steering)).status).toBe(403);
    expect((await get('/api/v1/services/geen-dienst/qr.svg', tokenA)).status).toBe(404);
    const invalid = await get('/api/v1/services/dienst-a/qr.svg?channel=fax', tokenA);
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('codes a different address per channel; PUBLIC_URL sets the base', async () => {
    const own = await testCollector();
    const configured = await testCollector({ publicUrl: 'https://feedback.example.be' });
    const svgOf = async (c: typeof own, channel: string) =>
      (await c.get(`/api/v1/services/dienst-a/qr.svg?channel=${channel}`, c.tokenA)).text();
    expect(await svgOf(own, 'counter')).not.toBe(await svgOf(own, 'letter'));
    expect(await svgOf(own, 'counter')).not.toBe(await svgOf(configured, 'counter'));
  });

  it('a printable poster with the question, the service, the code and its address', async () => {
    const { get, tokenA, steering } = await testCollector({
      publicUrl: 'https://feedback.example.be',
    });
    const response = await get('/api/v1/services/dienst-a/poster?channel=counter', tokenA);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain('<h1>Hoe tevreden bent u over onze dienstverlening?</h1>');
    expect(page).toContain('Dienst A');
    expect(page).toContain('<svg');
    expect(page).toContain('https://feedback.example.be/f/dienst-a?channel=counter');
    expect(page).not.toMatch(/<script|\sstyle=/i);
    expect((await get('/api/v1/services/dienst-a/poster', steering)).status).toBe(403);
  });
});
