import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startCollectorProcess, type CollectorProcess } from './support.ts';

/** What has focus, looking through the widget's shadow root. */
function focused(page: Page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      type: element?.getAttribute('type') ?? '',
      text: (element?.textContent ?? '').trim(),
      value: (element as HTMLInputElement | null)?.value ?? '',
      checked: (element as HTMLInputElement | null)?.checked ?? false,
    };
  });
}

/** Presses Tab until focus satisfies `wanted`; fails after a bounded number of presses. */
async function tabTo(page: Page, wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean) {
  for (let presses = 0; presses < 40; presses += 1) {
    if (wanted(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(
    `focus never reached the wanted element; it is on ${JSON.stringify(await focused(page))}`,
  );
}

describe('a citizen gives feedback on the demo page with the keyboard only', () => {
  let collector: CollectorProcess;
  let browser: Browser;

  beforeAll(async () => {
    collector = await startCollectorProcess();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    expect(await collector?.stop()).toBe(0);
  });

  it('rates, comments, and the summary API shows exactly that feedback', async () => {
    expect(collector.token).toMatch(/^vof_/);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(collector.url);
    await expect(page.locator('h1').textContent()).resolves.toBe('Uw aanvraag is ingediend');
    // The widget's own radios (the light-DOM no-JavaScript form underneath stays hidden).
    await page.getByRole('radio', { name: 'Zeer tevreden' }).waitFor();

    // Into the rating group: Tab lands on the first radio, the arrows move the choice to 4.
    await tabTo(page, (f) => f.type === 'radio');
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({ type: 'radio', value: '4', checked: true });
    await tabTo(page, (f) => f.tag === 'button');
    await page.keyboard.press('Enter');

    // The comment step follows; focus moves there on purpose.
    await page.getByRole('textbox').waitFor();
    await tabTo(page, (f) => f.tag === 'textarea');
    await page.keyboard.type('De betaling was onduidelijk.');
    await tabTo(page, (f) => f.tag === 'button');
    await page.keyboard.press('Enter');

    await page
      .getByText(/bedankt/i)
      .last()
      .waitFor();

    const response = await fetch(`${collector.url}/api/v1/services/demo-dienst/summary`, {
      headers: { authorization: `Bearer ${collector.token}` },
    });
    expect(response.status).toBe(200);
    const summary = await response.json();
    expect(summary).toMatchObject({
      responses: 1,
      ratings: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 },
      mean: 4,
      csat: 1,
      comments: 1,
    });
    expect(summary.impressions).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
  });
});
