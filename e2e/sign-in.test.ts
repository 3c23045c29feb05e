import { createServer, request as httpRequest, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  signInAtIssuer as signInAtIssuerHeadless,
  startTestIssuer,
  type TestIssuer,
} from '../packages/collector/src/test-support/oidc-issuer.ts';
import { dropSchema, freshPostgresUrl } from '../packages/collector/src/test-support/postgres.ts';
import {
  adminClient,
  axeViolations,
  freePort,
  launchChromium,
  oidcContext,
  oidcEnv,
  screenshotDir,
  signInAtIssuer,
  startCollectorProcess,
  watchPage,
  type AdminClient,
  type CollectorProcess,
} from './support.ts';

// Signing in as a person with OpenID Connect, end to end: the built collector (its own process,
// as `npm start` runs it) and a real OpenID Connect provider started here (oidc-provider, with a
// test client and test accounts), driven in headless Chromium. Once with one collector on SQLite;
// once with two collectors on one PostgreSQL database behind one origin (a small reverse proxy in
// this test): the sign-in begins on one instance and ends on the other, and the session opened
// there is used and ended on the first.

const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdefghij';
const DEMO_SERVICE = 'Demo e-loket: aanvraag parkeerkaart';
const OTHER_SERVICE = 'Dienst van een andere organisatie';

/** What a setup gives the tests: one origin for the browser, and each instance behind it. */
interface Deployment {
  /** PUBLIC_URL: the origin the browser uses. */
  url: string;
  /** Each collector's own address (one, or two behind the proxy). */
  instances: string[];
  /** Which instance answered each request through the proxy (path without query, instance). */
  served: Array<{ path: string; instance: number; status: number }>;
  /** The demo's provider token, printed once by the seed. */
  demoToken: string;
  stop(): Promise<void>;
}

/** The issuer's accounts: their login name is their subject. */
const ACCOUNTS = {
  an: { email: 'an.peeters@demo.be', name: 'An Peeters' },
  onbekend: { email: 'iemand@elders.be', name: 'Iemand' },
};

async function oneOnSqlite(issuer: TestIssuer, port: number): Promise<Deployment> {
  const url = `http://127.0.0.1:${port}`;
  const collector = await startCollectorProcess(oidcEnv(issuer, url, ADMIN_TOKEN), { port });
  return {
    url,
    instances: [url],
    served: [],
    demoToken: collector.token,
    stop: async () => void (await collector.stop()),
  };
}

/**
 * Two collector processes on one PostgreSQL database, behind a proxy on `port`: /auth/login always
 * to the first, /auth/callback always to the second, /auth/logout to the first, everything else
 * to each in turn — unless the test names the instance in `x-e2e-instance`.
 */
async function twoOnPostgres(issuer: TestIssuer, port: number): Promise<Deployment> {
  const url = `http://127.0.0.1:${port}`;
  const databaseUrl = freshPostgresUrl();
  const env = { ...oidcEnv(issuer, url, ADMIN_TOKEN), DATABASE_URL: databaseUrl };
  // One after the other: the first creates the schema and seeds the demo.
  const first = await startCollectorProcess(env);
  const second = await startCollectorProcess(env);
  const collectors: CollectorProcess[] = [first, second];
  const served: Deployment['served'] = [];
  let turn = 0;
  const proxy: Server = createServer((incoming, outgoing) => {
    const path = (incoming.url ?? '/').split('?')[0]!;
    const named = incoming.headers['x-e2e-instance'];
    const instance =
      typeof named === 'string'
        ? Number(named)
        : path === '/auth/login' || path === '/auth/logout'
          ? 0
          : path === '/auth/callback'
            ? 1
            : turn++ % 2;
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: collectors[instance]!.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        served.push({ path, instance, status: answer.statusCode ?? 0 });
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
  return {
    url,
    instances: collectors.map((c) => c.url),
    served,
    demoToken: first.token,
    async stop() {
      await new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      });
      for (const collector of collectors) await collector.stop();
      await dropSchema(databaseUrl);
    },
  };
}

/** A page on another origin that posts a form to the collector: a cross-site request forgery. */
async function forgingSite(
  target: string,
): Promise<{ url: (host: string) => string; close(): Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    // text/plain lets a form send a body that reads as JSON: the classic forgery of a JSON API.
    response.end(`<!doctype html><title>Win een prijs</title>
      <form id="f" method="post" enctype="text/plain"
        action="${target}/api/v1/services/demo-dienst/actions">
        <input type="hidden" name='{"title":"Vervalst","status":"planned","x":"' value='"}'>
        <button>Win</button>
      </form>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: (host) => `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe.each([
  ['one collector on SQLite', oneOnSqlite],
  ['two collectors on PostgreSQL behind one origin', twoOnPostgres],
])('signing in with OpenID Connect: %s', (setupName, setUp) => {
  let issuer: TestIssuer;
  let deployment: Deployment;
  let browser: Browser;
  /** The admin API of the first instance. */
  let admin: AdminClient;
  const shots = setupName.startsWith('one');

  beforeAll(async () => {
    const port = await freePort();
    issuer = await startTestIssuer([`http://127.0.0.1:${port}`], ACCOUNTS);
    deployment = await setUp(issuer, port);
    admin = adminClient(deployment.instances[0]!, ADMIN_TOKEN);
    await admin('POST', '/organisations', { id: 'andere-org', name: 'Andere organisatie' });
    await admin('POST', '/services', {
      id: 'andere-dienst',
      name: OTHER_SERVICE,
      organisationId: 'andere-org',
    });
    await admin('POST', '/people', {
      email: 'An.Peeters@demo.be',
      role: 'provider',
      organisationId: 'demo',
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await deployment?.stop();
    await issuer?.close();
  });

  /** A fresh browser profile on the dashboard, failing on any error of our pages. */
  async function open(): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
    const context = await oidcContext(browser);
    const page = await context.newPage();
    const problems = watchPage(page, deployment.url);
    await page.goto(`${deployment.url}/dashboard/`);
    await page.locator('vo-sign-in h1').waitFor();
    return { page, context, problems };
  }

  /** The session cookie of a browser profile. */
  async function sessionCookie(context: BrowserContext) {
    return (await context.cookies(deployment.url)).find((cookie) => cookie.name === 'vo-session');
  }

  /** /api/v1/me with a cookie, straight at each instance: every one answers the same. */
  async function meOnEveryInstance(cookie: string): Promise<number[]> {
    return Promise.all(
      deployment.instances.map(
        async (instance) => (await fetch(`${instance}/api/v1/me`, { headers: { cookie } })).status,
      ),
    );
  }

  it('offers "Aanmelden" and no token field; a registered provider signs in and sees its own services, not another organisation’s', async () => {
    const { page, context, problems } = await open();
    expect(await page.locator('vo-sign-in input').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    if (shots) {
      await page.screenshot({
        path: join(screenshotDir, 'dashboard-sign-in-oidc.png'),
        clip: { x: 0, y: 0, width: 1280, height: 520 },
      });
    }

    await signInAtIssuer(page, 'an');
    await page.locator('vo-service-list h1').waitFor();
    await page.getByText(DEMO_SERVICE).first().waitFor();
    expect(await page.getByText(OTHER_SERVICE).count()).toBe(0);
    await page.getByText('Aangemeld als an.peeters@demo.be').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    if (shots) {
      // The heading took focus after signing in; its ring is not what the picture is about.
      await page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        (active as HTMLElement | null)?.blur();
      });
      await page.screenshot({
        path: join(screenshotDir, 'dashboard-signed-in.png'),
        clip: { x: 0, y: 0, width: 1280, height: 420 },
      });
    }

    const cookie = (await sessionCookie(context))!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
    expect(cookie.expires).toBe(-1);
    // The dashboard's own changes go through the session: an improvement action, in the page.
    const created = await page.evaluate(async () => {
      const session = (await (await fetch('/auth/session')).json()) as { csrfToken: string };
      const response = await fetch('/api/v1/services/demo-dienst/actions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ title: 'Knop duidelijker', status: 'planned' }),
      });
      return response.status;
    });
    expect(created).toBe(201);
    const audit = (await admin('GET', '/audit')) as {
      entries: { actor: string; action: string }[];
    };
    expect(
      audit.entries.filter((e) => e.actor === 'person:an.peeters@demo.be').map((e) => e.action),
    ).toEqual(['person.signed-in', 'action.created']);
    expect(await meOnEveryInstance(`vo-session=${cookie.value}`)).toEqual(
      deployment.instances.map(() => 200),
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows someone who is not registered a page that says so and whom to ask — and nothing else', async () => {
    const { page, context } = await open();
    await signInAtIssuer(page, 'onbekend');
    await page
      .getByRole('heading', { name: 'U hebt geen toegang tot het feedbackdashboard' })
      .waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('iemand@elders.be');
    expect(text).toContain('beheerder (manager)');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await axeViolations(page)).toEqual([]);
    if (shots) {
      await page.screenshot({
        path: join(screenshotDir, 'dashboard-no-access.png'),
        clip: { x: 0, y: 0, width: 1280, height: 520 },
      });
    }
    expect(await sessionCookie(context)).toBeUndefined();
    const services = await page.evaluate(async () => (await fetch('/api/v1/services')).status);
    expect(services).toBe(401);

    // Signing out there goes to the issuer, and back to the dashboard's sign-in.
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.locator('button[name="logout"]').click();
    await page.locator('vo-sign-in h1').waitFor();
    expect(page.url()).toBe(`${deployment.url}/dashboard/`);
    await context.close();
  });

  it('signing out ends the session here and at the issuer; the old cookie is refused everywhere', async () => {
    const { page, context, problems } = await open();
    await signInAtIssuer(page, 'an');
    await page.locator('vo-service-list h1').waitFor();
    const cookie = (await sessionCookie(context))!;
    // The session opened through the proxy is read on every instance while it lasts.
    expect(await meOnEveryInstance(`vo-session=${cookie.value}`)).toEqual(
      deployment.instances.map(() => 200),
    );

    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.locator('button[name="logout"]').click();
    await page.locator('vo-sign-in h1').waitFor();
    expect(page.url()).toBe(`${deployment.url}/dashboard/`);
    expect(await sessionCookie(context)).toBeUndefined();
    expect(await meOnEveryInstance(`vo-session=${cookie.value}`)).toEqual(
      deployment.instances.map(() => 401),
    );
    // Signed out at the issuer too: "Aanmelden" asks for the account again.
    await page.getByRole('link', { name: 'Aanmelden' }).click();
    await page.locator('input[name="login"]').waitFor();
    expect(problems).toEqual([]);
    await context.close();

    if (deployment.instances.length > 1) {
      // Behind one origin, each sign-in began on the first instance and was completed on the
      // second; the session it opened was read on both (above, on each instance directly: which
      // instance the proxy gives the dashboard's own requests depends on their order), and ended
      // on the first.
      const served = (path: string, status?: number) =>
        new Set(
          deployment.served
            .filter((r) => r.path === path && (status === undefined || r.status === status))
            .map((r) => r.instance),
        );
      expect(served('/auth/login')).toEqual(new Set([0]));
      expect(served('/auth/callback', 303)).toEqual(new Set([1]));
      expect(served('/auth/logout', 200)).toEqual(new Set([0]));
    }
  });

  it('refuses a changed state and a replayed code', async () => {
    const { page, context } = await open();
    // A sign-in begun in this browser (its cookie binds the sign-in to it), the issuer's answer
    // fetched aside (Playwright cannot hold a redirect), and its state changed on the way back.
    const begun = await context.request.get(`${deployment.url}/auth/login`, { maxRedirects: 0 });
    expect(begun.status()).toBe(303);
    const callback = await signInAtIssuerHeadless(begun.headers()['location']!, 'an');
    const loginCookies = await context.cookies(`${deployment.url}/auth/callback`);
    expect(loginCookies.map((cookie) => cookie.name)).toContain('vo-login');
    const changed = new URL(callback);
    changed.searchParams.set('state', `${changed.searchParams.get('state')!.slice(0, -2)}xx`);
    const refused = await page.goto(changed.href);
    expect(refused!.status()).toBe(400);
    await page.getByRole('heading', { name: 'Aanmelden is niet gelukt' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await sessionCookie(context)).toBeUndefined();

    await context.close();

    // A sign-in that works, then its code once more: refused, in this browser and in another.
    const second = await open();
    let used: string | undefined;
    second.page.on('request', (request) => {
      if (request.url().includes('/auth/callback?')) used = request.url();
    });
    await signInAtIssuer(second.page, 'an');
    await second.page.locator('vo-service-list h1').waitFor();
    const signedIn = (await sessionCookie(second.context))!.value;
    // The sign-in cookie went with the sign-in; the replay brings it back, so that only "used
    // once" can refuse it — and sends it to the instance that did not complete the sign-in.
    const cookieNames = async () =>
      (await second.context.cookies(`${deployment.url}/auth/callback`)).map((c) => c.name);
    expect(await cookieNames()).not.toContain('vo-login');
    await second.context.addCookies([
      {
        name: 'vo-login',
        value: new URL(used!).searchParams.get('state')!,
        domain: new URL(deployment.url).hostname,
        path: '/auth',
        httpOnly: true,
        sameSite: 'Lax',
      },
    ]);
    const otherInstance = 0;
    const replay = await second.context.request.get(used!, {
      maxRedirects: 0,
      headers: { 'x-e2e-instance': String(otherInstance) },
    });
    expect(replay.status()).toBe(400);
    expect(await replay.text()).toContain(
      'Deze aanmelding werd al gebruikt, of duurde langer dan 10 minuten.',
    );
    if (deployment.instances.length > 1) {
      const callbacks = deployment.served.filter((r) => r.path === '/auth/callback');
      expect(callbacks.at(-1)).toEqual({ path: '/auth/callback', instance: 0, status: 400 });
      expect(callbacks.at(-2)).toEqual({ path: '/auth/callback', instance: 1, status: 303 });
    }
    // The replay opened nothing, and ended nothing either.
    expect((await sessionCookie(second.context))!.value).toBe(signedIn);
    const other = await browser.newContext();
    const elsewhere = await (await other.newPage()).goto(used!);
    expect(elsewhere!.status()).toBe(400);
    expect(await sessionCookie(other)).toBeUndefined();
    await other.close();
    await second.context.close();
  });

  it('a session cookie sent from another site changes nothing (CSRF)', async () => {
    const { page, context } = await open();
    await signInAtIssuer(page, 'an');
    await page.locator('vo-service-list h1').waitFor();
    const forger = await forgingSite(deployment.url);
    const actions = async () =>
      (
        (await (
          await fetch(`${deployment.instances[0]}/api/v1/services/demo-dienst/actions`, {
            headers: { authorization: `Bearer ${deployment.demoToken}` },
          })
        ).json()) as { actions: { title: string }[] }
      ).actions.map((action) => action.title);
    try {
      // Same site, another origin (another port of 127.0.0.1): SameSite=Lax sends the cookie,
      // and the CSRF checks refuse (no token, Origin and Sec-Fetch-Site of another origin).
      // Another site (localhost): the browser does not even send the cookie.
      for (const [host, status] of [
        ['127.0.0.1', 403],
        ['localhost', 401],
      ] as const) {
        const attacker = await context.newPage();
        await attacker.goto(forger.url(host));
        const [answer] = await Promise.all([
          attacker.waitForResponse((response) => response.url().includes('/actions')),
          attacker.locator('#f').evaluate((form: HTMLFormElement) => form.submit()),
        ]);
        expect(answer.status(), host).toBe(status);
        await attacker.close();
      }
      expect(await actions()).not.toContain('Vervalst');
      // Still signed in: the forgeries ended nothing.
      await page.reload();
      await page.locator('vo-service-list h1').waitFor();
    } finally {
      await forger.close();
      await context.close();
    }
  });
});
