import type pg from 'pg';
import type { Store } from '../domain/store.ts';

/** The type id of PostgreSQL's numeric. */
const NUMERIC = 1700;

type Row = Record<string, unknown>;

/**
 * Runs a read query on either store, for tests that look at what is really stored. Write the
 * SQL portably (no `sum(x = 1)`, `?` placeholders); numbers come back as numbers on both.
 */
export async function sqlRows(store: Store, sql: string, params: unknown[] = []): Promise<Row[]> {
  if ('sqlite' in store) {
    const sqlite = (
      store as { sqlite: { prepare(s: string): { all(...p: unknown[]): unknown[] } } }
    ).sqlite;
    return sqlite.prepare(sql).all(...params) as Row[];
  }
  if ('pool' in store) {
    const pool = (store as { pool: Pick<pg.Pool, 'query'> }).pool;
    let n = 0;
    const { rows, fields } = await pool.query<Row>(
      sql.replace(/\?/g, () => `$${++n}`),
      params,
    );
    // pg returns numeric (the type of sum()) as a string; counts and sums are what tests compare.
    // Only columns of that type are converted: a comment "4" stays a string.
    const numeric = fields.filter((f) => f.dataTypeID === NUMERIC).map((f) => f.name);
    if (numeric.length === 0) return rows;
    return rows.map((row) => {
      const converted = { ...row };
      for (const name of numeric) {
        if (typeof row[name] === 'string') converted[name] = Number(row[name]);
      }
      return converted;
    });
  }
  throw new Error('sqlRows: unknown store');
}

/** The number of rows in a table. */
export async function countRows(store: Store, table: string): Promise<number> {
  const [row] = await sqlRows(store, `select count(*) as n from ${table}`);
  return Number(row?.n ?? 0);
}

/** Runs a writing statement (insert, update) on either store, with `?` placeholders. */
export async function sqlRun(store: Store, sql: string, params: unknown[] = []): Promise<void> {
  if ('sqlite' in store) {
    const sqlite = (store as { sqlite: { prepare(s: string): { run(...p: unknown[]): unknown } } })
      .sqlite;
    sqlite.prepare(sql).run(...params);
    return;
  }
  await sqlRows(store, sql, params);
}
