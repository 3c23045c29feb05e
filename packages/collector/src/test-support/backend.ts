import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type pg from 'pg';
import { openDatabase } from '../db/open-store.ts';
import type { Store } from '../domain/store.ts';
import { rateLimitersFor as configuredRateLimiters } from '../http/rate-limit/choose.ts';
import { memoryRateLimiters, type RateLimiterFactory } from '../http/rate-limit/memory.ts';
import { freshPostgresUrl } from './postgres.ts';

/**
 * The database the integration suite runs on: SQLite (the `collector` project) or the real
 * PostgreSQL server (the `collector-pg` project sets TEST_BACKEND=postgres). The routes and the
 * domain do not know which; only these helpers and the SQLite-by-nature tests do.
 */
export const TEST_BACKEND: 'sqlite' | 'postgres' =
  process.env.TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

/** A DATABASE_URL for one test: a file in `folder` on SQLite, a fresh schema on PostgreSQL. */
export function testDatabaseUrl(folder: string): string {
  return TEST_BACKEND === 'postgres'
    ? freshPostgresUrl()
    : `file:${join(folder, 'collector.sqlite')}`;
}

/** The configuration each store of openTestStore was opened with, and its PostgreSQL pool. */
const opened = new WeakMap<Store, { databaseUrl: string; pgPool?: pg.Pool | undefined }>();

/** Stores opened outside a test (in beforeAll): closed by the setup file after the file's tests. */
const openedOutsideTests: Array<() => Promise<void>> = [];

/**
 * Opens a store on the backend under test (in-memory SQLite, or a fresh PostgreSQL schema when no
 * URL is given) with its migrations applied. It is closed when the test that opened it ends, so
 * that a file of fifty tests does not hold fifty pools.
 */
export async function openTestStore(databaseUrl?: string): Promise<Store> {
  const url = databaseUrl ?? (TEST_BACKEND === 'postgres' ? freshPostgresUrl() : ':memory:');
  const { store, pgPool } = await openDatabase(url, { poolSize: 4 });
  opened.set(store, { databaseUrl: url, pgPool });
  // The schema stays until the run's global teardown drops them all: one drop per test would
  // cost more than the test.
  const dispose = () => store.close().catch(() => undefined);
  try {
    onTestFinished(dispose);
  } catch {
    // Not inside a test (a beforeAll): closed by closeStoresOpenedOutsideTests.
    openedOutsideTests.push(dispose);
  }
  return store;
}

/** For an afterAll of the setup file: closes what beforeAll hooks opened. */
export async function closeStoresOpenedOutsideTests(): Promise<void> {
  for (const dispose of openedOutsideTests.splice(0)) await dispose();
}

/**
 * The rate limiters the server would use with the DATABASE_URL of this store (of openTestStore)
 * and no REDIS_URL: shared in PostgreSQL, else in memory.
 */
export function rateLimitersFor(store: Store): RateLimiterFactory {
  const database = opened.get(store);
  if (!database) return memoryRateLimiters;
  return configuredRateLimiters({ DATABASE_URL: database.databaseUrl }, database);
}
