import type pg from 'pg';
import { isPostgresUrl } from '../config/deps.ts';
import type { Store } from '../domain/store.ts';
import { PgStore } from './pg-store.ts';
import { SqliteStore } from './sqlite-store.ts';

/**
 * Opens the database that DATABASE_URL names, with its migrations applied: its store, and on
 * PostgreSQL the pool it runs on, which the instances' shared rate limits use as well.
 */
export async function openDatabase(
  databaseUrl: string,
  options: { poolSize?: number } = {},
): Promise<{ store: Store; pgPool?: pg.Pool }> {
  if (isPostgresUrl(databaseUrl)) {
    const store = await PgStore.open(databaseUrl, options);
    return { store, pgPool: store.pool };
  }
  return { store: new SqliteStore(databaseUrl) };
}

/** Opens the store that DATABASE_URL names, with its migrations applied. */
export async function openStore(databaseUrl: string): Promise<Store> {
  return (await openDatabase(databaseUrl)).store;
}
