import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../app.ts';
import { issueToken } from '../use-cases/administration.ts';
import { SqliteStore } from '../db/sqlite-store.ts';
import { generateDataset, loadDataset, type Dataset } from './dataset.ts';

/**
 * The real collector on 127.0.0.1 (in-memory SQLite, its CSP on) holding the generated dataset,
 * its clock at DATASET_NOW, with a provider token of org-a and a steering token. For the browser
 * tests of the report and /transparantie. Not part of the build.
 */
export async function startDatasetCollector(dataset: Dataset = generateDataset()) {
  const clock = { now: 0 };
  const store = new SqliteStore(':memory:');
  const app = createApp({ store, rateLimitPerMinute: 0, now: () => clock.now });
  await loadDataset({ app, store, clock }, dataset);
  const provider = await issueToken(store, {
    label: 'provider',
    role: 'provider',
    organisationId: 'org-a',
  });
  const steering = await issueToken(store, { label: 'steering', role: 'steering' });
  let server: ServerType | undefined;
  const url = await new Promise<string>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
  });
  return {
    url,
    store,
    providerToken: provider.token,
    steeringToken: steering.token,
    async close() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      if (server && 'closeAllConnections' in server) server.closeAllConnections();
      await store.close();
    },
  };
}
