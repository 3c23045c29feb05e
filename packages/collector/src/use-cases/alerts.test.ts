import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlertSchema, WebhookPayloadSchema, type Alert } from '@vo-feedback/shared';
import { jsonLogger, silentLogger } from '../config/logger.ts';
import { wilsonInterval } from '../domain/statistics.ts';
import { alertWindows } from '../domain/alerts.ts';
import {
  ALERT_NOW,
  alertDeliveries,
  alertWebhook as webhook,
  BUSY_PREVIOUS,
  BUSY_RECENT,
  DIP,
  DROP,
  RISING_WACHTTIJD,
  seedAlertDays,
  STEADY,
  STEADY_COMMENTS,
} from '../test-support/alert-dataset.ts';
import { testCollector } from '../test-support/fixtures.ts';
import { countRows } from '../test-support/sql.ts';
import { startWebhookReceiver, verifyStandardWebhook } from '../test-support/webhook-receiver.ts';
import { scheduleAlertChecks } from './alert-schedule.ts';
import { ALERT_THEME_SAMPLE, alertThemes, checkAlerts, type AlertCheck } from './alerts.ts';
import { httpSender } from './webhook-sender.ts';
import { deliverDue } from './webhook-worker.ts';

// The done-when of alerts: on a known dataset (63 days of answers written through ingest) a clear
// drop raises one satisfaction alert, once that day however often it is checked, again the next
// day; a dip whose intervals overlap and a week of too few answers raise none; a rising theme
// raises one theme alert. Each alert goes to the outbox as `alert.raised`, in its transaction.

const HOUR = 3_600_000;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** The window the truth gives: n, share and Wilson interval of `satisfied` of `n`. */
const expectedWindow = (from: string, to: string, satisfied: number, n: number) => ({
  from,
  to,
  n,
  share: satisfied / n,
  interval: wilsonInterval(satisfied, n),
});

/** dienst-a: a clear drop; dienst-b: a dip within the intervals; dienst-a2: too few answers. */
async function dropWorld(now = ALERT_NOW) {
  const collector = await testCollector({ now: () => now });
  const { store } = collector;
  await store.createService({
    id: 'dienst-a2',
    name: 'Dienst A2',
    organisationId: 'org-a',
    allowedOrigins: [],
    active: true,
    publicServiceUri: null,
  });
  const drop = await seedAlertDays(store, 'dienst-a', now, { previous: STEADY, recent: DROP });
  await seedAlertDays(store, 'dienst-b', now, { previous: STEADY, recent: DIP });
  // 9 answers, all rated 1 and 2, in the last 3 days: far under, but fewer than MIN_PUBLIC_N.
  await seedAlertDays(store, 'dienst-a2', now, {
    previous: STEADY,
    recent: [[[1], [2], [1]]],
    recentDays: 3,
  });
  return { ...collector, drop };
}

describe('the alert check on a known dataset', () => {
  it('raises one satisfaction alert for a clear drop, once that day, and again the next day', async () => {
    const { store, drop } = await dropWorld();
    // The truth of the dataset: 7 of 21 satisfied this week, 84 of 112 in the 8 weeks before.
    expect(drop).toEqual({
      recent: { n: 21, satisfied: 7, comments: 0 },
      previous: { n: 112, satisfied: 84, comments: 0 },
    });
    const listening = webhook();
    const others = [
      webhook({ events: ['feedback.created', 'feedback.low-rating', 'report.submitted'] }),
      webhook({ serviceIds: ['dienst-a2'] }),
      webhook({ organisationId: 'org-b' }),
      webhook({ disabledAt: ALERT_NOW - HOUR, disabledReason: 'failing' }),
    ];
    for (const w of [listening, ...others]) await store.createWebhook(w);
    const mails = vi.spyOn(store, 'queueAlertMails');

    const first = await checkAlerts(store, ALERT_NOW, 10);
    expect(first.day).toBe('2026-06-15');
    expect(first.services).toBe(3);
    expect(first.raised).toHaveLength(1);
    const [alert] = first.raised as [Alert];
    expect(AlertSchema.parse(alert)).toEqual(alert);
    expect(alert).toMatchObject({
      serviceId: 'dienst-a',
      serviceName: 'Dienst A',
      organisationId: 'org-a',
      kind: 'satisfaction',
      day: '2026-06-15',
      theme: null,
      raisedAt: new Date(ALERT_NOW).toISOString(),
    });
    expect(alert.recent).toEqual(expectedWindow('2026-06-09', '2026-06-15', 7, 21));
    expect(alert.previous).toEqual(expectedWindow('2026-04-14', '2026-06-08', 84, 112));
    expect(first.today).toEqual([alert]);

    // Its event, once, to the one webhook of org-a that listens to alert.raised for dienst-a.
    const deliveries = await alertDeliveries(store);
    expect(deliveries).toEqual([
      {
        webhookId: listening.id,
        subject: `alert:${alert.id}`,
        body: { type: 'alert.raised', timestamp: alert.raisedAt, data: alert },
      },
    ]);
    expect(mails).toHaveBeenCalledTimes(1);
    expect(mails).toHaveBeenLastCalledWith(alert, ALERT_NOW);

    // An hour later, the same day: nothing new, nothing sent again; its mails are queued again
    // (idempotent), which heals a check that stopped between the two.
    const second = await checkAlerts(store, ALERT_NOW + HOUR, 10);
    expect(second.raised).toEqual([]);
    expect(second.today).toEqual([alert]);
    expect(await countRows(store, 'alerts')).toBe(1);
    expect(await alertDeliveries(store)).toHaveLength(1);
    expect(mails).toHaveBeenCalledTimes(2);
    expect(mails).toHaveBeenLastCalledWith(alert, ALERT_NOW + HOUR);

    // The next day the drop is still there (6 of 18 against 87 of 115): raised again, once.
    const next = await checkAlerts(store, ALERT_NOW + 24 * HOUR, 10);
    expect(next.raised.map((a) => [a.serviceId, a.kind, a.day])).toEqual([
      ['dienst-a', 'satisfaction', '2026-06-16'],
    ]);
    expect(next.raised[0]!.recent).toEqual(expectedWindow('2026-06-10', '2026-06-16', 6, 18));
    expect(next.raised[0]!.id).not.toBe(alert.id);
    expect(await countRows(store, 'alerts')).toBe(2);
    expect(await alertDeliveries(store)).toHaveLength(2);
  });

  it('raises nothing for a dip within the intervals, nor for a week of too few answers', async () => {
    const { store } = await dropWorld();
    const sample = vi.spyOn(store, 'sampleComments');
    const { raised } = await checkAlerts(store, ALERT_NOW, 10);
    expect(raised.map((a) => a.serviceId)).toEqual(['dienst-a']);
    // Their rollups count no comment: no comment is read for themes.
    expect(sample).not.toHaveBeenCalled();
    // With a lower MIN_PUBLIC_N the 9 answers of dienst-a2 are enough; the dip of dienst-b never.
    const { store: lower } = await dropWorld();
    const found = await checkAlerts(lower, ALERT_NOW, 9);
    expect(found.raised.map((a) => a.serviceId).sort()).toEqual(['dienst-a', 'dienst-a2']);
  });

  it('raises one theme alert for a theme whose share rose significantly', async () => {
    const collector = await testCollector({ now: () => ALERT_NOW });
    const { store } = collector;
    const truth = await seedAlertDays(store, 'dienst-b', ALERT_NOW, {
      previous: STEADY_COMMENTS,
      recent: RISING_WACHTTIJD,
    });
    expect(truth.recent.comments).toBe(21);
    expect(truth.previous.comments).toBe(56);
    const toB = webhook({ organisationId: 'org-b' });
    await store.createWebhook(toB);

    const { raised } = await checkAlerts(store, ALERT_NOW, 10);
    // "wachttijd": 14 of 21 comments this week against 8 of 56; "telefoon" and "loket" rose from
    // nothing too, but less. Satisfaction stayed at 100 %: no satisfaction alert.
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ serviceId: 'dienst-b', kind: 'theme', theme: 'wachttijd' });
    expect(raised[0]!.recent).toEqual(expectedWindow('2026-06-09', '2026-06-15', 14, 21));
    expect(raised[0]!.previous).toEqual(expectedWindow('2026-04-14', '2026-06-08', 8, 56));
    expect((await alertDeliveries(store)).map((d) => d.webhookId)).toEqual([toB.id]);

    expect((await checkAlerts(store, ALERT_NOW + HOUR, 10)).raised).toEqual([]);
    expect(await countRows(store, 'alerts')).toBe(1);
  });

  it('leaves inactive services alone', async () => {
    const { store } = await dropWorld();
    await store.updateService('dienst-a', { active: false });
    const { raised, services } = await checkAlerts(store, ALERT_NOW, 10);
    expect(services).toBe(2);
    expect(raised).toEqual([]);
  });

  it('heals a check that stopped between raising an alert and queueing its mails', async () => {
    const { store } = await dropWorld();
    const mails = vi
      .spyOn(store, 'queueAlertMails')
      .mockRejectedValueOnce(new Error('stopped here'))
      .mockResolvedValue(2);
    const first = await checkAlerts(store, ALERT_NOW, 10);
    expect(first.raised.map((a) => a.serviceId)).toEqual(['dienst-a']);
    expect(first.mailsQueued).toBe(0);
    expect(first.failures).toEqual([{ serviceId: 'dienst-a', error: 'stopped here' }]);
    expect(await countRows(store, 'alerts')).toBe(1);
    const next = await checkAlerts(store, ALERT_NOW + HOUR, 10);
    expect(next.raised).toEqual([]);
    expect(next.mailsQueued).toBe(2);
    expect(mails).toHaveBeenLastCalledWith(next.today[0], ALERT_NOW + HOUR);
  });
});

describe('a service the check cannot check', () => {
  it('is reported with its error, and the other services are checked and mailed all the same', async () => {
    const { store } = await dropWorld();
    const rollups = store.monthlyRollups.bind(store);
    // dienst-a's rollups cannot be read; dienst-a2, checked after it, raises (MIN_PUBLIC_N 9).
    vi.spyOn(store, 'monthlyRollups').mockImplementation(async (serviceId, from, to) => {
      if (serviceId === 'dienst-a') throw new Error('rollups unreadable');
      return rollups(serviceId, from, to);
    });
    const mails = vi.spyOn(store, 'queueAlertMails');
    const result = await checkAlerts(store, ALERT_NOW, 9);
    expect(result.failures).toEqual([{ serviceId: 'dienst-a', error: 'rollups unreadable' }]);
    expect(result).toMatchObject({ services: 3, checked: 3, stopped: false });
    expect(result.raised.map((a) => [a.serviceId, a.kind])).toEqual([
      ['dienst-a2', 'satisfaction'],
    ]);
    expect(mails).toHaveBeenCalledTimes(1);
    expect(mails).toHaveBeenCalledWith(result.raised[0], ALERT_NOW);
    // The next check, with the rollups back, raises dienst-a's.
    vi.mocked(store.monthlyRollups).mockRestore();
    const next = await checkAlerts(store, ALERT_NOW + HOUR, 9);
    expect(next.failures).toEqual([]);
    expect(next.raised.map((a) => a.serviceId)).toEqual(['dienst-a']);
  });

  it('stops before the next service once its signal is aborted, and queues no mail', async () => {
    const { store } = await dropWorld();
    const mails = vi.spyOn(store, 'queueAlertMails');
    const result = await checkAlerts(store, ALERT_NOW, 10, { signal: AbortSignal.abort() });
    expect(result).toMatchObject({ services: 3, checked: 0, stopped: true, raised: [] });
    expect(mails).not.toHaveBeenCalled();
    expect(await countRows(store, 'alerts')).toBe(0);
  });
});

describe('the themes of a busy service', () => {
  // dienst-b: 20 comments a day. "wachttijd" is in 10 a day of the older 4 weeks of the 8 and in
  // none of the newer 4 (25 % of the 8 weeks), and in 5 of 20 a day this week (25 %): no rise.
  async function busyWorld() {
    const { store } = await testCollector({ now: () => ALERT_NOW });
    const truth = await seedAlertDays(store, 'dienst-b', ALERT_NOW, {
      previous: BUSY_PREVIOUS,
      recent: BUSY_RECENT,
    });
    expect(truth.previous.comments).toBe(1120);
    expect(truth.recent.comments).toBe(140);
    return store;
  }
  const windows = alertWindows('2026-06-15');
  const wachttijd = (themes: Awaited<ReturnType<typeof alertThemes>>) =>
    themes.words.find((theme) => theme.term.toLowerCase() === 'wachttijd');

  it('reads a sample spread over the whole previous window, its older weeks included', async () => {
    const store = await busyWorld();
    // A cap of 560 a window: 10 a day of the 56 days before, 80 a day (all 20) of the last 7.
    const themes = await alertThemes(store, 'dienst-b', windows, 560);
    expect(themes.comments).toBe(140);
    expect(themes.previous.comments).toBe(560);
    const theme = wachttijd(themes)!;
    expect(theme.count).toBe(35);
    // 5 of the newest 10 of each of the older 28 days: the newest 560 comments alone (the newer
    // 4 weeks) would have none.
    expect(theme.count - theme.change!).toBe(140);
    // 25 % against 25 %: nothing rose.
    const { raised } = await checkAlerts(store, ALERT_NOW, 10, { themeSample: 560 });
    expect(raised).toEqual([]);
  });

  it('never reads more than the cap of a window, whatever the number of comments', async () => {
    const store = await busyWorld();
    // 100 a window: 14 a day of the last 7 (98), 1 a day of the 56 before.
    const themes = await alertThemes(store, 'dienst-b', windows, 100);
    expect(themes.comments).toBe(98);
    expect(themes.previous.comments).toBe(56);
    // The check itself asks for ⌊5000 / days⌋ a day of each window.
    const sample = vi.spyOn(store, 'sampleComments');
    await checkAlerts(store, ALERT_NOW, 10);
    expect(ALERT_THEME_SAMPLE).toBe(5000);
    expect(sample.mock.calls.map(([query]) => [query.days.length, query.perDay])).toEqual([
      [7, 714],
      [56, 89],
    ]);
    const read = await Promise.all(sample.mock.results.map((result) => result.value));
    expect(read.map((comments: unknown[]) => comments.length)).toEqual([140, 56 * 20]);
  });
});

describe('alert.raised at the receiver', () => {
  it('is delivered signed, and verifies with the Standard Webhooks library', async () => {
    // The receiver's library refuses a timestamp 5 minutes from its clock: this dataset ends now.
    const now = Date.now();
    const { store } = await dropWorld(now);
    const receiver = await startWebhookReceiver();
    closers.push(receiver.close);
    const secret = 'whsec_YWxlcnQtcmFpc2VkLXRlc3Qtc2VjcmV0LW9mLTMyLWJ5dGVz';
    await store.createWebhook(webhook({ url: receiver.url, secret, createdAt: now }));

    const { raised } = await checkAlerts(store, now, 10);
    expect(raised).toHaveLength(1);
    const send = httpSender({ allowInsecure: true });
    expect(await deliverDue({ store, send, logger: silentLogger })).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const payload = WebhookPayloadSchema.parse(
      verifyStandardWebhook(secret, receiver.received[0]!),
    );
    expect(payload).toEqual({
      type: 'alert.raised',
      timestamp: raised[0]!.raisedAt,
      data: raised[0],
    });
    expect(() =>
      verifyStandardWebhook(secret, {
        ...receiver.received[0]!,
        body: receiver.received[0]!.body.replace('satisfaction', 'theme'),
      }),
    ).toThrow();
  });
});

describe('the hourly schedule', () => {
  it('checks shortly after start and then every interval, logs what it raised, and stops', async () => {
    const { store } = await dropWorld();
    const lines: string[] = [];
    const runs: unknown[] = [];
    let wake: () => void = () => undefined;
    const schedule = scheduleAlertChecks({
      store,
      minimum: 10,
      logger: jsonLogger((line) => lines.push(line)),
      now: () => ALERT_NOW,
      firstRunMs: 1,
      everyMs: 20,
      onRun: (result) => {
        runs.push(result);
        wake();
      },
    });
    while (runs.length < 2) await new Promise<void>((resolve) => (wake = resolve));
    await schedule.stop();
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.filter((l) => l.message === 'alert raised')).toEqual([
      expect.objectContaining({ serviceId: 'dienst-a', kind: 'satisfaction', day: '2026-06-15' }),
    ]);
    expect(logged.filter((l) => l.message === 'alerts checked').length).toBeGreaterThanOrEqual(2);
    const after = runs.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(runs.length).toBe(after);
  });

  it('stops a running check before its next service, however many there are', async () => {
    const { store } = await dropWorld();
    for (let i = 0; i < 40; i += 1) {
      await store.createService({
        id: `dienst-x${String(i).padStart(2, '0')}`,
        name: `Dienst X${i}`,
        organisationId: 'org-b',
        allowedOrigins: [],
        active: true,
        publicServiceUri: null,
      });
    }
    const runs: Array<AlertCheck | { error: unknown }> = [];
    const rollups = store.monthlyRollups.bind(store);
    const mails = vi.spyOn(store, 'queueAlertMails');
    let stopped: Promise<void> | undefined;
    // The server shuts down while the check reads the first service's rollups.
    vi.spyOn(store, 'monthlyRollups').mockImplementation((serviceId, from, to) => {
      stopped ??= schedule.stop();
      return rollups(serviceId, from, to);
    });
    const schedule = scheduleAlertChecks({
      store,
      minimum: 10,
      logger: silentLogger,
      now: () => ALERT_NOW,
      firstRunMs: 1,
      everyMs: 20,
      onRun: (result) => runs.push(result),
    });
    while (!stopped) await new Promise((resolve) => setImmediate(resolve));
    await stopped;
    // stop() resolved once the check had stopped: its result is in, after one service of 43.
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ services: 43, checked: 1, stopped: true, mailsQueued: 0 });
    expect(mails).not.toHaveBeenCalled();
    // What it raised before stopping is raised: dienst-a, the first, had its drop.
    expect((runs[0] as AlertCheck).raised.map((a) => a.serviceId)).toEqual(['dienst-a']);
    expect(await countRows(store, 'alerts')).toBe(1);
  });

  it('logs a service that failed with its id and the error, and the rest of the check', async () => {
    const { store } = await dropWorld();
    const rollups = store.monthlyRollups.bind(store);
    vi.spyOn(store, 'monthlyRollups').mockImplementation(async (serviceId, from, to) => {
      if (serviceId === 'dienst-b') throw new Error('relation "daily_rollups" is busy');
      return rollups(serviceId, from, to);
    });
    const lines: string[] = [];
    let wake: () => void = () => undefined;
    const runs: unknown[] = [];
    const schedule = scheduleAlertChecks({
      store,
      minimum: 10,
      logger: jsonLogger((line) => lines.push(line)),
      now: () => ALERT_NOW,
      firstRunMs: 1,
      everyMs: 60_000,
      onRun: (result) => {
        runs.push(result);
        wake();
      },
    });
    while (runs.length < 1) await new Promise<void>((resolve) => (wake = resolve));
    await schedule.stop();
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.filter((l) => l.message === 'alert check failed for a service')).toEqual([
      expect.objectContaining({
        level: 'error',
        serviceId: 'dienst-b',
        error: 'relation "daily_rollups" is busy',
      }),
    ]);
    expect(logged.find((l) => l.message === 'alerts checked')).toMatchObject({
      services: 3,
      checked: 3,
      raised: 1,
      failed: 1,
    });
  });

  it('logs a failing check and goes on', async () => {
    const { store } = await dropWorld();
    vi.spyOn(store, 'listServices').mockRejectedValueOnce(new Error('database away'));
    const lines: string[] = [];
    const runs: Array<{ error: unknown } | object> = [];
    let wake: () => void = () => undefined;
    const schedule = scheduleAlertChecks({
      store,
      minimum: 10,
      logger: jsonLogger((line) => lines.push(line)),
      now: () => ALERT_NOW,
      firstRunMs: 1,
      everyMs: 20,
      onRun: (result) => {
        runs.push(result);
        wake();
      },
    });
    while (runs.length < 2) await new Promise<void>((resolve) => (wake = resolve));
    await schedule.stop();
    expect('error' in runs[0]!).toBe(true);
    expect('raised' in runs[1]!).toBe(true);
    expect(lines.some((line) => line.includes('"alert check failed"'))).toBe(true);
  });
});
