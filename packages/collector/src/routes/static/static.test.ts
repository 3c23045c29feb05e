import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { testCollector } from '../../test-support/fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'vo-feedback-static-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const widget = join(root, 'widget');
const dashboard = join(root, 'dashboard');
const demo = join(root, 'demo');
mkdirSync(widget);
mkdirSync(join(dashboard, 'assets'), { recursive: true });
mkdirSync(demo);
// Text that compresses, as a real bundle does.
const bundle = `import("./vo-feedback-fr-Ab12_-x.js");\n${'customElements.define("x", class {});\n'.repeat(50)}`;
// The widget's build: the bundle, and a language chunk that the bundle imports from beside itself.
writeFileSync(join(widget, 'vo-feedback.js'), bundle);
writeFileSync(join(widget, 'vo-feedback-fr-Ab12_-x.js'), 'export const fr = {};\n');
writeFileSync(join(dashboard, 'index.html'), `<!doctype html>${'<p>Dashboard</p>'.repeat(40)}`);
writeFileSync(
  join(dashboard, 'assets/index-DTcaOQzT.js'),
  'console.log("dashboard");\n'.repeat(40),
);
writeFileSync(join(demo, 'index.html'), `<!doctype html>${'<p>E-loket</p>'.repeat(40)}`);
// The build's last step, as `npm run build` runs it.
const precompress = fileURLToPath(
  new URL('../../../../../scripts/precompress.mjs', import.meta.url),
);
const built = spawnSync(process.execPath, [precompress, widget, dashboard, demo], {
  encoding: 'utf8',
});
if (built.status !== 0) throw new Error(`precompress failed: ${built.stderr}`);

const collector = () => testCollector({ staticDirs: { widget, dashboard, demo } });
const get = async (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  (await collector()).app.request(path, { method, headers });
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('GET /widget/*', () => {
  it('serves the bundle and its language chunks to any site, as JavaScript', async () => {
    const { app } = await testCollector({ staticDirs: { widget } });
    for (const file of ['vo-feedback.js', 'vo-feedback-fr-Ab12_-x.js']) {
      const response = await app.request(`/widget/${file}`, {
        headers: { origin: 'https://www.gemeente.be' },
      });
      expect(response.status, file).toBe(200);
      // A module script and its dynamic imports are fetched in CORS mode from the host page.
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    }
    expect((await app.request('/widget/vo-feedback-de-missing.js')).status).toBe(404);
  });

  it('sends the brotli copy to a browser that takes it, which decodes to the bundle', async () => {
    const response = await get('/widget/vo-feedback.js', { 'accept-encoding': 'gzip, br' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    const body = await bytes(response);
    expect(Number(response.headers.get('content-length'))).toBe(body.length);
    expect(body.length).toBeLessThan(Buffer.byteLength(bundle) / 4);
    expect(brotliDecompressSync(body).toString()).toBe(bundle);
  });

  it('falls back to gzip, then to the file itself, and honours q=0', async () => {
    const gzip = await get('/widget/vo-feedback.js', { 'accept-encoding': 'br;q=0, gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gzip.headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(await bytes(gzip)).toString()).toBe(bundle);
    for (const accept of [undefined, 'deflate', 'br;q=0, gzip;q=0']) {
      const identity = await get(
        '/widget/vo-feedback.js',
        accept ? { 'accept-encoding': accept } : {},
      );
      expect(identity.headers.get('content-encoding'), accept).toBeNull();
      expect(identity.headers.get('vary'), accept).toBe('Accept-Encoding');
      expect(identity.headers.get('content-length')).toBe(String(Buffer.byteLength(bundle)));
      expect((await bytes(identity)).toString()).toBe(bundle);
    }
  });

  it('revalidates its stable URL with a strong ETag per coding: 304 when unchanged', async () => {
    const { app } = await collector();
    const br = await app.request('/widget/vo-feedback.js', {
      headers: { 'accept-encoding': 'br' },
    });
    const gzip = await app.request('/widget/vo-feedback.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    const etag = br.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(gzip.headers.get('etag')).not.toBe(etag);
    expect(br.headers.get('cache-control')).toBe('public, no-cache');

    const again = await app.request('/widget/vo-feedback.js', {
      headers: { 'accept-encoding': 'br', 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('vary')).toBe('Accept-Encoding');
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    // The brotli copy's tag does not validate the gzip copy.
    const other = await app.request('/widget/vo-feedback.js', {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': `W/${etag}, "other"` },
    });
    expect(other.status).toBe(200);
    expect(other.headers.get('content-encoding')).toBe('gzip');

    // A rebuild while the collector runs: a new file, a new tag.
    writeFileSync(join(widget, 'vo-feedback.js'), `${bundle}// rebuilt\n`);
    utimesSync(join(widget, 'vo-feedback.js'), new Date(), new Date(Date.now() + 5000));
    const rebuilt = await app.request('/widget/vo-feedback.js', {
      headers: { 'if-none-match': etag },
    });
    expect(rebuilt.status).toBe(200);
    expect(await rebuilt.text()).toBe(`${bundle}// rebuilt\n`);
    writeFileSync(join(widget, 'vo-feedback.js'), bundle);
  });

  it('lets the hashed language chunks be cached for a year', async () => {
    const chunk = await get('/widget/vo-feedback-fr-Ab12_-x.js');
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get_ = await get('/widget/vo-feedback.js', { 'accept-encoding': 'br' });
    const head = await get('/widget/vo-feedback.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    for (const name of ['content-length', 'content-encoding', 'etag', 'vary', 'content-type']) {
      expect(head.headers.get(name), name).toBe(get_.headers.get(name));
    }
    expect((await bytes(head)).length).toBe(0);
  });

  it('never serves a compressed copy by its own name, nor a path outside the folder', async () => {
    for (const path of [
      '/widget/vo-feedback.js.br',
      '/widget/vo-feedback.js.gz',
      '/widget/%2e%2e%2fdashboard%2findex.html',
      '/widget/..%5cdashboard%5cindex.html',
      '/widget/..%2fdashboard%2findex.html',
      '/widget//vo-feedback.js',
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});

describe('GET /dashboard/* and the demo', () => {
  it('caches hashed assets for a year and revalidates the pages', async () => {
    const asset = await get('/dashboard/assets/index-DTcaOQzT.js', { 'accept-encoding': 'br' });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('br');
    for (const path of ['/dashboard/', '/']) {
      const page = await get(path, { 'accept-encoding': 'gzip' });
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control'), path).toBe('no-cache');
      expect(page.headers.get('content-encoding'), path).toBe('gzip');
      expect(gunzipSync(await bytes(page)).toString()).toMatch(/^<!doctype html>/);
      const etag = page.headers.get('etag')!;
      const again = await get(path, { 'accept-encoding': 'gzip', 'if-none-match': etag });
      expect(again.status, path).toBe(304);
    }
    // The build's own files and the copies it wrote.
    expect(readFileSync(join(dashboard, 'index.html.br')).length).toBeGreaterThan(0);
  });
});
