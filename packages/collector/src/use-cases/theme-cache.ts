import type { Store } from '../domain/store.ts';

/** How long a period's themes are reused before they are counted again. */
export const THEME_CACHE_MS = 10 * 60 * 1000;

interface Entry {
  at: number;
  value: Promise<unknown>;
}

// Per store, so that two collectors in one process (tests) never share an answer.
const caches = new WeakMap<Store, Map<string, Entry>>();

/**
 * Figures of a service and period counted from comments, reused for THEME_CACHE_MS: themes are
 * the one part of the annual report read from comments rather than rollups, and the report is
 * asked for far more often than its comments change (the report says which comments its themes
 * came from); a digest round mails the same service and week to each of its subscribers.
 * A key is `<what>|<serviceId>|…`, so that forgetServiceThemes finds a service's entries.
 */
export function cachedFigures<T>(
  store: Store,
  key: string,
  now: number,
  compute: () => Promise<T>,
): Promise<T> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const entry = cache.get(key);
  if (entry && now - entry.at < THEME_CACHE_MS) return entry.value as Promise<T>;
  const value = compute();
  cache.set(key, { at: now, value });
  // A failed count is not kept: the next report tries again.
  value.catch(() => cache.delete(key));
  // Bounded: old entries go first.
  if (cache.size > 5_000) cache.delete(cache.keys().next().value!);
  return value;
}

/** Forgets every cached theme of a store, e.g. after retention removed comments. */
export function forgetThemes(store: Store): void {
  caches.delete(store);
}

/**
 * Forgets the cached themes of one service, after a provider erased a submission or redacted a
 * comment: the next report counts them again without it. (Per process: another instance behind
 * the same database recounts within THEME_CACHE_MS.)
 */
export function forgetServiceThemes(store: Store, serviceId: string): void {
  const cache = caches.get(store);
  if (!cache) return;
  for (const key of [...cache.keys()]) {
    if (key.split('|')[1] === serviceId) cache.delete(key);
  }
}
