import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { issueToken } from '../use-cases/administration.ts';
import { openTestStore, testDatabaseUrl } from '../test-support/backend.ts';
import { runCli } from '../test-support/cli-runner.ts';
import { seedOrganisation } from '../test-support/seed.ts';
import { tempFolder } from '../test-support/temp-dir.ts';

// `vo-feedback report annual` and `vo-feedback export` write the very bytes the API serves.

async function setUp() {
  const folder = tempFolder();
  const databaseUrl = testDatabaseUrl(folder);
  const store = await openTestStore(databaseUrl);
  await seedOrganisation(store, { id: 'gemeente-x', name: 'Gemeente X' }, [
    { id: 'loket-x', name: 'Loket X' },
  ]);
  const { token } = await issueToken(store, {
    label: 't',
    role: 'provider',
    organisationId: 'gemeente-x',
  });
  const app = createApp({ store, rateLimitPerMinute: 0 });
  for (const [i, comment] of ['Vlot', '=1+1', 'Te lang; "echt"', undefined].entries()) {
    const response = await app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: crypto.randomUUID(),
        serviceId: 'loket-x',
        rating: 2 + i,
        lang: 'nl',
        ...(comment ? { comment } : {}),
      }),
    });
    expect(response.status).toBe(201);
  }
  const api = async (path: string) =>
    Buffer.from(
      await (
        await app.request(path, { headers: { authorization: `Bearer ${token}` } })
      ).arrayBuffer(),
    );
  const cli = (...argv: string[]) => runCli({ DATABASE_URL: databaseUrl }, ...argv);
  return { folder, cli, api };
}

describe('vo-feedback report annual', () => {
  it('writes the annual report the API serves, in one command', async () => {
    const { folder, cli, api } = await setUp();
    const year = new Date().getFullYear();
    const out = join(folder, 'rapport.csv');
    const result = await cli(
      'report',
      'annual',
      '--year',
      String(year),
      '--org',
      'gemeente-x',
      '--format',
      'csv',
      '--out',
      out,
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(
      new RegExp(`^Wrote the annual report ${year} to .*rapport\\.csv \\(\\d+ KB\\)\\.\\n$`),
    );
    expect(readFileSync(out)).toEqual(await api(`/api/v1/reports/annual?year=${year}&format=csv`));

    const html = join(folder, 'rapport.html');
    expect((await cli('report', 'annual', '--org', 'gemeente-x', '--out', html)).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>\n<html lang="nl">/);
  });

  it('explains a wrong organisation, year or format', async () => {
    const { cli } = await setUp();
    expect(
      await cli('report', 'annual', '--org', 'bestaat-niet', '--out', '/dev/null'),
    ).toMatchObject({
      code: 1,
      stderr: 'vo-feedback: There is no organisation "bestaat-niet"; see "vo-feedback org list".\n',
    });
    const format = await cli('report', 'annual', '--format', 'pdf');
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^vo-feedback: --format: Use json, csv or html\.\n/);
    const year = new Date().getUTCFullYear() + 2;
    expect((await cli('report', 'annual', '--year', String(year))).code).toBe(1);
  });

  it('refuses a year outside 2000–2100 as a usage error, before reading anything', async () => {
    const { cli } = await setUp();
    for (const year of ['1999', '2101', '9999']) {
      const result = await cli('report', 'annual', '--year', year, '--out', '/dev/null');
      expect(result.code, year).toBe(2);
      expect(result.stderr).toMatch(/^vo-feedback: --year: Give a year from 2000 to 2100\.\n/);
    }
  });
});

describe('vo-feedback export', () => {
  it('writes the export the API streams, as CSV and as XLSX', async () => {
    const { folder, cli, api } = await setUp();
    const today = new Date().toISOString().slice(0, 10);
    const from = `${today.slice(0, 4)}-01-01`;
    const to = `${today.slice(0, 4)}-12-31`;
    const csv = join(folder, 'export.csv');
    const result = await cli('export', 'loket-x', '--from', from, '--to', to, '--out', csv);
    expect(result.code).toBe(0);
    expect(readFileSync(csv)).toEqual(
      await api(`/api/v1/services/loket-x/export?format=csv&from=${from}&to=${to}`),
    );
    expect(readFileSync(csv, 'utf8')).toContain(`;'=1+1;`);

    const xlsx = join(folder, 'export.xlsx');
    expect((await cli('export', 'loket-x', '--format', 'xlsx', '--out', xlsx)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.getWorksheet('Feedback')!.rowCount).toBe(5);
  });

  it('refuses an unknown service or a bad period', async () => {
    const { cli } = await setUp();
    expect((await cli('export', 'bestaat-niet')).code).toBe(1);
    expect(
      (await cli('export', 'loket-x', '--from', '2026-02-01', '--to', '2026-01-01')).code,
    ).toBe(2);
    expect((await cli('export', 'loket-x', '--from', '1 januari')).code).toBe(2);
  });

  it('refuses a period outside 2000–2100 or longer than 3,660 days, naming the flag', async () => {
    const { folder, cli } = await setUp();
    const endless = await cli('export', 'loket-x', '--from', '2000-01-01', '--to', '9999-12-31');
    expect(endless.code).toBe(2);
    expect(endless.stderr).toMatch(
      /^vo-feedback: --to: Give a day from 2000-01-01 to 2100-12-31\.\n/,
    );
    const long = await cli('export', 'loket-x', '--from', '2016-01-01', '--to', '2026-01-08');
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(
      /^vo-feedback: --from: 2016-01-01 to 2026-01-08 spans 3,661 days; give --from and --to at most 3,660 days apart, both included\.\n/,
    );
    expect(
      (await cli('export', 'loket-x', '--from', '1999-12-31', '--to', '2000-01-01')).code,
    ).toBe(2);
    const longest = join(folder, 'longest.csv');
    const accepted = ['--from', '2016-01-01', '--to', '2026-01-07', '--out', longest];
    expect((await cli('export', 'loket-x', ...accepted)).code).toBe(0);
  });
});
