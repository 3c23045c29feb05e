import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  DEFAULT_REASONS,
  type FeedbackPage,
  type ServiceInfo,
  type Summary,
  type Themes,
} from '../packages/shared/src/index.ts';
import { issueToken } from '../packages/collector/src/use-cases/administration.ts';
import {
  startTestCollector,
  type TestCollector,
} from '../packages/collector/src/test-support/start-collector.ts';
import { axeViolations, launchChromium, repoRoot } from './support.ts';

// The providers' dashboard, built, served by the real collector (in-process, real SQLite) under its
// Content-Security-Policy, driven in headless Chromium. The numbers on screen are compared with
// what the API answers for the same period; nothing of the dashboard is mocked.

const require = createRequire(import.meta.url);
// jsqr is CommonJS whose exports carry the function as `default`.
const jsQR = jsQRModule.default;
const dashboardDist = join(repoRoot, 'packages/dashboard/dist');
const XSS_COMMENT = 'Mooi <img src=x onerror=alert(1)> formulier';
const LINK_COMMENT = 'Zie <a href="javascript:alert(2)">deze link</a> of javascript:alert(3) hier';
/** Screenshots go to docs/ with VO_SCREENSHOTS=1, else to .test-results/ (tracked files stay put). */
const screenshotDir =
  process.env.VO_SCREENSHOTS === '1' ? join(repoRoot, 'docs') : join(repoRoot, '.test-results');

const brusselsDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const today = brusselsDate.format(new Date());
const year = Number(today.slice(0, 4));
const lastYearSameDay = `${year - 1}-${today.slice(5) === '02-29' ? '02-28' : today.slice(5)}`;

/** A number as the dashboard shows it in Dutch ("1.234", "40,0%") as a JavaScript number. */
function shownNumber(text: string): number {
  const plain = text
    .replace(/[\s\u00a0\u202f%]/g, '')
    .replace(/\./g, '')
    .replace(',', '.');
  const value = Number(plain);
  if (Number.isNaN(value)) throw new Error(`not a number on screen: "${text}"`);
  return value;
}

/** The channels and the default reasons as the dashboard names them in Dutch. */
const CHANNEL_NAMES: Record<string, string> = {
  web: 'Website',
  phone: 'Telefoon',
  counter: 'Loket',
  chat: 'Chat',
  email: 'E-mail',
  letter: 'Brief',
};
const REASON_LABELS = new Map(DEFAULT_REASONS.map((reason) => [reason.code, reason.labels.nl]));

/** The text of every cell of a table's body rows. */
function rowsOf(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.children).map((cell) => (cell.textContent ?? '').trim())),
    );
}

/** What a QR code on screen says, decoded from a screenshot of it. */
async function decodeQr(image: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await image.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/** MIN_PUBLIC_N of the test collector: under it a share says "weinig antwoorden" beside it. */
const MINIMUM_N = 10;
const FEW = 'weinig antwoorden';

/**
 * A share shown with "weinig antwoorden" beside it exactly when it is counted on some, but fewer
 * than MIN_PUBLIC_N, answers; and the same figure as the API's.
 */
function expectShare(text: string, fraction: number | null, answers: number) {
  const few = answers > 0 && answers < MINIMUM_N;
  expect(text.includes(FEW), `"${text}" on ${answers} answers`).toBe(few);
  expectPercent(text.replace(FEW, ''), fraction);
}

/** A fraction (0–1) from the API and a percentage shown with one decimal are the same figure. */
function expectPercent(text: string, fraction: number | null) {
  if (fraction === null) {
    expect(text.trim()).toBe('–');
    return;
  }
  expect(Math.abs(shownNumber(text) - fraction * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
}

describe('the providers dashboard', () => {
  let collector: TestCollector;
  let browser: Browser;
  let steeringToken: string;
  let dashboardUrl: string;
  /** Every comment text as the API stores it (redacted), this year. */
  let storedComments: string[];

  async function api<T>(path: string, token = collector.providerToken): Promise<T> {
    const response = await fetch(`${collector.url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  }

  async function post(path: string, body: unknown) {
    const response = await fetch(`${collector.url}/api/v1${path}`, {
      method: 'POST',
      // As the widget on a page of the collector itself: impressions need an allowed Origin.
      headers: { 'content-type': 'application/json', origin: collector.url },
      body: JSON.stringify(body),
    });
    expect(response.status, `${path} ${await response.clone().text()}`).toBeLessThan(300);
  }

  beforeAll(async () => {
    if (!existsSync(join(dashboardDist, 'index.html'))) {
      throw new Error(
        'packages/dashboard/dist is missing: build it first (npx -y pnpm@12.4.2 --filter @vo-feedback/dashboard run build; npm test does).',
      );
    }
    collector = await startTestCollector({ staticDirs: { dashboard: dashboardDist } });
    dashboardUrl = `${collector.url}/dashboard/`;
    // A second organisation, which the steering committee sees too. Created before the first
    // submission: ingest keeps a short-lived directory of services that the store alone does
    // not invalidate.
    await collector.store.createOrganisation({ id: 'andere-org', name: 'Andere organisatie' });
    await collector.store.createService({
      id: 'andere-dienst',
      name: 'Andere dienst',
      organisationId: 'andere-org',
      allowedOrigins: [],
      active: true,
      publicServiceUri: null,
    });

    // This year, through the public ingest API: 30 answers, 26 with a comment (two pages of 20),
    // from four channels; most of the twelve rated 1–3 tick one or two reasons.
    const themes = [
      'Het formulier was te lang.',
      'De betaling werkte niet op mijn gsm.',
      'Formulier te lang en de betaling werkte niet.',
      'Duidelijk en snel geregeld.',
    ];
    const outcomes = ['completed', 'completed', 'rejected', 'error', undefined] as const;
    const channels = ['web', 'web', 'counter', 'phone', 'web', 'email'] as const;
    // 6 of the 12 tick "too slow", 2 "technical problem", 1 "unclear": 9 ticks, so each share of
    // the 12 differs from its share of the ticks.
    const reasons = [['too-slow', 'unclear-information'], ['too-slow'], ['technical-problem'], []];
    for (let i = 0; i < 30; i += 1) {
      let comment: string | undefined;
      if (i === 3) comment = XSS_COMMENT;
      else if (i === 4) comment = LINK_COMMENT;
      else if (i < 26) comment = `${themes[i % themes.length]} (${i})`;
      const rating = [5, 4, 4, 3, 5, 2, 1, 4, 5, 3][i % 10]!;
      await post('/feedback', {
        id: randomUUID(),
        serviceId: collector.serviceId,
        rating,
        // Three answers without a comment in French; two steps of the journey, and no step.
        lang: i >= 27 ? 'fr' : 'nl',
        ...(i % 3 === 2 ? {} : { step: i % 3 === 0 ? 'gegevens' : 'betaling' }),
        channel: channels[i % channels.length],
        ...(rating <= 3 ? { reasons: reasons[i % reasons.length] } : {}),
        ...(outcomes[i % outcomes.length] ? { outcome: outcomes[i % outcomes.length] } : {}),
        ...(comment ? { comment } : {}),
      });
    }
    for (let i = 0; i < 45; i += 1) await post('/impressions', { serviceId: collector.serviceId });

    // Last year cannot be posted today: it goes through the same store.ingest the API uses, with
    // the receipt time set in the past (days in and after the "same period last year"). Reasons
    // only outside March–June: that period shows the sentence that none was ticked.
    const lastYear = [
      [`${year - 1}-01-15`, 5, 'web', []],
      [`${year - 1}-02-10`, 2, 'phone', ['could-not-find']],
      [`${year - 1}-03-03`, 4, 'web', []],
      [`${year - 1}-03-20`, 3, 'counter', []],
      [`${year - 1}-05-05`, 1, 'web', []],
      [`${year - 1}-06-18`, 5, 'counter', []],
      [`${year - 1}-06-19`, 4, 'web', []],
      [`${year - 1}-09-09`, 2, 'web', ['technical-problem', 'could-not-find']],
      [`${lastYearSameDay}`, 5, 'phone', []],
      [`${year - 1}-12-31`, 1, 'web', ['other']],
    ] as const;
    for (const [day, rating, channel, ticked] of lastYear) {
      await collector.store.ingest({
        id: randomUUID(),
        serviceId: collector.serviceId,
        rating,
        lang: 'nl',
        comment: 'Vorig jaar te lang gewacht.',
        redactions: 0,
        receivedAt: Date.parse(`${day}T10:00:00Z`),
        channel,
        reasons: [...ticked],
      });
    }

    for (const rating of [5, 4, 2]) {
      await post('/feedback', {
        id: randomUUID(),
        serviceId: 'andere-dienst',
        rating,
        lang: 'nl',
        comment: 'Geheime opmerking van een andere organisatie',
      });
    }
    steeringToken = (await issueToken(collector.store, { label: 'steering', role: 'steering' }))
      .token;

    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: FeedbackPage = await api<FeedbackPage>(
        `/services/${collector.serviceId}/feedback?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      );
      all.push(...page.items.map((item) => item.comment));
      cursor = page.nextCursor;
    } while (cursor);
    storedComments = all;

    browser = await launchChromium();
    mkdirSync(screenshotDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.dispose();
  });

  /** A page that fails the test on any script error, CSP violation or dialog (alert). */
  async function open(context?: BrowserContext) {
    const ctx = context ?? (await browser.newContext({ viewport: { width: 1280, height: 900 } }));
    // axe-core 4.14 is injected as an init script: page.addScriptTag inserts an inline <script>,
    // which the collector's CSP (script-src 'self') rightly blocks — and the CSP stays on.
    await ctx.addInitScript({ path: require.resolve('axe-core') });
    const page = await ctx.newPage();
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
    await page.goto(dashboardUrl);
    await page.locator('vo-sign-in h1').waitFor();
    return { page, problems, requests, context: ctx };
  }

  async function signIn(page: Page, token: string) {
    await page.locator('#token').fill(token);
    await page.getByRole('button', { name: /^aanmelden$/i }).click();
    await page.locator('vo-service-list h1').waitFor();
  }

  async function axe(page: Page, view: string) {
    expect(await axeViolations(page), `axe on ${view}`).toEqual([]);
  }

  /** The figures of the service list have loaded (every card shows its trend). */
  async function listLoaded(page: Page) {
    await page.locator('vo-service-list li.card').first().waitFor();
    await page.waitForFunction(() => {
      const list = document
        .querySelector('vo-dashboard')
        ?.shadowRoot?.querySelector('vo-service-list');
      const root = list?.shadowRoot;
      if (!root) return false;
      const cards = root.querySelectorAll('li.card');
      return (
        cards.length > 0 &&
        Array.from(cards).every((card) => card.querySelector('[data-figure="trend"]'))
      );
    });
  }

  async function reportReady(page: Page) {
    await page
      .locator('vo-service-report[state="ready"], vo-service-report[state="empty"]')
      .waitFor();
  }

  async function choosePeriod(page: Page, label: RegExp) {
    await page.locator('vo-period-picker').getByLabel(label).check();
    await page.getByRole('button', { name: /toon deze periode/i }).click();
  }

  /** Key figures, the ratings table, the month table and the outcome table equal the summary. */
  async function expectFiguresOf(page: Page, summary: Summary) {
    const report = page.locator('vo-service-report');
    const figure = (name: string) => report.locator(`[data-figure="${name}"]`).textContent();
    expect(shownNumber((await figure('responses')) ?? '')).toBe(summary.responses);
    expectPercent((await figure('csat')) ?? '', summary.csat);
    expect(shownNumber((await figure('mean')) ?? '')).toBeCloseTo(summary.mean ?? NaN, 2);
    // "weinig antwoorden" beside the satisfaction and the mean exactly under MIN_PUBLIC_N.
    const keyFigures = report.locator('section[aria-labelledby="key-figures"]');
    expect(await keyFigures.locator('dd [data-few]').count()).toBe(
      summary.responses < MINIMUM_N ? 2 : 0,
    );
    expect(shownNumber((await figure('comments')) ?? '')).toBe(summary.comments);
    expect(shownNumber((await figure('impressions')) ?? '')).toBe(summary.impressions);
    if (summary.responseRate === null) expect(await figure('response-rate')).toMatch(/geen/);
    else expectPercent((await figure('response-rate')) ?? '', summary.responseRate);
    if (summary.csatInterval) {
      const interval = (await figure('csat-interval')) ?? '';
      const [low, high] = interval.match(/\d+,\d%/g) ?? [];
      expectPercent(low ?? '', summary.csatInterval[0]);
      expectPercent(high ?? '', summary.csatInterval[1]);
    }

    const ratingRows = report.locator('vo-bar-chart[data-chart="ratings"] tbody tr');
    expect(await ratingRows.count()).toBe(5);
    for (let rating = 1; rating <= 5; rating += 1) {
      const cells = await ratingRows
        .nth(rating - 1)
        .locator('th, td')
        .allTextContents();
      expect(cells[0]).toContain(String(rating));
      expect(shownNumber(cells[1] ?? '')).toBe(summary.ratings[String(rating) as '1']);
    }

    const monthRows = report.locator('vo-csat-chart tbody tr');
    expect(await monthRows.count()).toBe(summary.byMonth.length);
    for (const month of summary.byMonth) {
      const cells = await report
        .locator(`vo-csat-chart tr[data-month="${month.month}"]`)
        .locator('th, td')
        .allTextContents();
      expect(shownNumber(cells[1] ?? ''), month.month).toBe(month.responses);
      expectShare(cells[2] ?? '', month.csat, month.responses);
      expect(shownNumber(cells[4] ?? '')).toBe(month.impressions);
    }

    const outcomeRows = await report
      .locator('vo-bar-chart[data-chart="outcomes"] tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => Array.from(row.children).map((c) => c.textContent ?? '')),
      );
    const labels: Record<string, string> = {
      completed: 'Afgerond',
      rejected: 'Geweigerd',
      error: 'Fout',
      info: 'Informatie',
      unknown: 'Niet opgegeven',
    };
    const expected = Object.entries(summary.byOutcome).map(([key, figures]) => [
      labels[key],
      figures.responses,
    ]);
    expect(outcomeRows.map((cells) => [cells[0]?.trim(), shownNumber(cells[1] ?? '')])).toEqual(
      expect.arrayContaining(expected),
    );
    expect(outcomeRows).toHaveLength(expected.length);

    // Channels: named in Dutch, in the API's order, with their share, csat and interval.
    const channelRows = await rowsOf(report.locator('vo-bar-chart[data-chart="channels"]'));
    expect(channelRows.map((cells) => cells[0])).toEqual(
      summary.byChannel.map((figures) => CHANNEL_NAMES[figures.channel]),
    );
    summary.byChannel.forEach((figures, index) => {
      const [, responses, share, csat, interval] = channelRows[index]!;
      expect(shownNumber(responses ?? ''), figures.channel).toBe(figures.responses);
      expectPercent(share ?? '', figures.responses / summary.responses);
      expectShare(csat ?? '', figures.csat, figures.responses);
      const [low, high] = interval?.match(/\d+,\d%/g) ?? [];
      expectPercent(low ?? '', figures.csatInterval?.[0] ?? null);
      expectPercent(high ?? '', figures.csatInterval?.[1] ?? null);
    });

    // Languages, in the API's order, with csat and "weinig antwoorden" where few answered.
    const languageRows = await rowsOf(report.locator('vo-bar-chart[data-chart="languages"]'));
    const LANGUAGE_NAMES: Record<string, string> = {
      nl: 'Nederlands',
      fr: 'Frans',
      en: 'Engels',
      de: 'Duits',
    };
    expect(languageRows.map((cells) => cells[0])).toEqual(
      summary.byLanguage.map((figures) => LANGUAGE_NAMES[figures.lang]),
    );
    summary.byLanguage.forEach((figures, index) => {
      const [, responses, , csat] = languageRows[index]!;
      expect(shownNumber(responses ?? ''), figures.lang).toBe(figures.responses);
      expectShare(csat ?? '', figures.csat, figures.responses);
    });

    // Steps in journey order, with the share not completed of the answers with an outcome.
    if (summary.byStep.length === 0) {
      expect(await report.locator('[data-empty="steps"]').count()).toBe(1);
    } else {
      const stepRows = await rowsOf(report.locator('vo-bar-chart[data-chart="steps"]'));
      expect(stepRows.map((cells) => cells[0])).toEqual(summary.byStep.map((step) => step.step));
      summary.byStep.forEach((figures, index) => {
        const [, responses, , csat, , notCompleted] = stepRows[index]!;
        expect(shownNumber(responses ?? ''), figures.step).toBe(figures.responses);
        expectShare(csat ?? '', figures.csat, figures.responses);
        expectShare(notCompleted ?? '', figures.shareNotCompleted, figures.withOutcome);
      });
    }

    // Reasons: by their label, most frequent first, each a share of the answers rated 1–3.
    const reasons = report.locator('vo-bar-chart[data-chart="reasons"]');
    if (summary.byReason.length === 0) {
      expect(await reasons.count()).toBe(0);
      expect(await report.locator('[data-empty="reasons"]').textContent()).toMatch(
        /Niemand duidde in deze periode een reden aan|Niemand gaf in deze periode een 1, 2 of 3/,
      );
      return;
    }
    const reasonRows = await rowsOf(reasons);
    expect(reasonRows.map((cells) => cells[0])).toEqual(
      summary.byReason.map((figures) => REASON_LABELS.get(figures.reason)),
    );
    summary.byReason.forEach((figures, index) => {
      const [, count, share] = reasonRows[index]!;
      expect(shownNumber(count ?? ''), figures.reason).toBe(figures.count);
      expectPercent(share ?? '', figures.share);
    });
  }

  it('a wrong token gets a message that says what to do, and nothing is kept', async () => {
    const { page, problems } = await open();
    await axe(page, 'sign-in');
    await page.locator('#token').fill('vof_this-is-not-a-token');
    await page.getByRole('button', { name: /^aanmelden$/i }).click();
    const error = page.locator('vo-sign-in #token-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/wordt niet herkend.*vraag uw beheerder/s);
    expect(await page.locator('#token').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#token').getAttribute('aria-describedby')).toContain('token-error');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await axe(page, 'sign-in with an error');
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    await page.context().close();
  });

  it('signs in, lists the services, picks one and changes the period: the numbers equal the API', async () => {
    const { page, problems, requests } = await open();
    await signIn(page, collector.providerToken);
    await listLoaded(page);
    await axe(page, 'service list');

    // The token lives in sessionStorage only, and never in a URL.
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    expect(await page.evaluate(() => Object.values(sessionStorage))).toContain(
      collector.providerToken,
    );

    // The list: this year's responses and csat, and the trend against the same period last year.
    const thisYear = await api<Summary>(
      `/services/${collector.serviceId}/summary?from=${year}-01-01&to=${today}`,
    );
    const before = await api<Summary>(
      `/services/${collector.serviceId}/summary?from=${year - 1}-01-01&to=${lastYearSameDay}`,
    );
    const card = page.locator(`vo-service-list li[data-service="${collector.serviceId}"]`);
    expect(shownNumber((await card.locator('[data-figure="responses"]').textContent()) ?? '')).toBe(
      thisYear.responses,
    );
    expectPercent((await card.locator('[data-figure="csat"]').textContent()) ?? '', thisYear.csat);
    // Compared figures carry their intervals: this year's and last year's.
    const cardInterval = (await card.locator('[data-figure="csat-interval"]').textContent()) ?? '';
    const [cardLow, cardHigh] = cardInterval.match(/\d+,\d%/g) ?? [];
    expectPercent(cardLow ?? '', thisYear.csatInterval![0]);
    expectPercent(cardHigh ?? '', thisYear.csatInterval![1]);
    const trend = (await card.locator('[data-figure="trend"]').textContent()) ?? '';
    // Last year's csat, then its interval's bounds (the change is in points, without %).
    const [, beforeLow, beforeHigh] = trend.match(/\d+,\d%/g) ?? [];
    expectPercent(beforeLow ?? '', before.csatInterval![0]);
    expectPercent(beforeHigh ?? '', before.csatInterval![1]);
    expect(trend.includes(FEW)).toBe(before.responses < MINIMUM_N);
    const points = Math.round((thisYear.csat! - before.csat!) * 1000) / 10;
    expect(trend).toContain(points > 0 ? '↑' : points < 0 ? '↓' : '→');
    expect(trend).toMatch(/dezelfde periode vorig jaar/);
    expect(trend).toContain(`n = ${before.responses}`);
    const overlap =
      thisYear.csatInterval![0] <= before.csatInterval![1] &&
      before.csatInterval![0] <= thisYear.csatInterval![1];
    expect(trend.includes('binnen de foutmarge')).toBe(overlap);
    expect(
      Math.abs(shownNumber(trend.match(/[+-]?\d+,\d(?= procentpunt)/)?.[0] ?? '') - points),
    ).toBeLessThan(1e-9);
    // A provider token sees its own organisation only.
    expect(await page.locator('vo-service-list li.card').count()).toBe(1);

    // Pick the service: this year by default.
    await card.getByRole('link', { name: 'Testdienst' }).click();
    await reportReady(page);
    expect(await page.evaluate(() => document.title)).toMatch(/^Testdienst/);
    await expectFiguresOf(page, thisYear);
    // The data has channels and reasons to show, and shares of reasons that are not of the ticks.
    expect(thisYear.byChannel.length).toBeGreaterThan(2);
    expect(thisYear.byReason.map((reason) => reason.reason)).toEqual([
      'too-slow',
      'technical-problem',
      'unclear-information',
    ]);
    // The QR code of the counter, fetched with the token in the header and shown as an image.
    const address = `${collector.url}/f/${collector.serviceId}?channel=counter`;
    const qrImage = page.locator('vo-qr-code img');
    await qrImage.waitFor();
    expect(await qrImage.getAttribute('alt')).toBe(`QR-code naar ${address}`);
    expect(await qrImage.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
    expect(await page.locator('vo-qr-code [data-address]').textContent()).toBe(address);
    expect(await decodeQr(qrImage)).toBe(address);
    expect(requests.some((url) => url.endsWith('/qr.svg?channel=counter'))).toBe(true);
    await axe(page, 'service report, this year');
    // What a screen reader is given: the outline, the charts as named images, the named tables.
    const tree = await page.locator('vo-dashboard').ariaSnapshot();
    for (const wanted of [
      'banner',
      'main',
      'heading "Testdienst" [level=1]',
      'group "Periode"',
      'heading "Verdeling van de beoordelingen" [level=2]',
      'img "Staafdiagram: aantal antwoorden per beoordeling, 30 in totaal.',
      'table "Verdeling van de beoordelingen"',
      'img "Lijndiagram: tevredenheid per maand',
      'table "Tevredenheid per maand"',
      'heading "Kanalen" [level=2]',
      'img "Staafdiagram: aantal antwoorden per kanaal, 30 in totaal.',
      'table "Kanalen"',
      'heading "Wat liep er mis?" [level=2]',
      'img "Staafdiagram: hoe vaak elke reden gekozen werd in de 12 antwoorden met een 1, 2 of 3.',
      'table "Wat liep er mis?"',
      'heading "Opmerkingen" [level=2]',
      'heading "QR-code en affiche" [level=2]',
      'combobox "Waar gebruikt u de code?"',
      `img "QR-code naar ${address}"`,
      'button "Affiche downloaden (A4, HTML)"',
      'button "QR-code downloaden (SVG)"',
      'button "Jaarverslag',
    ]) {
      expect(tree, wanted).toContain(wanted);
    }

    // The last 30 days: the 30 answers of today.
    await choosePeriod(page, /laatste 30 dagen/i);
    const thirtyDaysAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await page.waitForFunction((from) => location.hash.includes(`from=${from}`), thirtyDaysAgo);
    await reportReady(page);
    await expectFiguresOf(
      page,
      await api<Summary>(
        `/services/${collector.serviceId}/summary?from=${thirtyDaysAgo}&to=${today}`,
      ),
    );

    // Last year.
    await choosePeriod(page, /vorig jaar/i);
    await page.waitForFunction(
      (from) => location.hash.includes(`from=${from}`),
      `${year - 1}-01-01`,
    );
    await reportReady(page);
    const lastYear = await api<Summary>(
      `/services/${collector.serviceId}/summary?from=${year - 1}-01-01&to=${year - 1}-12-31`,
    );
    expect(lastYear.responses).toBe(10);
    await expectFiguresOf(page, lastYear);
    await axe(page, 'service report, last year');

    // Two dates of one's own; a wrong order is refused with a message tied to the field.
    await page
      .locator('vo-period-picker')
      .getByLabel(/eigen periode/i)
      .check();
    await page.locator('vo-period-picker #from').fill(`${year - 1}-07-01`);
    await page.locator('vo-period-picker #to').fill(`${year - 1}-03-01`);
    await page.getByRole('button', { name: /toon deze periode/i }).click();
    await page.locator('vo-period-picker #from-error').waitFor();
    expect(await page.locator('vo-period-picker #from-error').textContent()).toMatch(
      /begindatum die vóór of op de einddatum/,
    );
    expect(await page.locator('vo-period-picker #from').getAttribute('aria-invalid')).toBe('true');
    await axe(page, 'period form with an error');
    await page.locator('vo-period-picker #from').fill(`${year - 1}-03-01`);
    await page.locator('vo-period-picker #to').fill(`${year - 1}-06-30`);
    await page.getByRole('button', { name: /toon deze periode/i }).click();
    await page.waitForFunction((to) => location.hash.includes(`to=${to}`), `${year - 1}-06-30`);
    await reportReady(page);
    const spring = await api<Summary>(
      `/services/${collector.serviceId}/summary?from=${year - 1}-03-01&to=${year - 1}-06-30`,
    );
    expect(spring.responses).toBe(5);
    await expectFiguresOf(page, spring);
    // Two answers rated 1–3 and no reason ticked: said in words, not an empty chart.
    expect(spring.byReason).toEqual([]);
    expect(await page.locator('vo-service-report [data-empty="reasons"]').textContent()).toContain(
      'Niemand duidde in deze periode een reden aan.',
    );
    await axe(page, 'service report, no reason ticked');

    // A reload keeps the session (this tab) and the period (the address).
    await page.reload();
    await reportReady(page);
    await expectFiguresOf(page, spring);

    // A period without feedback says so.
    await page.locator('vo-period-picker #from').fill(`${year - 3}-01-01`);
    await page.locator('vo-period-picker #to').fill(`${year - 3}-01-31`);
    await page.getByRole('button', { name: /toon deze periode/i }).click();
    await page.locator('vo-service-report[state="empty"]').waitFor();
    expect(await page.locator('vo-service-report [data-empty]').textContent()).toContain(
      'Nog geen feedback voor deze periode',
    );
    await axe(page, 'service report, empty period');

    // English and French are there; the document language follows.
    await page.locator('vo-dashboard select#language').selectOption('en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('vo-service-report [data-empty]').textContent()).toContain(
      'No feedback yet for this period',
    );
    await page.locator('vo-dashboard select#language').selectOption('fr');
    expect(await page.locator('vo-service-report [data-empty]').textContent()).toContain(
      'Pas encore d’avis pour cette période',
    );
    await axe(page, 'service report in French');
    await page.locator('vo-dashboard select#language').selectOption('nl');

    // Sign-out forgets the token.
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.locator('vo-sign-in h1').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('vo-dashboard-token'))).toBeNull();
    expect(await page.locator('vo-dashboard [role="status"]').first().textContent()).toMatch(
      /afgemeld/,
    );

    expect(requests.filter((url) => url.includes(collector.providerToken))).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows comments as text only: markup and javascript: links stay inert', async () => {
    const { page, problems } = await open();
    await signIn(page, collector.providerToken);
    await page.goto(`${dashboardUrl}#/services/${collector.serviceId}`);
    await reportReady(page);
    const comments = page.locator('vo-comments');
    await comments.locator('li.comment').first().waitFor();

    // First page: 20 of 26, newest first — the same order and text as the API's.
    const firstPage = await comments.locator('li.comment p.text').allTextContents();
    expect(firstPage).toEqual(storedComments.slice(0, 20));
    const xss = storedComments.find((c) => c.includes('onerror'));
    const link = storedComments.find((c) => c.includes('javascript:'));
    expect(xss).toContain('<img src=x onerror=alert(1)>');
    expect(link).toContain('javascript:alert');

    // Load the next page with the cursor.
    await comments.getByRole('button', { name: /meer opmerkingen laden/i }).click();
    await page.waitForFunction(
      (n) =>
        document
          .querySelector('vo-dashboard')
          ?.shadowRoot?.querySelector('vo-service-report')
          ?.shadowRoot?.querySelector('vo-comments')
          ?.shadowRoot?.querySelectorAll('li.comment').length === n,
      storedComments.length,
    );
    expect(await comments.locator('li.comment p.text').allTextContents()).toEqual(storedComments);
    expect(await comments.locator('li.comment p.text', { hasText: 'onerror' }).textContent()).toBe(
      xss,
    );

    // Nothing of the markup became an element, and no script ran (a dialog would fail the test).
    const inert = await comments.evaluate((element) => {
      const root = element.shadowRoot!;
      return {
        images: root.querySelectorAll('img').length,
        links: Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href')),
      };
    });
    expect(inert).toEqual({ images: 0, links: [] });
    await axe(page, 'comments');

    // Filter on rating through the API, on text here; a theme opens the comments that mention it.
    await comments.getByLabel('Beoordeling').selectOption('1');
    await comments.getByRole('button', { name: 'Filter toepassen' }).click();
    await page.waitForFunction(() => {
      const root = document
        .querySelector('vo-dashboard')
        ?.shadowRoot?.querySelector('vo-service-report')
        ?.shadowRoot?.querySelector('vo-comments')?.shadowRoot;
      const items = root?.querySelectorAll('li.comment .rating');
      return (
        !!items &&
        items.length > 0 &&
        Array.from(items).every((i) => i.textContent?.startsWith('1'))
      );
    });
    const onlyOnes = await api<FeedbackPage>(
      `/services/${collector.serviceId}/feedback?rating=1&limit=200`,
    );
    expect(await comments.locator('li.comment p.text').allTextContents()).toEqual(
      onlyOnes.items.map((i) => i.comment),
    );

    const theme = page.locator('vo-themes button[data-term="te lang"]');
    await theme.waitFor();
    await theme.click();
    await page.waitForFunction(() => {
      const root = document
        .querySelector('vo-dashboard')
        ?.shadowRoot?.querySelector('vo-service-report')
        ?.shadowRoot?.querySelector('vo-comments')?.shadowRoot;
      return (
        (root?.querySelector('#filter-text') as HTMLInputElement | null)?.value === 'te lang' &&
        root?.querySelector('[role="status"]')?.textContent?.includes('getoond')
      );
    });
    const mentioning = storedComments.filter((c) => /te lang/i.test(c));
    expect(mentioning.length).toBeGreaterThan(0);
    expect(await comments.locator('li.comment p.text').allTextContents()).toEqual(mentioning);
    const count = await theme.locator('.count').textContent();
    expect(shownNumber(/^\s*([\d.]+)/.exec(count ?? '')?.[1] ?? '')).toBe(mentioning.length);
    await axe(page, 'comments filtered by a theme');

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('themes say their share rated 1–2, their change and their forms in words, and sort through the API by keyboard', async () => {
    const { page, problems, requests } = await open();
    await signIn(page, collector.providerToken);
    await page.goto(`${dashboardUrl}#/services/${collector.serviceId}`);
    await reportReady(page);
    const themes = page.locator('vo-themes');
    await themes.locator('button.theme').first().waitFor();
    const period = `from=${year}-01-01&to=${today}`;
    expect(requests.some((url) => url.includes(`/themes?${period}&sort=count`))).toBe(true);
    const shownTerms = () =>
      themes
        .locator('[data-kind="words"] button.theme, [data-kind="pairs"] button.theme')
        .evaluateAll((buttons) => buttons.map((button) => (button as HTMLElement).dataset.term));
    const byCount = await api<Themes>(`/services/${collector.serviceId}/themes?${period}`);
    expect(await shownTerms()).toEqual([...byCount.pairs, ...byCount.words].map((t) => t.term));

    // Each theme is described by its figures, as text: the same as the API's.
    expect(await themes.locator('[data-previous]').textContent()).toContain(
      `${byCount.previous.comments} opmerkingen`,
    );
    for (const theme of [...byCount.pairs, ...byCount.words]) {
      const button = themes.locator(`button.theme[data-term="${theme.term}"]`);
      const details = themes.locator(`#${await button.getAttribute('aria-describedby')}`);
      const lowShare = (await details.locator('[data-figure="low-share"]').textContent()) ?? '';
      expect(lowShare, theme.term).toContain('laag beoordeeld');
      expectShare(lowShare.replace('laag beoordeeld', ''), theme.lowShare, theme.count);
      const change = (await details.locator('[data-figure="change"]').textContent()) ?? '';
      if (theme.change === null) expect(change).toMatch(/^— geen vergelijking/);
      else if (theme.change === theme.count) expect(change).toBe('nieuw t.o.v. vorige periode');
      else {
        const signed = theme.change > 0 ? `+${theme.change}` : String(theme.change);
        expect(change, theme.term).toBe(`${signed} t.o.v. vorige periode`);
      }
      const forms = details.locator('[data-figure="forms"]');
      if (theme.forms.length > 1) {
        expect(await forms.textContent()).toBe(`Samengeteld: ${theme.forms.join(', ')}`);
      } else expect(await forms.count()).toBe(0);
    }
    await axe(page, 'themes');

    // Another order, by keyboard: the collector is asked for it, and it is announced.
    await themes.locator('#theme-sort').focus();
    await page.keyboard.press('ArrowDown');
    await themes.locator('[role="status"]', { hasText: 'gesorteerd' }).waitFor();
    expect(requests.some((url) => url.includes(`/themes?${period}&sort=lowShare`))).toBe(true);
    const byLowShare = await api<Themes>(
      `/services/${collector.serviceId}/themes?${period}&sort=lowShare`,
    );
    expect(await shownTerms()).toEqual(
      [...byLowShare.pairs, ...byLowShare.words].map((t) => t.term),
    );
    expect(
      await themes.evaluate((el) => el.shadowRoot!.activeElement?.id),
      'focus stays on the sort control',
    ).toBe('theme-sort');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => requests.some((url) => url.includes(`/themes?${period}&sort=change`)))
      .toBe(true);
    await themes
      .locator('[role="status"]', { hasText: 'Sterkste stijging t.o.v. vorige periode' })
      .waitFor();
    await axe(page, 'themes sorted by change');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('errors say what to do: the server unreachable, then a token revoked while signed in', async () => {
    const { id, token } = await issueToken(collector.store, {
      label: 'revoked later',
      role: 'provider',
      organisationId: 'test-org',
    });
    const { page, problems } = await open();
    await signIn(page, token);
    await page.goto(`${dashboardUrl}#/services/${collector.serviceId}`);
    await reportReady(page);

    await collector.stop();
    try {
      await choosePeriod(page, /vorig jaar/i);
      await page.locator('vo-service-report[state="error"]').waitFor();
      const alert = page.locator('vo-service-report [role="alert"]');
      expect(await alert.textContent()).toMatch(/niet bereikbaar.*probeer het opnieuw/s);
      await axe(page, 'service report, server unreachable');
    } finally {
      await collector.start();
    }
    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page.locator('vo-service-report[state="ready"]').waitFor();

    await collector.store.revokeToken(id, Date.now());
    await choosePeriod(page, /dit jaar/i);
    await page.locator('vo-sign-in h1').waitFor();
    expect(await page.locator('vo-dashboard [role="status"]').first().textContent()).toMatch(
      /niet meer aanvaard.*meld u opnieuw aan/is,
    );
    expect(await page.evaluate(() => sessionStorage.getItem('vo-dashboard-token'))).toBeNull();
    // The browser logs the refused and failed requests; nothing else may go wrong.
    expect(
      problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(p)),
    ).toEqual([]);
    await page.context().close();
  });

  it('downloads the export and the annual report with the token in the header, never in a URL', async () => {
    const { page, problems, requests } = await open();
    await signIn(page, collector.providerToken);
    // On the service list: the organisation's report of last year, the one to hand in.
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`vo-service-list button[data-download="annual-html-${year - 1}"]`).click(),
    ]);
    expect(report.suggestedFilename()).toBe(`jaarrapport-feedback-${year - 1}-test-org.html`);
    await page
      .locator('vo-service-list vo-downloads [role="status"]', { hasText: 'gedownload' })
      .waitFor();

    await page.goto(`${dashboardUrl}#/services/${collector.serviceId}`);
    await reportReady(page);
    const files: Record<string, string> = {};
    for (const id of ['export-csv', 'export-xlsx', 'annual-html', 'annual-csv']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`vo-downloads button[data-download^="${id}"]`).click(),
      ]);
      const path = await download.path();
      expect(path, id).toBeTruthy();
      files[id] = download.suggestedFilename();
      await page.locator('vo-downloads [role="status"]', { hasText: 'gedownload' }).waitFor();
    }
    expect(files['export-csv']).toMatch(/\.csv$/);
    expect(files['export-xlsx']).toMatch(/\.xlsx$/);
    expect(files['annual-html']).toMatch(/\.html$/);
    expect(files['annual-csv']).toMatch(/\.csv$/);
    expect(requests.some((url) => url.includes('/export?format=csv'))).toBe(true);
    expect(requests.some((url) => url.includes('/reports/annual?year='))).toBe(true);
    expect(requests.filter((url) => url.includes(collector.providerToken))).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('steering: every organisation’s figures, and no comment is ever requested or shown', async () => {
    const { page, problems, requests } = await open();
    await signIn(page, steeringToken);
    await listLoaded(page);
    // Grouped under the organisations' names, in alphabetical order.
    expect(
      await page.locator('vo-service-list section.organisation > h2').allTextContents(),
    ).toEqual(['Andere organisatie', 'Testorganisatie']);
    const services = await api<ServiceInfo[]>('/services', steeringToken);
    expect(services.map((service) => service.organisationName).sort()).toEqual([
      'Andere organisatie',
      'Testorganisatie',
    ]);
    // Three answers: "weinig antwoorden" beside that satisfaction, in text.
    expect(
      await page
        .locator('vo-service-list li[data-service="andere-dienst"] [data-few]')
        .first()
        .textContent(),
    ).toBe(FEW);

    // Search and order, by keyboard: from the heading, the search field comes first.
    const active = () =>
      page.evaluate(() => {
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        return element?.id ?? '';
      });
    await page.locator('vo-service-list h1').focus();
    await page.keyboard.press('Tab');
    expect(await active()).toBe('service-search');
    const cards = () =>
      page
        .locator('vo-service-list li.card')
        .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.service));
    const shown = page.locator('vo-service-list [role="status"][data-shown]');
    await page.keyboard.type('andere org');
    await expect.poll(cards).toEqual(['andere-dienst']);
    expect(await shown.textContent()).toBe('1 dienst getoond.');
    await axe(page, 'steering service list, searched');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect.poll(cards).toEqual(['andere-dienst', collector.serviceId]);
    expect(await shown.textContent()).toBe('2 diensten getoond.');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('service-sort');
    // Lowest satisfaction first: the order the API's figures give.
    const csatOf = async (id: string) =>
      (await api<Summary>(`/services/${id}/summary?from=${year}-01-01&to=${today}`, steeringToken))
        .csat!;
    const lowestFirst = (
      await Promise.all(
        ['andere-dienst', collector.serviceId].map(async (id) => [id, await csatOf(id)] as const),
      )
    )
      .sort((a, b) => a[1] - b[1])
      .map(([id]) => id);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(cards).toEqual(lowestFirst);
    expect(await shown.textContent()).toBe(
      'Gesorteerd op: Laagste tevredenheid eerst. 2 diensten getoond.',
    );
    expect(await page.locator('vo-service-list section.organisation').count()).toBe(0);
    expect(
      await page
        .locator(`vo-service-list li[data-service="andere-dienst"] .organisation-name`)
        .textContent(),
    ).toBe('Andere organisatie');
    await axe(page, 'steering service list, sorted by satisfaction');
    await page.keyboard.press('Home');
    await page.locator('vo-service-list section.organisation').first().waitFor();
    expect(await page.locator('vo-dashboard .role').textContent()).toMatch(/stuurorgaan/);
    const [allOrganisations] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`vo-service-list button[data-download="annual-csv-${year}"]`).click(),
    ]);
    expect(allOrganisations.suggestedFilename()).toBe(
      `jaarrapport-feedback-${year}-alle-organisaties.csv`,
    );
    await axe(page, 'steering service list');
    const other = await api<Summary>(`/services/andere-dienst/summary`, steeringToken);
    expect(
      shownNumber(
        (await page
          .locator('vo-service-list li[data-service="andere-dienst"] [data-figure="responses"]')
          .textContent()) ?? '',
      ),
    ).toBe(other.responses);

    await page.locator('vo-service-list').getByRole('link', { name: 'Testdienst' }).click();
    await reportReady(page);
    const thisYear = await api<Summary>(`/services/${collector.serviceId}/summary`, steeringToken);
    await expectFiguresOf(page, thisYear);
    await choosePeriod(page, /vorig jaar/i);
    await page.waitForFunction(() => location.hash.includes('from='));
    await reportReady(page);
    await axe(page, 'steering service report');

    expect(await page.locator('vo-comments').count()).toBe(0);
    expect(await page.locator('vo-themes').count()).toBe(0);
    // Channels and reasons are aggregates: steering sees them; the QR code is the provider's.
    expect(await page.locator('vo-bar-chart[data-chart="channels"]').count()).toBe(1);
    expect(await page.locator('vo-qr-code').count()).toBe(0);
    expect(await page.locator('vo-downloads button[data-download^="export"]').count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('vo-downloads button[data-download^="annual-csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`jaarrapport-feedback-${year - 1}-test-org.csv`);

    // No request for comments, themes (they carry examples), exports or QR codes, and no comment
    // on screen.
    expect(
      requests.filter((url) => /\/(feedback|themes|export|qr\.svg|poster)(\?|$)/.test(url)),
    ).toEqual([]);
    const text = await page.evaluate(() => {
      const collect = (node: Node): string =>
        Array.from(node.childNodes)
          .map((child) =>
            child.nodeType === Node.TEXT_NODE
              ? child.textContent
              : child instanceof Element
                ? collect(child.shadowRoot ?? child) + (child.shadowRoot ? collect(child) : '')
                : '',
          )
          .join(' ');
      return collect(document.body);
    });
    for (const comment of [...storedComments, 'Geheime opmerking']) {
      expect(text).not.toContain(comment);
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('works with the keyboard only, focus always visible', async () => {
    const { page, problems } = await open();
    const focused = () =>
      page.evaluate(() => {
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        const style = element ? getComputedStyle(element) : undefined;
        return {
          tag: element?.tagName.toLowerCase() ?? '',
          id: element?.id ?? '',
          type: element?.getAttribute('type') ?? '',
          text: (element?.textContent ?? '').trim().replace(/\s+/g, ' '),
          value: (element as HTMLInputElement | null)?.value ?? '',
          className: element?.getAttribute('class') ?? '',
          outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
        };
      });
    type Focus = Awaited<ReturnType<typeof focused>>;
    const tabTo = async (wanted: (f: Focus) => boolean, what: string) => {
      for (let presses = 0; presses < 80; presses += 1) {
        await page.keyboard.press('Tab');
        if (wanted(await focused())) return;
      }
      throw new Error(`focus never reached ${what}; it is on ${JSON.stringify(await focused())}`);
    };

    await tabTo((f) => f.tag === 'a' && /naar de inhoud/i.test(f.text), 'the skip link');
    await tabTo((f) => f.id === 'token', 'the token field');
    await page.keyboard.type(collector.providerToken);
    await page.keyboard.press('Enter');
    await page.locator('vo-service-list h1').waitFor();
    expect(await focused()).toMatchObject({ tag: 'h1', text: 'Uw diensten' });
    await tabTo((f) => f.tag === 'a' && f.text === 'Testdienst', 'the service link');
    await page.keyboard.press('Enter');
    await reportReady(page);
    await expect.poll(focused).toMatchObject({ tag: 'h1', text: 'Testdienst' });

    // The period: into the radio group, arrow to "Vorig jaar", then the button.
    await tabTo((f) => f.type === 'radio', 'the period radios');
    expect(await focused()).toMatchObject({ value: 'this-year' });
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatchObject({ value: 'last-year' });
    await tabTo(
      (f) => f.tag === 'button' && /toon deze periode/i.test(f.text),
      'the period button',
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('from='));
    await reportReady(page);
    const lastYear = await api<Summary>(
      `/services/${collector.serviceId}/summary?from=${year - 1}-01-01&to=${year - 1}-12-31`,
    );
    expect(
      shownNumber(
        (await page.locator('vo-service-report [data-figure="responses"]').textContent()) ?? '',
      ),
    ).toBe(lastYear.responses);

    // Walk the whole view once round: every stop shows a 3px focus ring.
    await page.keyboard.press('Shift+Tab');
    const stops: Focus[] = [];
    for (let presses = 0; presses < 120; presses += 1) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (f.tag === 'body' || (stops.length > 0 && f.tag === 'a' && /naar de inhoud/i.test(f.text)))
        break;
      stops.push(f);
    }
    const names = stops.map((f) => `${f.tag}:${f.id || f.text || f.value}`);
    for (const wanted of [
      /^button:Toon deze periode/,
      /^div:Verdeling van de beoordelingen/,
      /^div:Tevredenheid per maand/,
      /^div:Per uitkomst/,
      /^div:Kanalen/,
      /^div:Per taal/,
      /^div:Wat liep er mis\?/,
      /^select:theme-sort/,
      /^button:te lang/,
      /^select:filter-rating/,
      /^select:filter-outcome/,
      /^input:filter-text/,
      /^button:Filter toepassen/,
      /^select:qr-channel/,
      /^button:Affiche downloaden \(A4, HTML\)/,
      /^button:QR-code downloaden \(SVG\)/,
      /^button:Antwoorden als CSV/,
      /^button:Jaarverslag \d{4} \(HTML\)/,
    ]) {
      expect(
        names.some((name) => wanted.test(name)),
        `${wanted} among ${names.join(' | ')}`,
      ).toBe(true);
    }
    for (const stop of stops) {
      expect(stop.outline, JSON.stringify(stop)).toMatch(/^solid 3px$/);
    }

    // A theme, by keyboard: focus moves to the comments that mention it.
    await page.keyboard.press('Shift+Tab');
    await tabTo((f) => f.tag === 'button' && f.text.startsWith('te lang'), 'a theme');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toMatchObject({ tag: 'h2', text: 'Opmerkingen' });
    await page.waitForFunction(() => {
      const root = document
        .querySelector('vo-dashboard')
        ?.shadowRoot?.querySelector('vo-service-report')
        ?.shadowRoot?.querySelector('vo-comments')?.shadowRoot;
      return root?.querySelector('[role="status"]')?.textContent?.includes('getoond');
    });
    expect(await page.locator('vo-comments li.comment').count()).toBeGreaterThan(0);

    // The QR code, by keyboard: another channel with the arrow key, then the poster.
    await tabTo((f) => f.tag === 'select' && f.id === 'qr-channel', 'the QR channel');
    expect(await focused()).toMatchObject({ value: 'counter' });
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatchObject({ value: 'chat' });
    const chatAddress = `${collector.url}/f/${collector.serviceId}?channel=chat`;
    const chatCode = page.locator('vo-qr-code img[data-channel="chat"]');
    await chatCode.waitFor();
    expect(await chatCode.getAttribute('alt')).toBe(`QR-code naar ${chatAddress}`);
    expect(await decodeQr(chatCode)).toBe(chatAddress);
    await tabTo((f) => f.tag === 'button' && f.text.startsWith('Affiche downloaden'), 'the poster');
    const [poster] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    expect(poster.suggestedFilename()).toMatch(/\.html$/);
    expect(poster.suggestedFilename()).toContain('chat');
    const posterFile = await poster.path();
    expect(readFileSync(posterFile, 'utf8')).toContain(chatAddress);
    await page.locator('vo-qr-code [data-status="download"]', { hasText: 'gedownload' }).waitFor();

    // A download, by keyboard.
    await tabTo(
      (f) => f.tag === 'button' && /Jaarverslag \d{4} \(CSV\)/.test(f.text),
      'a download',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);

    // Sign out, by keyboard: focus on the sign-in heading, the token gone.
    await tabTo((f) => f.tag === 'button' && f.text === 'Afmelden', 'sign-out');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toMatchObject({ tag: 'h1', text: 'Aanmelden' });
    expect(await page.evaluate(() => sessionStorage.getItem('vo-dashboard-token'))).toBeNull();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('reflows at 320 px and 400 % zoom, keeps its charts in forced colours, and is photographed', async () => {
    // Full pages, but at most 2000 px tall at 320 px (enough to show the layout in the README),
    // or down to the element `through` names.
    const shoot = async (page: Page, name: string, through?: string) => {
      const path = join(screenshotDir, `dashboard-${name}.png`);
      const { width } = page.viewportSize()!;
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const bottom = through
        ? await page.locator(through).evaluate((el) => el.getBoundingClientRect().bottom + scrollY)
        : 2000;
      await page.screenshot({
        path,
        fullPage: true,
        clip: {
          x: 0,
          y: 0,
          width,
          height: width < 400 ? Math.min(height, Math.ceil(bottom) + 16) : height,
        },
      });
      return path;
    };
    const noHorizontalScroll = (page: Page) =>
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

    const wide = await open();
    await signIn(wide.page, collector.providerToken);
    await listLoaded(wide.page);
    await shoot(wide.page, 'services-1280');
    await wide.page.goto(`${dashboardUrl}#/services/${collector.serviceId}`);
    await reportReady(wide.page);
    await wide.page.locator('vo-comments li.comment').first().waitFor();
    await wide.page.locator('vo-themes button').first().waitFor();
    await wide.page.locator('vo-qr-code img').waitFor();
    await shoot(wide.page, 'service-1280');
    // The QR section alone: the panel around <vo-qr-code>, with a little of the page around it.
    const qrSection = await wide.page.locator('vo-qr-code').evaluate((qr) => {
      const box = qr.parentElement!.getBoundingClientRect();
      return { x: box.x + scrollX, y: box.y + scrollY, width: box.width, height: box.height };
    });
    await wide.page.screenshot({
      path: join(screenshotDir, 'dashboard-qr-1280.png'),
      fullPage: true,
      clip: {
        x: Math.max(0, qrSection.x - 16),
        y: Math.max(0, qrSection.y - 16),
        width: qrSection.width + 32,
        height: qrSection.height + 32,
      },
    });

    // 320 CSS px wide is both a small phone and 1280 px at 400 % zoom (WCAG 1.4.10).
    await wide.page.setViewportSize({ width: 320, height: 640 });
    await wide.page.waitForFunction(() => document.documentElement.scrollWidth <= 320);
    expect(await noHorizontalScroll(wide.page)).toBe(true);
    // Nothing of the new sections is wider than the screen, the address included.
    for (const selector of [
      'vo-bar-chart[data-chart="channels"]',
      'vo-bar-chart[data-chart="languages"]',
      'vo-bar-chart[data-chart="steps"]',
      'vo-bar-chart[data-chart="reasons"]',
      'vo-themes',
      'vo-themes #theme-sort',
      'vo-qr-code',
    ]) {
      const box = await wide.page.locator(selector).boundingBox();
      expect(box, selector).not.toBeNull();
      expect(box!.x + box!.width, selector).toBeLessThanOrEqual(320);
    }
    // Every theme with its figures, each line of them included.
    const themeEdges = await wide.page
      .locator('vo-themes li.theme-item')
      .evaluateAll((items) => items.map((item) => item.getBoundingClientRect().right));
    expect(themeEdges.length).toBeGreaterThan(0);
    for (const edge of themeEdges) expect(edge).toBeLessThanOrEqual(320);
    // Down to the reasons: the figures' sections, new ones included; the QR code has its own.
    await shoot(wide.page, 'service-320', 'section[aria-labelledby="reasons-heading"]');
    await axe(wide.page, 'service report at 320 px');
    // Longer French and English words reflow too.
    for (const language of ['fr', 'en', 'nl']) {
      await wide.page.locator('vo-dashboard select#language').selectOption(language);
      await wide.page.waitForFunction((lang) => document.documentElement.lang === lang, language);
      expect(await noHorizontalScroll(wide.page), language).toBe(true);
    }

    // Forced colours: bars and the band are drawn in system colours, not lost.
    await wide.page.emulateMedia({ forcedColors: 'active' });
    const fills = await wide.page
      .locator('vo-bar-chart[data-chart="ratings"] rect.bar')
      .evaluateAll((bars) => bars.map((bar) => getComputedStyle(bar).fill));
    expect(fills.length).toBeGreaterThan(0);
    for (const fill of fills) expect(fill).not.toMatch(/none|rgba\(0, 0, 0, 0\)/);
    const band = await wide.page
      .locator('vo-csat-chart .band')
      .first()
      .evaluate((el) => getComputedStyle(el).stroke);
    expect(band).not.toBe('none');
    // "weinig antwoorden" keeps its words and its frame; the themes' sort control stays usable.
    const few = wide.page.locator('vo-bar-chart[data-chart="languages"] [data-few]').first();
    await few.scrollIntoViewIfNeeded();
    expect(await few.isVisible()).toBe(true);
    expect(await few.textContent()).toBe('weinig antwoorden');
    expect(await few.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
    const themeSort = wide.page.locator('vo-themes #theme-sort');
    await themeSort.scrollIntoViewIfNeeded();
    expect(await themeSort.isVisible()).toBe(true);
    expect(await wide.page.locator('vo-themes [data-figure="low-share"]').first().isVisible()).toBe(
      true,
    );
    for (const chart of ['channels', 'languages', 'steps', 'reasons']) {
      const bars = await wide.page
        .locator(`vo-bar-chart[data-chart="${chart}"] rect.bar`)
        .evaluateAll((rects) => rects.map((rect) => getComputedStyle(rect).fill));
      expect(bars.length, chart).toBeGreaterThan(0);
      for (const fill of bars) expect(fill, chart).not.toMatch(/none|rgba\(0, 0, 0, 0\)/);
    }
    // The QR section stays: its heading, its controls, and a code that still scans.
    const qr = wide.page.locator('vo-qr-code');
    await qr.scrollIntoViewIfNeeded();
    for (const part of [
      qr.getByRole('heading', { name: 'QR-code en affiche' }),
      qr.getByLabel('Waar gebruikt u de code?'),
      qr.getByRole('button', { name: 'Affiche downloaden (A4, HTML)' }),
    ]) {
      expect(await part.isVisible()).toBe(true);
    }
    expect(await decodeQr(qr.locator('img'))).toBe(
      `${collector.url}/f/${collector.serviceId}?channel=counter`,
    );
    await wide.page.emulateMedia({ forcedColors: 'none' });
    await wide.context.close();

    const steering = await open(
      await browser.newContext({ viewport: { width: 1280, height: 900 } }),
    );
    await signIn(steering.page, steeringToken);
    await listLoaded(steering.page);
    await shoot(steering.page, 'steering-1280');
    await steering.page.setViewportSize({ width: 320, height: 640 });
    expect(await noHorizontalScroll(steering.page)).toBe(true);
    // The search field and the sort control fit, and stay visible in forced colours.
    for (const selector of ['vo-service-list #service-search', 'vo-service-list #service-sort']) {
      const box = await steering.page.locator(selector).boundingBox();
      expect(box, selector).not.toBeNull();
      expect(box!.x + box!.width, selector).toBeLessThanOrEqual(320);
    }
    await shoot(steering.page, 'services-320');
    await steering.page.emulateMedia({ forcedColors: 'active' });
    for (const part of [
      steering.page.getByLabel('Zoek een dienst of organisatie'),
      steering.page.getByLabel('Sorteren op'),
      steering.page.locator('vo-service-list li[data-service="andere-dienst"] [data-few]').first(),
    ]) {
      await part.scrollIntoViewIfNeeded();
      expect(await part.isVisible()).toBe(true);
    }
    await steering.page.emulateMedia({ forcedColors: 'none' });
    await steering.context.close();

    // The sign-in view at 320 px, for the README.
    const small = await open(await browser.newContext({ viewport: { width: 320, height: 640 } }));
    expect(await noHorizontalScroll(small.page)).toBe(true);
    await shoot(small.page, 'sign-in-320');
    expect([...wide.problems, ...steering.problems, ...small.problems]).toEqual([]);
    await small.context.close();
  });
});
