// The collector the global setup starts, shared with the browser commands in vitest.config.ts.
// Both run in vitest's node process but are loaded as separate module instances, so the handle
// lives on globalThis.
import type { TestCollector } from '../../collector/src/test-support/start-collector.ts';

const KEY = Symbol.for('vo-feedback:test-collector');

type Holder = { [KEY]?: TestCollector };

export function setCollector(value: TestCollector | undefined): void {
  (globalThis as Holder)[KEY] = value;
}

export function findCollector(): TestCollector | undefined {
  return (globalThis as Holder)[KEY];
}

export function collector(): TestCollector {
  const value = (globalThis as Holder)[KEY];
  if (!value) throw new Error('the test collector is not running (global setup)');
  return value;
}
