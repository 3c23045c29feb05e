import { describe, expect, it } from 'vitest';
import {
  addOrganisation,
  addService,
  createToken,
  revokeToken,
  seedDemo,
  updateService,
} from './administration.ts';
import { ProblemError } from '../domain/problems.ts';
import { openTestStore, testDatabaseUrl } from '../test-support/backend.ts';
import { countRows } from '../test-support/sql.ts';
import { tempFolder } from '../test-support/temp-dir.ts';

// Several collector instances (or processes) on one new database: each one's "check, then
// insert" races with the others', and none of them may fail to start or answer 500 for it.

/** Three stores on one new database (a file, or a PostgreSQL schema), as three processes. */
async function instancesOnOneDatabase() {
  const url = testDatabaseUrl(tempFolder());
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
          : result.reason instanceof ProblemError
            ? result.reason.slug
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

describe('an administration that fails', () => {
  it('throws the problem the admin API answers: 400 with each field, 404, 409', async () => {
    const [store] = await instancesOnOneDatabase();
    const problemOf = async (attempt: Promise<unknown>) => {
      const error = await attempt.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(ProblemError);
      const { status, slug, title, detail, errors } = error as ProblemError;
      return { status, slug, title, detail, errors };
    };
    await addOrganisation(store!, { id: 'stad', name: 'Stad' });
    expect(await problemOf(addOrganisation(store!, { id: 'stad', name: 'Andere' }))).toEqual({
      status: 409,
      slug: 'conflict',
      title: 'Conflict',
      detail: 'The organisation "stad" exists already; choose another id.',
      errors: undefined,
    });
    expect(await problemOf(createToken(store!, { label: 'x', role: 'provider' }))).toMatchObject({
      status: 400,
      slug: 'validation-error',
      title: 'Bad Request',
      detail: 'The token request is not valid; see errors.',
      errors: [
        { path: 'organisationId', message: expect.stringMatching(/Give the organisationId/) },
      ],
    });
    expect(await problemOf(updateService(store!, 'onbekend', { name: 'X' }))).toMatchObject({
      status: 404,
      slug: 'not-found',
      detail: 'There is no service "onbekend".',
    });
    expect(await problemOf(revokeToken(store!, 'onbekend'))).toMatchObject({
      status: 404,
      slug: 'not-found',
    });
  });
});
