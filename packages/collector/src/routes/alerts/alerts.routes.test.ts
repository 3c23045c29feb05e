import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  AlertListSchema,
  OverviewSchema,
  type Alert,
  type AlertKind,
  type AlertWindow,
} from '@vo-feedback/shared';
import { alertWindows } from '../../domain/alerts.ts';
import { brusselsDayStart } from '../../domain/period.ts';
import { alertEvent } from '../../domain/webhooks.ts';
import type { Store } from '../../domain/store.ts';
import { ALERT_NOW, DROP, seedAlertDays, STEADY } from '../../test-support/alert-dataset.ts';
import { json, testCollector } from '../../test-support/fixtures.ts';
import { sqlRun } from '../../test-support/sql.ts';
import { checkAlerts } from '../../use-cases/alerts.ts';

// GET /api/v1/alerts: a provider its own organisation's alerts, steering every one, newest first,
// the last 90 days unless asked; and the overview's rows with each service's most recent alert of
// the last 7 days.

const window = (from: string, to: string, n: number, share: number): AlertWindow => ({
  from,
  to,
  n,
  share,
  interval: [Math.max(0, share - 0.1), Math.min(1, share + 0.1)],
});

/** Writes an alert as a check would have raised it on `day`, at noon in Brussels. */
async function raise(
  store: Store,
  serviceId: string,
  serviceName: string,
  organisationId: string,
  kind: AlertKind,
  day: string,
  theme: string | null = null,
): Promise<Alert> {
  const windows = alertWindows(day);
  const raisedAt = brusselsDayStart(day) + 12 * 3_600_000;
  const alert: Alert = {
    id: randomUUID(),
    serviceId,
    serviceName,
    organisationId,
    kind,
    day,
    theme,
    recent: window(windows.recent.from, windows.recent.to, 21, 0.33),
    previous: window(windows.previous.from, windows.previous.to, 112, 0.75),
    raisedAt: new Date(raisedAt).toISOString(),
  };
  const { serviceName: _name, ...record } = alert;
  expect(await store.raiseAlert({ ...record, raisedAt }, alertEvent(alert))).toBe(true);
  return alert;
}

/** Two organisations' alerts: A today and 100 days ago, B yesterday (a theme) and 8 days ago. */
async function alertsWorld() {
  const collector = await testCollector({ now: () => ALERT_NOW });
  const { store } = collector;
  const aToday = await raise(store, 'dienst-a', 'Dienst A', 'org-a', 'satisfaction', '2026-06-15');
  const aOld = await raise(store, 'dienst-a', 'Dienst A', 'org-a', 'satisfaction', '2026-03-07');
  const bYesterday = await raise(
    store,
    'dienst-b',
    'Dienst B',
    'org-b',
    'theme',
    '2026-06-14',
    'wachttijd',
  );
  const bWeekAgo = await raise(
    store,
    'dienst-b',
    'Dienst B',
    'org-b',
    'satisfaction',
    '2026-06-07',
  );
  return { ...collector, aToday, aOld, bYesterday, bWeekAgo };
}

const ids = (list: { alerts: Alert[] }) => list.alerts.map((alert) => alert.id);

describe('GET /api/v1/alerts', () => {
  it('gives a provider its own organisation’s alerts of the last 90 days, newest first', async () => {
    const w = await alertsWorld();
    const a = await w.get('/api/v1/alerts', w.tokenA);
    expect(a.status).toBe(200);
    expect(a.headers.get('cache-control')).toBe('private, no-store');
    expect(await json(a, AlertListSchema)).toEqual({ alerts: [w.aToday] });
    const b = await json(await w.get('/api/v1/alerts', w.tokenB), AlertListSchema);
    expect(ids(b)).toEqual([w.bYesterday.id, w.bWeekAgo.id]);
    // A provider reads its service's theme: the words of its own citizens.
    expect(b.alerts[0]!.theme).toBe('wachttijd');
    expect(b.alerts[0]).toEqual(w.bYesterday);
    // Further back when asked.
    const since = await w.get('/api/v1/alerts?from=2026-01-01', w.tokenA);
    expect(ids(await json(since, AlertListSchema))).toEqual([w.aToday.id, w.aOld.id]);
  });

  it('gives steering every organisation’s, and one service’s on request, without a theme’s words', async () => {
    const w = await alertsWorld();
    const all = await json(await w.get('/api/v1/alerts', w.steering), AlertListSchema);
    expect(ids(all)).toEqual([w.aToday.id, w.bYesterday.id, w.bWeekAgo.id]);
    // Steering reads no comment and no theme (403 on both): it learns that a theme rose, not which.
    expect(all.alerts.map((alert) => [alert.kind, alert.theme])).toEqual([
      ['satisfaction', null],
      ['theme', null],
      ['satisfaction', null],
    ]);
    expect(JSON.stringify(all)).not.toContain('wachttijd');
    const b = await w.get('/api/v1/alerts?serviceId=dienst-b&from=2026-06-10', w.steering);
    expect(await json(b, AlertListSchema)).toEqual({
      alerts: [{ ...w.bYesterday, theme: null }],
    });
    const until = await w.get('/api/v1/alerts?to=2026-06-13&from=2026-01-01', w.steering);
    expect(ids(await json(until, AlertListSchema))).toEqual([w.bWeekAgo.id, w.aOld.id]);
  });

  it('follows a service moved to another organisation: its alerts go with it', async () => {
    const w = await alertsWorld();
    await w.store.updateService('dienst-b', { organisationId: 'org-a' });
    const a = await json(await w.get('/api/v1/alerts', w.tokenA), AlertListSchema);
    expect(ids(a)).toEqual([w.aToday.id, w.bYesterday.id, w.bWeekAgo.id]);
    // Listed under the organisation the service has now, with its theme for its new providers.
    expect(a.alerts.map((alert) => alert.organisationId)).toEqual(['org-a', 'org-a', 'org-a']);
    expect(a.alerts[1]!.theme).toBe('wachttijd');
    const b = await json(await w.get('/api/v1/alerts', w.tokenB), AlertListSchema);
    expect(b).toEqual({ alerts: [] });
    const asked = await w.get('/api/v1/alerts?serviceId=dienst-b', w.tokenB);
    expect(asked.status).toBe(403);
    // The overview likewise: the provider that has the service now sees its alert.
    const overviewA = await json(await w.get('/api/v1/overview', w.tokenA), OverviewSchema);
    expect(overviewA.rows.map((row) => [row.serviceId, row.alert])).toEqual([
      ['dienst-a', { kind: 'satisfaction', day: '2026-06-15', theme: null }],
      ['dienst-b', { kind: 'theme', day: '2026-06-14', theme: 'wachttijd' }],
    ]);
    const overviewB = await json(await w.get('/api/v1/overview', w.tokenB), OverviewSchema);
    expect(overviewB.rows).toEqual([]);
  });

  it('lists the alerts of a service that no longer exists under the organisation they were raised for', async () => {
    const w = await alertsWorld();
    await sqlRun(w.store, `delete from services where id = 'dienst-b'`);
    const b = await json(await w.get('/api/v1/alerts', w.tokenB), AlertListSchema);
    expect(ids(b)).toEqual([w.bYesterday.id, w.bWeekAgo.id]);
    expect(b.alerts[0]).toMatchObject({ serviceName: 'dienst-b', organisationId: 'org-b' });
    const a = await json(await w.get('/api/v1/alerts', w.tokenA), AlertListSchema);
    expect(ids(a)).toEqual([w.aToday.id]);
  });

  it('refuses another organisation’s service (403) and an unknown one (404)', async () => {
    const w = await alertsWorld();
    const other = await w.get('/api/v1/alerts?serviceId=dienst-b', w.tokenA);
    expect(other.status).toBe(403);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    const unknown = await w.get('/api/v1/alerts?serviceId=dienst-x', w.steering);
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).type).toMatch(/unknown-service$/);
  });

  it('answers 400 naming the field for a bad query', async () => {
    const w = await alertsWorld();
    const cases: [string, string][] = [
      ['from=15-06-2026', 'from'],
      ['to=2026-02-30', 'to'],
      ['serviceId=Dienst A', 'serviceId'],
      ['from=2026-06-15&to=2026-06-01', 'from'],
      ['from=1999-12-31', 'from'],
    ];
    for (const [query, field] of cases) {
      const response = await w.get(`/api/v1/alerts?${query}`, w.steering);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = await json(response);
      expect(
        problem.errors.map((e: { path: string }) => e.path),
        query,
      ).toEqual([field]);
    }
    const unknown = await w.get('/api/v1/alerts?limit=5', w.steering);
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await json(unknown))).toContain('limit');
  });

  it('lists an alert raised by the check, with its windows', async () => {
    const collector = await testCollector({ now: () => ALERT_NOW });
    await seedAlertDays(collector.store, 'dienst-a', ALERT_NOW, { previous: STEADY, recent: DROP });
    const { raised } = await checkAlerts(collector.store, ALERT_NOW, 10);
    const list = await json(
      await collector.get('/api/v1/alerts', collector.tokenA),
      AlertListSchema,
    );
    expect(list.alerts).toEqual(raised);
    expect(list.alerts[0]).toMatchObject({
      kind: 'satisfaction',
      recent: { from: '2026-06-09', to: '2026-06-15', n: 21 },
      previous: { from: '2026-04-14', to: '2026-06-08', n: 112 },
    });
  });
});

describe('the overview’s rows', () => {
  it('carry the service’s most recent alert of the last 7 days, or null', async () => {
    const w = await alertsWorld();
    // A second alert of dienst-b, older than its theme alert of yesterday.
    await raise(w.store, 'dienst-b', 'Dienst B', 'org-b', 'satisfaction', '2026-06-12');
    const body = await json(await w.get('/api/v1/overview', w.steering), OverviewSchema);
    // Steering: that a theme rose, not which.
    expect(body.rows.map((row) => [row.serviceId, row.alert])).toEqual([
      ['dienst-a', { kind: 'satisfaction', day: '2026-06-15', theme: null }],
      ['dienst-b', { kind: 'theme', day: '2026-06-14', theme: null }],
    ]);
    // A provider sees its own, with the theme's words.
    const a = await json(await w.get('/api/v1/overview', w.tokenA), OverviewSchema);
    expect(a.rows.map((row) => row.alert)).toEqual([
      { kind: 'satisfaction', day: '2026-06-15', theme: null },
    ]);
    const b = await json(await w.get('/api/v1/overview', w.tokenB), OverviewSchema);
    expect(b.rows.map((row) => row.alert)).toEqual([
      { kind: 'theme', day: '2026-06-14', theme: 'wachttijd' },
    ]);
  });

  it('without an alert in the last 7 days, null', async () => {
    const collector = await testCollector({ now: () => ALERT_NOW });
    await raise(collector.store, 'dienst-a', 'Dienst A', 'org-a', 'satisfaction', '2026-06-08');
    const body = await json(
      await collector.get('/api/v1/overview', collector.tokenA),
      OverviewSchema,
    );
    expect(body.rows.map((row) => row.alert)).toEqual([null]);
  });

  it('and the CSV has the alert’s kind, day and theme (for steering without the theme)', async () => {
    const w = await alertsWorld();
    const cells = async (token: string) => {
      const response = await w.get('/api/v1/overview?format=csv', token);
      expect(response.status).toBe(200);
      const text = (await response.text()).replace(/^\uFEFF/, '');
      const [header, ...rows] = parse(text, { delimiter: ';' }) as string[][];
      const column = (name: string) => header!.indexOf(name);
      expect(column('alarm (7 dagen)')).toBeGreaterThan(column('signalen'));
      return {
        text,
        rows: rows.map((row) => [
          row[column('dienst')],
          row[column('alarm (7 dagen)')],
          row[column('alarm dag')],
          row[column('alarm thema')],
        ]),
      };
    };
    const steering = await cells(w.steering);
    expect(steering.rows).toEqual([
      ['dienst-a', 'satisfaction', '2026-06-15', ''],
      ['dienst-b', 'theme', '2026-06-14', ''],
    ]);
    expect(steering.text).not.toContain('wachttijd');
    expect((await cells(w.tokenB)).rows).toEqual([
      ['dienst-b', 'theme', '2026-06-14', 'wachttijd'],
    ]);
  });
});
