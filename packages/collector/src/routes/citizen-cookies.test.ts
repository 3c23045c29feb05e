import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORIGIN_A, submission, testCollector } from '../test-support/fixtures.ts';
import { personSession } from '../test-support/sessions.ts';
import { tempFolder } from '../test-support/temp-dir.ts';

// No route a citizen meets ever sets a cookie: the widget's files, the hosted page, the form and
// its thank-you page, ingest and impressions, the public statistics and the transparency page, the
// demo — not for a visitor, and not for a member of staff who is signed in to the dashboard in the
// same browser (their session cookie is sent along to the collector's own pages, and must not be
// renewed, touched into a new one or answered with another). Signing in is the only place
// cookies are set (routes/auth).

function builtFrontEnds() {
  const root = tempFolder();
  for (const [name, file, text] of [
    ['widget', 'vo-feedback.js', 'export {};\n'],
    ['demo', 'index.html', '<!doctype html><title>Demo</title>'],
  ] as const) {
    mkdirSync(join(root, name), { recursive: true });
    writeFileSync(join(root, name, file), text);
  }
  return { widget: join(root, 'widget'), demo: join(root, 'demo') };
}

/** Every request a citizen's browser makes to the collector, and what it must answer. */
const CITIZEN_REQUESTS: Array<{ what: string; path: string; init?: RequestInit; status: number }> =
  [
    { what: 'the widget', path: '/widget/vo-feedback.js', status: 200 },
    { what: 'the demo page', path: '/', status: 200 },
    { what: 'the hosted page', path: '/f/dienst-a?channel=counter', status: 200 },
    { what: 'the thank-you page', path: '/f/dienst-a/bedankt?lang=nl', status: 200 },
    {
      what: "the widget's service configuration",
      path: '/api/v1/public/services/dienst-a/config',
      status: 200,
    },
    { what: 'the public statistics', path: '/api/v1/public/stats', status: 200 },
    { what: 'the open data', path: '/api/v1/public/stats.csv', status: 200 },
    {
      what: "a service's public statistics",
      path: '/api/v1/public/services/dienst-a/stats',
      status: 200,
    },
    { what: 'the transparency page', path: '/transparantie', status: 200 },
    {
      what: 'a submission',
      path: '/api/v1/feedback',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN_A },
        body: JSON.stringify(submission({ comment: 'Vlot.' })),
      },
      status: 201,
    },
    {
      what: 'the preflight of a submission',
      path: '/api/v1/feedback',
      init: {
        method: 'OPTIONS',
        headers: { origin: ORIGIN_A, 'access-control-request-method': 'POST' },
      },
      status: 204,
    },
    {
      what: 'an impression',
      path: '/api/v1/impressions',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN_A },
        body: JSON.stringify({ serviceId: 'dienst-a' }),
      },
      status: 204,
    },
    {
      what: 'the no-JavaScript form',
      path: '/api/v1/feedback/form',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'serviceId=dienst-a&rating=4&lang=nl&channel=counter',
      },
      status: 303,
    },
    {
      what: 'a refused form (its error page)',
      path: '/api/v1/feedback/form',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'serviceId=dienst-a&lang=nl',
      },
      status: 400,
    },
  ];

describe('no citizen-facing route sets a cookie', () => {
  it.each([
    ['a visitor', false],
    ['a member of staff signed in to the dashboard in the same browser', true],
  ])('for %s', async (_who, signedIn) => {
    // Sign-in on, under https: the collector as it runs with people signing in.
    const { app, store } = await testCollector({
      staticDirs: builtFrontEnds(),
      publicUrl: 'https://feedback.example.be',
      oidc: { issuer: 'https://issuer.example.be', clientId: 'c', clientSecret: 's' },
    });
    const cookie = signedIn
      ? (
          await personSession(store, {
            email: 'an@org-a.be',
            role: 'manager',
            organisationId: 'org-a',
          })
        ).cookie.replace(/^vo-session=/, '__Host-vo-session=')
      : undefined;
    for (const { what, path, init, status } of CITIZEN_REQUESTS) {
      const headers = new Headers(init?.headers);
      if (cookie) headers.set('cookie', cookie);
      const response = await app.request(`https://feedback.example.be${path}`, {
        ...init,
        headers,
      });
      expect(response.status, what).toBe(status);
      expect(response.headers.get('set-cookie'), what).toBeNull();
      expect(response.headers.getSetCookie(), what).toEqual([]);
    }
  });
});
