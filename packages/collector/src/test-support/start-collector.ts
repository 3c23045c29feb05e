import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../app.ts';
import { issueToken } from '../use-cases/administration.ts';
import { SqliteStore } from '../db/sqlite-store.ts';
import type { AppDeps } from '../config/deps.ts';

export interface TestCollector {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  serviceId: string;
  providerToken: string;
  store: SqliteStore;
  /** Closes the listener: the port refuses connections until start(). */
  stop(): Promise<void>;
  /** Listens again on the same port with the same database. */
  start(): Promise<void>;
  /** How many stored rows carry this feedback id. */
  count(id: string): Promise<number>;
  /** Stops for good and removes the database. */
  dispose(): Promise<void>;
}

/**
 * The real collector on 127.0.0.1 with a temporary SQLite file and one active service, for tests
 * of the widget, the demo and the whole path. Not part of the build.
 */
export async function startTestCollector(
  options: {
    allowedOrigins?: string[];
    port?: number;
    staticDirs?: AppDeps['staticDirs'];
    serviceId?: string;
  } = {},
): Promise<TestCollector> {
  const dir = mkdtempSync(join(tmpdir(), 'vo-feedback-test-'));
  const store = new SqliteStore(`file:${join(dir, 'collector.sqlite')}`);
  const serviceId = options.serviceId ?? 'test-dienst';
  await store.createOrganisation({ id: 'test-org', name: 'Testorganisatie' });
  await store.createService({
    id: serviceId,
    name: 'Testdienst',
    organisationId: 'test-org',
    allowedOrigins: options.allowedOrigins ?? [],
    active: true,
    publicServiceUri: null,
  });
  const { token } = await issueToken(store, {
    label: 'test provider',
    role: 'provider',
    organisationId: 'test-org',
  });
  const app = createApp({ store, rateLimitPerMinute: 0, staticDirs: options.staticDirs ?? {} });

  let server: ServerType | undefined;
  let port = options.port ?? 0;
  const start = () =>
    new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info: AddressInfo) => {
        port = info.port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      const closing = server;
      server = undefined;
      closing.close(() => resolve());
      if ('closeAllConnections' in closing) closing.closeAllConnections();
    });
  await start();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    serviceId,
    providerToken: token,
    store,
    start,
    stop,
    async count(id: string) {
      const row = store.sqlite
        .prepare('select count(*) as n from feedback where id = ?')
        .get(id) as {
        n: number;
      };
      return row.n;
    },
    async dispose() {
      await stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
