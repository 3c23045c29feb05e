import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type {
  ActionList,
  AnnualReport,
  Explanation,
  ReportSubmissions,
} from '../packages/shared/src/index.ts';
import { issueToken } from '../packages/collector/src/use-cases/administration.ts';
import {
  startTestCollector,
  type TestCollector,
} from '../packages/collector/src/test-support/start-collector.ts';
import { axeViolations, launchChromium, repoRoot, shootSection } from './support.ts';

// Acting on feedback in the built dashboard, against the real collector (in-process, real SQLite)
// under its Content-Security-Policy: an improvement action added, changed and deleted; the
// explanation of a service's and of the organisation's figures; the annual report handed in and
// downloaded exactly as frozen; the steering committee's overview of who handed in. Each change is
// checked in the API afterwards. A collector of its own: handing in is for good.

const require = createRequire(import.meta.url);
const dashboardDist = join(repoRoot, 'packages/dashboard/dist');
const today = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
const year = Number(today.slice(0, 4));
const lastYear = year - 1;

describe('acting on feedback in the dashboard', () => {
  let collector: TestCollector;
  let browser: Browser;
  let steeringToken: string;

  async function api<T>(path: string, token = collector.providerToken): Promise<T> {
    const response = await fetch(`${collector.url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    if (!existsSync(join(dashboardDist, 'index.html'))) {
      throw new Error(
        'packages/dashboard/dist is missing: build it first (npx -y pnpm@12.4.2 --filter @vo-feedback/dashboard run build; npm test does).',
      );
    }
    collector = await startTestCollector({ staticDirs: { dashboard: dashboardDist } });
    for (const [index, comment] of ['Het formulier was te lang.', 'Te lang gewacht.'].entries()) {
      await collector.store.ingest({
        id: randomUUID(),
        serviceId: collector.serviceId,
        rating: 2,
        lang: 'nl',
        comment,
        redactions: 0,
        receivedAt: Date.now() - (index + 1) * 60_000,
        channel: 'web',
        reasons: [],
      });
    }
    steeringToken = (await issueToken(collector.store, { label: 'steering', role: 'steering' }))
      .token;
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
    await page.locator('#token').fill(token);
    await page.getByRole('button', { name: /^aanmelden$/i }).click();
    await page.locator('vo-service-list h1').waitFor();
    return { page, problems, requests };
  }

  async function axe(page: Page, state: string) {
    expect(await axeViolations(page), `axe: ${state}`).toEqual([]);
  }

  const fits = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);

  it('adds, changes and deletes an improvement action, and explains the figures', async () => {
    const { page, problems } = await signedIn(collector.providerToken);
    await page.goto(`${collector.url}/dashboard/#/services/${collector.serviceId}`);
    const actions = page.locator('vo-actions');
    await actions.locator('form').waitFor();
    await axe(page, 'service report with actions and explanation');

    await actions.getByLabel('Wat verbetert u?').fill('Formulier in twee stappen');
    await actions.getByLabel('Status', { exact: true }).selectOption('done');
    await actions.getByLabel('Toon deze actie publiek zodra ze klaar is').check();
    await actions.getByLabel('te lang').check();
    await actions.getByRole('button', { name: 'Actie toevoegen' }).press('Enter');
    await actions
      .locator('[role="status"]', {
        hasText: 'De actie “Formulier in twee stappen” is toegevoegd.',
      })
      .waitFor();
    let stored = await api<ActionList>(`/services/${collector.serviceId}/actions`);
    expect(
      stored.actions.map(({ title, status, public: shown, themes, doneOn }) => ({
        title,
        status,
        shown,
        themes,
        done: doneOn !== null,
      })),
    ).toEqual([
      {
        title: 'Formulier in twee stappen',
        status: 'done',
        shown: true,
        themes: ['te lang'],
        done: true,
      },
    ]);
    await axe(page, 'an action added');

    await actions.getByLabel('Status van “Formulier in twee stappen”').selectOption('in-progress');
    await actions.locator('[role="status"]', { hasText: 'is nu: Bezig.' }).waitFor();
    stored = await api<ActionList>(`/services/${collector.serviceId}/actions`);
    expect(stored.actions[0]!.status).toBe('in-progress');

    await actions.getByRole('button', { name: 'Verwijderen Formulier in twee stappen' }).click();
    const question = actions.getByRole('group', { name: /Wilt u de actie .* verwijderen\?/ });
    await question.waitFor();
    await axe(page, 'delete asked');
    await question.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await actions.locator('[role="status"]', { hasText: 'is verwijderd.' }).waitFor();
    stored = await api<ActionList>(`/services/${collector.serviceId}/actions`);
    expect(stored.actions).toEqual([]);

    const explanation = page.locator('vo-service-report vo-explanation');
    await explanation.getByLabel('Toelichting').fill('  In maart verhuisde het loket.  ');
    await explanation.getByRole('button', { name: 'Toelichting opslaan' }).click();
    await explanation
      .locator('[role="status"]', { hasText: 'De toelichting is opgeslagen.' })
      .waitFor();
    const saved = await api<Explanation>(`/services/${collector.serviceId}/explanations/${year}`);
    expect(saved.text).toBe('In maart verhuisde het loket.');
    expect(await explanation.locator('[data-last-saved]').textContent()).toContain(
      `Laatst opgeslagen door ${saved.updatedBy}`,
    );

    // Two actions for the README's picture: one planned and in progress, one done and public.
    const add = async (title: string, description: string, status: string, planned: string) => {
      await actions.getByLabel('Wat verbetert u?').fill(title);
      await actions.getByLabel(/^Meer uitleg/).fill(description);
      await actions.getByLabel('Status', { exact: true }).selectOption(status);
      await actions.getByLabel(/^Gepland tegen/).fill(planned);
      if (status === 'done') {
        await actions.getByLabel('Toon deze actie publiek zodra ze klaar is').check();
      }
      await actions.getByLabel('te lang').check();
      await actions.getByRole('button', { name: 'Actie toevoegen' }).click();
      await actions.locator(`li.action h4`, { hasText: title }).waitFor();
    };
    await add(
      'Betaling ook met de gsm',
      'De betaalpagina werkt nu ook op kleine schermen.',
      'done',
      `${year}-02-15`,
    );
    await add(
      'Formulier in twee stappen',
      'Eerst de gegevens, dan de betaling; elk deel op één scherm.',
      'in-progress',
      `${year}-06-30`,
    );

    // Photographed for the README, last year's figures: a period without answers, so the
    // explanation's panel stands right above the actions' (with answers, the charts, the themes
    // and the comments come between).
    await page.locator('vo-period-picker').getByLabel('Vorig jaar').check();
    await page.getByRole('button', { name: /toon deze periode/i }).click();
    await page.locator('vo-service-report[state="empty"]').waitFor();
    await explanation
      .getByLabel('Toelichting')
      .fill('Tot september liep de betaling op de gsm vaak mis; sindsdien werkt ze op elk scherm.');
    await explanation.getByRole('button', { name: 'Toelichting opslaan' }).click();
    await explanation
      .locator('[role="status"]', { hasText: 'De toelichting is opgeslagen.' })
      .waitFor();
    await expect.poll(() => actions.locator('li.action').count()).toBe(2);
    expect(await actions.locator('[data-status="load"]').textContent()).toBe('');
    await shootSection(page, 'actions-1280', page.locator('section.panel:has(vo-explanation)'), {
      through: page.locator('section.panel:has(vo-actions)'),
    });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('hands in the annual report, lists the version and downloads it exactly as frozen', async () => {
    const { page, problems } = await signedIn(collector.providerToken);
    const handIn = page.locator('vo-hand-in');
    await handIn.getByRole('button', { name: `Jaarrapport ${lastYear} indienen` }).waitFor();
    expect(await handIn.getByRole('radio', { name: String(lastYear) }).isChecked()).toBe(true);

    const explanation = handIn.locator('vo-explanation');
    await explanation.getByLabel('Toelichting').fill('Een rustig jaar.');
    await explanation.getByRole('button', { name: 'Toelichting opslaan' }).click();
    await explanation.locator('[role="status"]', { hasText: 'opgeslagen' }).waitFor();
    await axe(page, 'hand-in before');

    await handIn.getByRole('button', { name: `Jaarrapport ${lastYear} indienen` }).click();
    await handIn
      .locator('[role="status"]', {
        hasText: `Versie 1 van het jaarrapport ${lastYear} is ingediend.`,
      })
      .waitFor();
    const { versions } = await api<ReportSubmissions>(`/reports/annual/${lastYear}/submissions`);
    expect(versions.map((v) => v.version)).toEqual([1]);
    const version = handIn.locator('[data-version="1"]');
    expect(await version.locator('[data-sha256-short]').textContent()).toBe(
      `${versions[0]!.sha256.slice(0, 12)}…`,
    );
    expect(await version.locator('[data-sha256]').textContent()).toBe(versions[0]!.sha256);
    await axe(page, 'a version handed in');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      version.getByRole('button', { name: 'JSON downloaden van versie 1' }).click(),
    ]);
    const bytes = readFileSync((await download.path())!);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(versions[0]!.sha256);
    const frozen = JSON.parse(bytes.toString('utf8')) as AnnualReport;
    expect(frozen.organisations.map((organisation) => organisation.explanation)).toEqual([
      'Een rustig jaar.',
    ]);

    // Handed in again after a change: a second version, listed first, for the README's picture
    // with its full fingerprint shown.
    await explanation
      .getByLabel('Toelichting')
      .fill('Een rustig jaar. In maart verhuisde het loket.');
    await explanation.getByRole('button', { name: 'Toelichting opslaan' }).click();
    await explanation.locator('[role="status"]', { hasText: 'opgeslagen' }).waitFor();
    await handIn.getByRole('button', { name: `Jaarrapport ${lastYear} opnieuw indienen` }).click();
    await handIn
      .locator('[role="status"]', {
        hasText: `Versie 2 van het jaarrapport ${lastYear} is ingediend.`,
      })
      .waitFor();
    const newest = handIn.locator('[data-version="2"]');
    await newest.locator('summary').click();
    expect(
      await handIn
        .locator('li.version')
        .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.version)),
    ).toEqual(['2', '1']);
    await shootSection(page, 'hand-in-1280', page.locator('div.panel:has(vo-hand-in)'));

    await page.setViewportSize({ width: 320, height: 640 });
    await version.locator('summary').click();
    expect(await fits(page)).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows steering who handed in, in words, with the frozen report and nothing to edit', async () => {
    const { page, problems, requests } = await signedIn(steeringToken);
    const overview = page.locator('vo-hand-in');
    const table = overview.locator(`table[data-year="${lastYear}"]`);
    await table.waitFor();
    const onTime = today <= `${year}-03-31`;
    const row = table.locator('tr[data-organisation="test-org"]');
    expect(await row.locator('th').textContent()).toBe('Testorganisatie');
    expect((await row.locator('td').first().textContent())!.trim()).toContain(
      onTime ? 'Ingediend' : 'Te laat',
    );
    expect(
      await overview
        .locator(`table[data-year="${year}"] tr[data-organisation="test-org"] td`)
        .first()
        .textContent(),
    ).toContain('Ontbreekt');
    await axe(page, 'steering overview');
    expect(await overview.locator('vo-explanation, button[data-submit], textarea').count()).toBe(0);
    expect(requests.filter((url) => url.includes('/explanations/'))).toEqual([]);

    const panel = page.locator('div.panel:has(vo-hand-in)');
    await shootSection(page, 'hand-ins-steering-1280', panel);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: 'HTML downloaden van Testorganisatie' }).click(),
    ]);
    expect(readFileSync((await download.path())!, 'utf8')).toContain('Een rustig jaar.');

    await page.setViewportSize({ width: 320, height: 640 });
    expect(await fits(page)).toBe(true);
    await axe(page, 'steering overview at 320 px');
    await shootSection(page, 'hand-ins-steering-320', panel);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('works by keyboard alone with a visible focus ring, and keeps its controls in forced colours', async () => {
    const { page, problems } = await signedIn(collector.providerToken);
    await page.goto(`${collector.url}/dashboard/#/services/${collector.serviceId}`);
    const actions = page.locator('vo-actions');
    await actions.locator('form').waitFor();
    /** The focused element through the shadow roots: its tag, its name and its focus ring. */
    const focused = () =>
      page.evaluate(() => {
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        const style = element ? getComputedStyle(element) : undefined;
        return {
          tag: element?.tagName.toLowerCase(),
          name: element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '',
          ring: `${style?.outlineStyle} ${style?.outlineWidth}`,
        };
      });

    // An action, from its title to its button, with the keyboard only.
    await actions.getByLabel('Wat verbetert u?').focus();
    await page.keyboard.type('Wachtrij per sms');
    for (let step = 0; step < 20; step += 1) {
      await page.keyboard.press('Tab');
      const now = await focused();
      expect(now.ring, JSON.stringify(now)).toMatch(/^solid [3-9]px$/);
      if (now.tag === 'button' && now.name === 'Actie toevoegen') break;
    }
    expect(await focused()).toMatchObject({ tag: 'button', name: 'Actie toevoegen' });
    await page.keyboard.press('Enter');
    await actions
      .locator('[role="status"]', { hasText: 'De actie “Wachtrij per sms” is toegevoegd.' })
      .waitFor();

    // The explanation: typed, then saved from its button by keyboard.
    const explanation = page.locator('vo-explanation').first();
    await explanation.getByLabel('Toelichting').focus();
    // The earlier test's text is replaced: all of it selected, then typed over.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Een nieuwe wachtrij sinds juni.');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'button', name: 'Toelichting opslaan' });
    await page.keyboard.press('Enter');
    await explanation
      .locator('[role="status"]', { hasText: 'De toelichting is opgeslagen.' })
      .waitFor();
    const stored = await api<Explanation>(`/services/${collector.serviceId}/explanations/${year}`);
    expect(stored.text).toBe('Een nieuwe wachtrij sinds juni.');

    // In forced colours every control keeps its place and its name, and axe finds nothing.
    await page.emulateMedia({ forcedColors: 'active' });
    await axe(page, 'actions and explanation in forced colours');
    for (const control of [
      actions.getByRole('button', { name: 'Actie toevoegen' }),
      explanation.getByRole('button', { name: 'Toelichting opslaan' }),
    ]) {
      expect((await control.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(24);
    }
    await page.goto(`${collector.url}/dashboard/#/`);
    const handIn = page.locator('vo-hand-in').first();
    await handIn.getByRole('button', { name: new RegExp(`^Jaarrapport ${lastYear}`) }).waitFor();
    await axe(page, 'hand-in in forced colours');
    await page.emulateMedia({ forcedColors: 'none' });
    expect(problems).toEqual([]);
  });
});
