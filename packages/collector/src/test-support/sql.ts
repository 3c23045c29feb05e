import type { Store } from '../db/store.ts';

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
    const pool = (store as { pool: { query(s: string, p: unknown[]): Promise<{ rows: Row[] }> } })
      .pool;
    let n = 0;
    const { rows } = await pool.query(
      sql.replace(/\?/g, () => `$${++n}`),
      params,
    );
    // pg returns numeric sums as strings; counts and sums are what tests compare.
    return rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [
          k,
          typeof v === 'string' && /^-?\d+$/.test(v) && k !== 'id' && k !== 'day' ? Number(v) : v,
        ]),
      ),
    );
  }
  throw new Error('sqlRows: unknown store');
}

/** The number of rows in a table. */
export async function countRows(store: Store, table: string): Promise<number> {
  const [row] = await sqlRows(store, `select count(*) as n from ${table}`);
  return Number(row?.n ?? 0);
}
