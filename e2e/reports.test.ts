import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDatasetCollector } from '../packages/collector/src/test-support/dataset-collector.ts';
import { axeViolations, launchChromium, repoRoot } from './support.ts';

// The annual report and /transparantie as people get them: served by the real collector (in
// process, real SQLite, its Content-Security-Policy on) with two years of generated feedback,
// opened in headless Chromium, checked with axe (WCAG 2.0, 2.1 and 2.2, A and AA), printed.

const require = createRequire(import.meta.url);
/** Screenshots go to docs/ with VO_SCREENSHOTS=1, else to .test-results/ (tracked files stay put). */
const screenshotDir =
  process.env.VO_SCREENSHOTS === '1' ? join(repoRoot, 'docs') : join(repoRoot, '.test-results');

let collector: Awaited<ReturnType<typeof startDatasetCollector>>;
let url: string;
let providerToken: string;
let steeringToken: string;
let browser: Browser;

beforeAll(async () => {
  collector = await startDatasetCollector();
  ({ url, providerToken, steeringToken } = collector);
  browser = await launchChromium();
  mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

/** A page that records every script error and CSP violation (Chromium logs them as errors). */
async function open(path: string, options: { token?: string; width?: number } = {}) {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1100, height: 900 },
    extraHTTPHeaders: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });
  // Injected as an init script: page.addScriptTag would add an inline <script>, which the
  // collector's CSP (script-src 'self') rightly refuses — and the CSP stays on.
  await context.addInitScript({ path: require.resolve('axe-core') });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  const response = await page.goto(`${url}${path}`);
  return { page, problems, response, context };
}

async function axe(page: Page, view: string) {
  expect(await axeViolations(page), `axe on ${view}`).toEqual([]);
}

/** The stylesheet applied: the CSP allowed the inline <style> by its hash. */
async function styled(page: Page): Promise<boolean> {
  return page.evaluate(
    () => getComputedStyle(document.querySelector('table')!).borderCollapse === 'collapse',
  );
}

/**
 * The printed page of the report's stylesheet (`@page { size: A4; margin: 16mm 14mm }`) in CSS
 * pixels, 96 to the inch: the width its content is laid out in and the height each page holds.
 */
const MM = 96 / 25.4;
const PRINT_WIDTH = Math.floor((210 - 2 * 14) * MM);
const PRINT_HEIGHT = (297 - 2 * 16) * MM;

/** The report printed to PDF on A4, as "save as PDF" does: how many pages. */
async function printedPages(page: Page): Promise<number> {
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/**
 * The most pages a report that flows may take. Laid out in print media at the printed width as
 * one endless page, its content is `height` CSS pixels tall: packed without a gap, that is
 * height / PRINT_HEIGHT pages. A page ends early only where the next block is kept whole (a
 * chart, a small table, a table row, a heading with what follows it) and does not fit; a quarter
 * more than perfect packing allows for those gaps, not for half-empty pages. The PDF takes its
 * margins from the stylesheet's @page; were Playwright's own (smaller) used, there would be
 * fewer pages, never more.
 */
async function pageBound(page: Page): Promise<{ height: number; pages: number }> {
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: PRINT_WIDTH, height: 200 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize(viewport);
  return { height, pages: Math.ceil((1.25 * height) / PRINT_HEIGHT) };
}

describe('the annual report in a browser', () => {
  it("a provider's report passes axe, is styled under the CSP, and is saved as a screenshot", async () => {
    const { page, problems, response, context } = await open(
      '/api/v1/reports/annual?year=2026&format=html',
      {
        token: providerToken,
      },
    );
    expect(response!.status()).toBe(200);
    expect(await page.title()).toBe('Jaarrapport feedback 2026 – Organisatie A');
    expect(await styled(page)).toBe(true);
    await axe(page, 'annual report, provider');
    // The outline: one h1, a summary, a section per service, then how to read it.
    const headings = await page.locator('h1, h2').allInnerTexts();
    expect(headings).toEqual([
      'Jaarrapport feedback 2026',
      'Inhoud',
      'Samenvatting: Organisatie A',
      'Dienst A',
      'Omgevingsloket A',
      'Over dit rapport',
    ]);
    // Each chart is an image named by its title, and its figures are in a table beside it.
    const charts = page.getByRole('img');
    expect(await charts.count()).toBe(6);
    await expect
      .poll(() => charts.first().getAttribute('aria-labelledby'))
      .toBe('samenvatting-dist-title samenvatting-dist-desc');
    // Nine tables of figures, and each of the two services' answers by outcome, by language and by
    // channel (the dataset has no reasons and no steps, so no table of either).
    expect(await page.getByRole('table').count()).toBe(15);
    await page.screenshot({ path: join(screenshotDir, 'report-annual.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each(['provider', 'steering'] as const)(
    "prints without half-empty pages (%s's report): the table of contents hides, sections flow, table headers repeat",
    async (who) => {
      const { page, context } = await open('/api/v1/reports/annual?year=2026&format=html', {
        token: who === 'provider' ? providerToken : steeringToken,
      });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav.toc').isVisible()).toBe(false);
      const print = await page.evaluate(() => {
        const sections = Array.from(document.querySelectorAll('section'));
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        return {
          organisations: document.querySelectorAll('section.organisation').length,
          services: document.querySelectorAll('section.service').length,
          // Not one section, of an organisation, a service or anything else, forces a page break.
          breaks: sections
            .map((section) => getComputedStyle(section))
            .filter((css) => css.breakBefore !== 'auto' || css.breakAfter !== 'auto').length,
          figure: style('figure').breakInside,
          headers: Array.from(document.querySelectorAll('thead')).every(
            (head) => getComputedStyle(head).display === 'table-header-group',
          ),
        };
      });
      // A chart stays whole, and a long table repeats its header row on the next page.
      expect(print).toMatchObject({ breaks: 0, figure: 'avoid', headers: true });
      expect(print.services).toBeGreaterThanOrEqual(2);
      if (who === 'steering') expect(print.organisations).toBeGreaterThanOrEqual(2);

      const pages = await printedPages(page);
      const bound = await pageBound(page);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pages, `${pages} pages for ${bound.height} px of content`).toBeLessThanOrEqual(
        bound.pages,
      );
      await context.close();
    },
  );

  it("the steering committee's report of every organisation passes axe and shows no comment", async () => {
    const { page, problems, context } = await open('/api/v1/reports/annual?year=2026&format=html', {
      token: steeringToken,
    });
    expect(await page.locator('h1 + p').innerText()).toBe('Alle organisaties');
    await axe(page, 'annual report, steering');
    const text = await page.locator('body').innerText();
    // Comments of the dataset: none appears; themes are terms with counts.
    expect(text).not.toContain('De knop werkt niet op mijn gsm.');
    expect(text).not.toContain('HYPERLINK');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reflows at 320 CSS pixels: the page does not scroll sideways, wide tables scroll within', async () => {
    const { page, context } = await open('/api/v1/reports/annual?year=2026&format=html', {
      token: providerToken,
      width: 320,
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await context.close();
  });
});

describe('/transparantie in a browser', () => {
  it('passes axe, is styled under the CSP, and is saved as a screenshot', async () => {
    const { page, problems, response, context } = await open('/transparantie?jaar=2026');
    expect(response!.status()).toBe(200);
    expect(await styled(page)).toBe(true);
    await axe(page, '/transparantie');
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(4);
    await expect
      .poll(() => rows.filter({ hasText: 'Kleine dienst C' }).innerText())
      .toContain('Minder dan 10 antwoorden: niet gepubliceerd');
    await page.screenshot({ path: join(screenshotDir, 'transparantie.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('starts with a skip link for keyboard users and links to the open data that opens', async () => {
    const { page, context } = await open('/transparantie?jaar=2026');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Naar de inhoud' });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('vo-feedback-open-data-2026.csv');
    const json = await page.request.get(`${url}/api/v1/public/stats?year=2026`);
    expect((await json.json()).services).toHaveLength(4);
    await context.close();
  });

  it('reflows at 320 CSS pixels', async () => {
    const { page, context } = await open('/transparantie?jaar=2026', { width: 320 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await axe(page, '/transparantie at 320 px');
    await context.close();
  });
});
