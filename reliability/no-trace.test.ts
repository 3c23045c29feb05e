import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCollectorProcess } from '../e2e/support.ts';

// "No cookie, no raw IP", checked where it would show: the built collector behind one proxy
// (TRUST_PROXY=1) is used by citizens at two distinctive addresses, one IPv4 and one IPv6; then
// the database files (with their WAL and shared memory) and the whole log are searched for them.

const IPV4 = '203.0.113.77';
const IPV6 = '2001:db8:dead:beef::77';
// Every spelling in which the addresses, or the IPv6 client's /64, could have been written down.
const TRACES = [IPV4, IPV6, '2001:db8:dead:beef', '2001:0db8:dead:beef', '2001:db8:dead:beef::/64'];

const dir = mkdtempSync(join(tmpdir(), 'vo-feedback-no-trace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under the data folder, as text, by name. */
function dataFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const data = join(dir, 'data');
  for (const name of readdirSync(data)) {
    const path = join(data, name);
    if (statSync(path).isFile()) files.set(name, readFileSync(path).toString('latin1'));
  }
  return files;
}

function tracesIn(text: string): string[] {
  const lower = text.toLowerCase();
  return TRACES.filter((trace) => lower.includes(trace));
}

describe('no cookie, no raw IP', () => {
  it('the database files and the log hold neither client address, and no answer sets a cookie', async () => {
    const collector = await startCollectorProcess({ TRUST_PROXY: '1' }, { dir });
    const origin = collector.url;
    const responses: Response[] = [];
    try {
      for (const address of [IPV4, IPV6]) {
        const send = async (path: string, init: RequestInit = {}) => {
          const response = await fetch(`${collector.url}${path}`, {
            ...init,
            redirect: 'manual',
            headers: { 'x-forwarded-for': address, ...(init.headers as Record<string, string>) },
          });
          await response.arrayBuffer();
          responses.push(response);
          return response;
        };
        for (let i = 0; i < 3; i += 1) {
          const submission = await send('/api/v1/feedback', {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin },
            body: JSON.stringify({
              id: randomUUID(),
              serviceId: 'demo-dienst',
              rating: 2 + i,
              lang: 'nl',
              comment: `Het formulier liep vast bij stap ${i + 1}.`,
              step: 'bijlagen',
              page: '/aanvraag/stap-3',
            }),
          });
          expect(submission.status).toBe(201);
          const impression = await send('/api/v1/impressions', {
            method: 'POST',
            headers: { 'content-type': 'text/plain', origin },
            body: JSON.stringify({ serviceId: 'demo-dienst' }),
          });
          expect(impression.status).toBe(204);
        }
        const form = await send('/api/v1/feedback/form', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
          body: new URLSearchParams({
            serviceId: 'demo-dienst',
            rating: '4',
            lang: 'nl',
            comment: 'Zonder JavaScript ging het ook.',
          }).toString(),
        });
        expect(form.status).toBeLessThan(400);
        // Refused requests go through the same logging.
        const invalid = await send('/api/v1/feedback', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: '{"nonsense": true}',
        });
        expect(invalid.status).toBe(400);
        for (const path of [
          '/',
          '/transparantie',
          '/api/v1/public/stats',
          '/api/v1/public/stats.csv',
          '/api/v1/public/services/demo-dienst/stats',
          '/widget/vo-feedback.js',
          '/healthz',
          '/readyz',
        ]) {
          expect((await send(path)).status, path).toBeLessThan(400);
        }
      }
      expect(responses.length).toBeGreaterThan(30);
      for (const response of responses) {
        expect(response.headers.get('set-cookie'), response.url).toBeNull();
      }
      // While it runs: the WAL and the shared-memory file hold the latest writes.
      const running = dataFiles();
      expect([...running.keys()]).toContain('vo-feedback.sqlite');
      expect([...running.keys()]).toContain('vo-feedback.sqlite-wal');
      for (const [name, content] of running) expect(tracesIn(content), name).toEqual([]);
    } finally {
      expect(await collector.stop()).toBe(0);
    }
    // After the shutdown's checkpoint, and in everything the process printed.
    for (const [name, content] of dataFiles()) expect(tracesIn(content), name).toEqual([]);
    const log = collector.output();
    expect(log).toMatch(/"message":"request"/);
    expect(tracesIn(log)).toEqual([]);
  });
});
