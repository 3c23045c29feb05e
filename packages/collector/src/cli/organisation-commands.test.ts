import { describe, expect, it } from 'vitest';
import { openTestStore, testDatabaseUrl } from '../test-support/backend.ts';
import { runCli } from '../test-support/cli-runner.ts';
import { tempFolder } from '../test-support/temp-dir.ts';

// The CLI's organisations (policy domain, kind) and service targets: the same use cases as the
// admin API, run as an operator runs them.

function cliOnTempDatabase() {
  const databaseUrl = testDatabaseUrl(tempFolder());
  const cli = (...argv: string[]) => runCli({ DATABASE_URL: databaseUrl }, ...argv);
  return { cli, databaseUrl };
}

describe('vo-feedback org add / org update', () => {
  it('stores a policy domain and a kind, changes only what is given, and audits the names', async () => {
    const { cli, databaseUrl } = cliOnTempDatabase();
    const added = await cli(
      'org',
      'add',
      'stad-gent',
      'Stad',
      'Gent',
      '--policy-domain',
      'Binnenlands Bestuur',
      '--kind',
      'local',
    );
    expect(added).toMatchObject({ code: 0, stdout: 'Added organisation stad-gent (Stad Gent).\n' });
    const updated = await cli('org', 'update', 'stad-gent', '--kind', 'flemish', '--name', 'Gent');
    expect(updated).toMatchObject({
      code: 0,
      stdout: 'Updated organisation stad-gent: name, kind.\n',
    });
    const list = await cli('org', 'list');
    expect(list.stdout).toMatch(
      /^ID\s+KIND\s+POLICY DOMAIN\s+NAME\nstad-gent\s+flemish\s+Binnenlands Bestuur\s+Gent\n$/,
    );
    const cleared = await cli('org', 'update', 'stad-gent', '--policy-domain', '');
    expect(cleared.code).toBe(0);
    const store = await openTestStore(databaseUrl);
    expect(await store.getOrganisation('stad-gent')).toEqual({
      id: 'stad-gent',
      name: 'Gent',
      policyDomain: null,
      kind: 'flemish',
    });
    const audit = JSON.parse((await cli('audit', '--json')).stdout) as {
      action: string;
      details: unknown;
    }[];
    expect(audit.map((entry) => entry.action)).toEqual([
      'organisation.created',
      'organisation.updated',
      'organisation.updated',
    ]);
    expect(audit[1]!.details).toEqual({ organisationId: 'stad-gent', changed: ['name', 'kind'] });
  });

  it('names the flag of a field that is wrong, and needs at least one change', async () => {
    const { cli } = cliOnTempDatabase();
    const wrongKind = await cli('org', 'add', 'stad-gent', 'Stad Gent', '--kind', 'federal');
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.stderr).toContain('--kind');
    await cli('org', 'add', 'stad-gent', 'Stad Gent');
    const nothing = await cli('org', 'update', 'stad-gent');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain(
      'Give at least one change: --name, --policy-domain or --kind.',
    );
    const unknown = await cli('org', 'update', 'bestaat-niet', '--kind', 'local');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no organisation "bestaat-niet".');
    const long = await cli('org', 'update', 'stad-gent', '--policy-domain', 'x'.repeat(81));
    expect(long.code).toBe(1);
    expect(long.stderr).toContain('--policy-domain');
  });
});

describe('vo-feedback service add / update --target', () => {
  it('sets a target (a decimal comma too), removes it with "", and refuses what is no share', async () => {
    const { cli, databaseUrl } = cliOnTempDatabase();
    await cli('org', 'add', 'stad-gent', 'Stad Gent');
    const added = await cli(
      'service',
      'add',
      'parkeerkaart',
      '--name',
      'Parkeerkaart',
      '--org',
      'stad-gent',
      '--target',
      '0.8',
    );
    expect(added.code).toBe(0);
    const store = await openTestStore(databaseUrl);
    expect((await store.getService('parkeerkaart'))?.target).toBe(0.8);
    const comma = await cli('service', 'update', 'parkeerkaart', '--target', '0,75');
    expect(comma).toMatchObject({ code: 0, stdout: 'Updated service parkeerkaart: target.\n' });
    expect((await store.getService('parkeerkaart'))?.target).toBe(0.75);
    const tooHigh = await cli('service', 'update', 'parkeerkaart', '--target', '80');
    expect(tooHigh.code).toBe(1);
    expect(tooHigh.stderr).toContain('--target');
    const notANumber = await cli('service', 'update', 'parkeerkaart', '--target', 'hoog');
    expect(notANumber.code).toBe(2);
    expect(notANumber.stderr).toContain('Give --target as a number from 0 to 1');
    expect((await cli('service', 'update', 'parkeerkaart', '--target', '')).code).toBe(0);
    expect((await store.getService('parkeerkaart'))?.target).toBeNull();
  });
});
