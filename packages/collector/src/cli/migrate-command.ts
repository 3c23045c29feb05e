import { COPIED_TABLES, copySqliteToPostgres } from '../db/copy-to-postgres.ts';
import { PgStore } from '../db/pg-store.ts';
import { SqliteStore } from '../db/sqlite-store.ts';
import { table, UsageError, type Command } from './command.ts';

/** A URL fit to print: without its password. */
function shown(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';
  return url.toString();
}

/**
 * `migrate-to postgres://…`: moves a collector from SQLite to PostgreSQL. Copies everything of
 * the SQLite database at DATABASE_URL (organisations, services, token hashes, feedback, daily
 * rollups and impressions) into an empty PostgreSQL database or schema, verifies it and prints
 * the counts. The SQLite file is only read, but for the webhook events still waiting after ingest,
 * which are written to its outbox first (and then copied with it).
 */
export const migrateCommand: Command = {
  name: 'migrate-to',
  args: '<postgres://user@host/database[?schema=name]>',
  summary: 'copy the SQLite database at DATABASE_URL into an empty PostgreSQL database, verified',
  positionals: [1, 1],
  async run({ positionals: [targetUrl] }, context) {
    if (!/^postgres(ql)?:\/\//.test(targetUrl!)) {
      throw new UsageError(
        `The target must be a PostgreSQL URL (postgres://user@host/database), not "${targetUrl}".`,
        this,
      );
    }
    const source = await context.store();
    if (!(source instanceof SqliteStore)) {
      throw new UsageError(
        'DATABASE_URL must name the SQLite database to copy from (file:./data/vo-feedback.sqlite).',
        this,
      );
    }
    const target = await PgStore.open(targetUrl!, { poolSize: 1 });
    try {
      // A snapshot: what a running collector stores after it stays behind in SQLite.
      context.notice(
        `Copying ${context.env.DATABASE_URL} to ${shown(targetUrl!)} (stop the collector first: ` +
          'submissions stored after this moment are not copied) …',
      );
      const counts = await copySqliteToPostgres(source, target);
      const rows = COPIED_TABLES.map((t) => [t.name, String(counts[t.name])]);
      for (const line of table([['TABLE', 'ROWS'], ...rows])) context.out(line);
      context.out(
        'Verified: every table holds as many rows as in SQLite, and every daily rollup equals a ' +
          'recount of the copied feedback.',
      );
      context.notice(`Next: set DATABASE_URL=${shown(targetUrl!)} and start the collectors.`);
    } finally {
      await target.close();
    }
  },
};
