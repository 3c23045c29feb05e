import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server of the tests: the machine's own, database `test`, trust auth. */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Every test schema starts with this, so a crashed run's leftovers can be found and dropped. */
export const TEST_SCHEMA_PREFIX = 'vof_test_';

/**
 * The tag of this test run in every schema it creates: the `collector-pg` project sets
 * VOF_TEST_RUN so that its clean-up drops its own schemas and never those of a run that another
 * engineer (or CI job) has going at the same time on the same server. It starts with the start
 * time, so that leftovers of a crashed run can be recognised by age.
 */
const RUN = process.env.VOF_TEST_RUN ?? testRunTag();

/** A new run tag: the start time in seconds, base 36, and a random part. */
export function testRunTag(at = Date.now()): string {
  return `${Math.floor(at / 1000).toString(36)}_${randomBytes(2).toString('hex')}`;
}

/** A DATABASE_URL with a new, empty schema of its own (created by the store on open). */
export function freshPostgresUrl(): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set('schema', `${TEST_SCHEMA_PREFIX}${RUN}_${randomBytes(6).toString('hex')}`);
  return url.toString();
}

/** Drops the schema a URL names, with everything in it. */
export async function dropSchema(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema');
  if (!schema?.startsWith(TEST_SCHEMA_PREFIX)) return;
  url.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/**
 * Drops test schemas: those of one run (`run`), or those older than `olderThanMs` (the leftovers
 * of crashed runs; a schema without a readable run tag counts as old), or, with neither, all.
 */
export async function dropAllTestSchemas(
  options: { run?: string; olderThanMs?: number } = {},
): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `select nspname as name from pg_namespace where nspname like $1`,
      [`${TEST_SCHEMA_PREFIX}%`],
    );
    for (const { name } of rows) {
      if (options.run !== undefined && !name.startsWith(`${TEST_SCHEMA_PREFIX}${options.run}_`)) {
        continue;
      }
      if (options.olderThanMs !== undefined) {
        const time = name.slice(TEST_SCHEMA_PREFIX.length).split('_')[0]!;
        const started = /^[0-9a-z]{6,8}$/.test(time) ? parseInt(time, 36) * 1000 : 0;
        if (Date.now() - started < options.olderThanMs) continue;
      }
      await client.query(`drop schema if exists "${name}" cascade`);
    }
  } finally {
    await client.end();
  }
}
