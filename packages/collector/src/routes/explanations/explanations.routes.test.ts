import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  AnnualReportSchema,
  ExplanationSchema,
  MAX_EXPLANATION,
  ProblemSchema,
} from '@vo-feedback/shared';
import { json, submission, testCollector } from '../../test-support/fixtures.ts';

// The "explain" of comply-or-explain: per service and per organisation, per year; the annual
// report carries it in JSON, CSV and HTML; the audit records its length, never its text.

const SERVICE = '/api/v1/services/dienst-a/explanations/2026';
const ORGANISATION = '/api/v1/organisations/org-a/explanations/2026';
const JUNE_15 = Date.UTC(2026, 5, 15, 8);

async function explainFixture() {
  const clock = { now: JUNE_15 };
  const collector = await testCollector({ now: () => clock.now });
  const send = (method: string, path: string, token: string, body?: unknown) =>
    collector.app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const put = (path: string, text: unknown, token = collector.tokenA) =>
    send('PUT', path, token, { text });
  return { ...collector, clock, send, put };
}

describe('explanations', () => {
  it('are set, read, replaced and removed, per service and per organisation', async () => {
    const { put, send, tokenA, actorA, steering } = await explainFixture();
    for (const [path, scope, subjectId] of [
      [SERVICE, 'service', 'dienst-a'],
      [ORGANISATION, 'organisation', 'org-a'],
    ] as const) {
      const none = await json(await send('GET', path, tokenA), ExplanationSchema);
      expect(none).toEqual({
        scope,
        subjectId,
        year: 2026,
        text: '',
        updatedAt: null,
        updatedBy: null,
      });
      const set = await put(path, '  De daling komt door de nieuwe website.\n');
      expect(set.status).toBe(200);
      const expected = {
        scope,
        subjectId,
        year: 2026,
        text: 'De daling komt door de nieuwe website.',
        updatedAt: new Date(JUNE_15).toISOString(),
        updatedBy: actorA,
      };
      expect(await json(set, ExplanationSchema)).toEqual(expected);
      expect(await json(await send('GET', path, tokenA), ExplanationSchema)).toEqual(expected);
      // Steering reads it, as it reads the annual report.
      expect(await json(await send('GET', path, steering), ExplanationSchema)).toEqual(expected);

      expect(await json(await put(path, 'Tweede versie.'))).toMatchObject({
        text: 'Tweede versie.',
      });
      // Another year is another explanation.
      const other = path.replace('2026', '2025');
      expect((await json(await send('GET', other, tokenA))).text).toBe('');

      const removed = await json(await put(path, '   '), ExplanationSchema);
      expect(removed).toMatchObject({ text: '', updatedAt: null, updatedBy: null });
      expect((await json(await send('GET', path, tokenA))).text).toBe('');
    }
  });

  it('refuse a text over 5,000 characters, a body that is not text and a year out of range', async () => {
    const { put, send, tokenA } = await explainFixture();
    expect((await put(SERVICE, 'x'.repeat(MAX_EXPLANATION))).status).toBe(200);
    for (const [path, body, field, status] of [
      [SERVICE, { text: 'x'.repeat(MAX_EXPLANATION + 1) }, 'text', 400],
      [ORGANISATION, { text: 'x'.repeat(MAX_EXPLANATION + 1) }, 'text', 400],
      [SERVICE, { text: 42 }, 'text', 400],
      [SERVICE, {}, 'text', 400],
      [SERVICE, { text: 'ok', extra: 1 }, 'extra', 400],
      ['/api/v1/services/dienst-a/explanations/1999', { text: 'ok' }, 'year', 400],
      ['/api/v1/organisations/org-a/explanations/2101', { text: 'ok' }, 'year', 400],
      ['/api/v1/services/dienst-a/explanations/twintig', { text: 'ok' }, 'year', 400],
    ] as const) {
      const response = await send('PUT', path, tokenA, body);
      expect(response.status, `${path} ${JSON.stringify(body).slice(0, 40)}`).toBe(status);
      const problem = await json(response, ProblemSchema);
      expect(problem.errors?.map((e) => e.path)).toContain(field);
    }
    // The longest one allowed is stored whole.
    expect((await json(await send('GET', SERVICE, tokenA))).text).toHaveLength(MAX_EXPLANATION);
  });

  it('are the provider’s own to write: steering and other organisations 403, unknowns 404', async () => {
    const { put, send, tokenA, tokenB, steering } = await explainFixture();
    for (const token of [tokenB, steering]) {
      expect((await put(SERVICE, 'Niet van mij', token)).status).toBe(403);
      expect((await put(ORGANISATION, 'Niet van mij', token)).status).toBe(403);
    }
    expect((await send('GET', SERVICE, tokenB)).status).toBe(403);
    expect((await send('GET', ORGANISATION, tokenB)).status).toBe(403);
    expect((await put('/api/v1/services/bestaat-niet/explanations/2026', 'x')).status).toBe(404);
    // A provider's reach is its own organisation: another id is refused whether it exists or not.
    expect((await put('/api/v1/organisations/org-b/explanations/2026', 'x')).status).toBe(403);
    expect((await put('/api/v1/organisations/bestaat-niet/explanations/2026', 'x')).status).toBe(
      403,
    );
    const unknown = '/api/v1/organisations/bestaat-niet/explanations/2026';
    expect((await send('GET', unknown, steering)).status).toBe(404);
    expect((await send('GET', SERVICE, tokenA)).status).toBe(200);
  });

  it('appear in the annual report as JSON, CSV and HTML, escaped', async () => {
    const { put, post, get, tokenA, steering } = await explainFixture();
    expect((await post(submission({ rating: 2 }))).status).toBe(201);
    await put(ORGANISATION, 'Een jaar van <verhuizingen> & "nieuwe" loketten.');
    await put(SERVICE, '=Eerste alinea.\n\nTweede alinea,\nmet een nieuwe regel.');

    const report = await json(
      await get('/api/v1/reports/annual?year=2026', tokenA),
      AnnualReportSchema,
    );
    const organisation = report.organisations[0]!;
    expect(organisation.explanation).toBe('Een jaar van <verhuizingen> & "nieuwe" loketten.');
    expect(organisation.services[0]!.explanation).toBe(
      '=Eerste alinea.\n\nTweede alinea,\nmet een nieuwe regel.',
    );
    // Steering's report of every organisation carries it too; organisation B has none.
    const all = await json(await get('/api/v1/reports/annual?year=2026', steering));
    expect(all.organisations.map((o: { explanation: string | null }) => o.explanation)).toEqual([
      'Een jaar van <verhuizingen> & "nieuwe" loketten.',
      null,
    ]);

    const csv = await (await get('/api/v1/reports/annual?year=2026&format=csv', tokenA)).text();
    const rows: Record<string, string>[] = parse(csv, {
      bom: true,
      delimiter: ';',
      columns: true,
      record_delimiter: '\r\n',
    });
    const yearRow = (niveau: string) =>
      rows.find((r) => r.niveau === niveau && r.periode === '2026')!;
    expect(yearRow('organisatie').toelichting).toBe(
      'Een jaar van <verhuizingen> & "nieuwe" loketten.',
    );
    // A text that a spreadsheet would read as a formula is written as text.
    expect(yearRow('dienst').toelichting).toBe(
      "'=Eerste alinea.\n\nTweede alinea,\nmet een nieuwe regel.",
    );
    const monthRows = rows.filter((r) => r.periode !== '2026');
    expect(monthRows.length).toBeGreaterThan(0);
    expect(monthRows.every((r) => r.toelichting === '')).toBe(true);

    const html = await (await get('/api/v1/reports/annual?year=2026&format=html', tokenA)).text();
    expect(html).toContain('Toelichting');
    expect(html).toContain('Een jaar van &lt;verhuizingen&gt; &amp; &quot;nieuwe&quot; loketten.');
    expect(html).not.toContain('<verhuizingen>');
    expect(html).toContain('<p>=Eerste alinea.</p>');
    expect(html).toContain('<p>Tweede alinea,<br />met een nieuwe regel.</p>');
  });

  it('are audited with scope, subject, year and length, never the text', async () => {
    const { put, store, clock, actorA } = await explainFixture();
    await put(SERVICE, 'Geheime toelichting bij de dienst');
    clock.now += 1000;
    await put(ORGANISATION, 'Geheime toelichting bij de organisatie');
    clock.now += 1000;
    await put(SERVICE, '');
    const entries = await store.auditEntries(0, Date.UTC(2100, 0, 1));
    const mine = entries.filter((e) => e.action === 'explanation.set');
    expect(mine.map((e) => [e.actor, e.target, e.details])).toEqual([
      [
        actorA,
        'service:dienst-a',
        { scope: 'service', subjectId: 'dienst-a', year: 2026, length: 33 },
      ],
      [
        actorA,
        'organisation:org-a',
        { scope: 'organisation', subjectId: 'org-a', year: 2026, length: 38 },
      ],
      [
        actorA,
        'service:dienst-a',
        { scope: 'service', subjectId: 'dienst-a', year: 2026, length: 0 },
      ],
    ]);
    expect(JSON.stringify(entries)).not.toContain('Geheime');
  });
});
