import { CHANNELS, LANGUAGES, MAX_COMMENT_LENGTH, OUTCOMES } from '@vo-feedback/shared';
import type { Store } from '../domain/store.ts';
import { sqlRows } from './sql.ts';

const counted = (condition: string) => `sum(case when ${condition} then 1 else 0 end)`;

/**
 * Every stored row is one the contract allows, and every daily rollup equals a recount of the
 * stored rows. Returns the problems found; an empty list means the database is consistent.
 * Works on both stores. After retention, a rollup counts more comments than are left.
 */
export async function databaseProblems(
  store: Store,
  options: { afterRetention?: boolean } = {},
): Promise<string[]> {
  const problems: string[] = [];
  const rows = await sqlRows(store, 'select * from feedback');
  const services = new Set((await sqlRows(store, 'select id from services')).map((s) => s.id));
  for (const row of rows) {
    const where = `feedback ${String(row.id)}`;
    const rating = Number(row.rating);
    if (!/^[0-9a-f-]{36}$/i.test(String(row.id))) problems.push(`${where}: id is not a UUID`);
    if (!services.has(row.service_id)) problems.push(`${where}: unknown service`);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
      problems.push(`${where}: rating ${String(row.rating)}`);
    }
    if (
      row.comment !== null &&
      (typeof row.comment !== 'string' ||
        row.comment === '' ||
        row.comment.length > MAX_COMMENT_LENGTH)
    ) {
      problems.push(`${where}: comment out of bounds`);
    }
    if (!(LANGUAGES as readonly unknown[]).includes(row.lang)) {
      problems.push(`${where}: lang ${String(row.lang)}`);
    }
    if (row.outcome !== null && !(OUTCOMES as readonly unknown[]).includes(row.outcome)) {
      problems.push(`${where}: outcome ${String(row.outcome)}`);
    }
    if (row.page !== null && (typeof row.page !== 'string' || /[?#]/.test(row.page))) {
      problems.push(`${where}: page keeps a query or fragment`);
    }
    if (!(CHANNELS as readonly unknown[]).includes(row.channel)) {
      problems.push(`${where}: channel ${String(row.channel)}`);
    }
    const reasons = JSON.parse(String(row.reasons)) as unknown;
    if (
      !Array.isArray(reasons) ||
      reasons.length > 6 ||
      new Set(reasons).size !== reasons.length ||
      (rating > 3 && reasons.length > 0)
    ) {
      problems.push(`${where}: reasons ${String(row.reasons)}`);
    }
  }
  problems.push(...(await channelAndReasonProblems(store, rows)));
  problems.push(...(await languageAndStepProblems(store, rows)));
  problems.push(...(await monthlyProblems(store)));
  const recount = await sqlRows(
    store,
    `select service_id, day, coalesce(outcome, '') as outcome,
            ${counted('rating = 1')} as r1, ${counted('rating = 2')} as r2,
            ${counted('rating = 3')} as r3, ${counted('rating = 4')} as r4,
            ${counted('rating = 5')} as r5, ${counted('comment is not null')} as comments,
            ${counted('widget')} as widget
       from feedback group by service_id, day, coalesce(outcome, '')`,
  );
  const rollups = await sqlRows(
    store,
    `select service_id, day, outcome, rating_1 as r1, rating_2 as r2, rating_3 as r3,
            rating_4 as r4, rating_5 as r5, comments, widget_responses as widget
       from daily_rollups
      where rating_1 + rating_2 + rating_3 + rating_4 + rating_5 + comments <> 0`,
  );
  const key = (r: Record<string, unknown>) =>
    `${String(r.service_id)}|${String(r.day)}|${String(r.outcome)}`;
  const expected = new Map(recount.map((r) => [key(r), r]));
  const actual = new Map(rollups.map((r) => [key(r), r]));
  for (const k of new Set([...expected.keys(), ...actual.keys()])) {
    for (const column of ['r1', 'r2', 'r3', 'r4', 'r5', 'comments', 'widget']) {
      const e = Number(expected.get(k)?.[column] ?? 0);
      const a = Number(actual.get(k)?.[column] ?? 0);
      // Retention removes comment texts but keeps the rollup's comment count.
      const consistent = options.afterRetention && column === 'comments' ? a >= e : a === e;
      if (!consistent) problems.push(`rollup ${k}: ${column} is ${a}, recount ${e}`);
    }
  }
  return problems;
}

/** The channel rollups and reason counts equal a recount of the stored rows. */
async function channelAndReasonProblems(
  store: Store,
  rows: Record<string, unknown>[],
): Promise<string[]> {
  const problems: string[] = [];
  const compare = (what: string, expected: Map<string, number>, actual: Map<string, number>) => {
    for (const k of new Set([...expected.keys(), ...actual.keys()])) {
      const e = expected.get(k) ?? 0;
      const a = actual.get(k) ?? 0;
      if (a !== e) problems.push(`${what} ${k}: ${a}, recount ${e}`);
    }
  };
  const bump = (map: Map<string, number>, key: string, by = 1) =>
    map.set(key, (map.get(key) ?? 0) + by);

  const channelsExpected = new Map<string, number>();
  const reasonsExpected = new Map<string, number>();
  for (const row of rows) {
    const at = `${String(row.service_id)}|${String(row.day)}`;
    bump(channelsExpected, `${at}|${String(row.channel)}|${String(row.rating)}`);
    for (const reason of JSON.parse(String(row.reasons)) as string[]) {
      bump(reasonsExpected, `${at}|${reason}`);
    }
  }
  const channelsActual = new Map<string, number>();
  for (const r of await sqlRows(store, 'select * from daily_channel_rollups')) {
    for (const rating of [1, 2, 3, 4, 5]) {
      const n = Number(r[`rating_${rating}`]);
      if (n !== 0) {
        bump(
          channelsActual,
          `${String(r.service_id)}|${String(r.day)}|${String(r.channel)}|${rating}`,
          n,
        );
      }
    }
  }
  const reasonsActual = new Map<string, number>();
  for (const r of await sqlRows(store, 'select * from daily_reason_counts where count <> 0')) {
    bump(
      reasonsActual,
      `${String(r.service_id)}|${String(r.day)}|${String(r.reason)}`,
      Number(r.count),
    );
  }
  compare('channel rollup', channelsExpected, channelsActual);
  compare('reason count', reasonsExpected, reasonsActual);
  return problems;
}

/**
 * The language and step rollups equal a recount of the stored rows: the ratings per language,
 * and per step the ratings, the responses with an outcome, those not completed (rejected, error)
 * and the first post of the day at that step (of rows that still count any response).
 */
async function languageAndStepProblems(
  store: Store,
  rows: Record<string, unknown>[],
): Promise<string[]> {
  type Counts = Record<string, number>;
  const counts = () => ({}) as Counts;
  const bump = (map: Map<string, Counts>, key: string, column: string, by = 1) => {
    const entry = map.get(key) ?? counts();
    entry[column] = (entry[column] ?? 0) + by;
    map.set(key, entry);
  };
  const languagesExpected = new Map<string, Counts>();
  const stepsExpected = new Map<string, Counts>();
  for (const row of rows) {
    const at = `${String(row.service_id)}|${String(row.day)}`;
    const rating = `rating_${String(row.rating)}`;
    bump(languagesExpected, `${at}|${String(row.lang)}`, rating);
    if (row.step === null) continue;
    const key = `${at}|${String(row.step)}`;
    bump(stepsExpected, key, rating);
    if (row.outcome !== null) bump(stepsExpected, key, 'with_outcome');
    if (row.outcome === 'rejected' || row.outcome === 'error') {
      bump(stepsExpected, key, 'not_completed');
    }
    const createdAt = Number(row.created_at);
    const entry = stepsExpected.get(key)!;
    entry.first_seen = Math.min(entry.first_seen ?? Infinity, createdAt);
  }
  const problems: string[] = [];
  const ratings = [1, 2, 3, 4, 5].map((n) => `rating_${n}`);
  const stored = async (table: string, name: string) => {
    const map = new Map<string, Counts>();
    for (const r of await sqlRows(store, `select * from ${table}`)) {
      const entry = counts();
      for (const column of [...ratings, 'with_outcome', 'not_completed', 'first_seen']) {
        if (column in r && Number(r[column]) !== 0) entry[column] = Number(r[column]);
      }
      const key = `${String(r.service_id)}|${String(r.day)}|${String(r[name])}`;
      if (ratings.every((column) => entry[column] === undefined)) {
        // Emptied by updates and erasures: it counts nothing and keeps no one's first post.
        if (entry.first_seen !== undefined) problems.push(`${table} ${key}: empty, first_seen set`);
        continue;
      }
      map.set(key, entry);
    }
    return map;
  };
  const compare = (what: string, expected: Map<string, Counts>, actual: Map<string, Counts>) => {
    for (const k of new Set([...expected.keys(), ...actual.keys()])) {
      const e = expected.get(k) ?? counts();
      const a = actual.get(k) ?? counts();
      for (const column of new Set([...Object.keys(e), ...Object.keys(a)])) {
        if ((a[column] ?? 0) !== (e[column] ?? 0)) {
          problems.push(`${what} ${k}: ${column} is ${a[column] ?? 0}, recount ${e[column] ?? 0}`);
        }
      }
    }
  };
  compare('language rollup', languagesExpected, await stored('daily_language_rollups', 'lang'));
  compare('step rollup', stepsExpected, await stored('daily_step_rollups', 'step'));
  return problems;
}

/** Each monthly table, its daily table, its key column and its counts. */
const MONTHLY = [
  ['rollups', 'outcome', ['comments', 'widget_responses']],
  ['channel_rollups', 'channel', []],
  ['language_rollups', 'lang', []],
  ['step_rollups', 'step', ['with_outcome', 'not_completed']],
  ['reason_counts', 'reason', null],
  ['impressions', null, null],
] as const;

/**
 * Every monthly rollup equals the sum of its month's daily rollups, and a month's step first post
 * is the earliest of its days that count a rating (0 when none does).
 */
export async function monthlyProblems(store: Store): Promise<string[]> {
  const problems: string[] = [];
  for (const [kind, key, more] of MONTHLY) {
    const counts =
      more === null ? ['count'] : [1, 2, 3, 4, 5].map((n) => `rating_${n}`).concat(more);
    const keyed = key ? `, ${key}` : '';
    const sums = counts.map((c) => `sum(${c}) as ${c}`).join(', ');
    const firstSeen =
      kind === 'step_rollups'
        ? `, coalesce(min(case when rating_1 + rating_2 + rating_3 + rating_4 + rating_5 > 0
                              then first_seen end), 0) as first_seen`
        : '';
    const daily = await sqlRows(
      store,
      `select service_id, substr(day, 1, 7) as month${keyed}, ${sums}${firstSeen}
         from daily_${kind} group by service_id, substr(day, 1, 7)${keyed}`,
    );
    const monthly = await sqlRows(
      store,
      `select service_id, month${keyed}, ${counts.join(', ')}${
        kind === 'step_rollups' ? ', first_seen' : ''
      } from monthly_${kind}`,
    );
    const columns = kind === 'step_rollups' ? [...counts, 'first_seen'] : counts;
    const values = (rows: Record<string, unknown>[]) =>
      new Map(
        rows
          .filter((r) => columns.some((c) => Number(r[c]) !== 0))
          .map((r) => [
            `${String(r.service_id)}|${String(r.month)}${key ? `|${String(r[key])}` : ''}`,
            columns.map((c) => `${c} ${Number(r[c])}`).join(', '),
          ]),
      );
    const expected = values(daily);
    const actual = values(monthly);
    for (const k of new Set([...expected.keys(), ...actual.keys()])) {
      if (expected.get(k) !== actual.get(k)) {
        problems.push(
          `monthly_${kind} ${k}: ${actual.get(k) ?? 'none'}, daily ${expected.get(k) ?? 'none'}`,
        );
      }
    }
  }
  return problems;
}
