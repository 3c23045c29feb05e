import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server of the tests: the machine's own, database `test`, trust auth. */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Every test schema starts with this, so a crashed run's leftovers can be found and dropped. */
export const TEST_SCHEMA_PREFIX = 'vof_test_';

/** A DATABASE_URL with a new, empty schema of its own (created by the store on open). */
export function freshPostgresUrl(): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set('schema', `${TEST_SCHEMA_PREFIX}${randomBytes(6).toString('hex')}`);
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

/** Drops every test schema: the end of a run, and the clean-up after a crashed one. */
export async function dropAllTestSchemas(): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `select nspname as name from pg_namespace where nspname like $1`,
      [`${TEST_SCHEMA_PREFIX}%`],
    );
    for (const { name } of rows) await client.query(`drop schema if exists "${name}" cascade`);
  } finally {
    await client.end();
  }
}
