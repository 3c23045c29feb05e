import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_REASONS, type Overview, type OverviewRow } from '../packages/shared/src/index.ts';
import { Formats } from '../packages/dashboard/src/format.ts';
import { issueToken } from '../packages/collector/src/use-cases/administration.ts';
import { handInReport } from '../packages/collector/src/use-cases/hand-in.ts';
import {
  startTestCollector,
  type TestCollector,
} from '../packages/collector/src/test-support/start-collector.ts';
import { axeViolations, launchChromium, repoRoot } from './support.ts';

// The overview of services side by side ("Overzicht") in the built dashboard, against the real
// collector (in-process, real SQLite) under its Content-Security-Policy: reached from the
// navigation, every row as GET /api/v1/overview answers it — for the steering committee every
// organisation's, for a provider its own —, sorted with the keyboard, searched, grouped, the CSV
// downloaded, at 320 px and in forced colours. A collector of its own, with organisations that
// have a policy domain, a kind and targets.

const require = createRequire(import.meta.url);
const dashboardDist = join(repoRoot, 'packages/dashboard/dist');
/** Screenshots go to docs/ with VO_SCREENSHOTS=1, else to .test-results/ (tracked files stay put). */
const screenshotDir =
  process.env.VO_SCREENSHOTS === '1' ? join(repoRoot, 'docs') : join(repoRoot, '.test-results');
const today = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
const year = Number(today.slice(0, 4));
const DAY = 24 * 60 * 60 * 1000;

/** The overview's words in Dutch, as a user reads them. */
const f = new Formats('nl');
const REASON_LABELS = new Map(DEFAULT_REASONS.map((reason) => [reason.code, reason.labels.nl]));
const FLAG_WORDS = {
  'below-target': 'onder doel',
  falling: 'dalend',
  'few-responses': 'weinig antwoorden',
  silent: 'stil',
};
const STATUS_WORDS = { submitted: '✓ Ingediend', late: '! Te laat', missing: '✗ Ontbreekt' };

/** A row of the API as the table shows it, cell by cell. */
function shownRow(row: OverviewRow, minimum: number): string[] {
  const range = (interval: readonly [number, number] | null) =>
    interval ? ` ${f.percent(interval[0])} – ${f.percent(interval[1])}` : '';
  const few = row.responses > 0 && row.responses < minimum ? ' weinig antwoorden' : '';
  const cells = [
    row.organisationName,
    row.serviceName,
    f.integer(row.responses),
    `${f.percent(row.csat)}${few}${range(row.csatInterval)}`,
    `${f.percent(row.previousCsat)}${range(row.previousCsatInterval)}`,
    row.responseRate === null ? 'geen vertoningen geteld' : f.percent(row.responseRate),
    f.percent(row.shareNotCompleted),
    row.topReason === null ? 'geen' : (REASON_LABELS.get(row.topReason) ?? row.topReason),
    row.target === null ? 'geen doel' : f.percent(row.target),
    STATUS_WORDS[row.reportStatus],
    row.flags.length === 0 ? 'geen' : row.flags.map((flag) => FLAG_WORDS[flag]).join(' '),
  ];
  return cells.map((cell) => cell.replace(/\s+/g, ' ').trim());
}

describe('the overview of services in the dashboard', () => {
  let collector: TestCollector;
  let browser: Browser;
  let steeringToken: string;
  let omgevingToken: string;

  async function api(path: string, token: string): Promise<Response> {
    const response = await fetch(`${collector.url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status, path).toBe(200);
    return response;
  }
  const overviewOf = async (token: string) =>
    (await (await api(`/overview?year=${year}`, token)).json()) as Overview;

  /** `count` answers rated `rating` this year (or in last year's same span), widget-sent. */
  async function answers(
    serviceId: string,
    count: number,
    rating: number,
    extra: { outcome?: 'completed' | 'rejected' | 'error'; reasons?: string[]; lastYear?: boolean },
  ) {
    for (let i = 0; i < count; i += 1) {
      await collector.store.ingest({
        id: randomUUID(),
        serviceId,
        rating,
        lang: 'nl',
        redactions: 0,
        // Last year: 1 January, inside the same span as this year's 1 January up to today.
        receivedAt: extra.lastYear
          ? Date.UTC(year - 1, 0, 1, 12, i)
          : Math.max(Date.UTC(year, 0, 1, 12), Date.now() - (i + 1) * 60_000),
        widget: true,
        channel: 'web',
        ...(extra.outcome ? { outcome: extra.outcome } : {}),
        ...(extra.reasons && rating <= 3 ? { reasons: extra.reasons } : {}),
      });
    }
  }

  beforeAll(async () => {
    if (!existsSync(join(dashboardDist, 'index.html'))) {
      throw new Error(
        'packages/dashboard/dist is missing: build it first (npx -y pnpm@12.4.2 --filter @vo-feedback/dashboard run build; npm test does).',
      );
    }
    collector = await startTestCollector({ staticDirs: { dashboard: dashboardDist } });
    const { store } = collector;
    await store.createOrganisation({
      id: 'dep-omgeving',
      name: 'Departement Omgeving',
      policyDomain: 'Omgeving',
      kind: 'flemish',
    });
    await store.createOrganisation({
      id: 'stad-gent',
      name: 'Stad Gent',
      policyDomain: 'Binnenlands Bestuur',
      kind: 'local',
    });
    const service = (id: string, name: string, organisationId: string, target: number | null) =>
      store.createService({
        id,
        name,
        organisationId,
        allowedOrigins: [],
        active: true,
        publicServiceUri: null,
        target,
      });
    await service('omgevingsloket', 'Omgevingsloket', 'dep-omgeving', 0.7);
    await service('bouwaanvraag', 'Bouwaanvraag', 'dep-omgeving', 0.95);
    await service('parkeerkaart', 'Parkeerkaart', 'stad-gent', null);

    // Omgevingsloket: 24 of 30 satisfied (last year 9 of 10), shown 60 times, recently.
    await answers('omgevingsloket', 20, 5, { outcome: 'completed' });
    await answers('omgevingsloket', 4, 4, { outcome: 'rejected' });
    await answers('omgevingsloket', 6, 2, { outcome: 'error', reasons: ['too-slow'] });
    await answers('omgevingsloket', 9, 5, { lastYear: true });
    await answers('omgevingsloket', 1, 1, { lastYear: true });
    // Bouwaanvraag: 6 of 20 satisfied against a target of 95 %; last year 19 of 20: falling.
    await answers('bouwaanvraag', 6, 4, { outcome: 'completed' });
    await answers('bouwaanvraag', 14, 1, { outcome: 'error', reasons: ['technical-problem'] });
    await answers('bouwaanvraag', 19, 5, { lastYear: true });
    await answers('bouwaanvraag', 1, 2, { lastYear: true });
    // Parkeerkaart: 3 answers, never shown recently: few responses, silent.
    await answers('parkeerkaart', 2, 5, {});
    await answers('parkeerkaart', 1, 3, { reasons: ['unclear-information'] });
    for (let i = 0; i < 60; i += 1) await store.recordImpression('omgevingsloket', today);
    for (let i = 0; i < 40; i += 1) await store.recordImpression('bouwaanvraag', today);
    const longAgo = new Date(Date.now() - 60 * DAY).toISOString().slice(0, 10);
    if (longAgo.startsWith(String(year))) await store.recordImpression('parkeerkaart', longAgo);
    await store.recordImpression(collector.serviceId, today);
    // Departement Omgeving has handed in this year's report already; the others have not.
    await handInReport(
      store,
      { organisationId: 'dep-omgeving', year, minimum: 10 },
      { actor: 'omgeving', now: Date.now() },
    );

    steeringToken = (await issueToken(store, { label: 'steering', role: 'steering' })).token;
    omgevingToken = (
      await issueToken(store, {
        label: 'omgeving',
        role: 'provider',
        organisationId: 'dep-omgeving',
      })
    ).token;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.dispose();
  });

  /** A signed-in page; fails the test on any script error, console error or dialog. */
  async function signedIn(token: string, width = 1280) {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      acceptDownloads: true,
    });
    await context.addInitScript({ path: require.resolve('axe-core') });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`${collector.url}/dashboard/`);
    await page.locator('#token').fill(token);
    await page.getByRole('button', { name: /^aanmelden$/i }).click();
    await page.locator('vo-service-list h1').waitFor();
    return { page, problems, context };
  }

  async function axe(page: Page, state: string) {
    expect(await axeViolations(page), `axe: ${state}`).toEqual([]);
  }

  const overviewReady = (page: Page) => page.locator('vo-overview[state="ready"]').waitFor();
  const tableRows = (page: Page) =>
    page
      .locator('vo-overview tbody tr[data-service]')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.children).map((cell) =>
            (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
          ),
        ),
      );
  const shownIds = (page: Page) =>
    page
      .locator('vo-overview tbody tr[data-service]')
      .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.service));
  const fits = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
  const active = (page: Page) =>
    page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element?.getAttribute('data-sort') ?? element?.id ?? element?.tagName ?? '';
    });

  async function shoot(page: Page, name: string) {
    mkdirSync(screenshotDir, { recursive: true });
    const { width } = page.viewportSize()!;
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({
      path: join(screenshotDir, `dashboard-${name}.png`),
      fullPage: true,
      clip: { x: 0, y: 0, width, height: width < 400 ? Math.min(height, 2000) : height },
    });
  }

  it('steering: every service as the API answers it, sorted by keyboard, searched, grouped, as CSV', async () => {
    const { page, problems, context } = await signedIn(steeringToken);
    // From the navigation, with the keyboard.
    const link = page.locator('vo-dashboard nav a[data-nav="overview"]');
    await link.focus();
    await page.keyboard.press('Enter');
    await overviewReady(page);
    expect(await link.getAttribute('aria-current')).toBe('page');
    expect(await page.title()).toBe('Overzicht van de diensten – Feedbackdashboard');
    expect(await page.evaluate(() => location.hash)).toBe('#/overzicht');

    const answer = await overviewOf(steeringToken);
    expect(answer.rows.map((row) => row.serviceId)).toEqual([
      'bouwaanvraag',
      'omgevingsloket',
      'parkeerkaart',
      collector.serviceId,
    ]);
    expect(await tableRows(page)).toEqual(answer.rows.map((row) => shownRow(row, answer.minimum)));
    // The dataset's flags, decided by the collector, shown in words.
    const flags = Object.fromEntries(answer.rows.map((row) => [row.serviceId, row.flags]));
    expect(flags.bouwaanvraag).toEqual(['below-target', 'falling']);
    expect(flags.parkeerkaart).toEqual(expect.arrayContaining(['few-responses', 'silent']));
    expect(answer.rows.map((row) => row.reportStatus)).toEqual([
      'submitted',
      'submitted',
      'missing',
      'missing',
    ]);
    await axe(page, 'overview, steering');

    // Sort by satisfaction with the keyboard: lowest first, then the other way.
    const csatButton = page.locator('vo-overview button[data-sort="csat"]');
    await csatButton.focus();
    await page.keyboard.press('Enter');
    const csatHeader = page.locator('vo-overview th[data-column="csat"]');
    await expect.poll(() => csatHeader.getAttribute('aria-sort')).toBe('ascending');
    const byCsat = [...answer.rows]
      .sort((a, b) => (a.csat ?? 2) - (b.csat ?? 2))
      .map((row) => row.serviceId);
    expect(await shownIds(page)).toEqual(byCsat);
    const shown = page.locator('vo-overview [data-status="shown"]');
    expect(await shown.textContent()).toBe(
      'Gesorteerd op Tevredenheid, oplopend. 4 diensten getoond.',
    );
    expect(await active(page)).toBe('csat');
    await page.keyboard.press('Space');
    await expect.poll(() => csatHeader.getAttribute('aria-sort')).toBe('descending');
    // The rows without a figure stay last.
    const withCsat = byCsat.filter((id) => answer.rows.find((r) => r.serviceId === id)!.csat);
    expect((await shownIds(page)).slice(0, withCsat.length)).toEqual([...withCsat].reverse());

    // Search: the organisation's name; "n diensten getoond" is announced.
    await page.locator('vo-overview #overview-search').fill('gent');
    await expect.poll(() => shownIds(page)).toEqual(['parkeerkaart']);
    expect(await shown.textContent()).toBe('1 dienst getoond.');
    await page.locator('vo-overview #overview-search').fill('');
    await page.locator('vo-overview #overview-flag').selectOption('falling');
    await expect.poll(() => shownIds(page)).toEqual(['bouwaanvraag']);
    await page.locator('vo-overview #overview-flag').selectOption('');

    // Grouped by policy domain, each with its totals.
    await page.locator('vo-overview #overview-group').check();
    await expect
      .poll(() => page.locator('vo-overview tr.group th .domain').allTextContents())
      .toEqual(['Binnenlands Bestuur', 'Omgeving', 'Geen beleidsdomein']);
    expect(
      await page.locator('vo-overview tbody[data-domain="Omgeving"] .totals').textContent(),
    ).toContain('2 diensten, 50 antwoorden');
    await axe(page, 'overview, grouped');
    await page.locator('vo-overview #overview-group').uncheck();

    // The CSV as the API gives it, fetched with the token in the header.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('vo-overview button[data-download="overview-csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`overzicht-diensten-${year}-alle-organisaties.csv`);
    // Byte for byte: the BOM that tells Excel it is UTF-8 included.
    const csv = await api(`/overview?year=${year}&format=csv`, steeringToken);
    const expectedCsv = Buffer.from(await csv.arrayBuffer());
    expect(readFileSync((await download.path())!).equals(expectedCsv)).toBe(true);

    // A service opens its report.
    await page.locator('vo-overview a', { hasText: 'Bouwaanvraag' }).click();
    await page.locator('vo-service-report h1', { hasText: 'Bouwaanvraag' }).waitFor();
    expect(await page.locator('vo-dashboard nav a[aria-current="page"]').textContent()).toBe(
      'Diensten',
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a provider sees its own services only, as the API answers them', async () => {
    const { page, problems, context } = await signedIn(omgevingToken);
    await page.goto(`${collector.url}/dashboard/#/overzicht`);
    await overviewReady(page);
    const answer = await overviewOf(omgevingToken);
    expect(answer.rows.map((row) => row.serviceId)).toEqual(['bouwaanvraag', 'omgevingsloket']);
    expect(await tableRows(page)).toEqual(answer.rows.map((row) => shownRow(row, answer.minimum)));
    // Sorted by responses with the keyboard, most first on the second press.
    await page.locator('vo-overview button[data-sort="responses"]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('vo-overview th[data-column="responses"]').getAttribute('aria-sort'))
      .toBe('descending');
    expect(await shownIds(page)).toEqual(['omgevingsloket', 'bouwaanvraag']);
    await axe(page, 'overview, provider');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reflows at 320 px with the table scrolling in its own region, keeps its words in forced colours, and is photographed', async () => {
    const { page, problems, context } = await signedIn(steeringToken);
    await page.goto(`${collector.url}/dashboard/#/overzicht`);
    await overviewReady(page);
    await shoot(page, 'overview-1280');

    await page.setViewportSize({ width: 320, height: 640 });
    await page.waitForFunction(() => document.documentElement.scrollWidth <= 320);
    expect(await fits(page)).toBe(true);
    const region = page.locator('vo-overview .table-scroll');
    const scrolls = await region.evaluate((el) => ({
      wider: el.scrollWidth > el.clientWidth,
      right: el.getBoundingClientRect().right,
      name: el.getAttribute('aria-labelledby'),
      tabindex: el.getAttribute('tabindex'),
    }));
    expect(scrolls).toMatchObject({ wider: true, name: 'overview-caption', tabindex: '0' });
    expect(scrolls.right).toBeLessThanOrEqual(320);
    for (const selector of [
      'vo-overview #overview-search',
      'vo-overview #overview-flag',
      'vo-overview #overview-kind',
      'vo-overview #overview-group',
      'vo-overview button[data-download="overview-csv"]',
      'vo-dashboard nav',
    ]) {
      const box = await page.locator(selector).boundingBox();
      expect(box, selector).not.toBeNull();
      expect(box!.x + box!.width, selector).toBeLessThanOrEqual(320);
    }
    // The region scrolls with the keyboard.
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await axe(page, 'overview at 320 px');
    for (const language of ['fr', 'en', 'nl']) {
      await page.locator('vo-dashboard select#language').selectOption(language);
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
      expect(await fits(page), language).toBe(true);
    }
    await region.evaluate((el) => (el.scrollLeft = 0));
    await page.locator('vo-overview h1').focus();
    await shoot(page, 'overview-320');

    // Forced colours: the flags and statuses stay words in a frame, the sort buttons visible.
    await page.emulateMedia({ forcedColors: 'active' });
    await page.setViewportSize({ width: 1280, height: 900 });
    const flag = page.locator('vo-overview li[data-flag="falling"]');
    expect(await flag.textContent()).toBe('dalend');
    expect(await flag.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
    expect(await page.locator('vo-overview button[data-sort="csat"]').isVisible()).toBe(true);
    await axe(page, 'overview in forced colours');
    await page.emulateMedia({ forcedColors: 'none' });
    expect(problems).toEqual([]);
    await context.close();
  });
});
