import { defineProject } from 'vitest/config';
import { testRunTag } from './src/test-support/postgres.ts';

// The collector's integration suite once more, on the real PostgreSQL server (127.0.0.1:5432,
// database `test`): testCollector() and openTestStore() open a fresh schema per test. The same
// test files as the `collector` project, except those that are SQLite by nature or PostgreSQL
// already.
export default defineProject({
  test: {
    name: 'collector-pg',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    exclude: [
      // A second connection's write lock (SQLITE_BUSY) and max_page_count (SQLITE_FULL): ways to
      // make SQLite fail that PostgreSQL does not have. Its pool errors map to 503 in errors.ts.
      'src/db/unavailable.test.ts',
      // Several PgStores on one schema: PostgreSQL only, and they already run in `collector`.
      'src/db/pg-store.test.ts',
      'src/db/pg-mail.test.ts',
      'src/db/pg-alerts.test.ts',
      // SQLite to PostgreSQL by nature, whatever the backend: it already runs in `collector`.
      'src/cli/migrate-command.test.ts',
      // SQLite by nature, whatever the backend: the online backup of the SQLite file
      // (PostgreSQL's is pg_dump) and every earlier SQLite release's database migrated forward.
      'src/cli/backup-command.test.ts',
      'src/db/migrations.test.ts',
      // SQLite's synchronous pragma, and the configuration read from the environment: neither
      // depends on the backend of the other tests.
      'src/db/sqlite-durability.test.ts',
      // Webhook events written after ingest: SQLite's alone (PostgreSQL writes them with it).
      'src/db/sqlite-fanout.test.ts',
      'src/config/env.test.ts',
      // The lint rules of the layers: no database at all.
      'src/architecture.test.ts',
      // Renders each shared query for both dialects and makes SQLite busy: runs once, in `collector`.
      'src/db/sql-store.test.ts',
    ],
    env: {
      TEST_BACKEND: 'postgres',
      // Tags this run's schemas, so that its clean-up leaves other runs' schemas alone.
      VOF_TEST_RUN: testRunTag(),
    },
    globalSetup: ['src/test-support/pg-global-setup.ts'],
    setupFiles: ['src/test-support/pg-setup.ts'],
    // Each submission commits with an fsync: the tests that post thousands take longer than on
    // SQLite, more so on a busy CI machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
