import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../domain/store.ts';
import { tempFolder } from '../test-support/temp-dir.ts';
import * as q from './queries.ts';
import { SqliteStore } from './sqlite-store.ts';

// The SQL both stores run is written once (queries.ts, sql-store.ts); SQLite and PostgreSQL read
// the same text but for its placeholders. And a store's failures reach the use cases classified.

const SERVICE = {
  id: 'dienst-a',
  name: 'A',
  organisationId: 'org-a',
  allowedOrigins: ['https://a.example'],
  active: true,
  publicServiceUri: null,
  helpUrl: null,
  reasons: null,
  target: null,
};

describe('the queries of both stores', () => {
  it('are one text, rendered with `?` for SQLite and `$n` for PostgreSQL', () => {
    const queries = [
      q.anyOrganisation(),
      q.insertOrganisation({ id: 'org-a', name: 'A' }, 1),
      q.organisations(),
      q.updateOrganisation('org-a', { policyDomain: 'Omgeving', kind: null }),
      q.insertService(SERVICE, 1),
      q.updateService('dienst-a', { active: false, allowedOrigins: [] }),
      q.services({ organisationId: 'org-a' }),
      q.tokens({ hash: 'h' }),
      q.revokeToken('t', 1),
      q.recordImpression('dienst-a', '2026-01-01'),
      q.monthlyRollups(['dienst-a'], '2026-01-01', '2026-12-31'),
      q.channelRollups(['dienst-a'], '2026-01-01', '2026-12-31'),
      q.reasonCounts(['dienst-a'], '2026-01-01', '2026-12-31'),
      q.comments({
        serviceId: 'dienst-a',
        start: 0,
        end: 10,
        rating: 4,
        outcome: null,
        before: { createdAt: 5, id: 'x' },
        limit: 20,
      }),
      q.INSERT_FEEDBACK,
      q.UPDATE_FEEDBACK,
      q.ADD_TO_ROLLUP,
      q.ADD_TO_CHANNEL_ROLLUP,
      q.ADD_TO_REASON_COUNT,
    ];
    for (const query of queries) {
      const sqlite = new SQLiteSyncDialect().sqlToQuery(query);
      const pg = new PgDialect().sqlToQuery(query);
      expect(pg.sql.replace(/\$\d+/g, '?')).toBe(sqlite.sql);
      expect(pg.params).toEqual(sqlite.params);
    }
  });

  it('bind named values in the order of the placeholders', () => {
    const statement = q.statement(
      new PgDialect(),
      sql`${q.UPDATE_FEEDBACK} and lang = ${sql.placeholder('lang')}`,
    );
    expect(statement.text).toMatch(
      /^update feedback set rating = \$1, .* where id = \$10 and lang = \$11$/s,
    );
    expect(statement.values({ id: 'x', rating: 4, lang: 'nl', updatedAt: 9 })).toEqual([
      4,
      undefined,
      'nl',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      9,
      'x',
      'nl',
    ]);
  });
});

describe('a store that cannot take writes', () => {
  it('rejects every kind of write with StoreUnavailableError, and works again after', async () => {
    const file = join(tempFolder(), 'db.sqlite');
    const store = new SqliteStore(`file:${file}`, { busyTimeoutMs: 50 });
    await store.createOrganisation({ id: 'org-a', name: 'A' });
    const other = new Database(file);
    other.prepare('begin immediate').run();

    const writes = [
      store.createService(SERVICE),
      store.updateService('dienst-a', { name: 'B' }),
      store.recordImpression('dienst-a', '2026-01-01'),
      store.revokeToken('t', 1),
      store.createToken({
        id: 't',
        label: 't',
        role: 'steering',
        organisationId: null,
        hash: 'h',
        createdAt: 1,
        revokedAt: null,
      }),
    ];
    for (const write of await Promise.allSettled(writes)) {
      expect(write.status).toBe('rejected');
      const { reason } = write as PromiseRejectedResult;
      expect(reason).toBeInstanceOf(StoreUnavailableError);
      expect((reason as StoreUnavailableError).reason).toBe('SQLITE_BUSY');
    }

    other.prepare('rollback').run();
    other.close();
    await store.createService(SERVICE);
    expect(await store.getService('dienst-a')).toEqual(SERVICE);
    await store.close();
  });
});
