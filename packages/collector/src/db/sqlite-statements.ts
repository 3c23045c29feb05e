import type Database from 'better-sqlite3';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { statement } from './queries.ts';

/** A shared statement (queries.ts), prepared once: `run` and `get` take its named values. */
export function prepareNamed(sqlite: Database.Database, query: Parameters<typeof statement>[1]) {
  const { text, values } = statement(new SQLiteSyncDialect(), query);
  const prepared = sqlite.prepare(text);
  return {
    run: (named: object) => prepared.run(...values(named)),
    get: (named: object) => prepared.get(...values(named)),
  };
}

export type PreparedNamed = ReturnType<typeof prepareNamed>;
