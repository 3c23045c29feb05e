import type Database from 'better-sqlite3';
import { LANGUAGES, MAX_COMMENT_LENGTH, OUTCOMES } from '@vo-feedback/shared';

/**
 * Every stored row is one the contract allows, and every daily rollup equals a recount of the
 * stored rows. Returns the problems found; an empty list means the database is consistent.
 */
export function databaseProblems(sqlite: Database.Database): string[] {
  const problems: string[] = [];
  const rows = sqlite.prepare('select * from feedback').all() as Array<Record<string, unknown>>;
  const services = new Set(
    (sqlite.prepare('select id from services').all() as Array<{ id: string }>).map((s) => s.id),
  );
  for (const row of rows) {
    const where = `feedback ${String(row.id)}`;
    if (!/^[0-9a-f-]{36}$/i.test(String(row.id))) problems.push(`${where}: id is not a UUID`);
    if (!services.has(String(row.service_id))) problems.push(`${where}: unknown service`);
    if (!Number.isInteger(row.rating) || (row.rating as number) < 1 || (row.rating as number) > 5)
      problems.push(`${where}: rating ${String(row.rating)}`);
    if (
      row.comment !== null &&
      (typeof row.comment !== 'string' ||
        row.comment.length > MAX_COMMENT_LENGTH ||
        row.comment === '')
    )
      problems.push(`${where}: comment out of bounds`);
    if (!(LANGUAGES as readonly unknown[]).includes(row.lang))
      problems.push(`${where}: lang ${String(row.lang)}`);
    if (row.outcome !== null && !(OUTCOMES as readonly unknown[]).includes(row.outcome))
      problems.push(`${where}: outcome ${String(row.outcome)}`);
    if (row.page !== null && (typeof row.page !== 'string' || /[?#]/.test(row.page)))
      problems.push(`${where}: page keeps a query or fragment`);
  }
  const recount = sqlite
    .prepare(
      `select service_id, day, coalesce(outcome, '') as outcome,
              sum(rating = 1) as r1, sum(rating = 2) as r2, sum(rating = 3) as r3,
              sum(rating = 4) as r4, sum(rating = 5) as r5,
              sum(comment is not null) as comments
         from feedback group by 1, 2, 3`,
    )
    .all() as Array<Record<string, number | string>>;
  const rollups = sqlite
    .prepare(
      `select service_id, day, outcome, rating_1 as r1, rating_2 as r2, rating_3 as r3,
              rating_4 as r4, rating_5 as r5, comments
         from daily_rollups
        where rating_1 + rating_2 + rating_3 + rating_4 + rating_5 + comments <> 0`,
    )
    .all() as Array<Record<string, number | string>>;
  const key = (r: Record<string, number | string>) => `${r.service_id}|${r.day}|${r.outcome}`;
  const expected = new Map(recount.map((r) => [key(r), r]));
  const actual = new Map(rollups.map((r) => [key(r), r]));
  for (const k of new Set([...expected.keys(), ...actual.keys()])) {
    const e = expected.get(k);
    const a = actual.get(k);
    for (const column of ['r1', 'r2', 'r3', 'r4', 'r5', 'comments']) {
      if (Number(e?.[column] ?? 0) !== Number(a?.[column] ?? 0)) {
        problems.push(`rollup ${k}: ${column} is ${a?.[column] ?? 0}, recount ${e?.[column] ?? 0}`);
      }
    }
  }
  return problems;
}
