import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  freePort,
  launchChromium,
  startCollectorProcess,
  type CollectorProcess,
} from './support.ts';

// Feedback without JavaScript, as a citizen meets it away from the widget: the fallback form on a
// site of another origin, the collector's hosted page behind a QR code at a counter, and the QR
// code itself. The citizen's browser runs with JavaScript off; axe checks each page of the path
// in a second context (JavaScript on, the collector's CSP on, axe injected as an init script).

const require = createRequire(import.meta.url);
// jsqr is CommonJS whose exports carry the function as `default`.
const jsQR = jsQRModule.default;
const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdefghij';
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Screenshots go to docs/ with VO_SCREENSHOTS=1, else to .test-results/ (tracked files stay put). */
const screenshotDir =
  process.env.VO_SCREENSHOTS === '1' ? join(repoRoot, 'docs') : join(repoRoot, '.test-results');

/** A page of a municipality's site on another origin, with the widget's no-JavaScript form. */
function hostSitePage(collectorUrl: string): string {
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>Demande envoyée — Commune</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<main>
<h1>Votre demande a été envoyée</h1>
<form method="post" action="${collectorUrl}/api/v1/feedback/form?lang=fr">
  <input type="hidden" name="serviceId" value="demo-dienst">
  <input type="hidden" name="lang" value="fr">
  <input type="hidden" name="outcome" value="completed">
  <fieldset>
    <legend>Êtes-vous satisfait de ce service ?</legend>
    <label><input type="radio" name="rating" value="1" required> Très insatisfait</label>
    <label><input type="radio" name="rating" value="2"> Insatisfait</label>
    <label><input type="radio" name="rating" value="3"> Neutre</label>
    <label><input type="radio" name="rating" value="4"> Satisfait</label>
    <label><input type="radio" name="rating" value="5"> Très satisfait</label>
  </fieldset>
  <label for="comment">Que pouvons-nous améliorer ? (facultatif)</label>
  <textarea id="comment" name="comment" maxlength="2000"></textarea>
  <div aria-hidden="true" style="position:absolute;left:-10000px">
    <label for="website">Laissez ce champ vide</label>
    <input type="text" id="website" name="website" tabindex="-1" autocomplete="off">
  </div>
  <button type="submit">Envoyer</button>
</form>
</main>
</body>
</html>`;
}

describe('feedback without JavaScript, across origins and on the hosted page', () => {
  let collector: CollectorProcess;
  let browser: Browser;
  let site: Server;
  let siteUrl: string;

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    collector = await startCollectorProcess({ ADMIN_TOKEN });
    browser = await launchChromium();
    // The host site: another port on another host name, so another origin.
    const port = await freePort();
    siteUrl = `http://localhost:${port}`;
    site = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(hostSitePage(collector.url));
    });
    await new Promise<void>((resolve) => site.listen(port, '127.0.0.1', resolve));
    const allowed = await fetch(`${collector.url}/api/v1/admin/services/demo-dienst`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ allowedOrigins: [collector.url, siteUrl] }),
    });
    expect(allowed.status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    expect(await collector?.stop()).toBe(0);
  });

  /** The citizen's browser: JavaScript off. */
  async function withoutJavaScript(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    return { context, page: await context.newPage() };
  }

  /** axe (WCAG 2.2 A and AA) on each page, opened in a context with JavaScript for axe alone. */
  async function expectAccessible(urls: string[]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript({ path: require.resolve('axe-core') });
    const page = await context.newPage();
    for (const url of urls) {
      await page.goto(url);
      const violations = await axeViolations(page);
      expect(violations, `axe on ${url}`).toEqual([]);
    }
    await context.close();
  }

  /** Every stored submission of the demo service, through the provider API. */
  async function exported(): Promise<Record<string, unknown>[]> {
    const response = await fetch(
      `${collector.url}/api/v1/services/demo-dienst/export?format=json`,
      { headers: { authorization: `Bearer ${collector.token}` } },
    );
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>[];
  }

  it('the fallback form on another origin stores the answer and thanks on the collector, in French', async () => {
    const { context, page } = await withoutJavaScript();
    await page.goto(`${siteUrl}/aanvraag/bevestiging`);
    await page.getByRole('radio', { name: 'Insatisfait', exact: true }).check();
    await page.getByRole('textbox').fill('Sans JavaScript, depuis le site de la commune.');
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/feedback/form')),
      page.getByRole('button', { name: 'Envoyer' }).click(),
    ]);
    expect(request.headers()['origin']).toBe(siteUrl);
    expect((await request.response())?.status()).toBe(303);
    await page.waitForURL(/\/f\/demo-dienst\/bedankt/);

    // The thank-you page is the collector's, in the submission's language, linking back.
    const thanks = new URL(page.url());
    expect(thanks.origin).toBe(collector.url);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Merci pour votre avis',
    );
    const back = page.getByRole('link', { name: 'Retour à la page précédente' });
    // Chromium sends an origin-only Referer across origins: the link goes to that site.
    await expect(back.getAttribute('href')).resolves.toBe(`${siteUrl}/`);
    await expect(page.getByRole('link', { name: /1700/ }).getAttribute('href')).resolves.toBe(
      'tel:1700',
    );

    const rows = await exported();
    const row = rows.find((r) => r.comment === 'Sans JavaScript, depuis le site de la commune.');
    expect(row).toMatchObject({ rating: 2, lang: 'fr', outcome: 'completed', channel: 'web' });
    await context.close();

    await expectAccessible([`${siteUrl}/aanvraag/bevestiging`, thanks.href]);
  });

  it('the hosted page behind a counter’s QR code works with JavaScript off and stores channel counter', async () => {
    const { context, page } = await withoutJavaScript();
    const hosted = `${collector.url}/f/demo-dienst?channel=counter`;
    await page.goto(hosted);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    // Targets of the widget's size: each option's row and the button at least 44 × 44 px.
    for (const target of [
      page.locator('label', { has: page.getByRole('radio', { name: 'Neutraal' }) }),
      page.locator('label', { has: page.getByRole('checkbox', { name: 'Het duurde te lang' }) }),
      page.getByRole('button', { name: 'Versturen' }),
    ]) {
      const box = await target.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
      expect(box?.width).toBeGreaterThanOrEqual(44);
    }
    await expect(
      page
        .getByRole('radio', { name: 'Neutraal' })
        .boundingBox()
        .then((box) => box?.height),
    ).resolves.toBeGreaterThanOrEqual(24);
    await page.getByRole('radio', { name: 'Ontevreden', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Het duurde te lang' }).check();
    await page
      .getByRole('textbox', { name: 'Wat kunnen we verbeteren? (optioneel)' })
      .fill('Aan het loket: lang gewacht.');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.waitForURL(/\/f\/demo-dienst\/bedankt\?lang=nl/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Bedankt voor uw feedback',
    );
    const thanks = page.url();

    const row = (await exported()).find((r) => r.comment === 'Aan het loket: lang gewacht.');
    expect(row).toMatchObject({ rating: 2, lang: 'nl', channel: 'counter' });
    expect(JSON.stringify(row?.reasons)).toContain('too-slow');
    await context.close();

    await expectAccessible([
      hosted,
      `${collector.url}/f/demo-dienst?channel=email&lang=fr`,
      thanks,
    ]);
  });

  it('the QR code decodes to the hosted page’s address for its channel', async () => {
    const response = await fetch(
      `${collector.url}/api/v1/services/demo-dienst/qr.svg?channel=counter`,
      { headers: { authorization: `Bearer ${collector.token}` } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = await response.text();

    const context = await browser.newContext({ viewport: { width: 400, height: 400 } });
    const page = await context.newPage();
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:#fff"><div style="width:400px">${svg}</div></body></html>`,
    );
    const png = PNG.sync.read(await page.locator('svg').screenshot());
    await context.close();
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(`${collector.url}/f/demo-dienst?channel=counter`);
  });

  it('the hosted page reflows at 320 px; the poster prints on one A4 page, passes axe and is photographed', async () => {
    const hosted = `${collector.url}/f/demo-dienst?channel=counter`;
    for (const width of [320, 1280]) {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      await page.goto(hosted);
      const fits = await page.evaluate(
        () => document.documentElement.scrollWidth <= window.innerWidth,
      );
      expect(fits, `no horizontal scroll at ${width} px`).toBe(true);
      await page.screenshot({ path: join(screenshotDir, `hosted-${width}.png`), fullPage: true });
      await context.close();
    }

    const response = await fetch(
      `${collector.url}/api/v1/services/demo-dienst/poster?channel=counter`,
      { headers: { authorization: `Bearer ${collector.token}` } },
    );
    expect(response.status).toBe(200);
    const poster = await response.text();
    const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
    await context.addInitScript({ path: require.resolve('axe-core') });
    const page = await context.newPage();
    // Served as the collector serves it: its own origin, its own headers (the CSP included).
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    await page.route(`${collector.url}/poster-preview`, (route) =>
      route.fulfill({ status: 200, headers, body: poster }),
    );
    await page.goto(`${collector.url}/poster-preview`);
    expect(await axeViolations(page), 'axe on the poster').toEqual([]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Hoe tevreden bent u over onze dienstverlening?',
    );
    await expect(page.getByRole('img', { name: /^QR-code naar / }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(screenshotDir, 'poster.png') });
    // Printed on A4: exactly one page, the whole code on it.
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await context.close();
  });
});
