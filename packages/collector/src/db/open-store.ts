import type { Store } from './store.ts';
import { SqliteStore } from './sqlite-store.ts';

/** Opens the store that DATABASE_URL names, with its migrations applied. */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(
      'PostgreSQL is not supported yet; use DATABASE_URL=file:./data/vo-feedback.sqlite.',
    );
  }
  return new SqliteStore(databaseUrl);
}
