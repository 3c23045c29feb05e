import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AdminError, addOrganisation, addService, seedDemo } from './administration.ts';
import { openTestStore, testDatabaseUrl } from '../test-support/backend.ts';
import { countRows } from '../test-support/sql.ts';

// Several collector instances (or processes) on one new database: each one's "check, then
// insert" races with the others', and none of them may fail to start or answer 500 for it.

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Three stores on one new database (a file, or a PostgreSQL schema), as three processes. */
async function instancesOnOneDatabase() {
  const folder = mkdtempSync(join(tmpdir(), 'vo-feedback-admin-'));
  folders.push(folder);
  const url = testDatabaseUrl(folder);
  const first = await openTestStore(url);
  return [first, await openTestStore(url), await openTestStore(url)];
}

describe('instances starting together on a new database', () => {
  it('seed the demo once: one token, no failure', async () => {
    const stores = await instancesOnOneDatabase();
    const tokens = await Promise.all(stores.map((store) => seedDemo(store, [])));
    expect(tokens.filter((token) => token !== undefined)).toHaveLength(1);
    expect(await countRows(stores[0]!, 'organisations')).toBe(1);
    expect(await countRows(stores[0]!, 'services')).toBe(1);
    expect(await countRows(stores[0]!, 'tokens')).toBe(1);
    // A restart finds the demo there and seeds nothing.
    expect(await seedDemo(stores[1]!, [])).toBeUndefined();
  });

  it('create the same organisation and service at once: one succeeds, the others conflict', async () => {
    const stores = await instancesOnOneDatabase();
    const settle = async (attempts: Promise<unknown>[]) =>
      (await Promise.allSettled(attempts)).map((result) =>
        result.status === 'fulfilled'
          ? 'created'
          : result.reason instanceof AdminError
            ? result.reason.failure
            : String(result.reason),
      );
    const organisations = await settle(
      stores.map((store) => addOrganisation(store, { id: 'stad', name: 'Stad' })),
    );
    expect(organisations.sort()).toEqual(['conflict', 'conflict', 'created']);
    const services = await settle(
      stores.map((store) =>
        addService(store, { id: 'loket', name: 'Loket', organisationId: 'stad' }),
      ),
    );
    expect(services.sort()).toEqual(['conflict', 'conflict', 'created']);
  });
});
