import type { TestProject } from 'vitest/node';
import { dropAllTestSchemas } from './postgres.ts';

/** Leftovers of crashed runs older than this are dropped; younger ones may belong to a live run. */
const STALE_MS = 6 * 60 * 60 * 1000;

/**
 * The `collector-pg` project's global setup: drops the schemas that crashed runs left behind
 * before the run, and every schema of this run after it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const run = project.config.env.VOF_TEST_RUN;
  if (typeof run !== 'string') throw new Error('collector-pg: VOF_TEST_RUN is not set');
  await dropAllTestSchemas({ olderThanMs: STALE_MS });
  return () => dropAllTestSchemas({ run });
}
