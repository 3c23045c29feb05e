import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startCollectorProcess, type CollectorProcess } from './support.ts';

// Markup in names and comments stays text in the collector's own HTML documents, parsed by a real
// browser: the annual report and /transparantie, served by the built server with its CSP on.
// The JSON, CSV and XLSX outputs are checked in packages/collector/src/routes/injection.test.ts;
// the dashboard in dashboard.test.ts ("shows comments as text only").

const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdefghij';
const ORGANISATION_NAME = '<script>alert("org")</script><img src=x onerror=alert(2)> & Zonen';
const SERVICE_NAME = '<a href="javascript:alert(3)">Dienst</a> =HYPERLINK("x")';
const COMMENTS = [
  '<script>alert(4)</script> script alert',
  '<img src=x onerror=alert(5)> script alert',
  'javascript:alert(6) script alert',
];

let collector: CollectorProcess;
let browser: Browser;
let token: string;

async function admin(path: string, body: unknown) {
  const response = await fetch(`${collector.url}/api/v1/admin${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, path).toBe(201);
  return (await response.json()) as Record<string, string>;
}

beforeAll(async () => {
  collector = await startCollectorProcess({
    ADMIN_TOKEN,
    RATE_LIMIT_PER_MINUTE: '0',
    MIN_PUBLIC_N: '1',
  });
  await admin('/organisations', { id: 'org-x', name: ORGANISATION_NAME });
  await admin('/services', { id: 'dienst-x', name: SERVICE_NAME, organisationId: 'org-x' });
  token = (await admin('/tokens', { label: 'x', role: 'provider', organisationId: 'org-x' }))
    .token!;
  // Each comment twice, so that its words become report themes.
  for (const comment of [...COMMENTS, ...COMMENTS]) {
    const response = await fetch(`${collector.url}/api/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: crypto.randomUUID(),
        serviceId: 'dienst-x',
        rating: 2,
        lang: 'nl',
        comment,
        step: comment.slice(0, 64),
      }),
    });
    expect(response.status).toBe(201);
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  expect(await collector?.stop()).toBe(0);
});

describe('markup stays text in the collector’s HTML documents', () => {
  it.each([
    ['the annual report', '/api/v1/reports/annual?format=html', true],
    ['/transparantie', '/transparantie', false],
  ])('%s', async (_name, path, authorised) => {
    const context = await browser.newContext({
      extraHTTPHeaders: authorised ? { authorization: `Bearer ${token}` } : {},
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    const response = await page.goto(`${collector.url}${path}`);
    expect(response?.status()).toBe(200);

    const found = await page.evaluate(() => ({
      scripts: Array.from(document.querySelectorAll('script')).filter((s) =>
        s.textContent?.includes('alert'),
      ).length,
      images: document.querySelectorAll('img[src="x"]').length,
      handlers: Array.from(document.querySelectorAll('*')).filter((element) =>
        Array.from(element.attributes).some((attribute) => attribute.name.startsWith('on')),
      ).length,
      javascriptLinks: Array.from(document.querySelectorAll('a'))
        .map((a) => a.getAttribute('href') ?? '')
        .filter((href) => /^\s*javascript:/i.test(href)),
      text: document.body.textContent ?? '',
      themes: Array.from(document.querySelectorAll('.themes'))
        .map((element) => element.textContent ?? '')
        .join(' '),
    }));
    expect(found).toMatchObject({ scripts: 0, images: 0, handlers: 0, javascriptLinks: [] });
    // The names are there, as the text the administrator typed.
    expect(found.text).toContain(ORGANISATION_NAME);
    expect(found.text).toContain(SERVICE_NAME);
    if (authorised) {
      // The report's themes come from the comments: words only, never their markup. (The step
      // names, here the comments' first characters, are shown as the text they are.)
      expect(found.themes).toContain('script');
      expect(found.themes).not.toContain('<script');
      expect(found.themes).not.toContain('alert(4)');
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the server’s log holds neither the admin token nor the provider token', async () => {
    const asked = await fetch(`${collector.url}/api/v1/services?token=${token}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asked.status).toBe(200);
    const listed = await fetch(`${collector.url}/api/v1/admin/tokens`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(listed.status).toBe(200);
    // Flushed once per event-loop turn: wait for the lines of these requests.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const log = collector.output();
    expect(log).toContain('"path":"/api/v1/services"');
    expect(log).not.toContain(ADMIN_TOKEN);
    expect(log).not.toContain(token);
    expect(log).not.toContain('onerror');
  });
});
