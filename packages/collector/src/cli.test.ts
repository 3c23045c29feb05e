import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { hashToken } from './domain/tokens.ts';
import { DAY_MS } from './use-cases/retention.ts';
import { openTestStore, testDatabaseUrl } from './test-support/backend.ts';
import { runCli } from './test-support/cli-runner.ts';
import { tempFolder } from './test-support/temp-dir.ts';

/** A temporary database (file or PostgreSQL schema) and the CLI on it, in-process. */
function cliOnTempDatabase(extraEnv: Record<string, string> = {}) {
  const folder = tempFolder();
  const databaseUrl = testDatabaseUrl(folder);
  const env = { DATABASE_URL: databaseUrl, ...extraEnv };
  const cli = (...argv: string[]) => runCli(env, ...argv);
  /** The collector's app on the same database, as a running server would have it. */
  const openApp = async (now?: () => number) => {
    const store = await openTestStore(databaseUrl);
    return { store, app: createApp({ store, rateLimitPerMinute: 0, ...(now ? { now } : {}) }) };
  };
  return { cli, openApp, databaseUrl, env };
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('vo-feedback CLI', () => {
  it('creates an organisation, a service and a token, lists them, and revokes the token', async () => {
    const { cli, openApp } = cliOnTempDatabase();

    expect(await cli('org', 'add', 'gemeente-gent', 'Stad', 'Gent')).toEqual({
      code: 0,
      stdout: 'Added organisation gemeente-gent (Stad Gent).\n',
      stderr: '',
    });
    const orgs = await cli('org', 'list');
    expect(orgs.code).toBe(0);
    expect(orgs.stdout).toMatch(
      /^ID\s+KIND\s+POLICY DOMAIN\s+NAME\ngemeente-gent\s+-\s+-\s+Stad Gent\n$/,
    );

    const added = await cli(
      'service',
      'add',
      'parkeerkaart',
      '--name',
      'Aanvraag parkeerkaart',
      '--org',
      'gemeente-gent',
      '--origin',
      'https://stad.gent',
      '--origin',
      'https://loket.gent.be',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('https://stad.gent, https://loket.gent.be');

    const listed = await cli('service', 'list', '--org', 'gemeente-gent', '--json');
    expect(JSON.parse(listed.stdout)).toEqual([
      {
        id: 'parkeerkaart',
        name: 'Aanvraag parkeerkaart',
        organisationId: 'gemeente-gent',
        allowedOrigins: ['https://stad.gent', 'https://loket.gent.be'],
        active: true,
        publicServiceUri: null,
        helpUrl: null,
        reasons: null,
        target: null,
      },
    ]);

    const created = await cli(
      'token',
      'create',
      '--label',
      'dashboard Gent',
      '--role',
      'provider',
      '--org',
      'gemeente-gent',
    );
    expect(created.code).toBe(0);
    // stdout is the token alone, for TOKEN=$(vo-feedback token create …); the notice is on stderr.
    const token = created.stdout.trim();
    expect(token).toMatch(/^vof_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toMatch(/Created provider token [0-9a-f-]{36} for gemeente-gent/);
    const tokenId = /token ([0-9a-f-]{36})/.exec(created.stderr)![1]!;

    const tokens = await cli('token', 'list');
    expect(tokens.stdout).toContain(tokenId);
    expect(tokens.stdout).toMatch(
      /provider\s+gemeente-gent\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+active/,
    );
    expect(tokens.stdout).not.toContain(token);
    expect(tokens.stdout).not.toContain(hashToken(token));

    // The collector on the same database accepts the token, and refuses it once revoked.
    const { app, store } = await openApp();
    const before = await app.request('/api/v1/services', bearer(token));
    expect(before.status).toBe(200);
    expect(((await before.json()) as Array<{ id: string }>).map((s) => s.id)).toEqual([
      'parkeerkaart',
    ]);
    expect((await store.findTokenByHash(hashToken(token)))?.id).toBe(tokenId);

    expect(await cli('token', 'revoke', tokenId)).toMatchObject({
      code: 0,
      stdout: `Revoked token ${tokenId}.\n`,
    });
    expect((await app.request('/api/v1/services', bearer(token))).status).toBe(401);
    expect((await cli('token', 'list')).stdout).toMatch(/revoked \d{4}-\d{2}-\d{2}/);
  });

  it('updates only the fields given; a running collector honours new origins after its 5 s cache', async () => {
    const { cli, openApp } = cliOnTempDatabase();
    await cli('org', 'add', 'org-a', 'A');
    await cli(
      'service',
      'add',
      'dienst',
      '--name',
      'Dienst',
      '--org',
      'org-a',
      '--origin',
      'https://a.be',
    );

    let clock = Date.parse('2026-05-04T10:00:00Z');
    const { app, store } = await openApp(() => clock);
    const preflight = (origin: string) =>
      app.request('/api/v1/feedback', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    expect((await preflight('https://a.be')).status).toBe(204);
    expect((await preflight('https://b.be')).status).toBe(403);

    const updated = await cli('service', 'update', 'dienst', '--origin', 'https://B.be');
    expect(updated).toMatchObject({ code: 0, stdout: 'Updated service dienst: allowedOrigins.\n' });
    expect(updated.stderr).toContain('within 5 seconds');
    expect(await store.getService('dienst')).toMatchObject({
      name: 'Dienst',
      organisationId: 'org-a',
      allowedOrigins: ['https://b.be'],
      active: true,
    });

    clock += 6_000;
    expect((await preflight('https://b.be')).status).toBe(204);
    expect((await preflight('https://a.be')).status).toBe(403);

    expect(
      (await cli('service', 'update', 'dienst', '--active', 'false', '--name', 'Oud')).code,
    ).toBe(0);
    expect(await store.getService('dienst')).toMatchObject({ name: 'Oud', active: false });
    const uri = 'https://data.vlaanderen.be/id/publieke-dienstverlening/42';
    await cli('service', 'update', 'dienst', '--public-service-uri', uri);
    expect((await store.getService('dienst'))?.publicServiceUri).toBe(uri);
    await cli('service', 'update', 'dienst', '--public-service-uri', '');
    expect((await store.getService('dienst'))?.publicServiceUri).toBeNull();
  });

  it('prunes comments older than RETENTION_DAYS and says how many', async () => {
    const { cli, openApp } = cliOnTempDatabase({ RETENTION_DAYS: '30' });
    await cli('org', 'add', 'org-a', 'A');
    await cli('service', 'add', 'dienst', '--name', 'Dienst', '--org', 'org-a');
    const { store } = await openApp();
    const old = randomUUID();
    const recent = randomUUID();
    for (const [id, age] of [
      [old, 31],
      [recent, 29],
    ] as const) {
      await store.ingest({
        id,
        serviceId: 'dienst',
        rating: 4,
        comment: 'Een opmerking.',
        lang: 'nl',
        redactions: 0,
        receivedAt: Date.now() - age * DAY_MS,
      });
    }
    const pruned = await cli('prune');
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toMatch(
      /^Removed 1 comment first posted before \d{4}-.*RETENTION_DAYS=30/,
    );
    expect((await store.getFeedback(old))?.comment).toBeNull();
    expect((await store.getFeedback(old))?.rating).toBe(4);
    expect((await store.getFeedback(recent))?.comment).toBe('Een opmerking.');
    expect((await cli('prune')).stdout).toMatch(/^Removed 0 comments/);
  });

  it('answers usage errors with exit code 2 and the usage', async () => {
    const { cli } = cliOnTempDatabase();
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Usage: vo-feedback <command>/);
    for (const name of ['org add', 'service update', 'token create', 'token revoke', 'prune']) {
      expect(none.stderr).toContain(`  ${name} `);
    }

    const cases: Array<[string[], RegExp]> = [
      [['frobnicate'], /"frobnicate" is not a command/],
      [['org'], /org needs a subcommand: add, update, list/],
      [['org', 'remove', 'x'], /"org remove" is not a command; org has: add, update, list/],
      [['org', 'add', 'alleen-id'], /org add takes at least 2 arguments, not 1/],
      [['token', 'revoke'], /token revoke takes 1 argument, not 0/],
      [['service', 'list', '--colour'], /Unknown option '--colour'/],
      [['service', 'add', 'x', '--name'], /--name/],
      [['service', 'update', 'x', '--active', 'misschien'], /--active true or --active false/],
      [['service', 'update', 'x'], /Give at least one change/],
      [['prune', 'now'], /prune takes 0 arguments, not 1/],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      const [first, second] = result.stderr.split('\n');
      expect(first).toMatch(/^vo-feedback: /);
      expect(first).toMatch(message);
      expect(second).toMatch(/^(Usage: vo-feedback |Run "vo-feedback help")/);
    }
  });

  it('prints help on stdout with exit code 0', async () => {
    const { cli } = cliOnTempDatabase();
    const help = await cli('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 done, 1 failed, 2 usage error.');
    const command = await cli('service', 'add', '--help');
    expect(command.code).toBe(0);
    expect(command.stdout).toMatch(/^Usage: vo-feedback service add <id> --name <name> --org/);
    expect((await cli('help', 'token', 'create')).stdout).toContain('--role provider|steering');
  });

  it('answers failures with exit code 1 and one line naming the flag to fix', async () => {
    const { cli } = cliOnTempDatabase();
    await cli('org', 'add', 'org-a', 'A');
    const cases: Array<[string[], RegExp]> = [
      [['org', 'add', 'org-a', 'Again'], /organisation "org-a" exists already/],
      [['org', 'add', 'Org_A', 'A'], /<id>: Use 2–64 lowercase letters/],
      [['service', 'add', 'dienst', '--org', 'org-a'], /--name: Give the service a name/],
      [
        ['service', 'add', 'dienst', '--name', 'D', '--org', 'org-z'],
        /--org: There is no organisation "org-z"; create it first/,
      ],
      [
        [
          'service',
          'add',
          'dienst',
          '--name',
          'D',
          '--org',
          'org-a',
          '--origin',
          'https://a.be/pad',
        ],
        /--origin: .*without a path/,
      ],
      [['service', 'update', 'onbekend', '--name', 'X'], /There is no service "onbekend"/],
      [['token', 'create', '--label', 'x', '--role', 'provider'], /--org: Give the organisationId/],
      [
        ['token', 'create', '--label', 'x', '--role', 'steering', '--org', 'org-a'],
        /Remove the unknown field: organisationId/,
      ],
      [['token', 'create', '--label', 'x', '--role', 'beheerder'], /--role: Give role "provider"/],
      [['token', 'revoke', 'onbekend'], /There is no token "onbekend"/],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^vo-feedback: .*\n$/);
      expect(result.stderr).toMatch(message);
    }
    expect(JSON.parse((await cli('service', 'list', '--json')).stdout)).toEqual([]);
  });

  it('stops with exit code 1 and the variable’s name on invalid configuration', async () => {
    const { code, stderr } = await runCli({ DATABASE_URL: 'mysql://nope' }, 'org', 'list');
    expect(code).toBe(1);
    // The variable and its rule; the value is never repeated (it may hold a password).
    expect(stderr).toMatch(/^vo-feedback: Invalid configuration: DATABASE_URL: Use file:/);
    expect(stderr).not.toContain('mysql://nope');
  });
});

describe('vo-feedback as a process', () => {
  it('runs from the command line with exit codes 0 and 2', async () => {
    const { env, openApp } = cliOnTempDatabase();
    const collector = fileURLToPath(new URL('..', import.meta.url));
    const run = (...argv: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...argv], {
        cwd: collector,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
    const added = run('org', 'add', 'proces-org', 'Proces');
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout).toBe('Added organisation proces-org (Proces).\n');
    const token = run('token', 'create', '--label', 'stuurorgaan', '--role', 'steering');
    expect(token.status).toBe(0);
    const { app } = await openApp();
    expect((await app.request('/api/v1/services', bearer(token.stdout.trim()))).status).toBe(200);
    const wrong = run('org', 'add');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/^vo-feedback: org add takes at least 2 arguments/);
  });
});
