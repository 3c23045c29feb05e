import { describe, expect, it } from 'vitest';
import { openTestStore, testDatabaseUrl } from '../test-support/backend.ts';
import { runCli } from '../test-support/cli-runner.ts';
import { openSession } from '../test-support/sessions.ts';
import { countRows } from '../test-support/sql.ts';
import { tempFolder } from '../test-support/temp-dir.ts';

// The CLI's people: the same use cases as the admin API's /people, run by the operator (the
// platform administrator: every organisation, every role).

function cliOnTempDatabase() {
  const databaseUrl = testDatabaseUrl(tempFolder());
  const cli = (...argv: string[]) => runCli({ DATABASE_URL: databaseUrl }, ...argv);
  return { cli, databaseUrl };
}

describe('vo-feedback people add / list / remove', () => {
  it('registers a manager and a steering person, lists them, removes one and audits it all as cli', async () => {
    const { cli, databaseUrl } = cliOnTempDatabase();
    expect((await cli('org', 'add', 'stad-gent', 'Stad', 'Gent')).code).toBe(0);
    const added = await cli(
      'people',
      'add',
      '--email',
      'An.Peeters@Gent.be',
      '--role',
      'manager',
      '--organisation',
      'stad-gent',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(
      /^Registered manager an\.peeters@gent\.be of stad-gent as [0-9a-f-]{36}\.\n$/,
    );
    const id = /as ([0-9a-f-]{36})\./.exec(added.stdout)![1]!;
    expect(
      (await cli('people', 'add', '--email', 'stuur@vlaanderen.be', '--role', 'steering')).code,
    ).toBe(0);
    const list = await cli('people', 'list');
    expect(list.stdout).toMatch(
      new RegExp(
        `^ID\\s+ROLE\\s+ORGANISATION\\s+LAST SIGN-IN \\(UTC\\)\\s+E-MAIL\\n` +
          `${id}\\s+manager\\s+stad-gent\\s+never\\s+an\\.peeters@gent\\.be\\n` +
          `[0-9a-f-]{36}\\s+steering\\s+-\\s+never\\s+stuur@vlaanderen\\.be\\n$`,
      ),
    );

    // Removing ends the person's sessions.
    const store = await openTestStore(databaseUrl);
    await openSession(store, (await store.getPerson(id))!);
    expect(await countRows(store, 'sessions')).toBe(1);
    const removed = await cli('people', 'remove', id);
    expect(removed).toMatchObject({
      code: 0,
      stdout:
        `Removed an.peeters@gent.be (${id}); their sessions have ended. ` +
        'Webhooks they created, now disabled: 0; tokens they created, now revoked: 0.\n',
    });
    expect(await store.getPerson(id)).toBeUndefined();
    expect(await countRows(store, 'sessions')).toBe(0);
    expect(await store.listPeople()).toHaveLength(1);

    const audit = JSON.parse((await cli('audit', '--json')).stdout) as {
      actor: string;
      action: string;
    }[];
    expect(audit.map((entry) => [entry.actor, entry.action])).toEqual([
      ['cli', 'organisation.created'],
      ['cli', 'person.registered'],
      ['cli', 'person.registered'],
      ['cli', 'person.removed'],
    ]);
  });

  it('names the flag of a field that is wrong', async () => {
    const { cli } = cliOnTempDatabase();
    const noOrganisation = await cli('people', 'add', '--email', 'a@b.be', '--role', 'provider');
    expect(noOrganisation.code).toBe(1);
    expect(noOrganisation.stderr).toContain('--organisation');
    const badAddress = await cli('people', 'add', '--email', 'nope', '--role', 'steering');
    expect(badAddress.code).toBe(1);
    expect(badAddress.stderr).toContain('--email');
    const unknown = await cli('people', 'remove', '00000000-0000-4000-8000-000000000000');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no person');
  });
});
