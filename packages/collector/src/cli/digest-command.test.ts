import { onTestFinished, describe, expect, it } from 'vitest';
import { newUnsubscribeToken } from '../domain/mail.ts';
import { openTestStore, testDatabaseUrl } from '../test-support/backend.ts';
import { runCli, runCliAt } from '../test-support/cli-runner.ts';
import { MAIL_FROM, MAIL_PUBLIC_URL } from '../test-support/mail-fixture.ts';
import { seedOrganisation } from '../test-support/seed.ts';
import { startSmtpServer } from '../test-support/smtp-test-server.ts';
import { sqlRows } from '../test-support/sql.ts';
import { tempFolder } from '../test-support/temp-dir.ts';

// `vo-feedback digests send --now`: every digest subscriber gets the digest of the period so far
// at once, through the SMTP server of SMTP_URL; each run is its own send; what the server refuses
// stays queued for the collector's worker, and the command says so (exit 1).

async function setUp() {
  const folder = tempFolder();
  const databaseUrl = testDatabaseUrl(folder);
  const store = await openTestStore(databaseUrl);
  await seedOrganisation(store, { id: 'gemeente-x', name: 'Gemeente X' }, [
    { id: 'loket-x', name: 'Loket X' },
  ]);
  for (const [email, frequency] of [
    ['week@gemeente-x.be', 'weekly'],
    ['maand@gemeente-x.be', 'monthly'],
    ['alarm@gemeente-x.be', 'alerts'],
  ] as const) {
    await store.createSubscription({
      id: crypto.randomUUID(),
      organisationId: 'gemeente-x',
      email,
      frequency,
      serviceIds: null,
      unsubscribeToken: newUnsubscribeToken(),
      createdAt: Date.now(),
      createdBy: 'test',
    });
  }
  const smtp = await startSmtpServer();
  onTestFinished(() => smtp.close());
  const env = {
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtp.url,
    MAIL_FROM,
    PUBLIC_URL: MAIL_PUBLIC_URL,
  };
  const cli = (extra: Record<string, string | undefined>, ...argv: string[]) =>
    runCli({ ...env, ...extra }, ...argv);
  return { store, smtp, cli, env };
}

describe('vo-feedback digests send --now', () => {
  it('sends every digest subscriber the period so far, each run its own send', async () => {
    const { smtp, cli, store } = await setUp();
    const first = await cli({}, 'digests', 'send', '--now');
    expect(first).toMatchObject({ code: 0, stdout: 'Sent 2 digests, 0 failed.\n', stderr: '' });
    const mails = await smtp.waitFor(2);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['maand@gemeente-x.be', 'week@gemeente-x.be']);
    const weekly = mails.find((m) => m.to[0] === 'week@gemeente-x.be')!;
    expect(weekly.parsed.subject).toMatch(/^Weekoverzicht feedback tot nu toe: .* – Gemeente X$/);
    expect(weekly.parsed.text).toContain('De cijfers tot nu toe van');
    expect(weekly.parsed.text).toContain('Loket X');
    expect(weekly.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    // Again: a second look, sent again; --frequency takes one kind.
    const second = await cli({}, 'digests', 'send', '--now', '--frequency', 'monthly');
    expect(second).toMatchObject({ code: 0, stdout: 'Sent 1 digest, 0 failed.\n' });
    expect((await smtp.waitFor(3)).at(-1)!.to).toEqual(['maand@gemeente-x.be']);
    const rows = await sqlRows(
      store,
      "select count(*) as n from mail_outbox where status = 'sent'",
    );
    expect(Number(rows[0]!.n)).toBe(3);
  });

  it('compares the days so far with the same days of the week and month before', async () => {
    const { smtp, env } = await setUp();
    // Wednesday 3 June 2026: Monday–Wednesday; and 31 March 2026: February has 28 days.
    const wednesday = Date.parse('2026-06-03T10:00:00+02:00');
    expect(
      (await runCliAt(wednesday, env, 'digests', 'send', '--now', '--frequency', 'weekly')).code,
    ).toBe(0);
    const endOfMarch = Date.parse('2026-03-31T10:00:00+02:00');
    expect(
      (await runCliAt(endOfMarch, env, 'digests', 'send', '--now', '--frequency', 'monthly')).code,
    ).toBe(0);
    const [week, month] = (await smtp.waitFor(2)).map((mail) =>
      (mail.parsed.text ?? '').replace(/\u00a0/g, ' '),
    );
    expect(week).toContain(
      'De cijfers tot nu toe van 1 juni 2026 tot en met 3 juni 2026, per dienst. De verandering is vergeleken met dezelfde dagen van vorige week: 25 mei 2026 tot en met 27 mei 2026.',
    );
    expect(month).toContain(
      'De cijfers tot nu toe van 1 maart 2026 tot en met 31 maart 2026, per dienst. De verandering is vergeleken met dezelfde dagen van vorige maand: 1 februari 2026 tot en met 28 februari 2026.',
    );
  });

  it('names the variable to set when mail is not configured, and checks its arguments', async () => {
    const { cli } = await setUp();
    const none = await cli(
      { SMTP_URL: undefined, MAIL_FROM: undefined },
      'digests',
      'send',
      '--now',
    );
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^vo-feedback: SMTP_URL: /);
    const noSender = await cli({ MAIL_FROM: undefined }, 'digests', 'send', '--now');
    expect(noSender.code).toBe(1);
    expect(noSender.stderr).toContain('MAIL_FROM');
    const noUrl = await cli({ PUBLIC_URL: undefined }, 'digests', 'send', '--now');
    expect(noUrl.code).toBe(1);
    expect(noUrl.stderr).toContain('PUBLIC_URL');
    expect((await cli({}, 'digests', 'send')).code).toBe(2);
    const daily = await cli({}, 'digests', 'send', '--now', '--frequency', 'daily');
    expect(daily.code).toBe(2);
    expect(daily.stderr).toContain('--frequency weekly or --frequency monthly');
  });

  it('keeps what the SMTP server did not take for the worker, says so and fails, never showing the password', async () => {
    const { cli, store } = await setUp();
    const gone = await startSmtpServer();
    await gone.close();
    const url = gone.url.replace('smtp://', 'smtp://collector:pw-s3cr3t-x@');
    const result = await cli(
      { SMTP_URL: url },
      'digests',
      'send',
      '--now',
      '--frequency',
      'weekly',
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('Sent 0 digests, 1 failed.\n');
    expect(result.stderr).toContain('1 digest was not accepted by the SMTP server');
    expect(result.stdout + result.stderr).not.toContain('pw-s3cr3t-x');
    const rows = await sqlRows(store, 'select status, attempts from mail_outbox');
    expect(rows).toEqual([{ status: 'pending', attempts: 1 }]);
  });
});
