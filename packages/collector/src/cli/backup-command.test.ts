import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { issueToken } from '../use-cases/administration.ts';
import { createApp } from '../app.ts';
import { SqliteStore } from '../db/sqlite-store.ts';
import { runCli } from '../test-support/cli-runner.ts';
import { databaseProblems } from '../test-support/invariants.ts';
import { seedOrganisation } from '../test-support/seed.ts';
import { tempFolder } from '../test-support/temp-dir.ts';

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

/** The CLI as its own process, as an operator runs it beside the live server. */
function cliProcess(env: Record<string, string>, ...argv: string[]) {
  const collector = fileURLToPath(new URL('../..', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...argv], {
    cwd: collector,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

/** A live collector on a database file: the app, its store, a provider token. */
async function liveCollector(folder: string) {
  const databaseUrl = `file:${join(folder, 'live.sqlite')}`;
  const store = new SqliteStore(databaseUrl);
  stores.push(store);
  await seedOrganisation(store, { id: 'org-a', name: 'Organisatie A' }, [
    { id: 'dienst-a', name: 'dienst-a' },
    { id: 'dienst-b', name: 'dienst-b' },
  ]);
  const { token } = await issueToken(store, {
    label: 'a',
    role: 'provider',
    organisationId: 'org-a',
  });
  const app = createApp({ store, rateLimitPerMinute: 0 });
  return { databaseUrl, store, app, token };
}

type Row = Record<string, unknown>;

function tableRows(path: string, table: string): Row[] {
  const database = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return database.prepare(`select * from ${table} order by 1, 2, 3`).all() as Row[];
  } finally {
    database.close();
  }
}

const TABLES = [
  'organisations',
  'services',
  'tokens',
  'feedback',
  'daily_rollups',
  'daily_impressions',
  '__drizzle_migrations',
];

describe('vo-feedback backup', () => {
  it('copies a live database under concurrent writes: the copy is whole, consistent and holds every acknowledged submission', async () => {
    const folder = tempFolder();
    const { databaseUrl, store, app, token } = await liveCollector(folder);
    const source = databaseUrl.slice('file:'.length);

    // 16 clients post through the app without pause until told to stop.
    const acknowledged: string[] = [];
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop; i += 1) {
        const id = randomUUID();
        const response = await app.request('/api/v1/feedback', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            id,
            serviceId: n % 2 ? 'dienst-a' : 'dienst-b',
            rating: ((n + i) % 5) + 1,
            lang: 'nl',
            outcome: i % 3 ? 'completed' : undefined,
            comment: i % 4 ? undefined : `Opmerking ${n}-${i}`,
          }),
        });
        expect(response.status).toBe(201);
        acknowledged.push(id);
        if (i % 10 === 0)
          await app.request('/api/v1/impressions', {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: 'http://localhost' },
            body: JSON.stringify({ serviceId: 'dienst-a' }),
          });
      }
    };
    const clients = Array.from({ length: 16 }, (_, n) => client(n));
    while (acknowledged.length < 3000) await new Promise((resolve) => setTimeout(resolve, 10));

    const before = [...acknowledged];
    const backup = join(folder, 'backup.sqlite');
    const run = await cliProcess({ DATABASE_URL: databaseUrl }, 'backup', backup);
    const duringBackup = acknowledged.length - before.length;
    stop = true;
    await Promise.all(clients);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Backed up .*live\.sqlite to .*backup\.sqlite \([\d.]+ [KM]B\): \d+ submissions, 2 services; integrity check ok\.\n$/,
    );
    // The server went on storing while the backup ran.
    expect(duringBackup).toBeGreaterThan(0);

    // One self-contained file: no journal beside it, nothing half-written left.
    expect(existsSync(`${backup}-wal`)).toBe(false);
    expect(existsSync(`${backup}.part`)).toBe(false);
    const copy = new Database(backup, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      copy.close();
    }

    // Every submission acknowledged before the backup began is in the copy, exactly as stored;
    // the copy has no row the live database does not have.
    const live = new Map(tableRows(source, 'feedback').map((row) => [row.id, row]));
    const copied = tableRows(backup, 'feedback');
    const copiedIds = new Set(copied.map((row) => row.id));
    expect(before.filter((id) => !copiedIds.has(id))).toEqual([]);
    for (const row of copied) expect(row).toEqual(live.get(row.id));
    expect(run.stdout).toContain(` ${copied.length} submissions`);

    // One snapshot: its rollups equal a recount of its own rows (a copy pieced together from
    // several moments would count rows it does not have, or miss rows it has).
    const restored = new SqliteStore(`file:${backup}`);
    stores.push(restored);
    expect(await databaseProblems(restored)).toEqual([]);
    expect(copied.length).toBeGreaterThanOrEqual(before.length);

    // Restore and compare: a backup of the quiet database equals it table by table, and the
    // collector on the restored file answers as the live one does.
    const quiet = join(folder, 'quiet.sqlite');
    expect((await runCli({ DATABASE_URL: databaseUrl }, 'backup', quiet)).code).toBe(0);
    for (const table of TABLES) {
      expect(tableRows(quiet, table), table).toEqual(tableRows(source, table));
    }
    const restoredStore = new SqliteStore(`file:${quiet}`);
    stores.push(restoredStore);
    const restoredApp = createApp({ store: restoredStore, rateLimitPerMinute: 0 });
    for (const path of [
      '/api/v1/services/dienst-a/summary',
      '/api/v1/services/dienst-b/summary',
      '/api/v1/services/dienst-a/feedback?limit=100',
    ]) {
      const headers = { authorization: `Bearer ${token}` };
      const a = await app.request(path, { headers });
      const b = await restoredApp.request(path, { headers });
      expect(b.status).toBe(200);
      expect(await b.json()).toEqual(await a.json());
    }
    await store.close();
  }, 60_000);

  it('refuses to overwrite a file, and leaves it as it was', async () => {
    const folder = tempFolder();
    const { databaseUrl } = await liveCollector(folder);
    const target = join(folder, 'bestaand.sqlite');
    writeFileSync(target, 'niet overschrijven');
    const run = await runCli({ DATABASE_URL: databaseUrl }, 'backup', target);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^vo-feedback: .*bestaand\.sqlite already exists/);
    expect(readFileSync(target, 'utf8')).toBe('niet overschrijven');
  });

  it('says so when there is no database file, or it is in memory', async () => {
    const folder = tempFolder();
    const missing = await runCli(
      { DATABASE_URL: `file:${join(folder, 'geen.sqlite')}` },
      'backup',
      join(folder, 'b.sqlite'),
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^vo-feedback: There is no database at .*geen\.sqlite\.\n$/);
    expect(existsSync(join(folder, 'geen.sqlite'))).toBe(false);
    const memory = await runCli({ DATABASE_URL: ':memory:' }, 'backup', join(folder, 'b.sqlite'));
    expect(memory.code).toBe(1);
    expect(memory.stderr).toContain('no file to back up');
    expect(existsSync(join(folder, 'b.sqlite'))).toBe(false);
  });

  it('points to pg_dump on PostgreSQL, without connecting', async () => {
    const folder = tempFolder();
    const run = await runCli(
      { DATABASE_URL: 'postgres://vo@127.0.0.1:1/vo' },
      'backup',
      join(folder, 'b.dump'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^vo-feedback: backup copies SQLite databases\. For PostgreSQL use pg_dump/,
    );
    expect(existsSync(join(folder, 'b.dump'))).toBe(false);
  });

  it('takes exactly one file argument', async () => {
    const run = await runCli({}, 'backup');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: vo-feedback backup <file>');
  });
});
