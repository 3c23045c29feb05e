import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../cli.ts';
import { ConfigError, hideSecrets, readEnv, withoutPassword } from './env.ts';

const SHORT_TOKEN = 'sh0rt-s3cret';
const PASSWORD = 'hunter2-s3cret';

/** The message readEnv refuses a configuration with. */
function refusal(source: Record<string, string>): string {
  try {
    readEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('TRUST_PROXY', () => {
  it('is the number of proxies in front: 0 by default, any whole number from 0', () => {
    expect(readEnv({}).TRUST_PROXY).toBe(0);
    expect(readEnv({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(0);
    expect(readEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(readEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
  });

  it('refuses what is not a count of proxies', () => {
    for (const value of ['yes', '-1', '1.5']) {
      expect(refusal({ TRUST_PROXY: value })).toMatch(/^Invalid configuration: TRUST_PROXY: /);
    }
  });
});

describe('PUBLIC_URL', () => {
  it('is the collector’s public origin, without a trailing slash; absent by default', () => {
    expect(readEnv({}).PUBLIC_URL).toBeUndefined();
    expect(readEnv({ PUBLIC_URL: 'https://feedback.example.be' }).PUBLIC_URL).toBe(
      'https://feedback.example.be',
    );
    expect(readEnv({ PUBLIC_URL: 'https://feedback.example.be/' }).PUBLIC_URL).toBe(
      'https://feedback.example.be',
    );
  });

  it('refuses what is not an origin', () => {
    for (const value of ['feedback.example.be', 'https://feedback.example.be/f?x=1', 'ftp://x']) {
      expect(refusal({ PUBLIC_URL: value })).toMatch(/^Invalid configuration: PUBLIC_URL: /);
    }
  });
});

describe('REPORT_DEADLINE', () => {
  it('is a day of the following year, MM-DD: 03-31 by default', () => {
    expect(readEnv({}).REPORT_DEADLINE).toBe('03-31');
    expect(readEnv({ REPORT_DEADLINE: '06-30' }).REPORT_DEADLINE).toBe('06-30');
    expect(readEnv({ REPORT_DEADLINE: '12-31' }).REPORT_DEADLINE).toBe('12-31');
  });

  it('refuses what is not a day of every year', () => {
    for (const value of ['3-31', '2027-03-31', '13-01', '00-10', '04-31', '02-29', '03-00']) {
      expect(refusal({ REPORT_DEADLINE: value }), value).toMatch(
        /^Invalid configuration: REPORT_DEADLINE: /,
      );
    }
  });
});

describe('a refused configuration', () => {
  it('names the variable and the rule, never the value', () => {
    const token = refusal({ ADMIN_TOKEN: SHORT_TOKEN });
    expect(token).toBe(
      'Invalid configuration: ADMIN_TOKEN: Use at least 24 random characters (e.g. openssl rand -base64 32).',
    );
    const database = refusal({ DATABASE_URL: `mysql://feedback:${PASSWORD}@db.example/feedback` });
    expect(database).toMatch(/^Invalid configuration: DATABASE_URL: Use file:/);
    expect(database).not.toContain(PASSWORD);
    const redis = refusal({ REDIS_URL: `http://:${PASSWORD}@cache.example:6379` });
    expect(redis).toMatch(/^Invalid configuration: REDIS_URL: /);
    expect(redis).not.toContain(PASSWORD);
    expect(refusal({ PORT: 'eighty' })).toBe('Invalid configuration: PORT: Use a whole number.');
    expect(refusal({ METRICS_TOKEN: SHORT_TOKEN })).toBe(
      'Invalid configuration: METRICS_TOKEN: Use at least 24 random characters (e.g. openssl rand -base64 32).',
    );
  });
});

describe('secrets in what is printed', () => {
  it('a database URL is shown without its password', () => {
    expect(
      withoutPassword(`postgres://feedback:${PASSWORD}@db.example:5432/feedback?schema=x`),
    ).toBe('postgres://feedback:***@db.example:5432/feedback?schema=x');
    expect(withoutPassword('postgres://feedback@db.example/feedback')).toBe(
      'postgres://feedback@db.example/feedback',
    );
    expect(withoutPassword(`not a url ${PASSWORD}`)).not.toContain(PASSWORD);
  });

  it('the configured secrets are masked in any message, also percent-encoded', () => {
    const env = {
      DATABASE_URL: 'postgres://feedback:p%40ss-w0rd@db.example/feedback',
      REDIS_URL: `redis://:${PASSWORD}@cache.example:6379`,
      ADMIN_TOKEN: 'an-admin-token-of-enough-characters',
      METRICS_TOKEN: 'a-metrics-token-of-enough-characters',
    };
    expect(
      hideSecrets(
        'failed: postgres://feedback:p%40ss-w0rd@db.example/feedback p@ss-w0rd ' +
          `${PASSWORD} an-admin-token-of-enough-characters a-metrics-token-of-enough-characters`,
        env,
      ),
    ).toBe('failed: postgres://feedback:***@db.example/feedback *** *** *** ***');
  });
});

// Each start runs the server from source (tsx): seconds each on a busy machine.
describe('the server and the CLI refusing a configuration', { timeout: 60_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'vo-feedback-env-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const collectorDir = fileURLToPath(new URL('../..', import.meta.url));

  /** Starts the server (from source) with this environment; it must stop at once. */
  function startServer(env: Record<string, string>) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: collectorDir,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        DATABASE_URL: `file:${join(folder, 'collector.sqlite')}`,
        ...env,
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it('the server prints the variable and the rule, not the secret', () => {
    const token = startServer({ ADMIN_TOKEN: SHORT_TOKEN });
    expect(token.code).toBe(1);
    expect(token.output).toContain('ADMIN_TOKEN: Use at least 24 random characters');
    expect(token.output).not.toContain(SHORT_TOKEN);

    const database = startServer({ DATABASE_URL: `postgresql:/feedback:${PASSWORD}@db/feedback` });
    expect(database.code).toBe(1);
    expect(database.output).toContain('DATABASE_URL: Use file:');
    expect(database.output).not.toContain(PASSWORD);
  });

  it('a database that cannot be reached is reported without its password', () => {
    const unreachable = startServer({
      DATABASE_URL: `postgres://feedback:${PASSWORD}@127.0.0.1:1/feedback`,
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.output).toMatch(/failed to start/);
    expect(unreachable.output).not.toContain(PASSWORD);
  });

  it('the CLI prints the variable and the rule, not the secret', async () => {
    let stderr = '';
    const code = await main(['org', 'list'], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      env: { DATABASE_URL: `mysql://feedback:${PASSWORD}@db/feedback`, ADMIN_TOKEN: SHORT_TOKEN },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Invalid configuration: (DATABASE_URL|ADMIN_TOKEN): /);
    expect(stderr).not.toContain(PASSWORD);
    expect(stderr).not.toContain(SHORT_TOKEN);
  });
});
