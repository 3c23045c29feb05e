import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AnnualReportSchema,
  ProblemSchema,
  ReportSubmissionSchema,
  ReportSubmissionsSchema,
} from '@vo-feedback/shared';
import { issueToken } from '../../use-cases/administration.ts';
import { seedOrganisation } from '../../test-support/seed.ts';
import { DOCUMENT_STYLE_HASH } from '../../views/html.ts';
import { json, submission, testCollector } from '../../test-support/fixtures.ts';
import { sqlRun } from '../../test-support/sql.ts';

// The hand-in: a version of the annual report, frozen byte for byte whatever arrives later; the
// steering committee's overview of who handed in on time, late or not at all.

const SUBMISSIONS = '/api/v1/reports/annual/2026/submissions';
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

async function handInFixture(deps: { reportDeadline?: string } = {}) {
  // Feedback in June 2026; each test moves the clock to when it hands in.
  const clock = { now: Date.UTC(2026, 5, 15, 8) };
  const collector = await testCollector({ now: () => clock.now, ...deps });
  const send = (
    method: string,
    path: string,
    token: string,
    headers: Record<string, string> = {},
  ) =>
    collector.app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
  /** Organisation A's explanation of 2026. */
  const explain = (text: string) =>
    collector.app.request('/api/v1/organisations/org-a/explanations/2026', {
      method: 'PUT',
      headers: { authorization: `Bearer ${collector.tokenA}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
  const handIn = async (token = collector.tokenA) => {
    const response = await send('POST', SUBMISSIONS, token);
    expect(response.status).toBe(201);
    return json(response, ReportSubmissionSchema);
  };
  return { ...collector, clock, send, explain, handIn };
}

describe('handing in the annual report', () => {
  it('freezes the JSON and HTML byte for byte, whatever feedback arrives later', async () => {
    const { post, send, handIn, clock, tokenA, actorA, steering } = await handInFixture();
    expect((await post(submission({ rating: 5 }))).status).toBe(201);
    expect((await post(submission({ rating: 1, comment: 'Traag.' }))).status).toBe(201);
    // Handed in while the year runs, so that feedback after it still counts in 2026.
    clock.now += 60_000;

    // The live report at this moment, as the report route answers it.
    const live = new Uint8Array(
      await (
        await send('GET', '/api/v1/reports/annual?year=2026&format=json&organisation=org-a', tokenA)
      ).arrayBuffer(),
    );
    const handedIn = await handIn();
    expect(handedIn).toEqual({
      organisationId: 'org-a',
      year: 2026,
      version: 1,
      submittedAt: new Date(clock.now).toISOString(),
      sha256: sha256(live),
      submittedBy: actorA,
    });

    const version1 = `${SUBMISSIONS}/org-a/1`;
    const frozen = await send('GET', version1, tokenA);
    expect(frozen.status).toBe(200);
    expect(frozen.headers.get('content-type')).toBe('application/json');
    expect(frozen.headers.get('x-content-sha256')).toBe(handedIn.sha256);
    expect(frozen.headers.get('etag')).toBe(`"${handedIn.sha256}"`);
    const frozenBytes = new Uint8Array(await frozen.arrayBuffer());
    expect(frozenBytes).toEqual(live);
    const html = await send('GET', `${version1}?format=html`, tokenA);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toContain(DOCUMENT_STYLE_HASH);
    const frozenHtml = await html.text();
    expect(frozenHtml).toContain('<h1>Jaarrapport feedback 2026</h1>');
    expect(html.headers.get('x-content-sha256')).toBe(sha256(frozenHtml));

    // New feedback arrives, and the live report of 2026 changes (the year is counted in full).
    clock.now += 60_000;
    expect((await post(submission({ rating: 2, comment: 'Te laat.' }))).status).toBe(201);
    clock.now += 60_000;
    const liveNow = await json(
      await send('GET', '/api/v1/reports/annual?year=2026&organisation=org-a', tokenA),
      AnnualReportSchema,
    );
    expect(liveNow.organisations[0]!.current.responses).toBe(3);

    for (const token of [tokenA, steering]) {
      const again = await send('GET', version1, token);
      const bytes = new Uint8Array(await again.arrayBuffer());
      expect(bytes).toEqual(frozenBytes);
      expect(sha256(bytes)).toBe(handedIn.sha256);
      const report = AnnualReportSchema.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
      expect(report.organisations[0]!.current.responses).toBe(2);
      expect(await (await send('GET', `${version1}?format=html`, token)).text()).toBe(frozenHtml);
    }
    // The ETag lets a client keep a version: an unchanged one answers 304, without a body.
    const cached = await send('GET', version1, tokenA, {
      'if-none-match': `"${handedIn.sha256}"`,
    });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe('');
  });

  it('keeps the stylesheet of the release that froze it allowed by its own policy', async () => {
    const { handIn, send, store, tokenA } = await handInFixture();
    await handIn();
    // As a report frozen by an earlier release, whose stylesheet differs from today's.
    const oldCss = 'body { font-family: serif; }';
    await sqlRun(store, 'update report_submissions set html = ? where organisation_id = ?', [
      `<!doctype html><html lang="nl"><head><style>${oldCss}</style></head><body><h1>Oud</h1></body></html>`,
      'org-a',
    ]);
    const html = await send('GET', `${SUBMISSIONS}/org-a/1?format=html`, tokenA);
    const policy = html.headers.get('content-security-policy')!;
    const oldHash = createHash('sha256').update(oldCss).digest('base64');
    expect(policy).toContain(`style-src 'self' 'sha256-${oldHash}'`);
    expect(policy).not.toContain(DOCUMENT_STYLE_HASH);
    // The rest of the policy is the collector's own.
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    // Every other page keeps the one policy.
    const live = await send('GET', '/api/v1/reports/annual?year=2026&format=html', tokenA);
    expect(live.headers.get('content-security-policy')).toContain(DOCUMENT_STYLE_HASH);
  });

  it('numbers the versions 1, 2 …, each frozen as it was then', async () => {
    const { post, send, handIn, clock, tokenA, tokenB } = await handInFixture();
    expect((await post(submission())).status).toBe(201);
    clock.now = Date.UTC(2027, 1, 1, 9);
    const first = await handIn();
    clock.now += 60_000;
    expect((await post(submission({ rating: 1 }))).status).toBe(201);
    clock.now += 60_000;
    const second = await handIn();
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(second.sha256).not.toBe(first.sha256);
    // Another organisation's numbering is its own.
    expect((await handIn(tokenB)).version).toBe(1);

    const mine = await json(await send('GET', SUBMISSIONS, tokenA), ReportSubmissionsSchema);
    expect(mine).toEqual({
      year: 2026,
      deadline: '2027-03-31',
      versions: [first, second],
      organisations: [],
    });
    for (const version of [first, second]) {
      const bytes = await (
        await send('GET', `${SUBMISSIONS}/org-a/${version.version}`, tokenA)
      ).text();
      expect(sha256(bytes)).toBe(version.sha256);
    }
  });

  it('shows steering who handed in on time, late or not at all', async () => {
    const { store, send, handIn, clock, tokenB, steering } = await handInFixture({
      reportDeadline: '02-15',
    });
    await seedOrganisation(store, { id: 'org-c', name: 'Organisatie C' }, [
      { id: 'dienst-c', name: 'Dienst C', allowedOrigins: ['https://c.example'] },
    ]);
    const tokenC = (
      await issueToken(store, { label: 'c', role: 'provider', organisationId: 'org-c' })
    ).token;
    // A: on the deadline day, at 23:30 in Brussels (22:30 UTC in winter).
    clock.now = Date.UTC(2027, 1, 15, 22, 30);
    const onTime = await handIn();
    // B: 30 minutes later, 16 February in Brussels: late. Its second version changes nothing.
    clock.now = Date.UTC(2027, 1, 15, 23, 0);
    const late = await handIn(tokenB);
    clock.now = Date.UTC(2027, 2, 1, 9);
    await handIn(tokenB);
    // A correction after the deadline does not make an on-time report late.
    await handIn();

    const overview = await json(await send('GET', SUBMISSIONS, steering), ReportSubmissionsSchema);
    expect(overview).toEqual({
      year: 2026,
      deadline: '2027-02-15',
      versions: [],
      organisations: [
        {
          organisationId: 'org-a',
          organisationName: 'Organisatie A',
          status: 'submitted',
          version: 2,
          submittedAt: onTime.submittedAt,
        },
        {
          organisationId: 'org-b',
          organisationName: 'Organisatie B',
          status: 'late',
          version: 2,
          submittedAt: late.submittedAt,
        },
        {
          organisationId: 'org-c',
          organisationName: 'Organisatie C',
          status: 'missing',
          version: null,
          submittedAt: null,
        },
      ],
    });
    // A provider of C sees its own (none), not the overview.
    const c = await json(await send('GET', SUBMISSIONS, tokenC), ReportSubmissionsSchema);
    expect(c).toMatchObject({ versions: [], organisations: [] });
  });

  it('is for providers; a version is for its organisation and steering', async () => {
    const { send, handIn, clock, tokenA, tokenB, steering } = await handInFixture();
    clock.now = Date.UTC(2027, 0, 15, 9);
    const refused = await send('POST', SUBMISSIONS, steering);
    expect(refused.status).toBe(403);
    await handIn();
    expect((await send('GET', `${SUBMISSIONS}/org-a/1`, tokenB)).status).toBe(403);
    expect((await send('GET', `${SUBMISSIONS}/org-a/1?format=html`, tokenB)).status).toBe(403);
    for (const token of [tokenA, steering]) {
      const missing = await send('GET', `${SUBMISSIONS}/org-a/2`, token);
      expect(missing.status).toBe(404);
      expect((await json(missing, ProblemSchema)).type).toMatch(/unknown-report-version$/);
    }
    expect((await send('GET', `${SUBMISSIONS}/org-x/1`, steering)).status).toBe(404);
    expect(
      (await send('GET', '/api/v1/reports/annual/2025/submissions/org-a/1', tokenA)).status,
    ).toBe(404);
    for (const [path, field] of [
      [`${SUBMISSIONS}/org-a/0`, 'version'],
      [`${SUBMISSIONS}/org-a/1?format=pdf`, 'format'],
      ['/api/v1/reports/annual/1999/submissions', 'year'],
    ] as const) {
      const response = await send('GET', path, tokenA);
      expect(response.status, path).toBe(400);
      expect((await json(response, ProblemSchema)).errors?.map((e) => e.path)).toContain(field);
    }
    // A year that has not begun has no report to hand in.
    const future = await send('POST', '/api/v1/reports/annual/2028/submissions', tokenA);
    expect(future.status).toBe(400);
    expect((await send('POST', '/api/v1/reports/annual/2101/submissions', tokenA)).status).toBe(
      400,
    );
  });

  it('is audited with the organisation, year, version and sha256', async () => {
    const { store, handIn, explain, send, clock, tokenA, actorA } = await handInFixture();
    clock.now = Date.UTC(2027, 0, 15, 9);
    expect((await explain('Geheime toelichting in het rapport')).status).toBe(200);
    const handedIn = await handIn();
    // The explanation is in the version handed in, and later changes stay out of it.
    clock.now += 60_000;
    expect((await explain('Een latere toelichting')).status).toBe(200);
    const frozen = await (await send('GET', `${SUBMISSIONS}/org-a/1`, tokenA)).text();
    expect(JSON.parse(frozen).organisations[0].explanation).toBe(
      'Geheime toelichting in het rapport',
    );
    expect(
      await (await send('GET', `${SUBMISSIONS}/org-a/1?format=html`, tokenA)).text(),
    ).toContain('Geheime toelichting in het rapport');
    const entries = await store.auditEntries(0, Date.UTC(2100, 0, 1));
    const submitted = entries.filter((e) => e.action === 'report.submitted');
    expect(submitted.map((e) => [e.actor, e.target, e.details])).toEqual([
      [
        actorA,
        'organisation:org-a',
        { organisationId: 'org-a', year: 2026, version: 1, sha256: handedIn.sha256 },
      ],
    ]);
    expect(JSON.stringify(entries)).not.toContain('Geheime');
  });
});
