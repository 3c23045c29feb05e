import { describe, expect, it } from 'vitest';
import { json, ORIGIN_A, submission, testCollector } from '../../test-support/fixtures.ts';
import { databaseProblems } from '../../test-support/invariants.ts';
import { sqlRows } from '../../test-support/sql.ts';

const MINUTE = 60_000;

/** A collector whose clock the test moves. */
async function withClock(start = Date.parse('2026-03-10T09:00:00Z'), deps = {}) {
  let now = start;
  const collector = await testCollector({ now: () => now, ...deps });
  const summary = async () =>
    json(
      await collector.get(
        '/api/v1/services/dienst-a/summary?from=2026-01-01&to=2026-12-31',
        collector.tokenA,
      ),
    );
  return { ...collector, summary, advance: (ms: number) => (now += ms) };
}

describe('updates within the 30-minute window', () => {
  it('a changed rating moves one count from the old value to the new, and a comment is added', async () => {
    const { post, store, summary, advance } = await withClock();
    const body = submission({ rating: 2, outcome: 'completed' });
    expect((await post(body)).status).toBe(201);
    advance(10 * MINUTE);

    const response = await post({ ...body, rating: 5, comment: 'Toch gelukt.' });

    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ id: body.id, status: 'updated' });
    expect(await store.getFeedback(body.id)).toMatchObject({ rating: 5, comment: 'Toch gelukt.' });
    const figures = await summary();
    expect(figures.responses).toBe(1);
    expect(figures.ratings).toEqual({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 });
    expect(figures.comments).toBe(1);
    expect(figures.byOutcome.completed.responses).toBe(1);
  });

  it('a changed outcome moves the submission to the other outcome', async () => {
    const { post, summary, advance } = await withClock();
    const body = submission({ outcome: 'error' });
    await post(body);
    advance(MINUTE);
    await post({ ...body, outcome: 'completed' });
    const figures = await summary();
    expect(Object.keys(figures.byOutcome)).toEqual(['completed']);
    expect(figures.byOutcome.completed.responses).toBe(1);
  });

  it('a late replay without the comment keeps it and answers unchanged, even after the window', async () => {
    const { post, store, summary, advance } = await withClock();
    const body = submission({ rating: 4 });
    await post(body);
    await post({ ...body, comment: 'Duidelijk.' });
    advance(5 * 60 * MINUTE);

    const replay = await post(body);
    const identical = await post({ ...body, comment: 'Duidelijk.' });

    expect(replay.status).toBe(200);
    expect((await json(replay)).status).toBe('unchanged');
    expect(identical.status).toBe(200);
    expect((await json(identical)).status).toBe('unchanged');
    expect((await store.getFeedback(body.id))?.comment).toBe('Duidelijk.');
    expect((await summary()).comments).toBe(1);
  });

  it('different content after the window answers 409 and changes nothing', async () => {
    const { post, store, summary, advance } = await withClock();
    const body = submission({ rating: 4 });
    await post(body);
    advance(30 * MINUTE + 1);

    const response = await post({ ...body, rating: 1 });

    expect(response.status).toBe(409);
    expect((await json(response)).detail).toMatch(/new id/);
    expect((await store.getFeedback(body.id))?.rating).toBe(4);
    expect((await summary()).ratings['4']).toBe(1);
  });

  it('the window runs from the first post, not from the last update', async () => {
    const { post, advance } = await withClock();
    const body = submission({ rating: 3 });
    await post(body);
    advance(20 * MINUTE);
    expect((await post({ ...body, rating: 4 })).status).toBe(200);
    advance(20 * MINUTE);
    expect((await post({ ...body, rating: 5 })).status).toBe(409);
  });

  it('the same id for another service answers 409 and stores nothing for it', async () => {
    const { post, rowCount } = await withClock();
    const body = submission();
    await post(body);
    const response = await post({ ...body, serviceId: 'dienst-b' });
    expect(response.status).toBe(409);
    expect(await rowCount()).toBe(1);
  });
});

describe('the honeypot', () => {
  it('answers a filled honeypot with 201 and stores nothing', async () => {
    const { post, rowCount, summary } = await withClock();
    const body = submission({ website: 'http://spam.example' });
    const response = await post(body);
    expect(response.status).toBe(201);
    expect(await json(response)).toEqual({ id: body.id, status: 'stored' });
    expect(await rowCount()).toBe(0);
    expect((await summary()).responses).toBe(0);
  });

  it('an empty honeypot is a person', async () => {
    const { post, rowCount } = await withClock();
    expect((await post(submission({ website: '' }))).status).toBe(201);
    expect(await rowCount()).toBe(1);
  });
});

describe('body limits and encodings', () => {
  it('answers 413 to a body over 16 KiB with a content-length, and stores nothing', async () => {
    const { post, rowCount } = await withClock();
    const body = JSON.stringify(submission({ comment: 'a'.repeat(1000) })).padEnd(16 * 1024 + 1);
    const response = await post(body);
    expect(response.status).toBe(413);
    expect(await rowCount()).toBe(0);
  });

  it('stops reading a streamed body without content-length once it passes 16 KiB', async () => {
    const { app } = await withClock();
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 1000) return controller.close();
        controller.enqueue(new Uint8Array(1024).fill(0x20));
      },
    });
    const response = await app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(40);
  });

  it('answers 400 to invalid UTF-8', async () => {
    const { app, rowCount } = await withClock();
    const valid = new TextEncoder().encode(JSON.stringify(submission({ comment: 'XX' })));
    const index = valid.indexOf(0x58);
    valid[index] = 0xff;
    valid[index + 1] = 0xfe;
    const response = await app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: valid,
    });
    expect(response.status).toBe(400);
    expect((await json(response)).detail).toMatch(/UTF-8/);
    expect(await rowCount()).toBe(0);
  });

  it('removes control characters and keeps line breaks', async () => {
    const { post, store } = await withClock();
    const body = submission({ comment: 'Goed\u0000 gedaan\u0007.\nTot\u001b ziens\u0085.' });
    expect((await post(body)).status).toBe(201);
    expect((await store.getFeedback(body.id))?.comment).toBe('Goed gedaan.\nTot ziens.');
  });

  it('accepts a comment of exactly 2000 characters after trimming', async () => {
    const { post } = await withClock();
    expect((await post(submission({ comment: `  ${'é'.repeat(2000)}  ` }))).status).toBe(201);
    expect((await post(submission({ comment: 'é'.repeat(2001) }))).status).toBe(400);
  });

  it('checks in the contract order: 415 before 413, 413 before 400', async () => {
    const { app, post } = await withClock();
    const huge = 'x'.repeat(20_000);
    const wrongType = await app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'text/html' },
      body: huge,
    });
    expect(wrongType.status).toBe(415);
    expect((await post(huge)).status).toBe(413);
  });
});

describe('personal data', () => {
  it('is redacted before storage, and only the count is kept', async () => {
    const { post, store, app } = await withClock();
    const body = submission({
      comment: 'Mijn rijksregisternummer is 85.07.30-033.28, bel me op 0470 12 34 56.',
      page: '/dossier/jan.peeters@example.com/stap-2?token=abc#x',
    });
    expect((await post(body)).status).toBe(201);
    const stored = await store.getFeedback(body.id);
    expect(stored?.comment).toBe(
      'Mijn rijksregisternummer is [rijksregisternummer], bel me op [telefoonnummer].',
    );
    expect(stored?.page).not.toContain('jan.peeters');
    expect(stored?.page).not.toContain('token');
    expect(stored?.redactions).toBe(3);
    const dump = JSON.stringify(await sqlRows(store, 'select * from feedback'));
    expect(dump).not.toMatch(/85\.07\.30|0470|jan\.peeters/);
    void app;
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the limit, before validation, and lets the next minute in', async () => {
    const { post, advance, rowCount } = await withClock(Date.parse('2026-03-10T09:00:10Z'), {
      rateLimitPerMinute: 3,
    });
    for (let i = 0; i < 3; i += 1) expect((await post(submission())).status).toBe(201);

    const limited = await post(submission());
    const invalidButLimited = await post({ nonsense: true });

    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('50');
    expect((await json(limited)).status).toBe(429);
    expect(invalidButLimited.status).toBe(429);
    expect(await rowCount()).toBe(3);
    advance(50_000);
    expect((await post(submission())).status).toBe(201);
  });

  it('keys on the X-Forwarded-For hop the trusted proxy added, only behind one', async () => {
    const trusted = await withClock(undefined, { rateLimitPerMinute: 1, trustProxy: true });
    expect((await trusted.post(submission(), { 'x-forwarded-for': '203.0.113.1' })).status).toBe(
      201,
    );
    expect(
      (await trusted.post(submission(), { 'x-forwarded-for': '203.0.113.2, 10.0.0.1' })).status,
    ).toBe(201);
    expect((await trusted.post(submission(), { 'x-forwarded-for': '203.0.113.1' })).status).toBe(
      429,
    );

    const direct = await withClock(undefined, { rateLimitPerMinute: 1 });
    expect((await direct.post(submission(), { 'x-forwarded-for': '203.0.113.1' })).status).toBe(
      201,
    );
    // Without TRUST_PROXY the header is the client's own claim and changes nothing.
    expect((await direct.post(submission(), { 'x-forwarded-for': '203.0.113.9' })).status).toBe(
      429,
    );
  });

  it('is off with a limit of 0', async () => {
    const { post } = await withClock(undefined, { rateLimitPerMinute: 0 });
    for (let i = 0; i < 50; i += 1) expect((await post(submission())).status).toBe(201);
  });
});

describe('CORS', () => {
  const preflight = (
    app: Awaited<ReturnType<typeof testCollector>>['app'],
    origin: string,
    path = '/api/v1/feedback',
  ) =>
    app.request(path, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });

  it('a preflight allows the union of the active services’ origins, exactly', async () => {
    const { app } = await withClock();
    for (const origin of [ORIGIN_A, 'https://www.gemeente-b.be']) {
      const response = await preflight(app, origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      expect(response.headers.get('access-control-allow-headers')).toContain('content-type');
      expect(response.headers.get('vary')).toContain('Origin');
    }
    const evil = await preflight(app, 'https://evil.example');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the widget on an allowed origin read Retry-After and the answer', async () => {
    const { post } = await withClock(undefined, { rateLimitPerMinute: 1 });
    expect((await post(submission(), { origin: ORIGIN_A })).status).toBe(201);
    const limited = await post(submission(), { origin: ORIGIN_A });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('access-control-allow-origin')).toBe(ORIGIN_A);
    expect(limited.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(limited.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('the POST checks the origin against its own service', async () => {
    const { post, rowCount } = await withClock();
    // Allowed for dienst-b, but this submission is for dienst-a.
    const response = await post(submission(), { origin: 'https://www.gemeente-b.be' });
    expect(response.status).toBe(403);
    expect(await rowCount()).toBe(0);
  });

  it('an inactive service’s origins are no longer allowed', async () => {
    const { app, store } = await testCollector();
    await store.updateService('dienst-b', { active: false });
    expect((await preflight(app, 'https://www.gemeente-b.be')).status).toBe(403);
  });
});

describe('POST /api/v1/impressions', () => {
  it('counts impressions sent as JSON or as sendBeacon text/plain, in the response rate', async () => {
    const { app, post, summary } = await withClock();
    for (const type of ['application/json', 'text/plain;charset=UTF-8', 'application/json']) {
      const response = await app.request('/api/v1/impressions', {
        method: 'POST',
        headers: { 'content-type': type, origin: ORIGIN_A },
        body: JSON.stringify({ serviceId: 'dienst-a' }),
      });
      expect(response.status).toBe(204);
    }
    await post(submission(), { origin: ORIGIN_A });
    const figures = await summary();
    expect(figures.impressions).toBe(3);
    expect(figures.responseRate).toBeCloseTo(1 / 3, 10);
  });

  it('checks the origin and the service like submissions', async () => {
    const { app } = await withClock();
    const send = (body: unknown, origin?: string) =>
      app.request('/api/v1/impressions', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', ...(origin ? { origin } : {}) },
        body: JSON.stringify(body),
      });
    expect((await send({ serviceId: 'dienst-a' }, 'https://evil.example')).status).toBe(403);
    expect((await send({ serviceId: 'bestaat-niet' })).status).toBe(404);
    expect((await send({ serviceId: 'dienst-a', visitor: 'x' })).status).toBe(400);
  });

  it('refuses an impression without an Origin (a script, curl) with 403 and does not count it', async () => {
    const { app, summary } = await withClock();
    const response = await app.request('/api/v1/impressions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'dienst-a' }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await json(response)).type).toBe('/problems/origin-not-allowed');
    expect((await summary()).impressions).toBe(0);
  });
});

describe('the response rate', () => {
  const impression = (app: Awaited<ReturnType<typeof testCollector>>['app']) =>
    app.request('/api/v1/impressions', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: ORIGIN_A },
      body: JSON.stringify({ serviceId: 'dienst-a' }),
    });
  const formPost = (app: Awaited<ReturnType<typeof testCollector>>['app'], rating: number) =>
    app.request('/api/v1/feedback/form', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ serviceId: 'dienst-a', rating: String(rating), lang: 'nl' }),
    });

  it('divides only the widget’s answers by the impressions: form answers and systems do not count', async () => {
    const { app, post, get, tokenA, summary } = await withClock();
    for (let i = 0; i < 4; i += 1) expect((await impression(app)).status).toBe(204);
    expect((await post(submission(), { origin: ORIGIN_A })).status).toBe(201);
    for (const rating of [5, 4, 2]) expect((await formPost(app, rating)).status).toBeLessThan(400);
    // JSON without an Origin: a script or another system, not the widget.
    expect((await post(submission())).status).toBe(201);

    const figures = await summary();
    expect(figures.responses).toBe(5);
    expect(figures.impressions).toBe(4);
    expect(figures.responseRate).toBe(1 / 4);
    const march = figures.byMonth.find((m: { month: string }) => m.month === '2026-03');
    expect(march).toMatchObject({ responses: 5, impressions: 4, responseRate: 1 / 4 });
    const report = await json(await get('/api/v1/reports/annual?year=2026', tokenA));
    expect(report.organisations[0].services[0].current.responseRate).toBe(1 / 4);
  });

  it('is never above 1, even when more widget answers arrive than impressions', async () => {
    const { app, post, summary } = await withClock();
    expect((await impression(app)).status).toBe(204);
    for (let i = 0; i < 3; i += 1) {
      expect((await post(submission(), { origin: ORIGIN_A })).status).toBe(201);
    }
    for (let i = 0; i < 5; i += 1) expect((await formPost(app, 3)).status).toBeLessThan(400);
    const figures = await summary();
    expect(figures.responses).toBe(8);
    expect(figures.responseRate).toBe(1);
    for (const month of figures.byMonth) expect(month.responseRate ?? 0).toBeLessThanOrEqual(1);
  });

  it('keeps who sent a submission through its updates, and the rollups equal a recount', async () => {
    const { app, post, store, summary, advance } = await withClock();
    for (let i = 0; i < 4; i += 1) await impression(app);
    const widget = submission({ rating: 2, outcome: 'error' });
    const system = submission({ rating: 3 });
    expect((await post(widget, { origin: ORIGIN_A })).status).toBe(201);
    expect((await post(system)).status).toBe(201);
    advance(MINUTE);
    // The widget's answer updated without an Origin, the system's with one: neither changes sides.
    expect((await post({ ...widget, rating: 5, outcome: 'completed' })).status).toBe(200);
    expect((await post({ ...system, rating: 4 }, { origin: ORIGIN_A })).status).toBe(200);

    const figures = await summary();
    expect(figures.responses).toBe(2);
    expect(figures.responseRate).toBe(1 / 4);
    expect(await databaseProblems(store)).toEqual([]);
  });
});

describe('ids', () => {
  it('an id in upper case and the same id in lower case are one submission, stored in lower case', async () => {
    const { post, store, rowCount, summary } = await withClock();
    const body = submission({ rating: 4 });
    const upper = { ...body, id: body.id.toUpperCase() };

    const first = await post(upper);
    expect(first.status).toBe(201);
    expect(await json(first)).toEqual({ id: body.id, status: 'stored' });
    const replay = await post(body);
    expect(replay.status).toBe(200);
    expect(await json(replay)).toEqual({ id: body.id, status: 'unchanged' });
    const update = await post({ ...upper, rating: 5 });
    expect(update.status).toBe(200);
    expect(await json(update)).toEqual({ id: body.id, status: 'updated' });

    expect(await rowCount()).toBe(1);
    expect(await sqlRows(store, 'select id, rating from feedback')).toEqual([
      { id: body.id, rating: 5 },
    ]);
    expect((await summary()).responses).toBe(1);
  });
});

describe('lone surrogates', () => {
  it.each(['comment', 'step', 'page'])(
    'an escaped lone surrogate in %s answers 400 with the field and how to fix it, and stores nothing',
    async (field) => {
      const { post, rowCount } = await withClock();
      const value = field === 'page' ? '/aanvraag/\\ud800' : 'Goed \\ud800 gedaan';
      // Written out: the body is valid JSON and valid UTF-8, the string is not valid Unicode.
      const body = JSON.stringify(submission()).replace(/}$/, `,"${field}":"${value}"}`);
      expect(body).toContain('\\ud800');

      const response = await post(body);

      expect(response.status).toBe(400);
      const problem = await json(response);
      expect(problem.type).toBe('/problems/validation-error');
      expect(problem.errors).toEqual([
        { path: field, message: expect.stringMatching(/well-formed Unicode.*remove it/) },
      ]);
      expect(await rowCount()).toBe(0);
    },
  );

  it('a character written as an escaped surrogate pair is accepted', async () => {
    const { post, store } = await withClock();
    const body = submission();
    const response = await post(
      JSON.stringify(body).replace(/}$/, ',"comment":"Top \\ud83d\\ude00"}'),
    );
    expect(response.status).toBe(201);
    expect((await store.getFeedback(body.id))?.comment).toBe('Top 😀');
  });
});

describe('POST /api/v1/feedback/form (no JavaScript)', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  it('stores the form and sends the citizen to the thank-you page with 303, linking back', async () => {
    const { app, store, summary } = await withClock();
    const response = await app.request('/api/v1/feedback/form', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: ORIGIN_A,
        referer: `${ORIGIN_A}/aanvraag/bevestiging?dossier=1`,
      },
      body: form({
        serviceId: 'dienst-a',
        rating: '5',
        comment: 'Vlot',
        lang: 'nl',
        outcome: 'completed',
      }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      `/f/dienst-a/bedankt?lang=nl&terug=${encodeURIComponent(`${ORIGIN_A}/aanvraag/bevestiging?dossier=1`)}`,
    );
    const figures = await summary();
    expect(figures.ratings['5']).toBe(1);
    const [row] = await sqlRows(store, 'select * from feedback');
    expect(row).toMatchObject({ page: '/aanvraag/bevestiging', comment: 'Vlot' });
  });

  it('thanks on the collector when the page is not an allowed origin, never redirecting there', async () => {
    const { app } = await withClock();
    const response = await app.request('/api/v1/feedback/form', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        referer: 'https://evil.example/phish',
      },
      body: form({ serviceId: 'dienst-a', rating: '4', lang: 'fr' }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/f/dienst-a/bedankt?lang=fr');
    const page = await (await app.request(response.headers.get('location')!)).text();
    expect(page).not.toContain('evil.example');
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('Merci pour votre avis');
  });

  it('explains in the citizen’s language what to fix when no rating was chosen', async () => {
    const { app, rowCount } = await withClock();
    const response = await app.request('/api/v1/feedback/form', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ serviceId: 'dienst-a', lang: 'nl', comment: 'Geen keuze' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Kies hoe tevreden u bent.');
    expect(await rowCount()).toBe(0);
  });

  it('escapes what it echoes and ignores fields it does not know', async () => {
    const { app, rowCount } = await withClock();
    const response = await app.request('/api/v1/feedback/form', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ serviceId: 'dienst-a', rating: '3', lang: 'en', submit: '<script>' }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/f/dienst-a/bedankt?lang=en');
    expect(await rowCount()).toBe(1);
  });
});

describe('group commit', () => {
  it('concurrent posts of one id in one batch store it once; the others are unchanged', async () => {
    const { post, rowCount, summary } = await withClock();
    const shared = submission({ rating: 5, comment: 'Zelfde' });
    const others = Array.from({ length: 30 }, () => submission({ rating: 1 }));

    const responses = await Promise.all([
      ...Array.from({ length: 10 }, () => post(shared)),
      ...others.map((body) => post(body)),
    ]);

    const sharedStatuses = await Promise.all(
      responses.slice(0, 10).map(async (r) => `${r.status} ${(await json(r)).status}`),
    );
    expect(sharedStatuses.filter((s) => s === '201 stored')).toHaveLength(1);
    expect(sharedStatuses.filter((s) => s === '200 unchanged')).toHaveLength(9);
    expect(responses.slice(10).every((r) => r.status === 201)).toBe(true);
    expect(await rowCount()).toBe(31);
    const figures = await summary();
    expect(figures.ratings).toEqual({ '1': 30, '2': 0, '3': 0, '4': 0, '5': 1 });
  });
});
