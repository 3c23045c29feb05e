import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type {
  FeedbackItem,
  FeedbackPage,
  Summary,
  TagSuggestions,
} from '../packages/shared/src/index.ts';
import {
  startTestCollector,
  type TestCollector,
} from '../packages/collector/src/test-support/start-collector.ts';
import { axeViolations, launchChromium, repoRoot, shootSection } from './support.ts';

// The triage of comments in the built dashboard, against the real collector (in-process, real
// SQLite) under its Content-Security-Policy: status and tags on several comments at once, the
// internal note, removing a piece of text and erasing an answer — each checked in the API
// afterwards. A collector of its own: erasing changes figures the other dashboard tests compare.

const require = createRequire(import.meta.url);
const dashboardDist = join(repoRoot, 'packages/dashboard/dist');
const COMMENTS = [
  'Het formulier was te lang.',
  'Bel Jan Peeters op 0470 12 34 56, Jan Peeters weet ervan.',
  'Vlot geregeld, dank u.',
];

describe('triage in the providers dashboard', () => {
  let collector: TestCollector;
  let browser: Browser;

  async function api<T>(path: string): Promise<T> {
    const response = await fetch(`${collector.url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${collector.providerToken}` },
    });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  }

  /** The service's comments as the API lists them, by their text's first word. */
  async function stored(): Promise<Map<string, FeedbackItem>> {
    const page = await api<FeedbackPage>(`/services/${collector.serviceId}/feedback?limit=200`);
    return new Map(page.items.map((item) => [item.comment.split(' ')[0]!, item]));
  }

  beforeAll(async () => {
    if (!existsSync(join(dashboardDist, 'index.html'))) {
      throw new Error(
        'packages/dashboard/dist is missing: build it first (npx -y pnpm@12.4.2 --filter @vo-feedback/dashboard run build; npm test does).',
      );
    }
    collector = await startTestCollector({ staticDirs: { dashboard: dashboardDist } });
    // Oldest first, a minute apart: the listing shows them newest first.
    const now = Date.now();
    for (const [index, comment] of COMMENTS.entries()) {
      await collector.store.ingest({
        id: randomUUID(),
        serviceId: collector.serviceId,
        rating: [2, 1, 5][index]!,
        lang: 'nl',
        comment,
        redactions: 0,
        receivedAt: now - (COMMENTS.length - index) * 60_000,
        channel: 'web',
        reasons: [],
      });
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.dispose();
  });

  /** A signed-in page on the service, its comments shown; fails on any script error or dialog. */
  async function openService(width: number) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    await context.addInitScript({ path: require.resolve('axe-core') });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${collector.url}/dashboard/`);
    await page.locator('#token').fill(collector.providerToken);
    await page.getByRole('button', { name: /^aanmelden$/i }).click();
    await page.locator('vo-service-list h1').waitFor();
    await page.goto(`${collector.url}/dashboard/#/services/${collector.serviceId}`);
    await page.locator('vo-comments li.comment').first().waitFor();
    return { page, problems, requests };
  }

  const announced = (page: Page, text: string) =>
    page.locator('vo-comments p[role="status"]', { hasText: text }).waitFor();
  const comment = (page: Page, text: string) =>
    page.locator('vo-comments li.comment', { hasText: text });

  async function axe(page: Page, state: string) {
    expect(await axeViolations(page), `axe: ${state}`).toEqual([]);
  }

  it('changes status and tags of several comments by keyboard, then filters on them', async () => {
    const { page, problems, requests } = await openService(1280);
    const comments = page.locator('vo-comments');
    await axe(page, 'comments with the action bar');

    // Select two comments with the space bar; their checkboxes name them.
    for (const words of ['Het formulier', 'Bel Jan Peeters']) {
      const box = comments.getByRole('checkbox', {
        name: new RegExp(`^Selecteren \\(de opmerking van .*„${words}`),
      });
      await box.focus();
      await page.keyboard.press('Space');
      expect(await box.isChecked()).toBe(true);
    }
    await comments.getByLabel('Nieuwe status').selectOption('in-progress');
    await comments.getByRole('button', { name: 'Status wijzigen' }).press('Enter');
    await announced(page, '2 opmerkingen bijgewerkt.');
    expect(
      await comments
        .getByRole('button', { name: 'Status wijzigen' })
        .evaluate((button) => (button.getRootNode() as ShadowRoot).activeElement === button),
    ).toBe(true);

    await comments.getByLabel('Tag om toe te voegen').fill('formulier');
    await comments.getByLabel('Tag om toe te voegen').press('Enter');
    await announced(page, '2 opmerkingen bijgewerkt.');
    await comment(page, 'Bel Jan').locator('.tag', { hasText: 'formulier' }).waitFor();
    await axe(page, 'two comments changed');

    const after = await stored();
    expect([...after.values()].map(({ comment, status, tags }) => [comment, status, tags])).toEqual(
      [
        [COMMENTS[2], 'new', []],
        [COMMENTS[1], 'in-progress', ['formulier']],
        [COMMENTS[0], 'in-progress', ['formulier']],
      ],
    );
    expect(await api<TagSuggestions>(`/services/${collector.serviceId}/tags`)).toEqual({
      tags: [{ tag: 'formulier', count: 2 }],
    });

    // The filters go to the API.
    await comments.getByLabel('Status', { exact: true }).selectOption('new');
    await comments.getByRole('button', { name: 'Filter toepassen' }).click();
    await announced(page, '1 opmerkingen getoond');
    expect(await comments.locator('li.comment p.text').allTextContents()).toEqual([COMMENTS[2]]);
    expect(requests.some((url) => url.includes('status=new'))).toBe(true);
    await comments.getByLabel('Status', { exact: true }).selectOption('');
    await comments.getByLabel('Tag', { exact: true }).selectOption('formulier');
    await comments.getByRole('button', { name: 'Filter toepassen' }).click();
    await announced(page, '2 opmerkingen getoond');
    expect(requests.some((url) => url.includes('tag=formulier'))).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('keeps an internal note and removes a piece of text', async () => {
    const { page, problems } = await openService(1280);
    const first = comment(page, 'Het formulier');
    await first.getByRole('button', { name: /^Notitie \(/ }).click();
    const note = first.getByLabel('Interne notitie');
    await note.fill('Teruggebeld op maandag.');
    await first.getByRole('button', { name: 'Notitie bewaren' }).click();
    await announced(page, 'De notitie is bewaard.');
    expect(await first.locator('[data-note] .note-text').textContent()).toBe(
      'Teruggebeld op maandag.',
    );

    // Found by its id: its text is about to change.
    const id = await comment(page, 'Bel Jan').getAttribute('data-id');
    const named = page.locator(`vo-comments li.comment[data-id="${id}"]`);
    await named.getByRole('button', { name: /^Tekst verwijderen \(/ }).click();
    await axe(page, 'remove-text form open');
    await named.getByLabel('Welke tekst wilt u verwijderen?').fill('Jan Peeters');
    await named.getByRole('button', { name: 'Deze tekst verwijderen' }).click();
    await announced(page, 'De tekst is vervangen door [verwijderd].');
    const expected = 'Bel [verwijderd] op 0470 12 34 56, [verwijderd] weet ervan.';
    expect(await named.locator('p.text').textContent()).toBe(expected);

    const after = await stored();
    expect(after.get('Het')!.note).toBe('Teruggebeld op maandag.');
    expect(after.get('Bel')!.comment).toBe(expected);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('is photographed with statuses, tags, a note and two comments selected', async () => {
    const { page, problems } = await openService(1280);
    const comments = page.locator('vo-comments');
    await announced(page, '3 opmerkingen getoond');
    for (const words of ['Het formulier', 'Bel [verwijderd]']) {
      await comment(page, words).getByRole('checkbox').check();
    }
    await comments.locator('[data-selected]', { hasText: '2' }).waitFor();
    // What the picture must show: the triage the tests before left, and the selection.
    expect(await comments.locator('li.comment .triage').allTextContents()).toHaveLength(3);
    expect(await comments.locator('li.comment .tag').count()).toBe(2);
    expect(await comments.locator('[data-note] .note-text').textContent()).toBe(
      'Teruggebeld op maandag.',
    );
    // The comments' panel: the whole service page would be several screens long.
    await shootSection(
      page,
      'triage-1280',
      page.locator('vo-service-report section.panel:has(vo-comments)'),
    );
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('erases an answer after a confirmation in the page, from the figures too, and fits 320 px in forced colours', async () => {
    const { page, problems } = await openService(320);
    const before = await api<Summary>(`/services/${collector.serviceId}/summary`);
    const gone = comment(page, 'Vlot geregeld');
    await gone.getByRole('button', { name: /^Verwijderen \(/ }).click();
    const confirmation = page.getByRole('group', { name: 'Dit antwoord helemaal verwijderen?' });
    await confirmation.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(
      true,
    );
    await page.emulateMedia({ forcedColors: 'active' });
    await axe(page, 'erase confirmation at 320 px in forced colours');
    await page.emulateMedia({ forcedColors: 'none' });
    // The comment with its question, for the README, to the line under it: its own padding is
    // the margin, so nothing of the action bar above or the next comment below is cut in half.
    await shootSection(page, 'erase-320', gone, { marginY: 0 });

    await confirmation.getByRole('button', { name: 'Ja, definitief verwijderen' }).click();
    await announced(page, 'Het antwoord is verwijderd, ook uit alle cijfers.');
    expect(await page.locator('vo-comments li.comment p.text').allTextContents()).not.toContain(
      COMMENTS[2],
    );
    const after = await api<Summary>(`/services/${collector.serviceId}/summary`);
    expect(after.responses).toBe(before.responses - 1);
    // The report reads its figures again.
    await page
      .locator('vo-service-report [data-figure="responses"]', { hasText: String(after.responses) })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(
      true,
    );
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
