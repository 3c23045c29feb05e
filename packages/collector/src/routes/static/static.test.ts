import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testCollector } from '../../test-support/fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'vo-feedback-static-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const widget = join(root, 'widget');
mkdirSync(widget);
// The widget's build: the bundle, and a language chunk that the bundle imports from beside itself.
writeFileSync(join(widget, 'vo-feedback.js'), 'import("./vo-feedback-fr-Ab12_-x.js");\n');
writeFileSync(join(widget, 'vo-feedback-fr-Ab12_-x.js'), 'export const fr = {};\n');

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
});
