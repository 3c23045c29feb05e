import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlertSchema, WebhookPayloadSchema, type Alert } from '@vo-feedback/shared';
import { jsonLogger, silentLogger } from '../config/logger.ts';
import { wilsonInterval } from '../domain/statistics.ts';
import {
  ALERT_NOW,
  alertDeliveries,
  alertWebhook as webhook,
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
import { checkAlerts, scheduleAlertChecks } from './alerts.ts';
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
    const { raised } = await checkAlerts(store, ALERT_NOW, 10);
    expect(raised.map((a) => a.serviceId)).toEqual(['dienst-a']);
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
    await expect(checkAlerts(store, ALERT_NOW, 10)).rejects.toThrow('stopped here');
    expect(await countRows(store, 'alerts')).toBe(1);
    const next = await checkAlerts(store, ALERT_NOW + HOUR, 10);
    expect(next.raised).toEqual([]);
    expect(next.mailsQueued).toBe(2);
    expect(mails).toHaveBeenLastCalledWith(next.today[0], ALERT_NOW + HOUR);
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
