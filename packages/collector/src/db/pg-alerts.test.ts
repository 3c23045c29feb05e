import { afterAll, describe, expect, it } from 'vitest';
import {
  ALERT_NOW,
  alertDeliveries,
  alertWebhook,
  DROP,
  RISING_WACHTTIJD,
  seedAlertDays,
  STEADY_COMMENTS,
  STEADY,
} from '../test-support/alert-dataset.ts';
import { dropSchema, freshPostgresUrl } from '../test-support/postgres.ts';
import { seedOrganisation } from '../test-support/seed.ts';
import { countRows } from '../test-support/sql.ts';
import { checkAlerts } from '../use-cases/alerts.ts';
import { PgStore } from './pg-store.ts';

// Several instances on one PostgreSQL database check for alerts every hour, each on its own
// clock: at most one alert per service, kind and day is raised, and its `alert.raised` event is
// written once, however many check at the same moment. Each "instance" is its own PgStore with
// its own pool, as a process has. PostgreSQL only (SQLite has one writing process).

const urls: string[] = [];
const stores: PgStore[] = [];
afterAll(async () => {
  for (const store of stores) await store.close().catch(() => undefined);
  for (const url of urls) await dropSchema(url);
});

async function instances(count: number): Promise<PgStore[]> {
  const url = freshPostgresUrl();
  urls.push(url);
  const opened = await Promise.all(Array.from({ length: count }, () => PgStore.open(url)));
  stores.push(...opened);
  await seedOrganisation(opened[0]!, { id: 'org-a', name: 'A' }, [
    { id: 'dienst-a', name: 'Dienst A' },
    { id: 'dienst-b', name: 'Dienst B' },
  ]);
  return opened;
}

describe('alerts with several instances on PostgreSQL', () => {
  it('three instances checking at the same moment raise each alert once, with one event', async () => {
    const [first, ...others] = await instances(3);
    const store = first!;
    await seedAlertDays(store, 'dienst-a', ALERT_NOW, { previous: STEADY, recent: DROP });
    await seedAlertDays(store, 'dienst-b', ALERT_NOW, {
      previous: STEADY_COMMENTS,
      recent: RISING_WACHTTIJD,
    });
    await store.createWebhook(alertWebhook());
    const all = [store, ...others];
    for (let day = 0; day < 3; day += 1) {
      const at = ALERT_NOW + day * 86_400_000;
      // Twice at once per instance: the same instance's checks overlap too.
      const checks = await Promise.all(
        [...all, ...all].map((instance) => checkAlerts(instance, at, 10)),
      );
      const raised = checks.flatMap((check) => check.raised);
      expect(raised.map((alert) => `${alert.serviceId} ${alert.kind}`).sort()).toEqual([
        'dienst-a satisfaction',
        'dienst-b theme',
      ]);
      // Every instance saw the same alerts of the day, whoever raised them.
      for (const check of checks) {
        expect(check.today.map((alert) => alert.id).sort()).toEqual(
          raised.map((alert) => alert.id).sort(),
        );
      }
    }
    expect(await countRows(store, 'alerts')).toBe(6);
    const deliveries = await alertDeliveries(store);
    expect(deliveries).toHaveLength(6);
    expect(new Set(deliveries.map((d) => d.subject)).size).toBe(6);
  });
});
