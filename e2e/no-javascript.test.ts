import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  launchChromium,
  startCollectorProcess,
  type CollectorProcess,
} from './support.ts';

const require = createRequire(import.meta.url);

/** The name, tag and `name` attribute of what has focus. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    return `${element?.tagName.toLowerCase() ?? ''}[name=${element?.getAttribute('name') ?? ''}]`;
  });
}

describe('a citizen without JavaScript gives feedback on the demo page', () => {
  let collector: CollectorProcess;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    collector = await startCollectorProcess();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    expect(await collector?.stop()).toBe(0);
  });

  /**
   * The demo page as a citizen without the widget sees it: JavaScript off, or (so that the test
   * can still run axe and read focus in the page) on with the widget's script blocked.
   */
  async function open(javaScriptEnabled: boolean) {
    context = await browser.newContext({
      javaScriptEnabled,
      viewport: { width: 1280, height: 900 },
    });
    if (javaScriptEnabled)
      await context.route('**/widget/vo-feedback.js', (route) => route.abort());
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(collector.url);
    return { page, problems };
  }

  it('never sees, hears or reaches the honeypot, and the form passes axe', async () => {
    const { page } = await open(true);
    await expect(page.locator('form.fallback').isVisible()).resolves.toBe(true);
    const honeypot = page.locator('form.fallback input[name="website"]');
    await expect(honeypot.count()).resolves.toBe(1);
    await expect(honeypot.getAttribute('tabindex')).resolves.toBe('-1');
    await expect(honeypot.getAttribute('autocomplete')).resolves.toBe('off');
    const shape = await honeypot.evaluate((input) => {
      const wrapper = input.closest('[aria-hidden="true"]');
      const box = input.getBoundingClientRect();
      return {
        hiddenFromAssistiveTechnology: wrapper !== null && wrapper.contains(input),
        labelledToStayEmpty: (input as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? '',
        display: wrapper ? getComputedStyle(wrapper).display : '',
        offScreen: box.right <= 0 || box.bottom <= 0 || box.left >= window.innerWidth,
      };
    });
    expect(shape).toEqual({
      hiddenFromAssistiveTechnology: true,
      labelledToStayEmpty: 'Laat dit veld leeg',
      display: 'block',
      offScreen: true,
    });
    // In the accessibility tree the form has one text field: the comment.
    await expect(page.getByRole('textbox').count()).resolves.toBe(1);
    await expect(
      page.getByRole('textbox', { name: 'Wat kunnen we verbeteren? (optioneel)' }).count(),
    ).resolves.toBe(1);

    // Tab runs from the first rating to the button without ever stopping on the honeypot.
    await page.getByRole('radio', { name: 'Tevreden', exact: true }).check();
    const stops: string[] = [];
    for (let presses = 0; presses < 10; presses += 1) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
      if (stops.at(-1)!.startsWith('button')) break;
    }
    expect(stops).toEqual(['textarea[name=comment]', 'button[name=]']);

    // axe (WCAG 2.x A and AA) on the page as a browser without JavaScript shows it.
    await page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
    const violations = await axeViolations(page, 'form.fallback');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('its options and button are targets of the widget’s size (44 × 44 px)', async () => {
    const { page } = await open(false);
    for (const target of [
      page.locator('form.fallback label', { has: page.getByRole('radio', { name: 'Neutraal' }) }),
      page.getByRole('button', { name: 'Versturen' }),
    ]) {
      const box = await target.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
      expect(box?.width).toBeGreaterThanOrEqual(44);
    }
    const radio = await page.getByRole('radio', { name: 'Neutraal' }).boundingBox();
    expect(radio?.height).toBeGreaterThanOrEqual(24);
    await context.close();
  });

  it('sends the honeypot empty, and ends on the collector’s thank-you page in Dutch', async () => {
    const { page, problems } = await open(false);
    await page.getByRole('radio', { name: 'Tevreden', exact: true }).check();
    await page.getByRole('textbox').fill('Zonder JavaScript ging het ook.');
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/feedback/form')),
      page.getByRole('button', { name: 'Versturen' }).click(),
    ]);
    const sent = new URLSearchParams(request.postData() ?? '');
    expect(sent.get('website')).toBe('');
    expect(sent.get('rating')).toBe('4');
    // The demo's Referrer-Policy (no-referrer) makes Chromium send `Origin: null`: accepted,
    // and answered with 303 to the collector's own thank-you page.
    expect(request.headers()['origin']).toBe('null');
    expect((await request.response())?.status()).toBe(303);
    await page.waitForURL(/\/f\/demo-dienst\/bedankt\?lang=nl/);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Bedankt voor uw feedback',
    );
    // Its stylesheet and everything else passed the collector's CSP: Chromium reported nothing
    // but the status line of a refusal, if the answer was one.
    expect(problems.filter((p) => !p.startsWith('Failed to load resource:'))).toEqual([]);
    await context.close();
  });
});
