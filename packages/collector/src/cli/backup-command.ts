import { closeSync, existsSync, fsyncSync, openSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { sqlitePath } from '../db/sqlite-store.ts';
import { fileSize, type Command } from './command.ts';

// `backup <file>`: a consistent copy of the live SQLite database, taken while the collector keeps
// serving. SQLite's online backup API copies the pages as one read transaction sees them; in WAL
// mode a reader never blocks the writer, so submissions go on being stored meanwhile.

/** So that the copy is taken in one step, as one snapshot (see `backupSqlite`). */
const ALL_PAGES = 0x7fffffff;

export interface BackupResult {
  submissions: number;
  services: number;
  bytes: number;
}

/**
 * Copies the SQLite database at `source` to `target` (which must not exist yet): online backup
 * in one step, the copy switched to a single-file journal, checked with `PRAGMA
 * integrity_check`, synced to disk, and only then given its name.
 */
export async function backupSqlite(source: string, target: string): Promise<BackupResult> {
  if (existsSync(target)) {
    throw new Error(
      `${target} already exists; a backup never overwrites a file. Choose a new name.`,
    );
  }
  if (resolve(source) === resolve(target))
    throw new Error('The backup cannot be the database itself.');
  const partial = `${target}.part`;
  await rm(partial, { force: true });
  const database = new Database(source, { fileMustExist: true });
  try {
    database.pragma('busy_timeout = 5000');
    // better-sqlite3 copies 100 pages per step by default, releasing the read lock in between; a
    // write by the server between two steps restarts the copy, so under steady ingest a large
    // database might never finish. One step for every page is one snapshot, and cannot restart.
    await database.backup(partial, { progress: () => ALL_PAGES });
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    database.close();
  }

  let result: Omit<BackupResult, 'bytes'>;
  const copy = new Database(partial, { fileMustExist: true });
  try {
    // The copy inherits WAL mode from the live database; a backup should be one self-contained
    // file, with no -wal or -shm beside it.
    copy.pragma('journal_mode = DELETE');
    const integrity = copy.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
      throw new Error(
        `The copy failed its integrity check: ${integrity.map((r) => r.integrity_check).join('; ')}`,
      );
    }
    const count = (table: string) =>
      (copy.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    result = { submissions: count('feedback'), services: count('services') };
  } catch (error) {
    copy.close();
    await rm(partial, { force: true });
    throw error;
  }
  copy.close();

  const fd = openSync(partial, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  await rename(partial, target);
  // The new name is durable only once the folder itself is synced.
  const folder = openSync(dirname(resolve(target)), 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
  return { ...result, bytes: (await stat(target)).size };
}

export const backupCommand: Command = {
  name: 'backup',
  args: '<file>',
  summary:
    'write a consistent copy of the SQLite database to <file> while the collector runs (PostgreSQL: use pg_dump)',
  positionals: [1, 1],
  async run(input, context) {
    const url = context.env.DATABASE_URL;
    if (/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        'backup copies SQLite databases. For PostgreSQL use pg_dump, the consistent online ' +
          'backup of PostgreSQL itself, e.g.: pg_dump --format=custom --file=vo-feedback.dump "$DATABASE_URL"',
      );
    }
    const source = sqlitePath(url);
    if (source === ':memory:') {
      throw new Error(
        'DATABASE_URL=:memory: is a database in memory; there is no file to back up.',
      );
    }
    if (!existsSync(source)) throw new Error(`There is no database at ${source}.`);
    const target = input.positionals[0]!;
    const result = await backupSqlite(source, target);
    context.out(
      `Backed up ${source} to ${target} (${fileSize(result.bytes)}): ${result.submissions} ` +
        `submission${result.submissions === 1 ? '' : 's'}, ${result.services} ` +
        `service${result.services === 1 ? '' : 's'}; integrity check ok.`,
    );
  },
};
