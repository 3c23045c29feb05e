import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { openTestStore, testDatabaseUrl } from '../test-support/backend.ts';
import { runCli } from '../test-support/cli-runner.ts';
import { tempFolder } from '../test-support/temp-dir.ts';

// The CLI's service configuration (help URL, reasons) and ingest tokens: the same use cases as the
// admin API, run as an operator runs them.

function cliOnTempDatabase() {
  const folder = tempFolder();
  const databaseUrl = testDatabaseUrl(folder);
  const cli = (...argv: string[]) => runCli({ DATABASE_URL: databaseUrl }, ...argv);
  return { cli, folder, databaseUrl };
}

const OWN = [
  {
    code: 'wachttijd',
    labels: { nl: 'Ik moest te lang wachten', fr: 'Attente', en: 'Waiting', de: 'Wartezeit' },
  },
];

describe('vo-feedback service update --help-url --reasons-file', () => {
  it('sets the help URL and the reasons, which the public config then answers', async () => {
    const { cli, folder, databaseUrl } = cliOnTempDatabase();
    expect((await cli('org', 'add', 'gemeente-gent', 'Stad Gent')).code).toBe(0);
    expect(
      (
        await cli(
          'service',
          'add',
          'parkeerkaart',
          '--name',
          'Parkeerkaart',
          '--org',
          'gemeente-gent',
        )
      ).code,
    ).toBe(0);
    const file = join(folder, 'reasons.json');
    writeFileSync(file, JSON.stringify(OWN));

    const updated = await cli(
      'service',
      'update',
      'parkeerkaart',
      '--help-url',
      'https://stad.gent/contact',
      '--reasons-file',
      file,
    );
    expect(updated).toMatchObject({
      code: 0,
      stdout: 'Updated service parkeerkaart: helpUrl, reasons.\n',
    });

    const store = await openTestStore(databaseUrl);
    const app = createApp({ store, rateLimitPerMinute: 0 });
    const config = await app.request('/api/v1/public/services/parkeerkaart/config');
    expect(await config.json()).toEqual({
      serviceId: 'parkeerkaart',
      helpUrl: 'https://stad.gent/contact',
      reasons: OWN,
    });
  });

  it('refuses a reasons file that is missing, not JSON or breaks the contract', async () => {
    const { cli, folder } = cliOnTempDatabase();
    await cli('org', 'add', 'gemeente-gent', 'Stad Gent');
    await cli('service', 'add', 'parkeerkaart', '--name', 'Parkeerkaart', '--org', 'gemeente-gent');
    const missing = await cli(
      'service',
      'update',
      'parkeerkaart',
      '--reasons-file',
      join(folder, 'nee.json'),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read the reasons file');
    const notJson = join(folder, 'kapot.json');
    writeFileSync(notJson, '[{');
    expect(
      (await cli('service', 'update', 'parkeerkaart', '--reasons-file', notJson)).stderr,
    ).toContain('is not JSON');
    const twice = join(folder, 'twice.json');
    writeFileSync(twice, JSON.stringify([...OWN, ...OWN]));
    const refused = await cli('service', 'update', 'parkeerkaart', '--reasons-file', twice);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--reasons-file');
    const insecure = await cli(
      'service',
      'update',
      'parkeerkaart',
      '--help-url',
      'http://stad.gent',
    );
    expect(insecure.code).toBe(1);
    expect(insecure.stderr).toContain('--help-url');
  });
});

describe('vo-feedback token create --role ingest', () => {
  it('creates an ingest token of one organisation that may post for its services', async () => {
    const { cli, databaseUrl } = cliOnTempDatabase();
    await cli('org', 'add', 'gemeente-gent', 'Stad Gent');
    await cli('service', 'add', 'parkeerkaart', '--name', 'Parkeerkaart', '--org', 'gemeente-gent');
    const created = await cli(
      'token',
      'create',
      '--label',
      'contactcenter',
      '--role',
      'ingest',
      '--org',
      'gemeente-gent',
    );
    expect(created.code).toBe(0);
    expect(created.stderr).toContain('Created ingest token');
    const token = created.stdout.trim();

    const store = await openTestStore(databaseUrl);
    const app = createApp({ store, rateLimitPerMinute: 0 });
    const posted = await app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        id: crypto.randomUUID(),
        serviceId: 'parkeerkaart',
        rating: 2,
        lang: 'nl',
        channel: 'phone',
        reasons: ['too-slow'],
      }),
    });
    expect(posted.status).toBe(201);
    const withoutOrg = await cli('token', 'create', '--label', 'x', '--role', 'ingest');
    expect(withoutOrg.code).toBe(1);
    expect(withoutOrg.stderr).toContain('--org');
  });
});
