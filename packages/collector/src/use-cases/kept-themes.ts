import type { Themes } from '@vo-feedback/shared';
import type { Period } from '../domain/period.ts';
import type { Store } from '../domain/store.ts';
import type { KeptThemes } from '../domain/theme-store.ts';
import { ThemeCounter, type ThemeOptions } from '../domain/themes.ts';

// Themes of whole months read from the kept counts (schema-themes.*.ts) instead of the comments:
// a few rows per service whatever the number of submissions. What the indexer has not taken yet
// is read with them (comments not counted yet are added, retracted ones subtracted), so that the
// result is the same as counting the months' comments, which the tests check.

/** The months `YYYY-MM` a period's days fall in, first and last. */
export const monthsOf = (period: Period): [string, string] => [
  period.from.slice(0, 7),
  period.to.slice(0, 7),
];

function counterOf(kept: KeptThemes, options: ThemeOptions): ThemeCounter {
  const counter = new ThemeCounter({ ...options, examples: 0 });
  counter.addKeptComments(kept.comments);
  for (const term of kept.terms) counter.addKept(term);
  for (const comment of kept.pending) counter.add(comment);
  for (const comment of kept.retracted) counter.remove(comment);
  return counter;
}

/**
 * Themes of services over the whole months of `period`, with their change since the whole months
 * of `previousPeriod`, without examples. A service missing from the result has more than
 * `maxPending` comments not counted yet (just after an upgrade): count its comments instead.
 */
export async function keptServiceThemes(
  store: Store,
  serviceIds: readonly string[],
  period: Period,
  previousPeriod: Period,
  options: ThemeOptions & { limit: number; minimumCount: number; maxPending: number },
): Promise<Map<string, Themes>> {
  const current = await store.keptThemes(
    serviceIds,
    monthsOf(period),
    { minimum: options.minimumCount },
    options.maxPending,
  );
  const counters = new Map<string, ThemeCounter>();
  for (const [serviceId, kept] of current) counters.set(serviceId, counterOf(kept, options));
  // The year before: the counts of this year's themes only, to say how much each changed.
  const keys = new Map([...counters].map(([serviceId, counter]) => [serviceId, counter.topKeys()]));
  const before = await store.keptThemes(
    [...counters.keys()],
    monthsOf(previousPeriod),
    { keys },
    options.maxPending,
  );
  const themes = new Map<string, Themes>();
  for (const [serviceId, counter] of counters) {
    const kept = before.get(serviceId);
    if (!kept) continue;
    const previous = counterOf(kept, options);
    themes.set(serviceId, {
      serviceId,
      from: period.from,
      to: period.to,
      ...counter.result({ previous }),
      previous: { ...previousPeriod, comments: previous.comments },
    });
  }
  return themes;
}
