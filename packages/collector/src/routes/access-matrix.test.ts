import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issueToken } from '../use-cases/administration.ts';
import { handInReport } from '../use-cases/hand-in.ts';
import type { Alert } from '@vo-feedback/shared';
import { alertWindows } from '../domain/alerts.ts';
import { brusselsDay, brusselsYear } from '../domain/time.ts';
import { alertEvent } from '../domain/webhooks.ts';
import { generateToken, hashToken } from '../domain/tokens.ts';
import { jsonLogger } from '../config/logger.ts';
import { personSession, type PersonSession } from '../test-support/sessions.ts';
import {
  ADMIN_TOKEN,
  json,
  ORIGIN_A,
  submission,
  testCollector,
} from '../test-support/fixtures.ts';

// Every route of the app × every kind of caller gets exactly the answer of the contract
// (docs/api.md, Administration: roles): public routes without a token; a provider token its own organisation's services,
// comments included; a steering token summaries, annual reports and public statistics of every
// organisation, and 403 on comments, themes (they carry example comments) and exports; the admin
// API only with ADMIN_TOKEN. The route list comes from `app.routes`: a route added without a row
// here fails the first test. Every answer also carries the security headers (CSP, nosniff,
// no-referrer, no X-Powered-By), and no log line holds a token. A person signed in with OpenID
// Connect (a session cookie, and on a change its CSRF token) gets the answer of a token of the
// role it reads as, unless a row says otherwise (`people`): a manager also administers its own
// organisation.

const CALLERS = [
  'none',
  'wrong',
  'revoked',
  'providerA',
  'providerB',
  'steering',
  'admin',
  /** An ingest token of organisation A: it posts feedback and reads nothing. */
  'ingest',
] as const;
type Caller = (typeof CALLERS)[number];
type Expected = Record<Caller, number>;

const everyone = (status: number): Expected =>
  Object.fromEntries(CALLERS.map((caller) => [caller, status])) as Expected;
/** The provider and steering API: a stored, unrevoked token, or 401; an ingest token 403. */
const data = (answers: Pick<Expected, 'providerA' | 'providerB' | 'steering'>): Expected => ({
  ...everyone(401),
  ingest: 403,
  ...answers,
});
const adminOnly = (status: number): Expected => ({ ...everyone(401), admin: status });

/** People signed in with OpenID Connect. */
type PersonCaller = 'personA' | 'steeringPerson' | 'managerA';
/** The token whose answers a person gets, unless a row says otherwise. */
const READS_AS: Record<PersonCaller, Caller> = {
  personA: 'providerA',
  steeringPerson: 'steering',
  managerA: 'providerA',
};
/** The admin API: a manager of organisation A gets `status`, other people 403. */
const managerOnly = (status: number): Record<PersonCaller, number> => ({
  personA: 403,
  steeringPerson: 403,
  managerA: status,
});

type Collector = Awaited<ReturnType<typeof testCollector>>;
type World = Collector & {
  tokens: Record<Caller, string | undefined>;
  revokedId: string;
  people: Record<PersonCaller, PersonSession>;
  /** A provider of organisation A whom a row removes. */
  removableId: string;
  /** Every log line the app wrote. */
  logs: string[];
};

interface Row {
  /** What the request shows in test names. */
  label: string;
  method: string;
  path: string;
  body?: () => { type: string; text: string };
  headers?: Record<string, string>;
  expected: Expected;
  /** What a signed-in person gets where it differs from the token it reads as. */
  people?: Partial<Record<PersonCaller, number>>;
  /** Its problems are pages for people (text/html), not problem+json. */
  html?: boolean;
  /** Further checks of a 2xx answer: what this caller may see in it. */
  check?: (response: Response, caller: Caller) => Promise<void>;
}

const jsonBody = (value: unknown) => () => ({
  type: 'application/json',
  text: JSON.stringify(value),
});

async function serviceIds(response: Response): Promise<string[]> {
  return ((await json(response)) as { id: string }[]).map((s) => s.id);
}

/** The improvement action and the year of the hand-in every world has (organisation A's). */
const MATRIX_ACTION = '0b5a9e1c-3f7d-4c2a-9e8b-6d1f2a3c4b5d';
const MATRIX_YEAR = brusselsYear(Date.now());

/** The id of organisation A's comment in every world ("Geheim van A."). */
const MATRIX_FEEDBACK = '5c1d8e2a-7b4f-4e3a-8c9d-0a1b2c3d4e5f';

/** Organisation A's alert in every world (of dienst-a, today). */
const MATRIX_ALERT = '3f9b2d4e-6a1c-4e8f-9b7d-2c5a8e1f4d6b';

/** Organisation A's webhook in every world, and one delivery of it. */
const MATRIX_WEBHOOK = '7e2c4a1b-9d3f-4b5a-8c6d-1e2f3a4b5c6d';
const MATRIX_DELIVERY = 'msg_0190a000-0000-7000-8000-0000000000aa';

/** Organisation A's e-mail subscription in every world, and the secret of its unsubscribe link. */
const MATRIX_SUBSCRIPTION = '9a4c6e2f-1b3d-4f5a-8e7c-3d2b1a0f9e8d';
const MATRIX_UNSUBSCRIBE = 'bWF0cml4LXVuc3Vic2NyaWJlLWxpbmstb2Ytb3JnLWFh';

/** Each route of the app (`METHOD pattern`) and the requests that exercise it. */
const MATRIX: Record<string, Row[]> = {
  // Public: the same answer with any token or none.
  'GET /healthz': [{ label: 'liveness', method: 'GET', path: '/healthz', expected: everyone(200) }],
  'GET /readyz': [{ label: 'readiness', method: 'GET', path: '/readyz', expected: everyone(200) }],
  'OPTIONS /api/v1/feedback': [
    {
      label: 'preflight from an allowed origin',
      method: 'OPTIONS',
      path: '/api/v1/feedback',
      headers: { origin: ORIGIN_A, 'access-control-request-method': 'POST' },
      expected: everyone(204),
    },
  ],
  'OPTIONS /api/v1/impressions': [
    {
      label: 'preflight from an allowed origin',
      method: 'OPTIONS',
      path: '/api/v1/impressions',
      headers: { origin: ORIGIN_A, 'access-control-request-method': 'POST' },
      expected: everyone(204),
    },
  ],
  'POST /api/v1/feedback': [
    {
      // Without Authorization anyone may post (the widget); with it, only a valid ingest token
      // of the service's organisation: another token is refused, a wrong or revoked one is 401.
      label: 'a submission',
      method: 'POST',
      path: '/api/v1/feedback',
      body: () => jsonBody(submission({ comment: 'Vlot.' }))(),
      expected: {
        ...everyone(401),
        none: 201,
        providerA: 403,
        providerB: 403,
        steering: 403,
        ingest: 201,
      },
      // A session cookie is no ingest token: the post is anyone's.
      people: { personA: 201, steeringPerson: 201, managerA: 201 },
    },
  ],
  'POST /api/v1/feedback/form': [
    {
      label: 'the no-JavaScript form',
      method: 'POST',
      path: '/api/v1/feedback/form',
      body: () => ({
        type: 'application/x-www-form-urlencoded',
        text: 'serviceId=dienst-a&rating=4&lang=nl',
      }),
      expected: everyone(303),
    },
  ],
  'POST /api/v1/impressions': [
    {
      label: 'an impression',
      method: 'POST',
      path: '/api/v1/impressions',
      headers: { origin: ORIGIN_A },
      body: jsonBody({ serviceId: 'dienst-a' }),
      expected: everyone(204),
    },
  ],
  'GET /api/v1/public/stats': [
    {
      label: 'public statistics',
      method: 'GET',
      path: '/api/v1/public/stats',
      expected: everyone(200),
    },
  ],
  'GET /api/v1/public/stats.csv': [
    {
      label: 'open data CSV',
      method: 'GET',
      path: '/api/v1/public/stats.csv',
      expected: everyone(200),
    },
  ],
  'GET /api/v1/public/services/:serviceId/stats': [
    {
      label: "another organisation's service too",
      method: 'GET',
      path: '/api/v1/public/services/dienst-b/stats',
      expected: everyone(200),
      check: async (response) => {
        const body = await json(response);
        expect(body).not.toHaveProperty('comments');
      },
    },
  ],
  'GET /api/v1/public/services/:serviceId/config': [
    {
      label: "the widget's configuration of a service",
      method: 'GET',
      path: '/api/v1/public/services/dienst-b/config',
      expected: everyone(200),
    },
  ],
  'GET /f/:serviceId': [
    {
      label: 'the hosted feedback page',
      method: 'GET',
      path: '/f/dienst-a?channel=counter',
      expected: everyone(200),
    },
  ],
  'GET /f/:serviceId/bedankt': [
    {
      label: 'the form’s thank-you page',
      method: 'GET',
      path: '/f/dienst-a/bedankt?lang=nl',
      expected: everyone(200),
    },
  ],
  'GET /api/v1/services/:serviceId/qr.svg': [
    {
      label: "the QR code of organisation A's hosted page",
      method: 'GET',
      path: '/api/v1/services/dienst-a/qr.svg?channel=counter',
      expected: data({ providerA: 200, providerB: 403, steering: 403 }),
    },
  ],
  'GET /api/v1/services/:serviceId/poster': [
    {
      label: "the QR poster of organisation A's hosted page",
      method: 'GET',
      path: '/api/v1/services/dienst-a/poster',
      expected: data({ providerA: 200, providerB: 403, steering: 403 }),
    },
  ],
  'GET /transparantie': [
    {
      label: 'the transparency page',
      method: 'GET',
      path: '/transparantie',
      expected: everyone(200),
    },
  ],
  'GET /api/v1/openapi.json': [
    {
      label: 'the OpenAPI document',
      method: 'GET',
      path: '/api/v1/openapi.json',
      expected: everyone(200),
    },
  ],
  'GET /api': [{ label: 'the API page', method: 'GET', path: '/api', expected: everyone(200) }],
  'GET /api/api.css': [
    { label: 'its stylesheet', method: 'GET', path: '/api/api.css', expected: everyone(200) },
  ],
  // Off without METRICS_TOKEN (as here); with it, for that bearer token only (metrics.test.ts).
  'GET /metrics': [
    { label: 'metrics for Prometheus', method: 'GET', path: '/metrics', expected: everyone(404) },
  ],
  // The built front-ends (static files; mounted as middleware on every method).
  'ALL /widget/*': [
    {
      label: 'the widget bundle',
      method: 'GET',
      path: '/widget/vo-feedback.js',
      expected: everyone(200),
    },
  ],
  'GET /dashboard': [
    {
      label: 'to the dashboard folder',
      method: 'GET',
      path: '/dashboard',
      expected: everyone(301),
    },
  ],
  'ALL /dashboard/*': [
    { label: 'the dashboard page', method: 'GET', path: '/dashboard/', expected: everyone(200) },
  ],
  'ALL /*': [{ label: 'the demo page', method: 'GET', path: '/', expected: everyone(200) }],

  // Provider and steering API.
  'GET /api/v1/me': [
    {
      label: "the token's role and organisation",
      method: 'GET',
      path: '/api/v1/me',
      expected: data({ providerA: 200, providerB: 200, steering: 200 }),
      check: async (response, caller) => {
        const expected = {
          providerA: { role: 'provider', organisationId: 'org-a', minimumN: 10 },
          providerB: { role: 'provider', organisationId: 'org-b', minimumN: 10 },
          steering: { role: 'steering', organisationId: null, minimumN: 10 },
        }[caller as 'providerA'];
        expect(await json(response)).toMatchObject(expected);
      },
    },
  ],
  'GET /api/v1/services': [
    {
      label: 'the services within reach',
      method: 'GET',
      path: '/api/v1/services',
      expected: data({ providerA: 200, providerB: 200, steering: 200 }),
      check: async (response, caller) => {
        const expected = {
          providerA: ['dienst-a'],
          providerB: ['dienst-b'],
          steering: ['dienst-a', 'dienst-b'],
        }[caller as 'providerA'];
        expect(await serviceIds(response)).toEqual(expected);
      },
    },
  ],
  'GET /api/v1/services/:serviceId/summary': [
    {
      label: "organisation A's service",
      method: 'GET',
      path: '/api/v1/services/dienst-a/summary',
      expected: data({ providerA: 200, providerB: 403, steering: 200 }),
      check: async (response) => {
        expect(await json(response)).toMatchObject({ serviceId: 'dienst-a', responses: 1 });
      },
    },
    {
      label: 'an unknown service',
      method: 'GET',
      path: '/api/v1/services/bestaat-niet/summary',
      expected: data({ providerA: 404, providerB: 404, steering: 404 }),
    },
    {
      // Once 7–10 s, 200 MB and a stalled server: a period is capped at 2000–2100, 3,660 days.
      label: 'a period of 2000-01-01 to 9999-12-31',
      method: 'GET',
      path: '/api/v1/services/dienst-a/summary?from=2000-01-01&to=9999-12-31',
      expected: data({ providerA: 400, providerB: 403, steering: 400 }),
    },
  ],
  'GET /api/v1/services/:serviceId/feedback': [
    {
      label: "organisation A's comments",
      method: 'GET',
      path: '/api/v1/services/dienst-a/feedback',
      expected: data({ providerA: 200, providerB: 403, steering: 403 }),
      check: async (response) => {
        const page = await json(response);
        expect(page.items.map((i: { comment: string }) => i.comment)).toEqual(['Geheim van A.']);
      },
    },
  ],
  'GET /api/v1/services/:serviceId/themes': [
    {
      label: "organisation A's themes with example comments",
      method: 'GET',
      path: '/api/v1/services/dienst-a/themes',
      expected: data({ providerA: 200, providerB: 403, steering: 403 }),
    },
  ],
  'GET /api/v1/services/:serviceId/export': [
    ...(['csv', 'json', 'xlsx'] as const).map((format) => ({
      label: `organisation A's ${format} export`,
      method: 'GET',
      path: `/api/v1/services/dienst-a/export?format=${format}`,
      expected: data({ providerA: 200, providerB: 403, steering: 403 }),
    })),
  ],
  'PATCH /api/v1/services/:serviceId/feedback/:feedbackId': [
    {
      label: "triage organisation A's comment",
      method: 'PATCH',
      path: `/api/v1/services/dienst-a/feedback/${MATRIX_FEEDBACK}`,
      body: jsonBody({ status: 'read', tags: ['matrix'] }),
      expected: data({ providerA: 200, providerB: 403, steering: 403 }),
      check: async (response) => {
        expect(await json(response)).toMatchObject({ status: 'read', tags: ['matrix'] });
      },
    },
    {
      label: 'a comment that does not exist',
      method: 'PATCH',
      path: '/api/v1/services/dienst-a/feedback/00000000-0000-4000-8000-000000000000',
      body: jsonBody({ status: 'read' }),
      expected: data({ providerA: 404, providerB: 403, steering: 403 }),
    },
  ],
  'DELETE /api/v1/services/:serviceId/feedback/:feedbackId': [
    {
      label: "erase organisation A's submission",
      method: 'DELETE',
      path: `/api/v1/services/dienst-a/feedback/${MATRIX_FEEDBACK}`,
      expected: data({ providerA: 204, providerB: 403, steering: 403 }),
    },
  ],
  'POST /api/v1/services/:serviceId/feedback/:feedbackId/redact': [
    {
      label: "remove text from organisation A's comment",
      method: 'POST',
      path: `/api/v1/services/dienst-a/feedback/${MATRIX_FEEDBACK}/redact`,
      body: jsonBody({ text: 'Geheim' }),
      expected: data({ providerA: 200, providerB: 403, steering: 403 }),
    },
  ],
  'GET /api/v1/services/:serviceId/tags': [
    {
      label: 'the tags in use in organisation A',
      method: 'GET',
      path: '/api/v1/services/dienst-a/tags',
      expected: data({ providerA: 200, providerB: 403, steering: 403 }),
    },
  ],
  'GET /api/v1/reports/annual': [
    {
      label: "the caller's own report",
      method: 'GET',
      path: '/api/v1/reports/annual',
      expected: data({ providerA: 200, providerB: 200, steering: 200 }),
      check: async (response, caller) => {
        const report = await json(response);
        const ids = JSON.stringify(report);
        // A provider's report holds its own organisation only.
        if (caller === 'providerA') expect(ids).not.toContain('dienst-b');
        if (caller === 'providerB') expect(ids).not.toContain('dienst-a');
        if (caller === 'steering') expect(ids).toContain('dienst-b');
      },
    },
    {
      label: "organisation A's report as HTML",
      method: 'GET',
      path: '/api/v1/reports/annual?organisation=org-a&format=html',
      expected: data({ providerA: 200, providerB: 403, steering: 200 }),
    },
    {
      label: "organisation A's report as CSV",
      method: 'GET',
      path: '/api/v1/reports/annual?organisation=org-a&format=csv',
      expected: data({ providerA: 200, providerB: 403, steering: 200 }),
    },
  ],
  'GET /api/v1/overview': [
    {
      label: 'every service side by side (steering) or its own (provider)',
      method: 'GET',
      path: '/api/v1/overview',
      expected: data({ providerA: 200, providerB: 200, steering: 200 }),
      check: async (response, caller) => {
        const { rows } = await json(response);
        const ids = rows.map((row: { serviceId: string }) => row.serviceId);
        expect(ids).toEqual(
          { providerA: ['dienst-a'], providerB: ['dienst-b'], steering: ['dienst-a', 'dienst-b'] }[
            caller as 'steering'
          ],
        );
      },
    },
    {
      label: 'the same as CSV',
      method: 'GET',
      path: '/api/v1/overview?format=csv',
      expected: data({ providerA: 200, providerB: 200, steering: 200 }),
      check: async (response, caller) => {
        const text = await response.text();
        if (caller === 'providerA') expect(text).not.toContain('dienst-b');
        if (caller === 'providerB') expect(text).not.toContain('dienst-a');
        if (caller === 'steering') expect(text).toMatch(/dienst-a[\s\S]*dienst-b/);
      },
    },
  ],

  // Alerts: a provider its own organisation's, steering every one.
  'GET /api/v1/alerts': [
    {
      label: "the caller's alerts (steering: all)",
      method: 'GET',
      path: '/api/v1/alerts',
      expected: data({ providerA: 200, providerB: 200, steering: 200 }),
      check: async (response, caller) => {
        const ids = (await json(response)).alerts.map((a: { id: string }) => a.id);
        expect(ids).toEqual(caller === 'providerB' ? [] : [MATRIX_ALERT]);
      },
    },
    {
      label: "one service's alerts",
      method: 'GET',
      path: '/api/v1/alerts?serviceId=dienst-a',
      expected: data({ providerA: 200, providerB: 403, steering: 200 }),
    },
    {
      label: 'a bad query',
      method: 'GET',
      path: '/api/v1/alerts?from=gisteren',
      expected: data({ providerA: 400, providerB: 400, steering: 400 }),
    },
  ],

  // Acting on feedback: the provider writes; steering reads explanations and hand-ins.
  'GET /api/v1/services/:serviceId/actions': [
    {
      label: "organisation A's improvement actions",
      method: 'GET',
      path: '/api/v1/services/dienst-a/actions',
      expected: data({ providerA: 200, providerB: 403, steering: 403 }),
      check: async (response) => {
        const list = await json(response);
        expect(list.actions.map((a: { id: string }) => a.id)).toEqual([MATRIX_ACTION]);
      },
    },
  ],
  'POST /api/v1/services/:serviceId/actions': [
    {
      label: 'add an action to a service of organisation A',
      method: 'POST',
      path: '/api/v1/services/dienst-a/actions',
      body: jsonBody({ title: 'Formulier korter', status: 'planned' }),
      expected: data({ providerA: 201, providerB: 403, steering: 403 }),
    },
  ],
  'PATCH /api/v1/services/:serviceId/actions/:actionId': [
    {
      label: 'change an action of organisation A',
      method: 'PATCH',
      path: `/api/v1/services/dienst-a/actions/${MATRIX_ACTION}`,
      body: jsonBody({ status: 'done', public: true }),
      expected: data({ providerA: 200, providerB: 403, steering: 403 }),
    },
  ],
  'DELETE /api/v1/services/:serviceId/actions/:actionId': [
    {
      label: 'delete an action of organisation A',
      method: 'DELETE',
      path: `/api/v1/services/dienst-a/actions/${MATRIX_ACTION}`,
      expected: data({ providerA: 204, providerB: 403, steering: 403 }),
    },
  ],
  'GET /api/v1/services/:serviceId/explanations/:year': [
    {
      label: "the explanation of organisation A's service",
      method: 'GET',
      path: `/api/v1/services/dienst-a/explanations/${MATRIX_YEAR}`,
      expected: data({ providerA: 200, providerB: 403, steering: 200 }),
    },
  ],
  'PUT /api/v1/services/:serviceId/explanations/:year': [
    {
      label: "explain the figures of organisation A's service",
      method: 'PUT',
      path: `/api/v1/services/dienst-a/explanations/${MATRIX_YEAR}`,
      body: jsonBody({ text: 'Een nieuwe website in maart.' }),
      expected: data({ providerA: 200, providerB: 403, steering: 403 }),
    },
  ],
  'GET /api/v1/organisations/:organisationId/explanations/:year': [
    {
      label: "the explanation of organisation A's figures",
      method: 'GET',
      path: `/api/v1/organisations/org-a/explanations/${MATRIX_YEAR}`,
      expected: data({ providerA: 200, providerB: 403, steering: 200 }),
    },
  ],
  'PUT /api/v1/organisations/:organisationId/explanations/:year': [
    {
      label: "explain organisation A's figures",
      method: 'PUT',
      path: `/api/v1/organisations/org-a/explanations/${MATRIX_YEAR}`,
      body: jsonBody({ text: 'Een jaar van verhuizingen.' }),
      expected: data({ providerA: 200, providerB: 403, steering: 403 }),
    },
  ],
  'POST /api/v1/reports/annual/:year/submissions': [
    {
      label: "hand in the caller's own annual report",
      method: 'POST',
      path: `/api/v1/reports/annual/${MATRIX_YEAR}/submissions`,
      expected: data({ providerA: 201, providerB: 201, steering: 403 }),
    },
  ],
  'GET /api/v1/reports/annual/:year/submissions': [
    {
      label: "the caller's hand-ins, or steering's overview",
      method: 'GET',
      path: `/api/v1/reports/annual/${MATRIX_YEAR}/submissions`,
      expected: data({ providerA: 200, providerB: 200, steering: 200 }),
      check: async (response, caller) => {
        const body = await json(response);
        const expected = {
          providerA: { versions: [1], organisations: [] },
          providerB: { versions: [], organisations: [] },
          steering: { versions: [], organisations: ['org-a', 'org-b'] },
        }[caller as 'providerA'];
        expect({
          versions: body.versions.map((v: { version: number }) => v.version),
          organisations: body.organisations.map(
            (o: { organisationId: string }) => o.organisationId,
          ),
        }).toEqual(expected);
      },
    },
  ],
  'GET /api/v1/reports/annual/:year/submissions/:organisationId/:version': [
    {
      label: "organisation A's report handed in",
      method: 'GET',
      path: `/api/v1/reports/annual/${MATRIX_YEAR}/submissions/org-a/1`,
      expected: data({ providerA: 200, providerB: 403, steering: 200 }),
    },
    {
      label: 'a version never handed in',
      method: 'GET',
      path: `/api/v1/reports/annual/${MATRIX_YEAR}/submissions/org-a/2?format=html`,
      expected: data({ providerA: 404, providerB: 403, steering: 404 }),
    },
  ],

  // Webhooks: a provider's own organisation's; steering has none. A signed-in provider who is not
  // a manager reads them, and changes nothing (a webhook would outlive them).
  'POST /api/v1/webhooks': [
    {
      label: "add a webhook to the caller's organisation",
      method: 'POST',
      path: '/api/v1/webhooks',
      body: jsonBody({ url: 'https://tickets.example.be/hooks/vo', events: ['feedback.created'] }),
      expected: data({ providerA: 201, providerB: 201, steering: 403 }),
      people: { personA: 403 },
      check: async (response) => {
        expect((await json(response)).secret).toMatch(/^whsec_/);
      },
    },
  ],
  'GET /api/v1/webhooks': [
    {
      label: "the caller's organisation's webhooks, without their secrets",
      method: 'GET',
      path: '/api/v1/webhooks',
      expected: data({ providerA: 200, providerB: 200, steering: 403 }),
      check: async (response, caller) => {
        const text = await response.text();
        expect(text).not.toContain('whsec_');
        const ids = (JSON.parse(text) as { webhooks: { id: string }[] }).webhooks.map((w) => w.id);
        expect(ids).toEqual(caller === 'providerA' ? [MATRIX_WEBHOOK] : []);
      },
    },
  ],
  'DELETE /api/v1/webhooks/:id': [
    {
      label: "delete organisation A's webhook",
      method: 'DELETE',
      path: `/api/v1/webhooks/${MATRIX_WEBHOOK}`,
      expected: data({ providerA: 204, providerB: 404, steering: 403 }),
      people: { personA: 403 },
    },
  ],
  'GET /api/v1/webhooks/:id/deliveries': [
    {
      label: "the deliveries of organisation A's webhook",
      method: 'GET',
      path: `/api/v1/webhooks/${MATRIX_WEBHOOK}/deliveries`,
      expected: data({ providerA: 200, providerB: 404, steering: 403 }),
      check: async (response) => {
        const ids = (await json(response)).deliveries.map((d: { id: string }) => d.id);
        expect(ids).toContain(MATRIX_DELIVERY);
      },
    },
  ],
  'POST /api/v1/webhooks/:id/deliveries/:deliveryId/resend': [
    {
      label: "resend a delivery of organisation A's webhook",
      method: 'POST',
      path: `/api/v1/webhooks/${MATRIX_WEBHOOK}/deliveries/${MATRIX_DELIVERY}/resend`,
      expected: data({ providerA: 202, providerB: 404, steering: 403 }),
      people: { personA: 403 },
    },
  ],

  // E-mail subscriptions: a provider's own organisation's; steering has none. Their unsubscribe
  // link is public: a page on GET, the one-click unsubscribe on POST, a clear page once used.
  'POST /api/v1/subscriptions': [
    {
      label: "subscribe a staff address to the caller's organisation's digest",
      method: 'POST',
      path: '/api/v1/subscriptions',
      body: () => jsonBody({ email: `${randomUUID()}@vlaanderen.be`, frequency: 'weekly' })(),
      expected: data({ providerA: 201, providerB: 201, steering: 403 }),
    },
  ],
  'GET /api/v1/subscriptions': [
    {
      label: "the caller's organisation's subscriptions",
      method: 'GET',
      path: '/api/v1/subscriptions',
      expected: data({ providerA: 200, providerB: 200, steering: 403 }),
      check: async (response, caller) => {
        const { subscriptions } = (await json(response)) as { subscriptions: { id: string }[] };
        expect(subscriptions.map((s) => s.id)).toEqual(
          caller === 'providerA' ? [MATRIX_SUBSCRIPTION] : [],
        );
      },
    },
  ],
  'DELETE /api/v1/subscriptions/:id': [
    {
      label: "delete organisation A's subscription",
      method: 'DELETE',
      path: `/api/v1/subscriptions/${MATRIX_SUBSCRIPTION}`,
      expected: data({ providerA: 204, providerB: 404, steering: 403 }),
    },
  ],
  'GET /unsubscribe/:token': [
    {
      label: 'the unsubscribe page of a mail link',
      method: 'GET',
      path: `/unsubscribe/${MATRIX_UNSUBSCRIBE}`,
      expected: everyone(200),
    },
  ],
  'POST /unsubscribe/:token': [
    {
      label: 'the one-click unsubscribe of a mail link, then a used one',
      method: 'POST',
      path: `/unsubscribe/${MATRIX_UNSUBSCRIBE}`,
      body: () => ({
        type: 'application/x-www-form-urlencoded',
        text: 'List-Unsubscribe=One-Click',
      }),
      expected: everyone(200),
    },
  ],

  // Administration: ADMIN_TOKEN only.
  'POST /api/v1/admin/organisations': [
    {
      label: 'add an organisation',
      method: 'POST',
      path: '/api/v1/admin/organisations',
      body: jsonBody({ id: 'org-c', name: 'Organisatie C' }),
      expected: adminOnly(201),
      people: managerOnly(403),
    },
  ],
  'GET /api/v1/admin/organisations': [
    {
      label: 'list',
      method: 'GET',
      path: '/api/v1/admin/organisations',
      expected: adminOnly(200),
      people: managerOnly(200),
    },
  ],
  'PATCH /api/v1/admin/organisations/:id': [
    {
      label: 'give an organisation a policy domain',
      method: 'PATCH',
      path: '/api/v1/admin/organisations/org-a',
      body: jsonBody({ policyDomain: 'Omgeving', kind: 'local' }),
      expected: adminOnly(200),
      people: managerOnly(403),
    },
  ],
  'POST /api/v1/admin/services': [
    {
      label: 'add a service',
      method: 'POST',
      path: '/api/v1/admin/services',
      body: jsonBody({ id: 'dienst-c', name: 'Dienst C', organisationId: 'org-a' }),
      expected: adminOnly(201),
      people: managerOnly(201),
    },
  ],
  'GET /api/v1/admin/services': [
    {
      label: 'list',
      method: 'GET',
      path: '/api/v1/admin/services',
      expected: adminOnly(200),
      people: managerOnly(200),
    },
  ],
  'PATCH /api/v1/admin/services/:id': [
    {
      label: 'rename a service',
      method: 'PATCH',
      path: '/api/v1/admin/services/dienst-a',
      body: jsonBody({ name: 'Dienst A, hernoemd' }),
      expected: adminOnly(200),
      people: managerOnly(200),
    },
  ],
  'POST /api/v1/admin/tokens': [
    {
      label: 'issue a token',
      method: 'POST',
      path: '/api/v1/admin/tokens',
      body: jsonBody({ label: 'nieuw', role: 'steering' }),
      expected: adminOnly(201),
      people: managerOnly(403),
    },
  ],
  'GET /api/v1/admin/tokens': [
    {
      label: 'list',
      method: 'GET',
      path: '/api/v1/admin/tokens',
      expected: adminOnly(200),
      people: managerOnly(200),
    },
  ],
  'DELETE /api/v1/admin/tokens/:id': [
    {
      label: 'revoke a token',
      method: 'DELETE',
      path: '/api/v1/admin/tokens/:revokedId',
      expected: adminOnly(204),
      people: managerOnly(204),
    },
  ],
  'GET /api/v1/admin/audit': [
    {
      label: 'read the audit',
      method: 'GET',
      path: '/api/v1/admin/audit',
      expected: adminOnly(200),
      people: managerOnly(403),
    },
  ],
  'POST /api/v1/admin/people': [
    {
      label: 'register a person',
      method: 'POST',
      path: '/api/v1/admin/people',
      body: jsonBody({ email: 'nieuw@org-a.be', role: 'provider', organisationId: 'org-a' }),
      expected: adminOnly(201),
      people: managerOnly(201),
    },
  ],
  'GET /api/v1/admin/people': [
    {
      label: 'list',
      method: 'GET',
      path: '/api/v1/admin/people',
      expected: adminOnly(200),
      people: managerOnly(200),
    },
  ],
  'DELETE /api/v1/admin/people/:id': [
    {
      label: 'remove a person of organisation A',
      method: 'DELETE',
      path: '/api/v1/admin/people/:removableId',
      expected: adminOnly(204),
      people: managerOnly(204),
    },
  ],

  // Signing in with OpenID Connect: not configured here, so the issuer's two routes are off.
  'GET /auth/login': [
    {
      label: 'sign in at the issuer (off)',
      method: 'GET',
      path: '/auth/login',
      html: true,
      expected: everyone(404),
    },
  ],
  'GET /auth/callback': [
    {
      label: 'back from the issuer (off)',
      method: 'GET',
      path: '/auth/callback?code=x&state=y',
      html: true,
      expected: everyone(404),
    },
  ],
  'POST /auth/logout': [
    { label: 'sign out', method: 'POST', path: '/auth/logout', expected: everyone(200) },
  ],
  'GET /auth/session': [
    { label: 'who is signed in', method: 'GET', path: '/auth/session', expected: everyone(200) },
  ],
};

/**
 * Middleware that answers nothing itself (tokens, ETags, headers). Any other route mounted on
 * every method is an endpoint and needs rows above.
 */
const MIDDLEWARE_ONLY = new Set([
  'ALL /api/v1/me/*',
  'ALL /api/v1/services/*',
  'ALL /api/v1/reports/*',
  'ALL /api/v1/overview/*',
  'ALL /api/v1/public/*',
  'ALL /transparantie',
  'ALL /api/v1/admin/*',
]);

const staticRoot = mkdtempSync(join(tmpdir(), 'vo-feedback-matrix-'));
afterAll(() => rmSync(staticRoot, { recursive: true, force: true }));
const staticDirs = { widget: 'widget', demo: 'demo', dashboard: 'dashboard' } as const;
for (const [name, file] of [
  ['widget', 'vo-feedback.js'],
  ['demo', 'index.html'],
  ['dashboard', 'index.html'],
] as const) {
  mkdirSync(join(staticRoot, name), { recursive: true });
  writeFileSync(
    join(staticRoot, name, file),
    name === 'widget' ? 'export {};\n' : '<!doctype html>',
  );
}

/** A collector with one comment for each service, and a token of every kind. */
async function world(adminToken: string | null = ADMIN_TOKEN): Promise<World> {
  const logs: string[] = [];
  const logger = jsonLogger((line) => logs.push(line));
  const collector = await testCollector({
    ...(adminToken ? { adminToken } : {}),
    logger,
    staticDirs: {
      widget: join(staticRoot, staticDirs.widget),
      demo: join(staticRoot, staticDirs.demo),
      dashboard: join(staticRoot, staticDirs.dashboard),
    },
  });
  expect(
    (await collector.post(submission({ id: MATRIX_FEEDBACK, comment: 'Geheim van A.' }))).status,
  ).toBe(201);
  expect(
    (await collector.post(submission({ serviceId: 'dienst-b', comment: 'Geheim van B.' }))).status,
  ).toBe(201);
  const revoked = await issueToken(collector.store, {
    label: 'weg',
    role: 'provider',
    organisationId: 'org-a',
  });
  await collector.store.revokeToken(revoked.id, Date.now());
  await collector.store.createAction({
    id: MATRIX_ACTION,
    serviceId: 'dienst-a',
    title: 'Knop duidelijker',
    description: null,
    status: 'planned',
    public: false,
    themes: [],
    feedbackIds: [],
    plannedOn: null,
    doneOn: null,
    createdAt: Date.now(),
    updatedAt: Date.now(),
  });
  await handInReport(
    collector.store,
    { organisationId: 'org-a', year: MATRIX_YEAR, minimum: 10 },
    { actor: 'a', now: Date.now() },
  );
  await collector.store.createWebhook({
    id: MATRIX_WEBHOOK,
    organisationId: 'org-a',
    url: 'https://tickets.gemeente-a.be/hooks/vo',
    events: ['feedback.created'],
    serviceIds: null,
    includeComment: true,
    secret: 'whsec_bWF0cml4LXNlY3JldC1vZi1vcmdhbmlzYXRpZS1h',
    createdAt: Date.now(),
    createdBy: 'a',
    failingSince: null,
    disabledAt: null,
    disabledReason: null,
  });
  await collector.store.enqueueEvent({
    id: MATRIX_DELIVERY,
    type: 'feedback.created',
    serviceId: 'dienst-a',
    organisationId: null,
    subject: MATRIX_FEEDBACK,
    at: Date.now(),
    body: '{}',
    briefBody: '{}',
  });
  await collector.store.createSubscription({
    id: MATRIX_SUBSCRIPTION,
    organisationId: 'org-a',
    email: 'kwaliteit@gemeente-a.be',
    frequency: 'weekly',
    serviceIds: null,
    unsubscribeToken: MATRIX_UNSUBSCRIBE,
    createdAt: Date.now(),
    createdBy: 'a',
  });
  await raiseMatrixAlert(collector.store);
  const ingest = await issueToken(collector.store, {
    label: 'contactcenter',
    role: 'ingest',
    organisationId: 'org-a',
  });
  const people: Record<PersonCaller, PersonSession> = {
    personA: await personSession(collector.store, {
      email: 'pim@org-a.be',
      role: 'provider',
      organisationId: 'org-a',
    }),
    steeringPerson: await personSession(collector.store, {
      email: 'stuur@vlaanderen.be',
      role: 'steering',
    }),
    managerA: await personSession(collector.store, {
      email: 'mia@org-a.be',
      role: 'manager',
      organisationId: 'org-a',
    }),
  };
  const removable = await personSession(collector.store, {
    email: 'weg@org-a.be',
    role: 'provider',
    organisationId: 'org-a',
  });
  const tokens: Record<Caller, string | undefined> = {
    none: undefined,
    wrong: generateToken(),
    revoked: revoked.token,
    providerA: collector.tokenA,
    providerB: collector.tokenB,
    steering: collector.steering,
    admin: ADMIN_TOKEN,
    ingest: ingest.token,
  };
  return {
    ...collector,
    tokens,
    revokedId: revoked.id,
    people,
    removableId: removable.person.id,
    logs,
  };
}

/** An alert of dienst-a raised today, as a check would have. */
async function raiseMatrixAlert(store: World['store']): Promise<void> {
  const now = Date.now();
  const windows = alertWindows(brusselsDay(now));
  const alert: Alert = {
    id: MATRIX_ALERT,
    serviceId: 'dienst-a',
    serviceName: 'Dienst A',
    organisationId: 'org-a',
    kind: 'satisfaction',
    day: brusselsDay(now),
    theme: null,
    recent: { ...windows.recent, n: 21, share: 1 / 3, interval: [0.17, 0.55] },
    previous: { ...windows.previous, n: 112, share: 0.75, interval: [0.66, 0.82] },
    raisedAt: new Date(now).toISOString(),
  };
  const { serviceName: _name, ...record } = alert;
  await store.raiseAlert({ ...record, raisedAt: now }, alertEvent(alert));
}

const pathOf = (world: World, row: Row) =>
  row.path.replace(':revokedId', world.revokedId).replace(':removableId', world.removableId);

/** The row's request in a person's session: its cookie, CSRF token and same-origin headers. */
async function sendAsPerson(world: World, row: Row, person: PersonCaller): Promise<Response> {
  const body = row.body?.();
  return world.app.request(pathOf(world, row), {
    method: row.method,
    headers: {
      ...row.headers,
      ...world.people[person].changeHeaders,
      ...(body ? { 'content-type': body.type } : {}),
    },
    ...(body ? { body: body.text } : {}),
  });
}

async function send(world: World, row: Row, caller: Caller): Promise<Response> {
  const token = world.tokens[caller];
  const body = row.body?.();
  return world.app.request(pathOf(world, row), {
    method: row.method,
    headers: {
      ...row.headers,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': body.type } : {}),
    },
    ...(body ? { body: body.text } : {}),
  });
}

/** No token of this world, nor its hash, nor a comment, is in a log line. */
function expectCleanLogs(w: World): void {
  expect(w.logs.length).toBeGreaterThan(0);
  const all = w.logs.join('');
  for (const token of [...Object.values(w.tokens), ADMIN_TOKEN]) {
    if (!token) continue;
    expect(all).not.toContain(token);
    expect(all).not.toContain(hashToken(token));
  }
  for (const { cookie, csrfToken, person } of Object.values(w.people)) {
    const secret = cookie.slice(cookie.indexOf('=') + 1);
    for (const secretPart of [secret, hashToken(secret), csrfToken, person.email]) {
      expect(all).not.toContain(secretPart);
    }
  }
  expect(all).not.toContain('Geheim van');
  // Nor the secret of an unsubscribe link: its request line names the route, not the link.
  expect(all).not.toContain(MATRIX_UNSUBSCRIBE);
  // Request lines keep the path, never the query string.
  for (const line of w.logs) {
    expect((JSON.parse(line) as { path?: string }).path ?? '').not.toContain('?');
  }
}

/** Every answer, HTML and JSON, error or not, carries the security headers. */
function expectSecurityHeaders(response: Response, what: string): void {
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(response.headers.get('x-powered-by'), what).toBeNull();
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp, what).toContain("script-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).not.toMatch(/unsafe-(inline|eval)/);
}

const routeKey = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

describe('access matrix: every route × every caller', () => {
  it('has rows for every route of the app, and no row for a route that does not exist', async () => {
    const { app } = await world();
    const endpoints = new Set(app.routes.map(routeKey).filter((key) => !MIDDLEWARE_ONLY.has(key)));
    expect([...endpoints].filter((key) => !(key in MATRIX)).sort()).toEqual([]);
    expect(
      Object.keys(MATRIX)
        .filter((key) => !endpoints.has(key))
        .sort(),
    ).toEqual([]);
  });

  const cases = Object.entries(MATRIX).flatMap(([route, rows]) =>
    rows.map((row) => ({ name: `${route} — ${row.label}`, row })),
  );
  it.each(cases)('$name', async ({ row }) => {
    // A fresh database per row: what one caller changes cannot change another's answer. The
    // admin goes last, so that an admin change comes after every refusal.
    const w = await world();
    const answers: Partial<Expected> = {};
    for (const caller of CALLERS) {
      const response = await send(w, row, caller);
      answers[caller] = response.status;
      expectSecurityHeaders(response, `${row.method} ${row.path} as ${caller}`);
      if (response.status >= 400) {
        expect(response.headers.get('content-type'), `${caller}`).toBe(
          row.html ? 'text/html; charset=UTF-8' : 'application/problem+json',
        );
        if (response.status === 401) {
          expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
        }
      } else if (response.status < 300 && row.check) {
        await row.check(response, caller);
      }
    }
    expect(answers).toEqual(row.expected);
    expectCleanLogs(w);
  });

  it.each(cases)('signed in as a person: $name', async ({ row }) => {
    const answers: Partial<Record<PersonCaller, number>> = {};
    const expected: Partial<Record<PersonCaller, number>> = {};
    // The manager in a database of its own: a provider and its manager may both delete the same
    // thing. The others in the order of the tokens they read as.
    for (const group of [['personA', 'steeringPerson'], ['managerA']] as const) {
      const w = await world();
      for (const person of group) {
        expected[person] = row.people?.[person] ?? row.expected[READS_AS[person]];
        const response = await sendAsPerson(w, row, person);
        answers[person] = response.status;
        expectSecurityHeaders(response, `${row.method} ${row.path} as ${person}`);
        if (response.status >= 400) {
          expect(response.headers.get('content-type'), person).toBe(
            row.html ? 'text/html; charset=UTF-8' : 'application/problem+json',
          );
        } else if (response.status < 300 && row.check) {
          await row.check(response, READS_AS[person]);
        }
      }
      expectCleanLogs(w);
    }
    expect(answers).toEqual(expected);
  });

  it('without ADMIN_TOKEN the admin API is off: 404 for every caller on every admin route', async () => {
    const w = await world(null);
    const adminRows = Object.entries(MATRIX)
      .filter(([route]) => route.includes('/api/v1/admin/'))
      .flatMap(([, rows]) => rows);
    expect(adminRows.length).toBeGreaterThanOrEqual(8);
    for (const row of adminRows) {
      for (const caller of CALLERS) {
        expect((await send(w, row, caller)).status, `${row.method} ${row.path} ${caller}`).toBe(
          404,
        );
      }
    }
  });
});

describe('tokens never appear in logs', () => {
  it('not from a token in the query string or a Basic header, on the provider and admin routes', async () => {
    // Every matrix row above checks its own logs too; here a careless client puts the token where
    // it does not belong.
    const w = await world();
    for (const caller of CALLERS) {
      const token = w.tokens[caller] ?? 'none';
      for (const path of [
        `/api/v1/services/dienst-a/summary?token=${token}`,
        `/api/v1/services/dienst-a/feedback?access_token=${token}`,
        `/api/v1/services/dienst-a/export?format=csv&token=${token}`,
        `/api/v1/reports/annual?token=${token}`,
        `/api/v1/admin/tokens?token=${token}`,
      ]) {
        await w.app.request(path, { headers: { authorization: `Bearer ${token}` } });
        await w.app.request(path, {
          headers: { authorization: `Basic ${Buffer.from(`x:${token}`).toString('base64')}` },
        });
      }
    }
    expect(w.logs.length).toBeGreaterThanOrEqual(CALLERS.length * 10);
    expectCleanLogs(w);
  });
});
