import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ThemesSchema } from '@vo-feedback/shared';
import { describe, expect, it } from 'vitest';
import { json, submission, testCollector } from '../../test-support/fixtures.ts';
import { sqlRun } from '../../test-support/sql.ts';

describe('GET /api/v1/services/:serviceId/summary', () => {
  it('answers 401 with problem+json without a token', async () => {
    const { get } = await testCollector();
    const response = await get('/api/v1/services/dienst-a/summary');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers 401 to an unknown token', async () => {
    const { get } = await testCollector();
    expect((await get('/api/v1/services/dienst-a/summary', 'vof_guessed')).status).toBe(401);
  });

  it("answers 403 to another organisation's token", async () => {
    const { get, tokenB } = await testCollector();
    expect((await get('/api/v1/services/dienst-a/summary', tokenB)).status).toBe(403);
  });

  it('answers 404 for an unknown service', async () => {
    const { get, tokenA } = await testCollector();
    expect((await get('/api/v1/services/bestaat-niet/summary', tokenA)).status).toBe(404);
  });

  it('summarises ratings, mean, csat with its Wilson interval and comments', async () => {
    const { post, get, tokenA, steering } = await testCollector();
    for (const [rating, comment] of [
      [1, 'Te ingewikkeld.'],
      [4, undefined],
      [5, 'Snel en duidelijk.'],
      [5, undefined],
    ] as const) {
      expect((await post(submission({ rating, comment }))).status).toBe(201);
    }
    await post(submission({ serviceId: 'dienst-b', rating: 1 }));

    const response = await get('/api/v1/services/dienst-a/summary', tokenA);
    expect(response.status).toBe(200);
    const summary = await json(response);
    expect(summary).toMatchObject({
      serviceId: 'dienst-a',
      responses: 4,
      ratings: { '1': 1, '2': 0, '3': 0, '4': 1, '5': 2 },
      mean: 3.75,
      csat: 0.75,
      comments: 2,
      impressions: 0,
      responseRate: null,
    });
    // Wilson 95 % for 3 of 4: [0.3006, 0.9544].
    expect(summary.csatInterval[0]).toBeCloseTo(0.3006, 4);
    expect(summary.csatInterval[1]).toBeCloseTo(0.9544, 4);
    // The steering committee sees the same aggregates.
    expect(await json(await get('/api/v1/services/dienst-a/summary', steering))).toEqual(summary);
  });

  it('answers 400 for a malformed period', async () => {
    const { get, tokenA } = await testCollector();
    const response = await get('/api/v1/services/dienst-a/summary?from=2026-13-01', tokenA);
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0].path).toBe('from');
  });
});

describe('GET /api/v1/services', () => {
  it('lists only the services of the token’s organisation; steering sees all', async () => {
    const { get, tokenA, steering } = await testCollector();
    const own = await json(await get('/api/v1/services', tokenA));
    expect(own.map((s: { id: string }) => s.id)).toEqual(['dienst-a']);
    const all = await json(await get('/api/v1/services', steering));
    expect(all.map((s: { id: string }) => s.id)).toEqual(['dienst-a', 'dienst-b']);
  });

  it('names each service’s organisation, so that steering can group and search by it', async () => {
    const { get, tokenA, steering } = await testCollector();
    expect(await json(await get('/api/v1/services', tokenA))).toEqual([
      {
        id: 'dienst-a',
        name: 'Dienst A',
        organisationId: 'org-a',
        organisationName: 'Organisatie A',
        active: true,
        publicServiceUri: null,
      },
    ]);
    const all = await json(await get('/api/v1/services', steering));
    expect(
      all.map((s: { id: string; organisationName: string }) => [s.id, s.organisationName]),
    ).toEqual([
      ['dienst-a', 'Organisatie A'],
      ['dienst-b', 'Organisatie B'],
    ]);
  });
});

/** A collector whose clock the test moves, and a poster that stamps each submission. */
async function clockedCollector(start = Date.UTC(2026, 4, 4, 10, 0, 0)) {
  const clock = { now: start };
  const collector = await testCollector({ now: () => clock.now });
  const postAt = async (at: number, overrides: Record<string, unknown>) => {
    clock.now = at;
    const body = submission(overrides);
    const response = await collector.post(body);
    expect(response.status).toBe(201);
    return body;
  };
  return { ...collector, clock, postAt };
}

const MINUTE = 60_000;

describe('GET /api/v1/services/:serviceId/feedback', () => {
  it('lists the redacted comments of a service, newest first; ratings without a comment are not listed', async () => {
    const { postAt, get, tokenA, clock } = await clockedCollector();
    const t = clock.now;
    await postAt(t, { rating: 2, comment: 'Mail me op jan.peeters@example.com aub.' });
    await postAt(t + MINUTE, { rating: 5 });
    await postAt(t + 2 * MINUTE, { rating: 4, comment: 'Vlot.', outcome: 'completed' });
    await postAt(t + 3 * MINUTE, { serviceId: 'dienst-b', rating: 1, comment: 'Andere dienst.' });

    const response = await get('/api/v1/services/dienst-a/feedback', tokenA);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const page = await json(response);
    expect(page).toMatchObject({ serviceId: 'dienst-a', from: '2026-01-01', to: '2026-05-04' });
    expect(page.items.map((i: { comment: string }) => i.comment)).toEqual([
      'Vlot.',
      'Mail me op [e-mail] aub.',
    ]);
    expect(page.items[0]).toMatchObject({
      rating: 4,
      outcome: 'completed',
      lang: 'nl',
      day: '2026-05-04',
      createdAt: new Date(t + 2 * MINUTE).toISOString(),
      redactions: 0,
    });
    expect(page.items[1].redactions).toBe(1);
    expect(page.nextCursor).toBeNull();
  });

  it('is for the providers of the organisation only: steering and other organisations get 403', async () => {
    const { get, tokenB, steering } = await testCollector();
    for (const token of [tokenB, steering]) {
      const response = await get('/api/v1/services/dienst-a/feedback', token);
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await get('/api/v1/services/dienst-a/feedback')).status).toBe(401);
    expect((await get('/api/v1/services/bestaat-niet/feedback', steering)).status).toBe(404);
  });

  it('pages with an opaque cursor that neither repeats nor skips, also while new comments arrive', async () => {
    const { postAt, get, tokenA, clock } = await clockedCollector();
    const t = clock.now;
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      ids.push((await postAt(t + i * MINUTE, { comment: `Opmerking ${'abcdefg'[i]}` })).id);
    }
    // Two comments in the same millisecond: the id breaks the tie.
    ids.push((await postAt(t + 7 * MINUTE, { comment: 'Tweeling een' })).id);
    ids.push((await postAt(t + 7 * MINUTE, { comment: 'Tweeling twee' })).id);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await json(
        await get(`/api/v1/services/dienst-a/feedback?limit=2${query}`, tokenA),
      );
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
      pages += 1;
      // Someone gives feedback while the provider reads: it is newer than every cursor.
      if (pages === 2) await postAt(t + 30 * MINUTE, { comment: 'Nieuw tijdens het lezen' });
    } while (cursor);

    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(ids));
    const twins = ids.slice(7).sort().reverse();
    expect(seen.slice(0, 2)).toEqual(twins);
    expect(seen.slice(2)).toEqual(ids.slice(0, 7).reverse());
  });

  it('filters on rating, outcome and the Brussels days of the period', async () => {
    const { postAt, get, tokenA } = await clockedCollector();
    // 23:30 UTC on 31 December is 00:30 on 1 January in Brussels.
    await postAt(Date.UTC(2025, 11, 31, 23, 30), { rating: 1, comment: 'Nieuwjaar' });
    await postAt(Date.UTC(2025, 11, 31, 22, 30), { rating: 1, comment: 'Oudjaar' });
    await postAt(Date.UTC(2026, 0, 5, 10), { rating: 5, comment: 'Januari', outcome: 'error' });
    const comments = async (query: string) =>
      (await json(await get(`/api/v1/services/dienst-a/feedback?${query}`, tokenA))).items.map(
        (i: { comment: string }) => i.comment,
      );
    expect(await comments('from=2026-01-01&to=2026-01-31')).toEqual(['Januari', 'Nieuwjaar']);
    expect(await comments('from=2025-12-31&to=2025-12-31')).toEqual(['Oudjaar']);
    expect(await comments('from=2025-12-01&to=2026-01-31&rating=1')).toEqual([
      'Nieuwjaar',
      'Oudjaar',
    ]);
    expect(await comments('from=2025-12-01&to=2026-01-31&outcome=error')).toEqual(['Januari']);
    expect(await comments('from=2025-12-01&to=2026-01-31&outcome=unknown')).toEqual([
      'Nieuwjaar',
      'Oudjaar',
    ]);
  });

  it('answers 400 to a forged cursor, a limit out of range or an unknown filter', async () => {
    const { get, tokenA } = await testCollector();
    for (const query of ['cursor=bm9wZQ', 'limit=500', 'rating=6', 'outcome=done', 'colour=red']) {
      const response = await get(`/api/v1/services/dienst-a/feedback?${query}`, tokenA);
      expect(response.status, query).toBe(400);
      expect((await json(response)).errors.length, query).toBeGreaterThan(0);
    }
  });
});

describe('GET /api/v1/services/:serviceId/themes', () => {
  it('gives the provider frequent words and pairs with a few example comments', async () => {
    const { postAt, get, tokenA, steering, clock } = await clockedCollector();
    const comments = [
      'De wachttijd was te lang.',
      'Veel te lang gewacht, de wachttijd moet korter.',
      'Het formulier werkt niet.',
      'Formulieren werkt niet op mijn gsm.',
      'Prima.',
    ];
    for (const [i, comment] of comments.entries()) {
      await postAt(clock.now + MINUTE * (i + 1), { comment });
    }
    const response = await get('/api/v1/services/dienst-a/themes', tokenA);
    expect(response.status).toBe(200);
    const themes = await json(response, ThemesSchema);
    expect(themes.comments).toBe(5);
    // "lang" is filler on its own: it counts in the pair "te lang" only.
    expect(themes.words.map((t) => t.term)).toEqual(['formulier', 'wachttijd', 'werkt']);
    expect(themes.words[0]).toEqual({
      term: 'formulier',
      count: 2,
      lowShare: 0,
      // Nothing in the period of the same length before this one (since 1 January).
      change: null,
      forms: ['formulier', 'formulieren'],
      examples: ['Formulieren werkt niet op mijn gsm.', 'Het formulier werkt niet.'],
    });
    expect(themes.previous).toEqual({ from: '2025-08-30', to: '2025-12-31', comments: 0 });
    // Equal counts in alphabetical order; "formulieren werkt" counts under "formulier werkt".
    expect(themes.pairs.map((t) => [t.term, t.count])).toEqual([
      ['formulier werkt', 2],
      ['te lang', 2],
      ['werkt niet', 2],
    ]);
    expect((await get('/api/v1/services/dienst-a/themes', steering)).status).toBe(403);
  });

  it('compares with the period of the same length before, and sorts by count, low share or change', async () => {
    const { postAt, get, tokenA, clock } = await clockedCollector();
    // 27–30 April: the four days before 1–4 May.
    for (const comment of ['Wachttijd.', 'Wachttijd.', 'Wachttijd.', 'Betaling.']) {
      await postAt(Date.UTC(2026, 3, 28, 10), { comment, rating: 3 });
    }
    // Outside both periods: not counted.
    await postAt(Date.UTC(2026, 3, 26, 10), { comment: 'Formulier kwijt.', rating: 1 });
    for (const [rating, comment] of [
      [1, 'Formulier kwijt.'],
      [2, 'Formulieren kwijt.'],
      [4, 'Formulier / wachttijd ok.'],
      [5, 'Wachttijd kort.'],
      [1, 'Betaling mislukt.'],
      [5, 'Betalingen lukten.'],
    ] as const) {
      await postAt(Date.UTC(2026, 4, 2, 10), { comment, rating });
    }
    clock.now = Date.UTC(2026, 4, 4, 12);
    const themesOf = async (query: string) => {
      const response = await get(`/api/v1/services/dienst-a/themes?${query}`, tokenA);
      expect(response.status, query).toBe(200);
      return json(response, ThemesSchema);
    };
    const period = 'from=2026-05-01&to=2026-05-04';
    const byCount = await themesOf(period);
    expect(byCount.previous).toEqual({ from: '2026-04-27', to: '2026-04-30', comments: 4 });
    const figures = byCount.words.map((t) => [t.term, t.count, t.lowShare, t.change]);
    expect(figures).toEqual([
      ['formulier', 3, 2 / 3, 3],
      ['betaling', 2, 1 / 2, 1],
      ['kwijt', 2, 1, 2],
      ['wachttijd', 2, 0, -1],
    ]);
    // "formulier wachttijd" would cross the "/": no pair at all here.
    expect(byCount.pairs.map((t) => t.term)).toEqual(['formulier kwijt']);
    const terms = async (sort: string) =>
      (await themesOf(`${period}&sort=${sort}`)).words.map((t) => t.term);
    expect(await terms('count')).toEqual(['formulier', 'betaling', 'kwijt', 'wachttijd']);
    expect(await terms('lowShare')).toEqual(['kwijt', 'formulier', 'betaling', 'wachttijd']);
    expect(await terms('change')).toEqual(['formulier', 'kwijt', 'betaling', 'wachttijd']);
    const refused = await get(`/api/v1/services/dienst-a/themes?${period}&sort=rating`, tokenA);
    expect(refused.status).toBe(400);
    expect((await json(refused)).errors).toEqual([
      { path: 'sort', message: 'Use count, lowShare or change.' },
    ]);
  });
});

/** Comments that a careless CSV writer breaks, or that a spreadsheet would run as formulas. */
const AWKWARD = [
  'Prima; "snel" afgehandeld',
  'Eerste regel\nTweede regel',
  '=HYPERLINK("http://example.test","klik")',
  '+ meer uitleg graag',
  '-weinig info',
  '@dienst antwoord sneller',
  'Gewoon tevreden',
];

async function exportFixture() {
  const collector = await clockedCollector(Date.UTC(2026, 2, 1, 9, 0, 0));
  const posted = [];
  for (const [i, comment] of AWKWARD.entries()) {
    posted.push(
      await collector.postAt(Date.UTC(2026, 2, 1, 9, i), {
        rating: 1 + (i % 5),
        comment,
        outcome: 'completed',
        step: 'bevestiging',
        page: '/aanvraag/bevestiging',
      }),
    );
  }
  // Without a comment, and on the last Brussels day of February (22:30 UTC = 23:30 in Brussels).
  posted.push(await collector.postAt(Date.UTC(2026, 1, 28, 22, 30), { rating: 5, lang: 'fr' }));
  collector.clock.now = Date.UTC(2026, 2, 2, 12);
  return { ...collector, posted };
}

describe('GET /api/v1/services/:serviceId/export', () => {
  it('writes CSV as Belgian Excel opens it, read back by a CSV parser', async () => {
    const { get, tokenA, posted } = await exportFixture();
    const response = await get(
      '/api/v1/services/dienst-a/export?format=csv&from=2026-02-01&to=2026-03-31',
      tokenA,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="vo-feedback-dienst-a-2026-02-01-2026-03-31.csv"',
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFid;dienst;datum;tijd;tijdstip (UTC);score;uitkomst;stap;taal;pagina;opmerking;weggelaten persoonsgegevens;kanaal;redenen',
    );
    // Every line ends in CRLF; the only bare LF is the one inside the quoted two-line comment.
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '').split('\n')).toHaveLength(2);

    const rows: Record<string, string>[] = parse(bytes, {
      bom: true,
      delimiter: ';',
      columns: true,
      record_delimiter: '\r\n',
    });
    expect(rows).toHaveLength(posted.length);
    // Oldest first: the February one, then March in order.
    expect(rows[0]).toEqual({
      id: posted[7]!.id,
      dienst: 'dienst-a',
      datum: '2026-02-28',
      tijd: '23:30:00',
      'tijdstip (UTC)': '2026-02-28T22:30:00.000Z',
      score: '5',
      uitkomst: '',
      stap: '',
      taal: 'fr',
      pagina: '',
      opmerking: '',
      'weggelaten persoonsgegevens': '0',
      kanaal: 'web',
      redenen: '',
    });
    expect(rows.slice(1).map((r) => r.opmerking)).toEqual([
      'Prima; "snel" afgehandeld',
      'Eerste regel\nTweede regel',
      // Formula injection neutralised: the apostrophe makes Excel show the text as it is.
      `'=HYPERLINK("http://example.test","klik")`,
      "'+ meer uitleg graag",
      "'-weinig info",
      "'@dienst antwoord sneller",
      'Gewoon tevreden',
    ]);
    expect(rows[1]).toMatchObject({ score: '1', uitkomst: 'completed', stap: 'bevestiging' });
  });

  it('writes the same rows as a streamed JSON array', async () => {
    const { get, tokenA, posted } = await exportFixture();
    const response = await get(
      '/api/v1/services/dienst-a/export?format=json&from=2026-02-01&to=2026-03-31',
      tokenA,
    );
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const rows = await json(response);
    expect(rows.map((r: { id: string }) => r.id)).toEqual([
      posted[7]!.id,
      ...posted.slice(0, 7).map((p) => p.id),
    ]);
    expect(rows[3]).toEqual({
      id: posted[2]!.id,
      serviceId: 'dienst-a',
      day: '2026-03-01',
      time: '10:02:00',
      createdAt: '2026-03-01T09:02:00.000Z',
      rating: 3,
      outcome: 'completed',
      step: 'bevestiging',
      lang: 'nl',
      page: '/aanvraag/bevestiging',
      // JSON carries the text as written: it is no spreadsheet.
      comment: '=HYPERLINK("http://example.test","klik")',
      redactions: 0,
      channel: 'web',
      reasons: [],
    });
  });

  it('writes XLSX that the library reads back, formulas kept as text', async () => {
    const { get, tokenA, posted } = await exportFixture();
    const response = await get(
      '/api/v1/services/dienst-a/export?format=xlsx&from=2026-03-01&to=2026-03-31',
      tokenA,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="vo-feedback-dienst-a-2026-03-01-2026-03-31.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Feedback')!;
    expect(sheet.rowCount).toBe(1 + 7);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'id',
      'dienst',
      'datum',
      'tijd',
      'tijdstip (UTC)',
      'score',
      'uitkomst',
      'stap',
      'taal',
      'pagina',
      'opmerking',
      'weggelaten persoonsgegevens',
      'kanaal',
      'redenen',
    ]);
    for (let i = 0; i < 7; i += 1) {
      const row = sheet.getRow(2 + i);
      expect(row.getCell(1).value).toBe(posted[i]!.id);
      expect(row.getCell(6).value).toBe(1 + (i % 5));
      const comment = row.getCell(11);
      expect(comment.value).toBe(AWKWARD[i]);
      expect(comment.type).toBe(ExcelJS.ValueType.String);
    }
  });

  it('streams a period of thousands of rows in pages, each row once, oldest first', async () => {
    const { store, get, tokenA } = await testCollector();
    const start = Date.UTC(2026, 0, 10, 8);
    const ingested: string[] = [];
    for (let i = 0; i < 2500; i += 1) {
      ingested.push(crypto.randomUUID());
      await store.ingest({
        id: ingested[i]!,
        serviceId: 'dienst-a',
        rating: 1 + (i % 5),
        comment: i % 3 ? undefined : `Opmerking ${i}`,
        lang: 'nl',
        redactions: 0,
        // Seven rows share each millisecond: page boundaries fall inside such a tie.
        receivedAt: start + Math.floor(i / 7),
      });
    }
    const rows = await json(
      await get(
        '/api/v1/services/dienst-a/export?format=json&from=2026-01-01&to=2026-01-31',
        tokenA,
      ),
    );
    expect(rows).toHaveLength(2500);
    expect(new Set(rows.map((r: { id: string }) => r.id)).size).toBe(2500);
    // Oldest first; within a millisecond, in the order they arrived: the order of ingest.
    expect(rows.map((r: { id: string }) => r.id)).toEqual(ingested);
  });

  it('is for the providers of the organisation only', async () => {
    const { get, tokenB, steering } = await testCollector();
    for (const token of [tokenB, steering]) {
      expect((await get('/api/v1/services/dienst-a/export?format=csv', token)).status).toBe(403);
    }
    expect((await get('/api/v1/services/dienst-a/export')).status).toBe(401);
  });

  it('answers 400 to an unknown format and 422 when a period has more rows than Excel holds', async () => {
    const { get, tokenA, store } = await testCollector();
    expect((await get('/api/v1/services/dienst-a/export?format=pdf', tokenA)).status).toBe(400);
    // The count comes from the rollups; one forged day of 1,048,576 responses is enough.
    await sqlRun(
      store,
      "insert into daily_rollups (service_id, day, outcome, rating_5) values ('dienst-a', '2026-01-02', '', 1048576)",
    );
    const response = await get(
      '/api/v1/services/dienst-a/export?format=xlsx&from=2026-01-01&to=2026-01-31',
      tokenA,
    );
    expect(response.status).toBe(422);
    expect((await json(response)).detail).toMatch(/1048576 submissions/);
    const csv = await get(
      '/api/v1/services/dienst-a/export?format=csv&from=2026-01-01&to=2026-01-31',
      tokenA,
    );
    expect(csv.status).toBe(200);
  });
});

describe('the limits of a period', () => {
  // 2016-01-01 to 2026-01-07 is 3,660 days with both ends; one day more is refused.
  const REFUSED: [string, string][] = [
    ['from=2000-01-01&to=9999-12-31', 'to'],
    ['from=2016-01-01&to=2026-01-08', 'from'],
    ['from=1999-12-31&to=2000-01-31', 'from'],
    ['from=2100-12-01&to=2101-01-01', 'to'],
    ['to=2101-06-30', 'to'],
    ['from=2026-02-01&to=2026-01-01', 'from'],
  ];

  for (const route of ['summary', 'feedback', 'themes', 'export']) {
    it(`${route}: answers 400 invalid-period beyond 2000–2100 or 3,660 days, and serves 3,660 days`, async () => {
      const { get, tokenA } = await testCollector();
      for (const [period, path] of REFUSED) {
        const response = await get(`/api/v1/services/dienst-a/${route}?${period}`, tokenA);
        expect(response.status, period).toBe(400);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        const body = await json(response);
        expect(body.type, period).toBe('/problems/invalid-period');
        expect(body.errors[0].path, period).toBe(path);
        expect(body.errors[0].message, period).toMatch(/^Give|days apart/);
      }
      const longest = await get(
        `/api/v1/services/dienst-a/${route}?from=2016-01-01&to=2026-01-07`,
        tokenA,
      );
      expect(longest.status).toBe(200);
    });
  }

  it('answers a malformed day as a validation error, before any period is worked out', async () => {
    const { get, tokenA } = await testCollector();
    const body = await json(await get('/api/v1/services/dienst-a/summary?to=9999-99-99', tokenA));
    expect(body.type).toBe('/problems/validation-error');
    expect(body.errors[0].path).toBe('to');
  });
});
