import { describe, expect, it } from 'vitest';
import { AuditLogSchema } from '@vo-feedback/shared';
import { ADMIN_TOKEN, json, testCollector } from '../../test-support/fixtures.ts';
import { runCli } from '../../test-support/cli-runner.ts';
import { testDatabaseUrl } from '../../test-support/backend.ts';
import { tempFolder } from '../../test-support/temp-dir.ts';

// The audit of administration: every change through the admin API (as `admin`) and the CLI (as
// `cli`) is recorded with its target, and read back through the API and the CLI. Never a token.

describe('GET /api/v1/admin/audit', () => {
  it('records each admin change with actor, action and target, and never a token', async () => {
    // A clock that moves a millisecond per reading: entries of the same millisecond would be
    // listed in the order of their random ids, not the order they were made in.
    let clock = Date.now();
    const { admin } = await testCollector({ adminToken: ADMIN_TOKEN, now: () => (clock += 1) });
    expect(
      (await admin('POST', '/organisations', { id: 'org-c', name: 'Organisatie C' })).status,
    ).toBe(201);
    expect(
      (await admin('PATCH', '/organisations/org-c', { policyDomain: 'Welzijn', kind: 'local' }))
        .status,
    ).toBe(200);
    expect(
      (await admin('PATCH', '/services/dienst-a', { name: 'Dienst A, hernoemd' })).status,
    ).toBe(200);
    const created = await json(
      await admin('POST', '/tokens', {
        label: 'team c',
        role: 'provider',
        organisationId: 'org-c',
      }),
    );
    expect((await admin('DELETE', `/tokens/${created.id}`)).status).toBe(204);

    const response = await admin('GET', '/audit');
    expect(response.status).toBe(200);
    const log = await json(response, AuditLogSchema);
    expect(log.entries.map((e) => [e.actor, e.action, e.target])).toEqual([
      ['admin', 'organisation.created', 'organisation:org-c'],
      ['admin', 'organisation.updated', 'organisation:org-c'],
      ['admin', 'service.updated', 'service:dienst-a'],
      ['admin', 'token.created', `token:${created.id}`],
      ['admin', 'token.revoked', `token:${created.id}`],
    ]);
    // Field names, never their values.
    expect(log.entries[1]!.details).toEqual({
      organisationId: 'org-c',
      changed: ['policyDomain', 'kind'],
    });
    expect(log.entries[2]!.details).toMatchObject({ changed: ['name'] });
    expect(log.truncated).toBe(false);
    expect(JSON.stringify(log)).not.toContain(created.token);
    // Entries are in the period asked, by Brussels day.
    const empty = await json(await admin('GET', '/audit?from=2020-01-01&to=2020-12-31'));
    expect(empty.entries).toEqual([]);
    const invalid = await admin('GET', '/audit?from=1999-01-01');
    expect(invalid.status).toBe(400);
  });

  it('records the command line as `cli`, and `vo-feedback audit` reads it', async () => {
    const databaseUrl = testDatabaseUrl(tempFolder());
    const cli = (...argv: string[]) => runCli({ DATABASE_URL: databaseUrl }, ...argv);
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
    const token = await cli('token', 'create', '--label', 'team', '--role', 'steering');
    expect(token.code).toBe(0);
    const listed = await cli('audit', '--json');
    expect(listed.code).toBe(0);
    const entries = JSON.parse(listed.stdout) as {
      actor: string;
      action: string;
      target: string;
    }[];
    expect(entries.map((e) => [e.actor, e.action, e.target.split(':')[0]])).toEqual([
      ['cli', 'organisation.created', 'organisation'],
      ['cli', 'service.created', 'service'],
      ['cli', 'token.created', 'token'],
    ]);
    expect(listed.stdout).not.toContain(token.stdout.trim());
    const table = await cli('audit');
    expect(table.stdout).toMatch(/ACTOR\s+ACTION/);
    expect(table.stdout).toContain('service.created');
    const refused = await cli('audit', '--from', '1999-01-01');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('2000-01-01');
  });
});
