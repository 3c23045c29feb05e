// Which rows of the overview are shown, in which order and under which policy domain: the search
// over organisation and service names, the filters by flag and by kind of government, the order
// of a column, and the groups with their totals. Pure, so it is tested alone.
import type { OrganisationKind, OverviewFlag, OverviewRow } from '@vo-feedback/shared';
import type { OverviewColumn } from '../i18n/steering/nl.ts';
import { searchable } from '../text-match.ts';

/** The columns the table sorts by: the names and every figure. */
export const SORT_KEYS = [
  'organisation',
  'service',
  'responses',
  'csat',
  'previousCsat',
  'responseRate',
  'shareNotCompleted',
  'target',
] as const satisfies readonly OverviewColumn[];
export type SortKey = (typeof SORT_KEYS)[number];

export type Direction = 'ascending' | 'descending';

export interface Sort {
  key: SortKey;
  direction: Direction;
}

/**
 * What narrows the table: a part of a name, one flag (or `alert`: an alert in the last 7 days),
 * one kind of government ('' = any).
 */
export interface RowFilter {
  query: string;
  flag: OverviewFlag | 'alert' | '';
  kind: OrganisationKind | '';
}

/** Whether a row carries the flag (`alert`: its service had an alert in the last 7 days). */
function hasFlag(row: OverviewRow, flag: OverviewFlag | 'alert'): boolean {
  return flag === 'alert' ? Boolean(row.alert) : row.flags.includes(flag);
}

export function isSortKey(value: unknown): value is SortKey {
  return (SORT_KEYS as readonly unknown[]).includes(value);
}

/** The rows whose names contain `query` (case, accents and punctuation do not count) and that
 * carry the flag and are of the kind asked for, in their given order. */
export function filterRows(rows: readonly OverviewRow[], filter: RowFilter): OverviewRow[] {
  const wanted = searchable(filter.query).trim();
  return rows.filter(
    (row) =>
      (wanted === '' ||
        [row.serviceName, row.organisationName].some((name) =>
          searchable(name).includes(wanted),
        )) &&
      (filter.flag === '' || hasFlag(row, filter.flag)) &&
      (filter.kind === '' || row.kind === filter.kind),
  );
}

type Figure = Exclude<SortKey, 'organisation' | 'service'>;

/**
 * The rows in the order of one column. Names follow the language's collation (organisation, then
 * service; or service, then organisation); a row without the figure is last in either direction,
 * and ties keep the collector's order (by organisation name, then service name). Without a sort
 * the given order stays.
 */
export function sortRows(
  rows: readonly OverviewRow[],
  sort: Sort | undefined,
  locale: string,
): OverviewRow[] {
  if (!sort) return [...rows];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const { key } = sort;
  if (key === 'organisation' || key === 'service') {
    const names = (row: OverviewRow) =>
      key === 'organisation'
        ? [row.organisationName, row.serviceName]
        : [row.serviceName, row.organisationName];
    return [...rows].sort((a, b) => {
      const [a1, a2] = names(a);
      const [b1, b2] = names(b);
      return sign * (collator.compare(a1!, b1!) || collator.compare(a2!, b2!));
    });
  }
  return [...rows].sort((a, b) => compareFigures(a[key as Figure], b[key as Figure], sign));
}

function compareFigures(a: number | null, b: number | null, sign: number): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return sign * (a - b);
}

/** The rows of one policy domain, with the totals over all of them. */
export interface DomainGroup {
  /** null: organisations without a policy domain. */
  policyDomain: string | null;
  rows: OverviewRow[];
  responses: number;
  /** Over all its responses together; null without responses. */
  csat: number | null;
  csatInterval: [number, number] | null;
}

/**
 * The rows by policy domain: domains in the language's alphabetical order and the rows without one
 * last, each group's rows in the order given.
 */
export function groupByDomain(rows: readonly OverviewRow[], locale: string): DomainGroup[] {
  const groups = new Map<string | null, OverviewRow[]>();
  for (const row of rows) {
    groups.set(row.policyDomain, [...(groups.get(row.policyDomain) ?? []), row]);
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return [...groups]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : collator.compare(a, b)))
    .map(([policyDomain, members]) => {
      const responses = members.reduce((sum, row) => sum + row.responses, 0);
      // csat is satisfied / responses per row: the count behind it comes back exactly.
      const satisfied = members.reduce(
        (sum, row) => sum + Math.round((row.csat ?? 0) * row.responses),
        0,
      );
      return {
        policyDomain,
        rows: members,
        responses,
        csat: responses === 0 ? null : satisfied / responses,
        csatInterval: wilsonInterval(satisfied, responses),
      };
    });
}

const Z_95 = 1.959963984540054;

/** The Wilson score interval (95 %) of `successes` out of `n`, as the collector computes it. */
export function wilsonInterval(successes: number, n: number): [number, number] | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = Z_95 * Z_95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (Z_95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth)];
}
