import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProblemSchema, SummarySchema } from '@vo-feedback/shared';
import { describe, expect, it } from 'vitest';
import { openTestStore, testDatabaseUrl } from './backend.ts';
import { runCli } from './cli-runner.ts';
import { json, testCollector } from './fixtures.ts';
import { seedOrganisation } from './seed.ts';
import { tempFolder } from './temp-dir.ts';

// The helpers the collector's tests share, written once here instead of in every test file.

describe('json(response, schema)', () => {
  it('returns the body as sent, typed by its shared schema', async () => {
    const { get, tokenA } = await testCollector();
    const summary = await json(
      await get('/api/v1/services/dienst-a/summary', tokenA),
      SummarySchema,
    );
    // Typed: no `any`, so a misspelt field would not compile.
    const responses: number = summary.responses;
    expect(responses).toBe(0);
    expect(summary.serviceId).toBe('dienst-a');
  });

  it('fails with the status, the field that does not match and the body', async () => {
    const { get } = await testCollector();
    const response = await get('/api/v1/services/dienst-a/summary'); // no token: a problem
    await expect(json(response, SummarySchema)).rejects.toThrow(
      /^401 answered a body that does not match its schema:\n[\s\S]*serviceId[\s\S]*body: \{/,
    );
  });

  it('checks without stripping: a field the schema does not know is still there', async () => {
    const body = { type: '/problems/x', title: 'X', status: 400, detail: 'x', extra: true };
    const parsed = await json(Response.json(body, { status: 400 }), ProblemSchema);
    expect(parsed).toEqual(body);
  });

  it('says so when the body is not JSON at all', async () => {
    await expect(json(new Response('<html>', { status: 500 }))).rejects.toThrow(
      '500 answered a body that is not JSON: <html>',
    );
  });
});

describe('tempFolder()', () => {
  let made = '';
  it('gives a new, empty, writable folder', () => {
    made = tempFolder();
    writeFileSync(join(made, 'a.txt'), 'a');
    expect(existsSync(join(made, 'a.txt'))).toBe(true);
  });

  it('removes it, and what is in it, once the test that asked for it has finished', () => {
    expect(made).not.toBe('');
    expect(existsSync(made)).toBe(false);
  });
});

describe('seedOrganisation() and runCli()', () => {
  it('seeds an organisation with active services that the CLI then lists', async () => {
    const databaseUrl = testDatabaseUrl(tempFolder());
    const store = await openTestStore(databaseUrl);
    await seedOrganisation(store, { id: 'org-x', name: 'Organisatie X' }, [
      { id: 'dienst-x', name: 'Dienst X' },
      { id: 'dienst-y', name: 'Dienst Y', active: false, allowedOrigins: ['https://y.example'] },
    ]);
    expect(await store.getService('dienst-x')).toEqual({
      id: 'dienst-x',
      name: 'Dienst X',
      organisationId: 'org-x',
      allowedOrigins: [],
      active: true,
      publicServiceUri: null,
      helpUrl: null,
      reasons: null,
      target: null,
    });

    const listed = await runCli({ DATABASE_URL: databaseUrl }, 'service', 'list', '--json');

    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { id: 'dienst-x', organisationId: 'org-x', active: true },
      { id: 'dienst-y', organisationId: 'org-x', active: false },
    ]);
  });
});
