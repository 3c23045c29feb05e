import { describe, expect, it } from 'vitest';
import { ALERT_NOW, DIP, DROP, seedAlertDays, STEADY } from '../test-support/alert-dataset.ts';
import { openTestStore, testDatabaseUrl } from '../test-support/backend.ts';
import { runCliAt } from '../test-support/cli-runner.ts';
import { seedOrganisation } from '../test-support/seed.ts';
import { tempFolder } from '../test-support/temp-dir.ts';

// `vo-feedback alerts check`: one check, as the server makes every hour, on the known dataset.

describe('vo-feedback alerts check', () => {
  it('prints the alerts it raised, one line each, and raises each once a day', async () => {
    const databaseUrl = testDatabaseUrl(tempFolder());
    const store = await openTestStore(databaseUrl);
    await seedOrganisation(store, { id: 'org-a', name: 'Organisatie A' }, [
      { id: 'dienst-a', name: 'Dienst A' },
      { id: 'dienst-b', name: 'Dienst B' },
    ]);
    await seedAlertDays(store, 'dienst-a', ALERT_NOW, { previous: STEADY, recent: DROP });
    await seedAlertDays(store, 'dienst-b', ALERT_NOW, { previous: STEADY, recent: DIP });
    const cli = (at: number) =>
      runCliAt(at, { DATABASE_URL: databaseUrl, MIN_PUBLIC_N: '10' }, 'alerts', 'check');

    const first = await cli(ALERT_NOW);
    expect(first).toMatchObject({
      code: 0,
      stdout:
        '2026-06-15  dienst-a  satisfaction  satisfaction fell from 75.0 % (n=112) to 33.3 % (n=21)\n',
    });
    expect(first.stderr).toBe(
      'Checked 2 active services on 2026-06-15 (MIN_PUBLIC_N=10): 1 alert raised; 0 mails queued.\n',
    );
    const again = await cli(ALERT_NOW + 3_600_000);
    expect(again).toMatchObject({ code: 0, stdout: '' });
    expect(again.stderr).toContain('0 alerts raised, 1 raised earlier today');
  });

  it('says what it is for in the usage', async () => {
    const help = await runCliAt(ALERT_NOW, {}, 'alerts', 'check', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: vo-feedback alerts check');
    expect(help.stdout).toContain('significant drop in satisfaction or a rising theme');
  });
});
