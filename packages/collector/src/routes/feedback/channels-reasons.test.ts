import { describe, expect, it } from 'vitest';
import {
  AnnualReportSchema,
  ExportRowSchema,
  FeedbackPageSchema,
  SummarySchema,
} from '@vo-feedback/shared';
import { issueToken } from '../../use-cases/administration.ts';
import { json, ORIGIN_A, submission, testCollector } from '../../test-support/fixtures.ts';
import { databaseProblems } from '../../test-support/invariants.ts';

// Issue 14, channels and systems: `channel` and `reasons` on every submission, counted in the
// summary, the listing, the exports and the annual report; ingest tokens for systems that collect
// feedback themselves.

const SUMMARY = '/api/v1/services/dienst-a/summary';

describe('channel and reasons of a submission', () => {
  it('stores them, lists them, exports them and counts them in byChannel and byReason', async () => {
    const { post, get, store, tokenA } = await testCollector();
    const phone = submission({
      rating: 2,
      channel: 'phone',
      reasons: ['too-slow', 'needed-help'],
      comment: 'Lang gewacht.',
    });
    expect((await post(phone)).status).toBe(201);
    expect((await post(submission({ rating: 1, reasons: ['too-slow'] }))).status).toBe(201);
    expect((await post(submission({ rating: 3, channel: 'counter' }))).status).toBe(201);
    // Reasons with a rating of 4 or 5 are checked, then not stored.
    const happy = submission({ rating: 5, channel: 'phone', reasons: ['other'] });
    expect((await post(happy)).status).toBe(201);

    expect(await store.getFeedback(happy.id)).toMatchObject({ channel: 'phone', reasons: [] });
    expect(await store.getFeedback(phone.id)).toMatchObject({
      channel: 'phone',
      reasons: ['too-slow', 'needed-help'],
    });

    const summary = await json(await get(SUMMARY, tokenA), SummarySchema);
    expect(summary.byChannel).toEqual([
      { channel: 'web', responses: 1, csat: 0, csatInterval: expect.any(Array) },
      { channel: 'phone', responses: 2, csat: 0.5, csatInterval: expect.any(Array) },
      { channel: 'counter', responses: 1, csat: 0, csatInterval: expect.any(Array) },
    ]);
    // Three submissions were rated 1–3: the share is of those.
    expect(summary.byReason).toEqual([
      { reason: 'too-slow', count: 2, share: 2 / 3 },
      { reason: 'needed-help', count: 1, share: 1 / 3 },
    ]);

    const listing = await json(
      await get('/api/v1/services/dienst-a/feedback', tokenA),
      FeedbackPageSchema,
    );
    expect(listing.items).toEqual([
      expect.objectContaining({
        id: phone.id,
        channel: 'phone',
        reasons: ['too-slow', 'needed-help'],
      }),
    ]);

    const exported = (await json(
      await get('/api/v1/services/dienst-a/export?format=json', tokenA),
    )) as unknown[];
    for (const row of exported) ExportRowSchema.parse(row);
    expect(exported).toContainEqual(
      expect.objectContaining({
        id: phone.id,
        channel: 'phone',
        reasons: ['too-slow', 'needed-help'],
      }),
    );
    const csv = await (await get('/api/v1/services/dienst-a/export?format=csv', tokenA)).text();
    const [heading, ...lines] = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(heading!.split(';').slice(-2)).toEqual(['kanaal', 'redenen']);
    expect(
      lines
        .find((line) => line.startsWith(phone.id))!
        .split(';')
        .slice(-2),
    ).toEqual(['phone', 'too-slow, needed-help']);
    expect(await databaseProblems(store)).toEqual([]);
  });

  it('keeps the rollups equal to a recount when an update changes the rating and the reasons', async () => {
    const { post, get, store, tokenA } = await testCollector();
    const first = submission({ rating: 2, channel: 'chat', reasons: ['technical-problem'] });
    expect((await post(first)).status).toBe(201);
    expect((await post({ ...first, reasons: ['could-not-find', 'other'] })).status).toBe(200);
    let summary = await json(await get(SUMMARY, tokenA), SummarySchema);
    expect(summary.byReason.map((r) => [r.reason, r.count])).toEqual([
      ['could-not-find', 1],
      ['other', 1],
    ]);
    // Now satisfied: the reasons go, the channel stays the first post's.
    expect((await post({ ...first, rating: 5, channel: 'web' })).status).toBe(200);
    summary = await json(await get(SUMMARY, tokenA), SummarySchema);
    expect(summary.byReason).toEqual([]);
    expect(summary.byChannel).toEqual([
      { channel: 'chat', responses: 1, csat: 1, csatInterval: expect.any(Array) },
    ]);
    expect(await store.getFeedback(first.id)).toMatchObject({ channel: 'chat', reasons: [] });
    expect(await databaseProblems(store)).toEqual([]);
  });

  it.each([
    ['an unknown code', { reasons: ['not-a-reason'] }, 'reasons'],
    ['a repeated code', { reasons: ['too-slow', 'too-slow'] }, 'reasons'],
    ['more than 6', { reasons: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }, 'reasons'],
    ['a malformed code', { reasons: ['Te Traag'] }, 'reasons.0'],
    ['an unknown channel', { channel: 'fax' }, 'channel'],
  ])('answers 400 naming the field for %s, and stores nothing', async (_, overrides, field) => {
    const { post, rowCount } = await testCollector();
    const response = await post(submission({ rating: 2, ...overrides }));
    expect(response.status).toBe(400);
    expect((await json(response)).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: field })]),
    );
    expect(await rowCount()).toBe(0);
  });

  it("checks the codes against the service's own list once it has one", async () => {
    const { post, admin } = await testCollector({
      adminToken: 'test-admin-token-0123456789abcdef',
    });
    const labels = { nl: 'Wachttijd', fr: 'Attente', en: 'Waiting', de: 'Wartezeit' };
    const patched = await admin('PATCH', '/services/dienst-a', {
      reasons: [{ code: 'wachttijd', labels }],
    });
    expect(patched.status).toBe(200);
    expect((await post(submission({ rating: 1, reasons: ['wachttijd'] }))).status).toBe(201);
    const refused = await post(submission({ rating: 1, reasons: ['too-slow'] }));
    expect(refused.status).toBe(400);
    expect((await json(refused)).errors[0]).toMatchObject({ path: 'reasons' });
  });
});

describe('ingest tokens', () => {
  async function withIngestToken(deps: Parameters<typeof testCollector>[0] = {}) {
    const collector = await testCollector({ rateLimitPerMinute: 20, ...deps });
    const { token, id } = await issueToken(collector.store, {
      label: 'contactcenter',
      role: 'ingest',
      organisationId: 'org-a',
    });
    const bearer = { authorization: `Bearer ${token}` };
    return { ...collector, token, id, bearer };
  }

  it('stores 100 submissions in a minute from one address, past the per-address limit of 20', async () => {
    const { post, bearer, rowCount, store } = await withIngestToken();
    const statuses: number[] = [];
    for (let i = 0; i < 100; i += 1) {
      statuses.push(
        (await post(submission({ channel: 'phone', rating: 1 + (i % 5) }), bearer)).status,
      );
    }
    expect(statuses.every((status) => status === 201)).toBe(true);
    expect(await rowCount()).toBe(100);
    // The same address without the token is held to 20.
    const without: number[] = [];
    for (let i = 0; i < 21; i += 1) without.push((await post(submission())).status);
    expect(without.slice(0, 20).every((status) => status === 201)).toBe(true);
    expect(without[20]).toBe(429);
    expect(await databaseProblems(store)).toEqual([]);
  });

  it('has its own per-token limit', async () => {
    const { post, bearer } = await withIngestToken({ ingestRateLimitPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await post(submission(), bearer)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it("answers 403 for another organisation's service and stores nothing", async () => {
    const { post, bearer, rowCount } = await withIngestToken();
    const response = await post(submission({ serviceId: 'dienst-b' }), bearer);
    expect(response.status).toBe(403);
    expect(await rowCount()).toBe(0);
  });

  it('refuses a provider or steering token used as an ingest token (403), a wrong or revoked one (401)', async () => {
    const { post, tokenA, steering, store, id, bearer, rowCount } = await withIngestToken();
    for (const token of [tokenA, steering]) {
      const response = await post(submission(), { authorization: `Bearer ${token}` });
      expect(response.status).toBe(403);
      expect((await json(response)).detail).toContain('ingest');
    }
    expect((await post(submission(), { authorization: 'Bearer vof_nonsense' })).status).toBe(401);
    await store.revokeToken(id, Date.now());
    expect((await post(submission(), bearer)).status).toBe(401);
    expect(await rowCount()).toBe(0);
  });

  it('needs no Origin, accepts any, and does not count in the response rate', async () => {
    const { app, post, get, bearer, tokenA } = await withIngestToken();
    const shown = await app.request('/api/v1/impressions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN_A },
      body: JSON.stringify({ serviceId: 'dienst-a' }),
    });
    expect(shown.status).toBe(204);
    expect((await post(submission({ channel: 'phone' }), bearer)).status).toBe(201);
    const elsewhere = { ...bearer, origin: 'https://contactcenter.example' };
    expect((await post(submission({ channel: 'phone' }), elsewhere)).status).toBe(201);
    const summary = await json(await get(SUMMARY, tokenA), SummarySchema);
    expect(summary.responses).toBe(2);
    expect(summary.responseRate).toBe(0);
  });

  it('reads nothing: 403 on the provider and steering routes', async () => {
    const { get, token } = await withIngestToken();
    for (const path of [SUMMARY, '/api/v1/services', '/api/v1/me', '/api/v1/reports/annual']) {
      expect((await get(path, token)).status, path).toBe(403);
    }
  });
});

describe('the annual report', () => {
  it('gives each service byChannel and byReason, in JSON, CSV and HTML', async () => {
    const { post, get, tokenA } = await testCollector();
    expect(
      (await post(submission({ rating: 1, channel: 'letter', reasons: ['unclear-information'] })))
        .status,
    ).toBe(201);
    const report = await json(await get('/api/v1/reports/annual', tokenA), AnnualReportSchema);
    const service = report.organisations[0]!.services.find((s) => s.serviceId === 'dienst-a')!;
    expect(service.byChannel).toEqual([
      { channel: 'letter', responses: 1, csat: 0, csatInterval: expect.any(Array) },
    ]);
    expect(service.byReason).toEqual([{ reason: 'unclear-information', count: 1, share: 1 }]);

    const csv = await (await get('/api/v1/reports/annual?format=csv', tokenA)).text();
    const [heading, ...rows] = csv.replace('\uFEFF', '').trim().split('\r\n');
    const columns = heading!.split(';');
    const serviceYear = rows.find((row) => row.startsWith('dienst;org-a;Organisatie A;dienst-a'))!;
    const cell = (name: string) => serviceYear.split(';')[columns.indexOf(name)];
    expect(cell('kanalen')).toBe('letter 1 (0 %)');
    expect(cell('redenen')).toBe('unclear-information 1 (100 %)');

    const html = await (await get('/api/v1/reports/annual?format=html', tokenA)).text();
    expect(html).toContain('Antwoorden per kanaal');
    expect(html).toContain('<th scope="row">Brief</th>');
    expect(html).toContain('<code>unclear-information</code>');
  });
});
