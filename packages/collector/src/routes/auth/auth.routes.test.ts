import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthSessionSchema, MeSchema, SignedOutSchema } from '@vo-feedback/shared';
import type { AppDeps } from '../../config/deps.ts';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../../domain/sessions.ts';
import { SIGN_INS_PER_MINUTE } from './auth.routes.ts';
import { ADMIN_TOKEN, json, testCollector } from '../../test-support/fixtures.ts';
import {
  signInAtIssuer,
  startTestIssuer,
  type TestIssuer,
} from '../../test-support/oidc-issuer.ts';

// Signing in with OpenID Connect against a real issuer (oidc-provider, in this process): the
// authorization code flow with PKCE, state and nonce, the person found by the verified e-mail
// address the first time and by the subject afterwards, the session cookie, the refused and
// replayed sign-ins, signing out here and at the issuer, and the session's idle and absolute
// limits.

const PUBLIC_URL = 'http://localhost';
let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await startTestIssuer([PUBLIC_URL, 'https://feedback.example.be'], {
    an: { email: 'An.Peeters@Org-A.be' },
    onbekend: { email: 'iemand@elders.be' },
    onbevestigd: { email: 'carla@org-a.be', emailVerified: false },
  });
});
afterAll(() => issuer.close());

/** A collector that signs people in at the test issuer, with a clock the test moves. */
async function collector(deps: Partial<AppDeps> = {}) {
  let now = Date.now();
  const collector = await testCollector({
    adminToken: ADMIN_TOKEN,
    publicUrl: PUBLIC_URL,
    oidc: { issuer: issuer.url, clientId: issuer.clientId, clientSecret: issuer.clientSecret },
    now: () => now,
    ...deps,
  });
  const register = async (email: string, role: string, organisationId?: string) => {
    const response = await collector.admin('POST', '/people', { email, role, organisationId });
    expect(response.status).toBe(201);
    return (await json(response)) as { id: string };
  };
  return { ...collector, register, later: (ms: number) => (now += ms) };
}
type Collector = Awaited<ReturnType<typeof collector>>;

/** The value of a cookie a response sets, and the rest of its Set-Cookie line. */
function setCookie(response: Response, name: string): { value: string; line: string } | undefined {
  const line = response.headers.getSetCookie().find((l) => l.startsWith(`${name}=`));
  if (!line) return undefined;
  return { value: line.slice(name.length + 1).split(';')[0]!, line };
}

/** /auth/login: the issuer's URL and the cookie that binds the sign-in to this browser. */
async function beginSignIn(c: Collector, base = '') {
  const response = await c.app.request(`${base}/auth/login`);
  expect(response.status).toBe(303);
  const loginCookie = setCookie(response, base ? '__Host-vo-login' : 'vo-login');
  expect(loginCookie).toBeDefined();
  return { location: response.headers.get('location')!, loginCookie: loginCookie! };
}

/** The whole sign-in as `login` at the issuer; the callback's answer. */
async function signIn(c: Collector, login: string) {
  const { location, loginCookie } = await beginSignIn(c);
  const callback = await signInAtIssuer(location, login);
  const response = await c.app.request(`${callback.pathname}${callback.search}`, {
    headers: { cookie: `vo-login=${loginCookie.value}` },
  });
  const session = setCookie(response, 'vo-session');
  return { response, callback, loginCookie, cookie: session && `vo-session=${session.value}` };
}

describe('GET /auth/login and /auth/callback', () => {
  it('sends the browser to the issuer with PKCE (S256), state and nonce, the sign-in bound to it by a cookie on /auth', async () => {
    const c = await collector();
    const { location, loginCookie } = await beginSignIn(c);
    const url = new URL(location);
    expect(url.origin).toBe(issuer.url);
    expect(url.searchParams.get('client_id')).toBe(issuer.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/auth/callback`);
    expect(url.searchParams.get('scope')).toBe('openid email profile');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toBe(loginCookie.value);
    expect(loginCookie.line).toMatch(/; Path=\/auth/);
    expect(loginCookie.line).toMatch(/; HttpOnly/);
    expect(loginCookie.line).toMatch(/; SameSite=Lax/);
    expect(loginCookie.line).not.toMatch(/Secure/);
  });

  it('signs a registered person in: the first time by the verified e-mail address, a session cookie, then /me names them', async () => {
    const c = await collector();
    await c.register('an.peeters@org-a.be', 'provider', 'org-a');
    const { response, cookie } = await signIn(c, 'an');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/dashboard/');
    const line = setCookie(response, 'vo-session')!.line;
    expect(line).toMatch(/; Path=\//);
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Lax/);
    expect(line).not.toMatch(/Secure|Max-Age|Expires/);
    // The sign-in cookie has done its work.
    expect(setCookie(response, 'vo-login')!.line).toMatch(/Max-Age=0/);

    const me = await c.app.request('/api/v1/me', { headers: { cookie: cookie! } });
    expect(await json(me, MeSchema)).toEqual({
      role: 'provider',
      organisationId: 'org-a',
      organisationName: 'Organisatie A',
      minimumN: 10,
      person: { email: 'an.peeters@org-a.be', role: 'provider' },
    });
    const services = await c.app.request('/api/v1/services', { headers: { cookie: cookie! } });
    expect(((await json(services)) as { id: string }[]).map((s) => s.id)).toEqual(['dienst-a']);
    const [person] = await c.store.listPeople('org-a');
    expect(person).toMatchObject({ issuer: issuer.url, subject: 'an' });
    expect(person!.lastSignInAt).not.toBeNull();
  });

  it('finds the person by the subject afterwards, whatever the issuer says their address is now', async () => {
    const c = await collector();
    await c.register('dirk@org-a.be', 'manager', 'org-a');
    issuer.addAccount('dirk', { email: 'dirk@org-a.be' });
    expect((await signIn(c, 'dirk')).response.status).toBe(303);
    issuer.addAccount('dirk', { email: 'dirk.janssens@org-a.be' });
    const again = await signIn(c, 'dirk');
    expect(again.response.status).toBe(303);
    const me = await c.app.request('/api/v1/me', { headers: { cookie: again.cookie! } });
    expect((await json(me, MeSchema)).person).toEqual({ email: 'dirk@org-a.be', role: 'manager' });
    // Another account at the issuer with the registered address is not that person.
    issuer.addAccount('dirk-2', { email: 'dirk@org-a.be' });
    expect((await signIn(c, 'dirk-2')).response.status).toBe(403);
  });

  it('shows someone signed in at the issuer but not registered a page that says so, whom to ask and how to sign out — and opens no session', async () => {
    const c = await collector();
    const { response } = await signIn(c, 'onbekend');
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.getSetCookie().filter((l) => l.startsWith('vo-session'))).toEqual([]);
    const page = await response.text();
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('U hebt geen toegang tot het feedbackdashboard');
    expect(page).toContain('<strong>iemand@elders.be</strong>');
    expect(page).toContain('beheerder (manager)');
    expect(page).toContain('platformbeheerder');
    // The sign-out form goes to the issuer's end-session endpoint, which the page's CSP allows.
    expect(page).toContain(`action="${issuer.url}/session/end"`);
    expect(page).toContain('name="id_token_hint"');
    expect(response.headers.get('content-security-policy')).toContain(
      `form-action 'self' ${issuer.url}`,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('does not take an e-mail address the issuer has not verified', async () => {
    const c = await collector();
    await c.register('carla@org-a.be', 'provider', 'org-a');
    const { response } = await signIn(c, 'onbevestigd');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('carla@org-a.be');
    expect((await c.store.findPersonByEmail('carla@org-a.be'))!.subject).toBeNull();
  });

  it('refuses a changed state, a callback in another browser, a replayed code and a sign-in older than 10 minutes', async () => {
    const c = await collector();
    await c.register('an.peeters@org-a.be', 'provider', 'org-a');
    const refused = async (path: string, cookie?: string) => {
      const response = await c.app.request(path, cookie ? { headers: { cookie } } : {});
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.getSetCookie().some((l) => l.startsWith('vo-session='))).toBe(false);
      expect(await response.text()).toContain('Aanmelden is niet gelukt');
    };

    // A changed state: the browser's cookie no longer matches.
    let begun = await beginSignIn(c);
    let callback = await signInAtIssuer(begun.location, 'an');
    const changed = new URL(callback);
    changed.searchParams.set('state', `${begun.loginCookie.value.slice(0, -1)}x`);
    await refused(`${changed.pathname}${changed.search}`, `vo-login=${begun.loginCookie.value}`);
    // Another browser (no sign-in cookie): a login forged by someone else fails.
    await refused(`${callback.pathname}${callback.search}`);

    // A replayed code: the sign-in was used once, on any instance.
    const first = await signIn(c, 'an');
    expect(first.response.status).toBe(303);
    await refused(
      `${first.callback.pathname}${first.callback.search}`,
      `vo-login=${first.loginCookie.value}`,
    );

    // Too late: the issuer's answer comes back after 10 minutes.
    begun = await beginSignIn(c);
    callback = await signInAtIssuer(begun.location, 'an');
    c.later(10 * 60 * 1000 + 1);
    await refused(`${callback.pathname}${callback.search}`, `vo-login=${begun.loginCookie.value}`);
  });

  it('returns to the dashboard page asked for, and to /dashboard/ for anything else (a NUL, a line break, another site)', async () => {
    const c = await collector();
    await c.register('an.peeters@org-a.be', 'provider', 'org-a');
    const returnsTo = async (returnTo: string) => {
      const begun = await c.app.request(`/auth/login?returnTo=${returnTo}`);
      expect(begun.status, returnTo).toBe(303);
      const state = setCookie(begun, 'vo-login')!.value;
      const callback = await signInAtIssuer(begun.headers.get('location')!, 'an');
      const response = await c.app.request(`${callback.pathname}${callback.search}`, {
        headers: { cookie: `vo-login=${state}` },
      });
      expect(response.status, returnTo).toBe(303);
      return response.headers.get('location');
    };
    expect(await returnsTo(encodeURIComponent('/dashboard/#/webhooks'))).toBe(
      '/dashboard/#/webhooks',
    );
    for (const refused of [
      '/dashboard/%00',
      '/dashboard/x%00y',
      '/dashboard/%0d%0aSet-Cookie:%20x=1',
      '/dashboard/%09',
      '/dashboard/%7f',
      encodeURIComponent('//evil.example/dashboard/'),
      encodeURIComponent('/dashboard/\\evil.example'),
      encodeURIComponent('/dashboard/../api/v1/me'),
      encodeURIComponent('/dashboard/%2e%2e/api/v1/me'),
    ]) {
      expect(await returnsTo(refused), refused).toBe('/dashboard/');
    }
  });

  it('refuses an answer of the issuer that is an error', async () => {
    const c = await collector();
    const { loginCookie } = await beginSignIn(c);
    const response = await c.app.request(
      `/auth/callback?error=access_denied&state=${loginCookie.value}&iss=${encodeURIComponent(issuer.url)}`,
      { headers: { cookie: `vo-login=${loginCookie.value}` } },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Aanmelden is niet gelukt');
  });

  it('under https, names both cookies __Host- (Secure, Path=/, no Domain: no sibling host can plant one)', async () => {
    const c = await collector({ publicUrl: 'https://feedback.example.be' });
    await c.register('an.peeters@org-a.be', 'provider', 'org-a');
    const base = 'https://feedback.example.be';
    const { location, loginCookie } = await beginSignIn(c, base);
    expect(loginCookie.line).toMatch(
      /^__Host-vo-login=[^;]+; Max-Age=600; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    expect(loginCookie.line).not.toMatch(/Domain/i);
    const callback = await signInAtIssuer(location, 'an');
    expect(callback.origin).toBe(base);
    // The same sign-in cookie without its prefix (as a sibling host could set it) binds nothing.
    const planted = await c.app.request(callback.href, {
      headers: { cookie: `__Secure-vo-login=${loginCookie.value}; vo-login=${loginCookie.value}` },
    });
    expect(planted.status).toBe(400);
    const response = await c.app.request(callback.href, {
      headers: { cookie: `__Host-vo-login=${loginCookie.value}` },
    });
    expect(response.status).toBe(303);
    expect(setCookie(response, '__Host-vo-login')!.line).toMatch(/Max-Age=0; Path=\/; Secure/);
    const session = setCookie(response, '__Host-vo-session')!;
    expect(session.line).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    // The cookie without its prefix opens nothing under https.
    const me = (cookie: string) => c.app.request(`${base}/api/v1/me`, { headers: { cookie } });
    expect((await me(`__Host-vo-session=${session.value}`)).status).toBe(200);
    expect((await me(`vo-session=${session.value}`)).status).toBe(401);
  });

  it('lets one client begin at most 30 sign-ins a minute (each stores a sign-in under way)', async () => {
    const c = await collector();
    for (let i = 0; i < SIGN_INS_PER_MINUTE; i += 1) {
      expect((await c.app.request('/auth/login')).status).toBe(303);
    }
    const refused = await c.app.request('/auth/login');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toContain('Wacht een minuut');
    expect(await c.rowCount('login_flows')).toBe(SIGN_INS_PER_MINUTE);
    c.later(60_000);
    expect((await c.app.request('/auth/login')).status).toBe(303);
  });

  it('answers 404 pages while OpenID Connect is not configured', async () => {
    const { app } = await testCollector();
    for (const path of ['/auth/login', '/auth/callback?code=x&state=y']) {
      const response = await app.request(path);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('Aanmelden met uw account is niet ingeschakeld');
    }
    expect(await json(await app.request('/auth/session'), AuthSessionSchema)).toEqual({
      oidc: false,
      person: null,
      csrfToken: null,
    });
  });
});

describe('the session', () => {
  it('GET /auth/session tells the dashboard whether sign-in is on, who is signed in and the CSRF token', async () => {
    const c = await collector();
    await c.register('an.peeters@org-a.be', 'manager', 'org-a');
    const anonymous = await c.app.request('/auth/session');
    expect(await json(anonymous, AuthSessionSchema)).toEqual({
      oidc: true,
      person: null,
      csrfToken: null,
    });
    const { cookie } = await signIn(c, 'an');
    const answer = await c.app.request('/auth/session', { headers: { cookie: cookie! } });
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const session = await json(answer, AuthSessionSchema);
    expect(session.person).toEqual({ email: 'an.peeters@org-a.be', role: 'manager' });
    expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('ends after 8 hours without a request; a request in between keeps it open', async () => {
    const c = await collector();
    await c.register('an.peeters@org-a.be', 'provider', 'org-a');
    const { cookie } = await signIn(c, 'an');
    const me = () => c.app.request('/api/v1/me', { headers: { cookie: cookie! } });
    c.later(4 * 60 * 60 * 1000);
    expect((await me()).status).toBe(200);
    // 11 hours after signing in, but only 7 since the last request: still open.
    c.later(SESSION_IDLE_MS - 60 * 60 * 1000);
    expect((await me()).status).toBe(200);
    c.later(SESSION_IDLE_MS);
    expect((await me()).status).toBe(401);
    expect(await c.rowCount('sessions')).toBe(0);
  });

  it('ends 12 hours after signing in, however busy; the next sign-in drops such sessions too', async () => {
    const c = await collector();
    await c.register('an.peeters@org-a.be', 'provider', 'org-a');
    const { cookie } = await signIn(c, 'an');
    const me = () => c.app.request('/api/v1/me', { headers: { cookie: cookie! } });
    for (let hour = 1; hour < 12; hour += 1) {
      c.later(60 * 60 * 1000);
      expect((await me()).status, `after ${hour} h`).toBe(200);
    }
    c.later(SESSION_MAX_MS - 11 * 60 * 60 * 1000 - 1);
    expect((await me()).status).toBe(200);
    c.later(1);
    expect((await me()).status).toBe(401);
    expect(await c.rowCount('sessions')).toBe(0);

    // A session past 12 hours, used an hour ago (not idle), goes at the next sign-in.
    const old = await signIn(c, 'an');
    expect(old.response.status).toBe(303);
    for (let hour = 1; hour < 12; hour += 1) {
      c.later(60 * 60 * 1000);
      await c.app.request('/api/v1/me', { headers: { cookie: old.cookie! } });
    }
    c.later(60 * 60 * 1000 + 1);
    expect(await c.rowCount('sessions')).toBe(1);
    expect((await signIn(c, 'an')).response.status).toBe(303);
    expect(await c.rowCount('sessions')).toBe(1);
  });

  it('POST /auth/logout ends it here and sends the browser to the issuer’s end-session endpoint; the old cookie is refused', async () => {
    const c = await collector();
    await c.register('an.peeters@org-a.be', 'provider', 'org-a');
    const { cookie } = await signIn(c, 'an');
    const csrfToken = (await json(
      await c.app.request('/auth/session', { headers: { cookie: cookie! } }),
      AuthSessionSchema,
    ))!.csrfToken!;
    // Without the CSRF token (a form on another site): refused, still signed in.
    const forged = await c.app.request('/auth/logout', {
      method: 'POST',
      headers: { cookie: cookie!, origin: 'https://evil.example' },
    });
    expect(forged.status).toBe(403);
    expect((await c.app.request('/api/v1/me', { headers: { cookie: cookie! } })).status).toBe(200);

    const response = await c.app.request('/auth/logout', {
      method: 'POST',
      headers: { cookie: cookie!, 'x-csrf-token': csrfToken, origin: PUBLIC_URL },
    });
    expect(response.status).toBe(200);
    expect(setCookie(response, 'vo-session')!.line).toMatch(/Max-Age=0/);
    const next = new URL((await json(response, SignedOutSchema)).next);
    expect(`${next.origin}${next.pathname}`).toBe(`${issuer.url}/session/end`);
    expect(next.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/dashboard/`);
    expect(next.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(next.searchParams.get('client_id')).toBe(issuer.clientId);
    expect((await c.app.request('/api/v1/me', { headers: { cookie: cookie! } })).status).toBe(401);
    // Twice is harmless: back to the dashboard.
    const again = await c.app.request('/auth/logout', {
      method: 'POST',
      headers: { cookie: cookie! },
    });
    expect(await json(again, SignedOutSchema)).toEqual({ next: '/dashboard/' });
  });

  it('signs out to the dashboard when the issuer offers no end-session endpoint', async () => {
    const plain = await startTestIssuer(
      [PUBLIC_URL],
      { an: { email: 'an@org-a.be' } },
      {
        endSession: false,
      },
    );
    try {
      const c = await collector({
        oidc: { issuer: plain.url, clientId: plain.clientId, clientSecret: plain.clientSecret },
      });
      await c.register('an@org-a.be', 'provider', 'org-a');
      const { cookie } = await signIn(c, 'an');
      const { csrfToken } = await json(
        await c.app.request('/auth/session', { headers: { cookie: cookie! } }),
        AuthSessionSchema,
      );
      const response = await c.app.request('/auth/logout', {
        method: 'POST',
        headers: { cookie: cookie!, 'x-csrf-token': csrfToken! },
      });
      expect(await json(response, SignedOutSchema)).toEqual({ next: '/dashboard/' });
    } finally {
      await plain.close();
    }
  });

  it('records every sign-in and sign-out in the audit as person:<e-mail address>', async () => {
    const c = await collector();
    const { id } = await c.register('an.peeters@org-a.be', 'provider', 'org-a');
    c.later(1000);
    const { cookie } = await signIn(c, 'an');
    c.later(1000);
    const { csrfToken } = await json(
      await c.app.request('/auth/session', { headers: { cookie: cookie! } }),
      AuthSessionSchema,
    );
    await c.app.request('/auth/logout', {
      method: 'POST',
      headers: { cookie: cookie!, 'x-csrf-token': csrfToken! },
    });
    const audit = (await json(await c.admin('GET', '/audit'))) as {
      entries: { actor: string; action: string; target: string }[];
    };
    expect(audit.entries.map(({ actor, action, target }) => ({ actor, action, target }))).toEqual([
      { actor: 'admin', action: 'person.registered', target: `person:${id}` },
      { actor: 'person:an.peeters@org-a.be', action: 'person.signed-in', target: `person:${id}` },
      { actor: 'person:an.peeters@org-a.be', action: 'person.signed-out', target: `person:${id}` },
    ]);
  });
});
