import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startCollectorProcess, type CollectorProcess } from './support.ts';

// The built front ends as a browser receives them from the built collector, over a real socket:
// the precompressed copies the build wrote, the caching headers, and the widget's size budget
// counted in the bytes that actually travel.

const BUDGET = 10 * 1024;
const widgetDist = join(repoRoot, 'packages/widget/dist');
/** The widget's language chunks (French, English, German; Dutch is in the bundle). */
const languageChunks = () =>
  readdirSync(widgetDist).filter((name) => /^vo-feedback-.+\.js$/.test(name));

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request whose body arrives as sent: no client decompresses it on the way. */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

let collector: CollectorProcess;
beforeAll(async () => {
  collector = await startCollectorProcess();
});
afterAll(async () => {
  await collector?.stop();
});

describe('the built front ends on the wire', () => {
  it('sends the widget with brotli within its 10 KB budget, decoding to the built bundle', async () => {
    const accept = { 'accept-encoding': 'gzip, deflate, br, zstd' };
    const main = await raw(`${collector.url}/widget/vo-feedback.js`, accept);
    expect(main.status).toBe(200);
    expect(main.headers['content-encoding']).toBe('br');
    expect(main.headers['vary']).toBe('Accept-Encoding');
    expect(Number(main.headers['content-length'])).toBe(main.body.length);
    expect(
      brotliDecompressSync(main.body).equals(readFileSync(join(widgetDist, 'vo-feedback.js'))),
    ).toBe(true);
    // A page in another language than Dutch loads one language chunk besides (French, English,
    // German; Dutch is in the bundle): the largest counts.
    const chunks = languageChunks();
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    let largest = 0;
    for (const name of chunks) {
      const chunk = await raw(`${collector.url}/widget/${name}`, accept);
      expect(chunk.headers['content-encoding'], name).toBe('br');
      expect(chunk.headers['cache-control'], name).toBe('public, max-age=31536000, immutable');
      largest = Math.max(largest, chunk.body.length);
    }
    expect(main.body.length + largest).toBeLessThanOrEqual(BUDGET);
  });

  it("sends the widget with V8's compile hint before any code, and its language chunks without", async () => {
    const accept = { 'accept-encoding': 'br' };
    const main = await raw(`${collector.url}/widget/vo-feedback.js`, accept);
    const bundle = brotliDecompressSync(main.body).toString('utf8');
    expect(bundle.startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
    // Code follows at once (the comment comes after minifying, which would drop it).
    expect(bundle.split('\n')[1]).toMatch(/^[^\s/]/);
    // A language chunk is data: nothing in it to compile ahead.
    const chunks = languageChunks();
    for (const name of chunks) {
      const chunk = await raw(`${collector.url}/widget/${name}`, accept);
      expect(brotliDecompressSync(chunk.body).toString('utf8'), name).not.toContain(
        'allFunctionsCalledOnLoad',
      );
    }
  });

  it('answers HEAD with the length GET sends, and no body', async () => {
    const accept = { 'accept-encoding': 'br' };
    const get = await raw(`${collector.url}/widget/vo-feedback.js`, accept);
    const head = await raw(`${collector.url}/widget/vo-feedback.js`, accept, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(get.body.length));
    expect(head.headers['etag']).toBe(get.headers['etag']);
    expect(head.body.length).toBe(0);
  });

  it('revalidates the widget with its ETag: 304 and nothing more', async () => {
    const first = await raw(`${collector.url}/widget/vo-feedback.js`, {
      'accept-encoding': 'gzip',
    });
    expect(first.headers['content-encoding']).toBe('gzip');
    const again = await raw(`${collector.url}/widget/vo-feedback.js`, {
      'accept-encoding': 'gzip',
      'if-none-match': String(first.headers['etag']),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("caches the dashboard's hashed assets for a year and revalidates its page", async () => {
    const page = await raw(`${collector.url}/dashboard/`, { 'accept-encoding': 'br' });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const html = brotliDecompressSync(page.body).toString();
    const script = /src="(\/dashboard\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await raw(`${collector.url}${script}`, { 'accept-encoding': 'br' });
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('br');
    const identity = await raw(`${collector.url}${script}`);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(brotliDecompressSync(asset.body).equals(identity.body)).toBe(true);
  });
});
