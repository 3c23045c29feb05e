import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A new, empty folder under the system's temporary folder, removed with everything in it when the
 * test that asked for it has finished (after its afterEach hooks, which close the stores on it).
 * Call it from a test or from a helper a test calls.
 */
export function tempFolder(prefix = 'vo-feedback-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}
