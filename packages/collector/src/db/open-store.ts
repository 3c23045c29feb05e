import { PgStore } from './pg-store.ts';
import type { Store } from '../domain/store.ts';
import { SqliteStore } from './sqlite-store.ts';

/** Opens the store that DATABASE_URL names, with its migrations applied. */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return PgStore.open(databaseUrl);
  return new SqliteStore(databaseUrl);
}
