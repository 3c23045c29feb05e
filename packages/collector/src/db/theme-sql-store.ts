import type { SQL } from 'drizzle-orm';
import { periodInstants } from '../domain/period.ts';
import { themeDeltas, type ThemeChange } from '../domain/theme-deltas.ts';
import type { KeptTerm, KeptThemes, ThemeStore } from '../domain/theme-store.ts';
import type { ThemeComment } from '../domain/themes.ts';
import type { Executor } from './acting-sql-store.ts';
import { PeopleSqlStore } from './people-sql-store.ts';
import * as t from './theme-queries.ts';

/** Rows of an insert of deltas on PostgreSQL: at most 65,535 values in a statement, 7 a row. */
const DELTAS_PER_INSERT = 5_000;

type CommentRow = ThemeComment & { serviceId: string };
type ClaimedRow = CommentRow & { id: string | number; month: string };
type KeptRow = Omit<KeptTerm, 'kind'> & { serviceId: string; kind: KeptTerm['kind'] | 'comments' };

/** The last day of a month `YYYY-MM`. */
function lastDay(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/**
 * Themes kept as counts, written once for SQLite and PostgreSQL on the shared queries
 * (theme-queries.ts). SqlStore extends it; a store gives `rows`, `run`, `transaction` and the
 * clause that locks the rows a read claims (`skipLocked`).
 */
export abstract class ThemeSqlStore extends PeopleSqlStore implements ThemeStore {
  /** PostgreSQL's `for update skip locked`: two instances' indexers claim different rows. */
  protected abstract readonly skipLocked: SQL;

  /**
   * The indexer's transaction: an ordinary one here; SQLite's does not sync the log (SqliteStore).
   */
  protected themeTransaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    return this.transaction(work);
  }

  /**
   * SQLite: write the indexer's rows one prepared statement at a time (its statements are cached
   * by their text, and a statement of a batch's rows would be a new text each time); PostgreSQL:
   * a statement of many rows, one round trip.
   */
  protected readonly rowAtATime: boolean = false;

  countThemeBacklog(limit: number): Promise<number> {
    return this.themeTransaction(async (tx) => {
      const retracted = await tx.rows<ClaimedRow>(t.claimRetractions(limit, this.skipLocked));
      const pending = await tx.rows<ClaimedRow>(t.claimPending(limit, this.skipLocked));
      const change =
        (sign: 1 | -1) =>
        (row: ClaimedRow): ThemeChange => ({
          serviceId: row.serviceId,
          month: row.month,
          comment: row.comment,
          lang: row.lang,
          rating: row.rating,
          sign,
        });
      const deltas = themeDeltas([...retracted.map(change(-1)), ...pending.map(change(1))]);
      if (this.rowAtATime) {
        for (const { id } of retracted) await tx.runNamed(t.DELETE_RETRACTION, { id });
        for (const { id } of pending) await tx.runNamed(t.MARK_COUNTED, { id });
        for (const delta of deltas) await tx.runNamed(t.ADD_THEME_COUNT, delta);
      } else {
        if (retracted.length > 0) {
          await tx.run(t.deleteRetractions(retracted.map((row) => Number(row.id))));
        }
        if (pending.length > 0) await tx.run(t.markCounted(pending.map((row) => String(row.id))));
        for (let i = 0; i < deltas.length; i += DELTAS_PER_INSERT) {
          await tx.run(t.addThemeCounts(deltas.slice(i, i + DELTAS_PER_INSERT)));
        }
      }
      // Rarely more than a few: retractions follow a provider's edits and retention.
      for (const delta of deltas) if (delta.count < 0) await tx.runNamed(t.DROP_IF_EMPTY, delta);
      return retracted.length + pending.length;
    });
  }

  async keptThemes(
    serviceIds: readonly string[],
    months: [string, string],
    select: { minimum: number } | { keys: Map<string, string[]> },
    maxPending: number,
  ): Promise<Map<string, KeptThemes>> {
    const result = new Map<string, KeptThemes>();
    if (serviceIds.length === 0) return result;
    const { start, end } = periodInstants({ from: `${months[0]}-01`, to: lastDay(months[1]) });
    const pending = await this.rows<CommentRow>(
      t.pendingComments(serviceIds, start, end, maxPending + 1),
    );
    const retracted = await this.rows<CommentRow>(t.retractedComments(serviceIds, months));
    const tail = new Map<string, number>();
    for (const row of pending) tail.set(row.serviceId, (tail.get(row.serviceId) ?? 0) + 1);
    const included = serviceIds.filter((id) => (tail.get(id) ?? 0) <= maxPending);
    if (included.length === 0) return result;
    for (const id of included) {
      result.set(id, { comments: 0, terms: [], pending: [], retracted: [] });
    }
    // A term below the minimum in the kept counts may reach it with the comments not counted yet.
    const most = Math.max(0, ...included.map((id) => tail.get(id) ?? 0));
    const rows = await this.manyRows<KeptRow>(
      'minimum' in select
        ? t.keptByMinimum(included, months, Math.max(1, select.minimum - most))
        : t.keptByKeys(
            included,
            months,
            included.flatMap((id) => (select.keys.get(id) ?? []).map((key) => `${id} ${key}`)),
          ),
    );
    for (const { serviceId, kind, stem, form, count, low } of rows) {
      const kept = result.get(serviceId)!;
      if (kind === 'comments') kept.comments += count;
      else if (count > 0) kept.terms.push({ kind, stem, form, count, low });
    }
    const comment = ({ comment, lang, rating }: CommentRow): ThemeComment => ({
      comment,
      lang,
      rating,
    });
    for (const row of pending) result.get(row.serviceId)?.pending.push(comment(row));
    for (const row of retracted) result.get(row.serviceId)?.retracted.push(comment(row));
    return result;
  }
}
