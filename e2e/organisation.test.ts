import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type {
  AdminService,
  Me,
  Person,
  SubscriptionList,
  TokenInfo,
} from '../packages/shared/src/index.ts';
import { issueToken } from '../packages/collector/src/use-cases/administration.ts';
import {
  startTestIssuer,
  type TestIssuer,
} from '../packages/collector/src/test-support/oidc-issuer.ts';
import {
  startTestCollector,
  type TestCollector,
} from '../packages/collector/src/test-support/start-collector.ts';
import {
  adminClient,
  axeViolations,
  freePort,
  launchChromium,
  oidcContext,
  oidcEnv,
  repoRoot,
  shootSection,
  signInAtIssuer,
  startCollectorProcess,
  watchPage,
  type AdminClient,
  type CollectorProcess,
} from './support.ts';

// The organisation's own business in the built dashboard, against the real collector under its
// Content-Security-Policy: e-mail subscriptions managed with a provider token (in-process
// collector, real SQLite), and a manager who signs in with OpenID Connect (the built collector
// process and a real OpenID provider in this process) and runs its organisation's services,
// people and tokens. Each change is checked in the API afterwards.

const require = createRequire(import.meta.url);
const dashboardDist = join(repoRoot, 'packages/dashboard/dist');

/** The focused element through the shadow roots: its tag, its text and its focus ring. */
function focused(page: Page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    const style = element ? getComputedStyle(element) : undefined;
    return {
      tag: element?.tagName.toLowerCase(),
      text: element?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      ring: `${style?.outlineStyle} ${style?.outlineWidth}`,
    };
  });
}

const fits = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);

describe('e-mail subscriptions in the dashboard, with a provider token', () => {
  let collector: TestCollector;
  let browser: Browser;
  let steeringToken: string;

  async function subscriptions(): Promise<SubscriptionList> {
    const response = await fetch(`${collector.url}/api/v1/subscriptions`, {
      headers: { authorization: `Bearer ${collector.providerToken}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as SubscriptionList;
  }

  beforeAll(async () => {
    if (!existsSync(join(dashboardDist, 'index.html'))) {
      throw new Error(
        'packages/dashboard/dist is missing: build it first (npx tsc -b && npm run build; npm test does).',
      );
    }
    collector = await startTestCollector({ staticDirs: { dashboard: dashboardDist } });
    await collector.store.createService({
      id: 'parkeerkaart',
      name: 'Parkeerkaart aanvragen',
      organisationId: 'test-org',
      allowedOrigins: [],
      active: true,
      publicServiceUri: null,
    });
    steeringToken = (await issueToken(collector.store, { label: 'steering', role: 'steering' }))
      .token;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.dispose();
  });

  async function signedIn(token: string, width = 1280) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    await context.addInitScript({ path: require.resolve('axe-core') });
    const page = await context.newPage();
    const problems = watchPage(page, collector.url);
    await page.goto(`${collector.url}/dashboard/`);
    await page.locator('#token').fill(token);
    await page.getByRole('button', { name: /^aanmelden$/i }).click();
    await page.locator('vo-service-list h1').waitFor();
    return { page, problems };
  }

  async function axe(page: Page, state: string) {
    expect(await axeViolations(page), `axe: ${state}`).toEqual([]);
  }

  it('subscribes an address to chosen services, refuses a second of the same kind, and unsubscribes it', async () => {
    const { page, problems } = await signedIn(collector.providerToken);
    await page.locator('nav a[data-nav="subscriptions"]').click();
    const view = page.locator('vo-subscriptions');
    await view.locator('[data-no-subscriptions]').waitFor();
    expect(await page.title()).toBe('Meldingen per e-mail – Feedbackdashboard');
    await expect
      .poll(() =>
        view.locator('h1').evaluate((h1) => h1 === (h1.getRootNode() as ShadowRoot).activeElement),
      )
      .toBe(true);
    await axe(page, 'no subscriptions yet');

    // Nothing filled in: each field says what to give.
    await view.getByRole('button', { name: 'Inschrijven' }).click();
    await view.locator('#subscription-email-error').waitFor();
    await axe(page, 'the form with its errors');

    await view.getByLabel('E-mailadres').fill('Team.Loket@Testorganisatie.be');
    await view.getByLabel('Maandelijks overzicht').check();
    await view.getByLabel('Alleen de diensten die ik aankruis').check();
    await view.getByLabel('Testdienst').check();
    await axe(page, 'the form filled in, services chosen');
    await view.getByRole('button', { name: 'Inschrijven' }).click();
    await view
      .locator('[role="status"]', {
        hasText: 'team.loket@testorganisatie.be is ingeschreven: maandelijks overzicht.',
      })
      .waitFor();
    const item = view.locator('.subscription');
    expect(await item.locator('[data-figure="what"]').textContent()).toBe('maandelijks overzicht');
    expect(await item.locator('[data-figure="services"]').textContent()).toBe('Testdienst');
    await axe(page, 'one subscription');
    await shootSection(page, 'subscriptions-1280', view.locator('h1'), {
      through: view.locator('form fieldset').first(),
    });
    const [stored] = (await subscriptions()).subscriptions;
    expect(stored).toMatchObject({
      email: 'team.loket@testorganisatie.be',
      frequency: 'monthly',
      serviceIds: [collector.serviceId],
    });

    // The same address and frequency again: the collector's reason, in the status.
    await view.getByLabel('E-mailadres').fill('team.loket@testorganisatie.be');
    await view.getByLabel('Maandelijks overzicht').check();
    await view.getByRole('button', { name: 'Inschrijven' }).click();
    await view
      .locator('[role="status"].error', { hasText: 'monthly subscription already' })
      .waitFor();
    expect((await subscriptions()).subscriptions).toHaveLength(1);

    // Unsubscribed after the question in the page.
    await item.getByRole('button', { name: /^Uitschrijven/ }).click();
    await item.locator('.confirm').waitFor();
    await axe(page, 'the question before unsubscribing');
    await item.getByRole('button', { name: 'Ja, uitschrijven' }).click();
    await view.locator('[data-no-subscriptions]').waitFor();
    expect((await subscriptions()).subscriptions).toEqual([]);
    // The browser logs the refused second subscription (409) itself; nothing else is allowed.
    expect(problems.filter((problem) => !/status of 409 \(Conflict\)/.test(problem))).toEqual([]);
    await page.context().close();
  });

  it('works by keyboard alone with a visible focus ring, at 320 px and in forced colours', async () => {
    const { page, problems } = await signedIn(collector.providerToken);
    await page.goto(`${collector.url}/dashboard/#/meldingen`);
    const view = page.locator('vo-subscriptions');
    await view.locator('form').waitFor();
    await view.getByLabel('E-mailadres').focus();
    await page.keyboard.type('diensthoofd@testorganisatie.be');
    await page.keyboard.press('Tab');
    // The first choice of the radio group; the arrows pick "alleen alarmen".
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    for (let step = 0; step < 10; step += 1) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      expect(now.ring, JSON.stringify(now)).toMatch(/^solid [3-9]px$/);
      if (now.tag === 'button' && now.text === 'Inschrijven') break;
    }
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Inschrijven' });
    await page.keyboard.press('Enter');
    await view.locator('.subscription').waitFor();
    expect(await view.locator('[data-figure="what"]').textContent()).toBe('alleen alarmen');
    expect(await view.locator('[data-figure="services"]').textContent()).toBe(
      'Alle diensten, ook latere',
    );
    expect((await subscriptions()).subscriptions).toMatchObject([
      { email: 'diensthoofd@testorganisatie.be', frequency: 'alerts', serviceIds: null },
    ]);

    await page.setViewportSize({ width: 320, height: 640 });
    await view.getByLabel('Alleen de diensten die ik aankruis').check();
    expect(await fits(page)).toBe(true);
    await axe(page, 'subscriptions at 320 px');
    await shootSection(page, 'subscriptions-320', view.locator('.subscription'), {
      through: view.locator('form fieldset').nth(1),
    });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.emulateMedia({ forcedColors: 'active' });
    await axe(page, 'subscriptions in forced colours');
    const button = view.getByRole('button', { name: 'Inschrijven' });
    expect((await button.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(24);
    await page.emulateMedia({ forcedColors: 'none' });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('offers steering neither the link nor the page’s questions', async () => {
    const { page, problems } = await signedIn(steeringToken);
    expect(await page.locator('nav a[data-nav="subscriptions"]').count()).toBe(0);
    expect(await page.locator('nav a[data-nav="manage"]').count()).toBe(0);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${collector.url}/dashboard/#/meldingen`);
    await page
      .locator('vo-subscriptions', { hasText: 'Meldingen per e-mail horen bij een organisatie.' })
      .waitFor();
    expect(requests.filter((url) => url.includes('/api/v1/subscriptions'))).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('a manager runs its organisation in the dashboard, signed in with OpenID Connect', () => {
  const ADMIN_TOKEN = 'e2e-admin-token-organisation-0123456789';
  let issuer: TestIssuer;
  let collector: CollectorProcess;
  let browser: Browser;
  let admin: AdminClient;

  beforeAll(async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    issuer = await startTestIssuer([url], {
      an: { email: 'an.peeters@demo.be', name: 'An Peeters' },
      chris: { email: 'chris.dewit@demo.be', name: 'Chris De Wit' },
    });
    collector = await startCollectorProcess(oidcEnv(issuer, url, ADMIN_TOKEN), { port });
    admin = adminClient(collector.url, ADMIN_TOKEN);
    await admin('POST', '/people', {
      email: 'an.peeters@demo.be',
      role: 'manager',
      organisationId: 'demo',
    });
    await admin('POST', '/people', {
      email: 'chris.dewit@demo.be',
      role: 'provider',
      organisationId: 'demo',
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.stop();
    await issuer?.close();
  });

  /** Signs `login` in at the issuer from the dashboard's "Aanmelden". */
  async function signIn(login: string): Promise<{ page: Page; context: BrowserContext }> {
    const context = await oidcContext(browser);
    const page = await context.newPage();
    await page.goto(`${collector.url}/dashboard/`);
    await signInAtIssuer(page, login);
    await page.locator('vo-service-list h1').waitFor();
    return { page, context };
  }

  async function axe(page: Page, state: string) {
    expect(await axeViolations(page), `axe: ${state}`).toEqual([]);
  }

  it('changes a service’s settings, registers and removes a person, makes a token and revokes it', async () => {
    const { page, context } = await signIn('an');
    const problems = watchPage(page, collector.url);
    await page.locator('nav a[data-nav="manage"]').click();
    const view = page.locator('vo-organisation');
    const services = view.locator('vo-service-settings');
    const people = view.locator('vo-people');
    const tokens = view.locator('vo-tokens');
    await Promise.all([
      services.locator('.items').waitFor(),
      people.locator('.items').waitFor(),
      tokens.locator('.items, [data-empty]').first().waitFor(),
    ]);
    expect(await page.title()).toBe('Organisatie beheren – Feedbackdashboard');
    await axe(page, 'the manager’s page');

    // A service's help page, in the panel under it.
    const demo = services.locator('[data-item="demo-dienst"]');
    await demo.getByRole('button', { name: /^Instellingen wijzigen/ }).click();
    await services.getByLabel('Hulppagina').fill('https://www.demo.be/hulp');
    await axe(page, 'a service’s settings panel');
    await shootSection(page, 'manage-service-1280', demo);
    await services.getByRole('button', { name: /^Opslaan/ }).click();
    const outcome = services.locator('[data-status="change"]');
    await expect.poll(() => outcome.textContent()).not.toMatch(/^(|Bezig met opslaan…)$/);
    expect(await outcome.textContent()).toMatch(/^De instellingen van .* zijn opgeslagen\.$/);
    expect(await demo.locator('[data-figure="help"]').textContent()).toBe(
      'https://www.demo.be/hulp',
    );
    const [stored] = await admin<AdminService[]>('GET', '/services?organisationId=demo');
    expect(stored).toMatchObject({ id: 'demo-dienst', helpUrl: 'https://www.demo.be/hulp' });

    // A person: registered, listed as not signed in yet, removed after the question.
    const self = people.locator('.item', { hasText: 'an.peeters@demo.be (uzelf)' });
    expect(await self.locator('[data-figure="role"]').textContent()).toBe('Beheerder');
    expect(await self.locator('button').count()).toBe(0);
    await people.getByLabel('E-mailadres').fill('bert.claes@demo.be');
    await people.getByLabel('Dienstverlener').check();
    await people.getByRole('button', { name: 'Registreren' }).click();
    const bert = people.locator('.item', { hasText: 'bert.claes@demo.be' });
    await bert.waitFor();
    expect(await bert.locator('[data-figure="signed-in"]').textContent()).toBe(
      'Nog nooit aangemeld',
    );
    await axe(page, 'a person registered');
    await shootSection(page, 'manage-people-1280', people.locator('h2'), {
      through: people.locator('form fieldset'),
    });
    let listed = await admin<Person[]>('GET', '/people');
    expect(listed.find((p) => p.email === 'bert.claes@demo.be')).toMatchObject({
      role: 'provider',
      organisationId: 'demo',
      createdBy: 'person:an.peeters@demo.be',
    });
    await bert.getByRole('button', { name: /^Verwijderen/ }).click();
    await axe(page, 'the question before removing a person');
    await bert.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await people
      .locator('[role="status"]', { hasText: 'bert.claes@demo.be is verwijderd.' })
      .waitFor();
    listed = await admin<Person[]>('GET', '/people');
    expect(listed.map((p) => p.email)).not.toContain('bert.claes@demo.be');

    // A token: shown once, works, then revoked.
    await tokens.getByLabel('Naam').fill('rapportering');
    await tokens.getByLabel('Lezen: cijfers en opmerkingen').check();
    await tokens.getByRole('button', { name: 'Token aanmaken' }).click();
    const secret = tokens.locator('#token-secret');
    await secret.waitFor();
    const token = await secret.inputValue();
    expect(token).toMatch(/^vof_/);
    await axe(page, 'the new token, shown once');
    const me = await fetch(`${collector.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as Me).organisationId).toBe('demo');
    await tokens.getByRole('button', { name: 'Ik heb het token bewaard' }).click();
    expect(await secret.count()).toBe(0);
    const made = tokens.locator('.item', { hasText: 'rapportering' });
    await made.getByRole('button', { name: /^Intrekken/ }).click();
    await made.getByRole('button', { name: 'Ja, intrekken' }).click();
    await made.locator('[data-figure="status"]', { hasText: /^Ingetrokken op/ }).waitFor();
    const revoked = await fetch(`${collector.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(401);
    const list = await admin<TokenInfo[]>('GET', '/tokens');
    expect(list.find((t) => t.label === 'rapportering')?.revokedAt).not.toBeNull();

    await page.setViewportSize({ width: 320, height: 640 });
    expect(await fits(page)).toBe(true);
    await axe(page, 'the manager’s page at 320 px');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ forcedColors: 'active' });
    await axe(page, 'the manager’s page in forced colours');
    await page.emulateMedia({ forcedColors: 'none' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('gives a provider who signs in neither the link nor the page', async () => {
    const { page, context } = await signIn('chris');
    const problems = watchPage(page, collector.url);
    expect(await page.locator('nav a[data-nav="subscriptions"]').count()).toBe(1);
    expect(await page.locator('nav a[data-nav="manage"]').count()).toBe(0);
    await page.goto(`${collector.url}/dashboard/#/beheer`);
    await page.locator('vo-organisation .message').waitFor();
    expect(await page.locator('vo-organisation .message').innerText()).toContain(
      'Alleen een beheerder van de organisatie',
    );
    expect(problems).toEqual([]);
    await context.close();
  });
});
