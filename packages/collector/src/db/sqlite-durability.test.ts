import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store.ts';

describe('SQLite durability', () => {
  it('syncs every commit (synchronous = FULL), so a 2xx survives a power loss', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'vo-feedback-durability-'));
    const store = new SqliteStore(`file:${join(folder, 'collector.sqlite')}`);
    try {
      expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      // 2 is FULL (1 NORMAL, 0 OFF).
      expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
