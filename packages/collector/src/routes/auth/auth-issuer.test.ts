import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, json, testCollector } from '../../test-support/fixtures.ts';
import {
  signInAtIssuer,
  startTestIssuer,
  type TestIssuer,
} from '../../test-support/oidc-issuer.ts';

// What the collector makes of the issuer's token endpoint when it is not what it should be: an
// ID token changed on the way (its signature is checked against the issuer's keys, though the
// answer came straight from the token endpoint), an issuer that is down or answers 5xx (503: try
// again, not "refused"), and a refusal (400). A real issuer (oidc-provider), its token endpoint
// made to misbehave by the test.

const PUBLIC_URL = 'http://localhost';
let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await startTestIssuer([PUBLIC_URL], { an: { email: 'an.peeters@org-a.be' } });
});
afterAll(() => issuer.close());

async function collector(at: TestIssuer = issuer) {
  const c = await testCollector({
    adminToken: ADMIN_TOKEN,
    publicUrl: PUBLIC_URL,
    oidc: { issuer: at.url, clientId: at.clientId, clientSecret: at.clientSecret },
  });
  for (const [email, role] of [
    ['an.peeters@org-a.be', 'provider'],
    ['dirk@org-a.be', 'manager'],
  ] as const) {
    const response = await c.admin('POST', '/people', { email, role, organisationId: 'org-a' });
    expect(response.status).toBe(201);
  }
  return c;
}

/** Signs in as `login` at the issuer; the collector's answer at the callback. */
async function callback(c: Awaited<ReturnType<typeof collector>>, login = 'an') {
  const begun = await c.app.request('/auth/login');
  expect(begun.status).toBe(303);
  const state = /^vo-login=([^;]+)/.exec(begun.headers.getSetCookie()[0]!)![1]!;
  const back = await signInAtIssuer(begun.headers.get('location')!, login);
  return c.app.request(`${back.pathname}${back.search}`, {
    headers: { cookie: `vo-login=${state}` },
  });
}

const signedIn = (response: Response) =>
  response.headers.getSetCookie().some((line) => line.startsWith('vo-session='));

describe('the token endpoint', () => {
  it('refuses an ID token whose claims were changed on the way: its signature is checked', async () => {
    const c = await collector();
    // Someone between the collector and the issuer makes An's sign-in say it is Dirk's.
    issuer.tokenEndpoint({
      forgedClaims: { sub: 'forged', email: 'dirk@org-a.be', email_verified: true },
    });
    try {
      const response = await callback(c);
      expect(response.status).toBe(400);
      expect(signedIn(response)).toBe(false);
      expect(await response.text()).toContain('Aanmelden is niet gelukt');
      expect((await c.store.findPersonByEmail('dirk@org-a.be'))!.subject).toBeNull();
    } finally {
      issuer.tokenEndpoint('real');
    }
    // The real answer signs An in.
    expect((await callback(c)).status).toBe(303);
  });

  it.each([
    ['a 500 error page of a proxy', 500, 'text/html', '<h1>Internal Server Error</h1>'],
    ['a 502 of a gateway', 502, 'text/plain', 'Bad Gateway'],
    ['a 503 with an OAuth error', 503, 'application/json', '{"error":"temporarily_unavailable"}'],
  ])(
    'answers %s with 503 and Retry-After, not with "refused"',
    async (_name, status, type, body) => {
      const c = await collector();
      issuer.tokenEndpoint({ status, contentType: type, body });
      try {
        const response = await callback(c);
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('30');
        expect(response.headers.get('content-type')).toMatch(/^text\/html/);
        expect(signedIn(response)).toBe(false);
      } finally {
        issuer.tokenEndpoint('real');
      }
    },
  );

  it('answers a refusal of the issuer (invalid_grant) with 400', async () => {
    const c = await collector();
    issuer.tokenEndpoint({
      status: 400,
      contentType: 'application/json',
      body: '{"error":"invalid_grant","error_description":"grant request is invalid"}',
    });
    try {
      const response = await callback(c);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Aanmelden is niet gelukt');
    } finally {
      issuer.tokenEndpoint('real');
    }
  });

  it('answers 503 when the issuer cannot be reached once the browser comes back', async () => {
    const gone = await startTestIssuer([PUBLIC_URL], { an: { email: 'an.peeters@org-a.be' } });
    const c = await collector(gone);
    const begun = await c.app.request('/auth/login');
    const state = /^vo-login=([^;]+)/.exec(begun.headers.getSetCookie()[0]!)![1]!;
    const back = await signInAtIssuer(begun.headers.get('location')!, 'an');
    await gone.close();
    const response = await c.app.request(`${back.pathname}${back.search}`, {
      headers: { cookie: `vo-login=${state}` },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(signedIn(response)).toBe(false);
    expect(await json(await c.app.request('/auth/session'))).toMatchObject({ person: null });
  });
});
