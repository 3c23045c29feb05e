import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Alert } from '@vo-feedback/shared';
import { jsonLogger, silentLogger } from '../config/logger.ts';
import { brussels, MAIL_FROM, mailFixture } from '../test-support/mail-fixture.ts';
import { startSmtpServer } from '../test-support/smtp-test-server.ts';
import { sqlRows } from '../test-support/sql.ts';
import { submission } from '../test-support/fixtures.ts';
import { MAIL_LEASE_MS } from '../domain/mail.ts';
import { DISABLE_AFTER_MS, type ClaimedDelivery } from '../domain/webhooks.ts';
import { createWebhook } from './webhooks.ts';
import {
  DIGEST_RECHECK_MS,
  lastRun,
  MISSED_RUN_WINDOW_MS,
  queueDueDigests,
  scheduleDigests,
} from './digest-schedule.ts';
import { mailError, requiresStartTls, smtpSender, type MailSender } from './mail-sender.ts';
import { sendDueMails, startMailWorker } from './mail-worker.ts';
import { deliverDue } from './webhook-worker.ts';
import { startMailDelivery } from './mail-delivery.ts';

// The mail outbox and its worker: each digest once per subscriber and period however often it is
// queued, nothing lost while the SMTP server is down (retried on the schedule, failed after the
// seventh attempt), an attempt whose worker died made again after its lease, alert mails and the
// notice of a disabled webhook, and no password in any error.

const WEDNESDAY = brussels('2026-06-03', '10:00');
const MONDAY_8 = brussels('2026-06-08', '08:00');

const outbox = (store: Parameters<typeof sqlRows>[0]) =>
  sqlRows(
    store,
    'select kind, status, attempts, next_attempt_at as "nextAttemptAt", last_error as "lastError", dedupe_key as "dedupeKey", to_address as "to" from mail_outbox order by created_at, dedupe_key',
  );

/** A sender that refuses every message (an SMTP server that answers 451), counting them. */
function refusingSender(): MailSender & { attempts: number } {
  const sender = {
    attempts: 0,
    async send() {
      sender.attempts += 1;
      throw new Error('451 4.3.0 Mail server temporarily rejected message');
    },
    close() {},
  };
  return sender;
}

function alertOf(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'alert-1',
    serviceId: 'dienst-a',
    serviceName: 'Dienst A',
    organisationId: 'org-a',
    kind: 'satisfaction',
    day: '2026-06-03',
    theme: null,
    recent: { from: '2026-05-28', to: '2026-06-03', n: 40, share: 0.45, interval: [0.31, 0.6] },
    previous: { from: '2026-04-02', to: '2026-05-27', n: 300, share: 0.8, interval: [0.75, 0.84] },
    raisedAt: new Date(WEDNESDAY).toISOString(),
    ...overrides,
  };
}

describe('the digest schedule', () => {
  it('runs on Monday and on the first of the month at 08:00 in Brussels, summer and winter', () => {
    expect(new Date(lastRun('weekly', MONDAY_8)!).toISOString()).toBe('2026-06-08T06:00:00.000Z');
    expect(new Date(lastRun('weekly', MONDAY_8 - 1000)!).toISOString()).toBe(
      '2026-06-01T06:00:00.000Z',
    );
    expect(new Date(lastRun('monthly', brussels('2026-01-15', '12:00', 1))!).toISOString()).toBe(
      '2026-01-01T07:00:00.000Z',
    );
  });

  it('queues each subscriber’s digest of a period once, through restarts and other instances’ ticks', async () => {
    const f = await mailFixture(WEDNESDAY);
    await f.subscribe({ email: 'a@gemeente-a.be', frequency: 'weekly' });
    await f.subscribe({ email: 'm@gemeente-a.be', frequency: 'monthly' });
    await f.subscribe({ email: 'alerts@gemeente-a.be', frequency: 'alerts' });
    // Not a run's day: nothing.
    expect(await queueDueDigests(f.store, WEDNESDAY)).toBe(0);
    // The tick, another instance's tick a second later, a restart at 09:30: one weekly digest.
    expect(await queueDueDigests(f.store, MONDAY_8)).toBe(1);
    expect(await queueDueDigests(f.store, MONDAY_8 + 1000)).toBe(0);
    expect(await queueDueDigests(f.store, brussels('2026-06-08', '09:30'))).toBe(0);
    f.clock.now = MONDAY_8;
    expect(await sendDueMails(f.worker())).toMatchObject({ sent: 1 });
    // Sent: a restart later that day queues nothing again.
    expect(await queueDueDigests(f.store, brussels('2026-06-08', '20:00'))).toBe(0);
    expect(await sendDueMails(f.worker())).toMatchObject({ attempted: 0 });
    const mails = await f.smtp.waitFor(1);
    expect(mails.map((m) => m.to)).toEqual([['a@gemeente-a.be']]);
    expect((await outbox(f.store)).map((row) => row.dedupeKey)).toEqual([
      expect.stringMatching(/^digest:[0-9a-f-]{36}:2026-06-01\.\.2026-06-07$/),
    ]);
  });

  it('queues a run missed by less than a day at start, and not one missed longer ago', async () => {
    const f = await mailFixture(WEDNESDAY);
    await f.subscribe({ email: 'm@gemeente-a.be', frequency: 'monthly' });
    // No instance was up on 1 July at 08:00; one starts at 14:00: July's run is queued.
    expect(await queueDueDigests(f.store, brussels('2026-07-01', '14:00'))).toBe(1);
    const [row] = await outbox(f.store);
    expect(row!.dedupeKey).toMatch(/:2026-06-01\.\.2026-06-30$/);
    // One that starts on 2 August at 09:00, more than a day after August's run: nothing.
    expect(await queueDueDigests(f.store, brussels('2026-08-02', '09:00'))).toBe(0);
  });

  it('queues a run only for the subscriptions that existed at it', async () => {
    const f = await mailFixture(MONDAY_8);
    // Created at 08:00 itself: in the run. A millisecond later: the next week's digest, not this.
    await f.subscribe({ email: 'op-tijd@gemeente-a.be', frequency: 'weekly' });
    f.clock.now = MONDAY_8 + 1;
    await f.subscribe({ email: 'te-laat@gemeente-a.be', frequency: 'weekly' });
    expect(await queueDueDigests(f.store, brussels('2026-06-08', '10:00'))).toBe(1);
    expect((await outbox(f.store)).map((row) => row.to)).toEqual(['op-tijd@gemeente-a.be']);
    expect(await queueDueDigests(f.store, brussels('2026-06-15', '08:00'))).toBe(2);
  });

  it('looks again every 15 minutes: a tick that failed is queued by the next look, once', async () => {
    // Only the schedule's interval is faked; croner's own timers are not (its next run is days off).
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    onTestFinished(() => void vi.useRealTimers());
    const f = await mailFixture(WEDNESDAY);
    await f.subscribe({ email: 'a@gemeente-a.be', frequency: 'weekly' });
    f.clock.now = MONDAY_8;
    // The database is away at 08:00, back afterwards.
    const looks = vi
      .spyOn(f.store, 'subscriptionsOf')
      .mockRejectedValueOnce(new Error('database away'));
    const logs: string[] = [];
    const schedule = scheduleDigests({
      store: f.store,
      logger: jsonLogger((line) => logs.push(line)),
      now: () => f.clock.now,
    });
    onTestFinished(() => schedule.stop());
    await vi.waitFor(() => expect(logs.join('')).toContain('digests not queued'));
    expect(await outbox(f.store)).toEqual([]);
    const queues = vi.spyOn(f.store, 'queueMails');
    /** The next look, 15 minutes on, waited for until it has queued (it reads, then queues). */
    const look = async (times: number) => {
      f.clock.now += DIGEST_RECHECK_MS;
      vi.advanceTimersByTime(DIGEST_RECHECK_MS);
      await vi.waitFor(() => expect(looks).toHaveBeenCalledTimes(times));
      await vi.waitFor(() =>
        expect(queues.mock.settledResults.map((r) => r.type)).toEqual(
          Array<string>(times - 1).fill('fulfilled'),
        ),
      );
      await new Promise((resolve) => setImmediate(resolve));
    };
    await look(2);
    expect(await outbox(f.store)).toHaveLength(1);
    // The next look that day queues nothing new.
    await look(3);
    await expect(queues.mock.results.at(-1)!.value).resolves.toBe(0);
    expect(await outbox(f.store)).toHaveLength(1);
    // More than a day after the run, the looks no longer read the subscriptions.
    f.clock.now = MONDAY_8 + MISSED_RUN_WINDOW_MS + 1;
    vi.advanceTimersByTime(DIGEST_RECHECK_MS);
    expect(looks).toHaveBeenCalledTimes(3);
    // Stopped: no more looks.
    schedule.stop();
    vi.advanceTimersByTime(10 * DIGEST_RECHECK_MS);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the mail worker', () => {
  it('keeps a message while the SMTP server is down and sends it once it is back', async () => {
    const f = await mailFixture(WEDNESDAY);
    await f.subscribe({ email: 'a@gemeente-a.be', frequency: 'weekly' });
    // A server that is gone: its port refuses connections.
    const gone = await startSmtpServer();
    await gone.close();
    const down = smtpSender({ url: gone.url, from: MAIL_FROM });
    f.clock.now = MONDAY_8;
    await queueDueDigests(f.store, f.clock.now);
    expect(await sendDueMails(f.worker({ sender: down }))).toMatchObject({
      attempted: 1,
      failed: 1,
    });
    const [waiting] = await outbox(f.store);
    expect(waiting).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: MONDAY_8 + 60_000,
    });
    expect(waiting!.lastError).toMatch(/ECONNREFUSED/);
    // Not before it is due.
    expect(await sendDueMails(f.worker({ sender: down }))).toMatchObject({ attempted: 0 });

    // Back, on the same port: the next attempt delivers it, once.
    const back = await startSmtpServer({ port: gone.port });
    const sender = smtpSender({ url: back.url, from: MAIL_FROM });
    try {
      f.clock.now += 60_000;
      expect(await sendDueMails(f.worker({ sender }))).toMatchObject({ sent: 1 });
      expect(await back.waitFor(1)).toHaveLength(1);
      expect(await outbox(f.store)).toEqual([
        expect.objectContaining({ status: 'sent', attempts: 2, lastError: null }),
      ]);
    } finally {
      sender.close();
      down.close();
      await back.close();
    }
  });

  it('retries after 1 min, 5 min, 30 min, 2 h, 6 h and 12 h, then gives up', async () => {
    const f = await mailFixture(WEDNESDAY);
    await f.subscribe({ email: 'a@gemeente-a.be', frequency: 'weekly' });
    f.clock.now = MONDAY_8;
    await queueDueDigests(f.store, f.clock.now);
    const sender = refusingSender();
    const gaps: number[] = [];
    for (let attempt = 1; attempt <= 7; attempt += 1) {
      expect(await sendDueMails(f.worker({ sender }))).toMatchObject({ attempted: 1 });
      const [row] = await outbox(f.store);
      expect(row!.attempts).toBe(attempt);
      if (attempt === 7) {
        expect(row).toMatchObject({ status: 'failed', nextAttemptAt: null });
        break;
      }
      const gap = Number(row!.nextAttemptAt) - f.clock.now;
      gaps.push(gap);
      f.clock.now += gap;
    }
    expect(gaps).toEqual([1, 5, 30, 120, 360, 720].map((minutes) => minutes * 60_000));
    f.clock.now += 7 * 86_400_000;
    expect(await sendDueMails(f.worker({ sender }))).toMatchObject({ attempted: 0 });
    expect(sender.attempts).toBe(7);
  });

  it('sends a message whose worker died again once its lease has passed, and ignores the late result', async () => {
    const f = await mailFixture(MONDAY_8);
    await f.subscribe({ email: 'a@gemeente-a.be', frequency: 'weekly' });
    await queueDueDigests(f.store, f.clock.now);
    const [lost] = await f.store.claimMails(f.clock.now, f.clock.now + 300_000, 8);
    expect(lost?.subscription.email).toBe('a@gemeente-a.be');
    f.clock.now += 299_999;
    expect(await sendDueMails(f.worker())).toMatchObject({ attempted: 0 });
    f.clock.now += 1;
    expect(await sendDueMails(f.worker())).toMatchObject({ sent: 1 });
    await f.store.recordMailAttempt({
      mail: lost!,
      sent: false,
      error: 'late',
      nextAttemptAt: f.clock.now + 1,
      now: f.clock.now,
    });
    expect(await outbox(f.store)).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 2 }),
    ]);
    expect(await f.smtp.waitFor(1)).toHaveLength(1);
  });

  it('sends nothing from a render that outlived its lease once another worker has claimed the message', async () => {
    const f = await mailFixture(MONDAY_8);
    await f.subscribe({ email: 'a@gemeente-a.be', frequency: 'weekly' });
    await queueDueDigests(f.store, f.clock.now);
    // The first worker's render stalls (its first read waits) until the lease has passed.
    const read = f.store.getOrganisation.bind(f.store);
    let rendering!: () => void;
    let release!: () => void;
    const started = new Promise<void>((resolve) => (rendering = resolve));
    const stalled = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(f.store, 'getOrganisation').mockImplementationOnce(async (id) => {
      rendering();
      await stalled;
      return read(id);
    });
    const logs: string[] = [];
    const slow = sendDueMails(f.worker({ logger: jsonLogger((line) => logs.push(line)) }));
    await started;
    f.clock.now += MAIL_LEASE_MS;
    // Another worker claims it again, and sends it.
    expect(await sendDueMails(f.worker())).toMatchObject({ attempted: 1, sent: 1 });
    release();
    // The slow one finds its claim superseded just before it would send: it sends nothing.
    expect(await slow).toEqual({ attempted: 0, sent: 0, failed: 0 });
    expect(logs.join('')).toContain('mail attempt superseded');
    expect(await f.smtp.waitFor(1)).toHaveLength(1);
    expect(f.smtp.received).toHaveLength(1);
    expect(await outbox(f.store)).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 2 }),
    ]);
  });

  it('never shows the SMTP password in an error, a log line or the outbox', async () => {
    const f = await mailFixture(MONDAY_8);
    await f.subscribe({ email: 'a@gemeente-a.be', frequency: 'weekly' });
    await queueDueDigests(f.store, f.clock.now);
    const password = 'sm7p-s3cret-w0rd';
    const smtp = await startSmtpServer({ auth: { user: 'collector', password: 'another-one' } });
    // The test server offers no STARTTLS: logging in over plain SMTP needs the URL's opt-out.
    const sender = smtpSender({
      url: `${smtp.url.replace('another-one', encodeURIComponent(password))}?requireTLS=false`,
      from: MAIL_FROM,
    });
    const logs: string[] = [];
    try {
      await sendDueMails(f.worker({ sender, logger: jsonLogger((line) => logs.push(line)) }));
    } finally {
      sender.close();
      await smtp.close();
    }
    const [row] = await outbox(f.store);
    expect(row!.lastError).toMatch(/535|auth|login/i);
    expect(JSON.stringify(row)).not.toContain(password);
    expect(logs.join('')).toContain('mail attempt failed');
    expect(logs.join('')).not.toContain(password);
    // Nor the address: a log line names the subscription.
    expect(logs.join('')).not.toContain('a@gemeente-a.be');
    // Whatever a failure quotes, the password is masked.
    expect(mailError(new Error(`login as collector:${password} refused`), [password])).toBe(
      'login as collector:*** refused',
    );
  });

  it('never logs in over smtp:// without STARTTLS, unless the URL says ?requireTLS=false', async () => {
    expect(requiresStartTls('smtp://collector:pw@mail.internal:587')).toBe(true);
    expect(requiresStartTls('smtp://collector@mail.internal:587')).toBe(true);
    expect(requiresStartTls('smtp://mail.internal:25')).toBe(false);
    expect(requiresStartTls('smtps://collector:pw@mail.internal:465')).toBe(false);
    const f = await mailFixture(MONDAY_8);
    await f.subscribe({ email: 'a@gemeente-a.be', frequency: 'weekly' });
    await queueDueDigests(f.store, f.clock.now);
    // A server that asks for a login and offers no STARTTLS: the attempt fails before AUTH.
    const smtp = await startSmtpServer({
      auth: { user: 'collector', password: 'pw-0f-collector' },
    });
    const plain = smtpSender({ url: smtp.url, from: MAIL_FROM });
    try {
      expect(await sendDueMails(f.worker({ sender: plain }))).toMatchObject({ failed: 1 });
      const [row] = await outbox(f.store);
      expect(row!.lastError).toMatch(/STARTTLS/);
      expect(smtp.received).toEqual([]);
      // Opted out in the URL (a relay on the same host): it logs in and sends.
      const optedOut = smtpSender({ url: `${smtp.url}?requireTLS=false`, from: MAIL_FROM });
      try {
        f.clock.now += 60_000;
        expect(await sendDueMails(f.worker({ sender: optedOut }))).toMatchObject({ sent: 1 });
      } finally {
        optedOut.close();
      }
      expect(await smtp.waitFor(1)).toHaveLength(1);
    } finally {
      plain.close();
      await smtp.close();
    }
  });

  it('sends an alert to the alerts subscribers of its service, once', async () => {
    const f = await mailFixture(WEDNESDAY);
    await f.subscribe({ email: 'all@gemeente-a.be', frequency: 'alerts' });
    await f.subscribe({ email: 'a@gemeente-a.be', frequency: 'alerts', serviceIds: ['dienst-a'] });
    await f.store.createService({
      id: 'dienst-a2',
      name: 'Dienst A2',
      organisationId: 'org-a',
      allowedOrigins: [],
      active: true,
      publicServiceUri: null,
    });
    await f.subscribe({
      email: 'other@gemeente-a.be',
      frequency: 'alerts',
      serviceIds: ['dienst-a2'],
    });
    await f.subscribe({ email: 'weekly@gemeente-a.be', frequency: 'weekly' });
    await f.subscribe({ email: 'b@gemeente-b.be', frequency: 'alerts' }, f.tokenB);
    expect(await f.store.queueAlertMails(alertOf(), f.clock.now)).toBe(2);
    expect(await f.store.queueAlertMails(alertOf(), f.clock.now + 1)).toBe(0);
    expect(await sendDueMails(f.worker())).toMatchObject({ sent: 2 });
    const mails = await f.smtp.waitFor(2);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['a@gemeente-a.be', 'all@gemeente-a.be']);
    const [mail] = mails;
    expect(mail!.parsed.subject).toBe('Melding: de tevredenheid over Dienst A daalt');
    expect(mail!.parsed.text).toContain('45,0');
    expect(mail!.parsed.text).toContain('80,0');
    expect(mail!.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  });

  it('tells the organisation’s subscribers, once each, that a webhook was disabled', async () => {
    const f = await mailFixture(WEDNESDAY);
    await f.subscribe({ email: 'team@gemeente-a.be', frequency: 'weekly' });
    await f.subscribe({ email: 'team@gemeente-a.be', frequency: 'alerts' });
    await f.subscribe({ email: 'it@gemeente-a.be', frequency: 'alerts' });
    await f.subscribe({ email: 'b@gemeente-b.be', frequency: 'alerts' }, f.tokenB);
    const { id } = await createWebhook(
      f.store,
      'org-a',
      {
        url: 'http://127.0.0.1:9/hooks/geheim-pad?token=t0ken',
        events: ['feedback.created'],
      } as never,
      { actor: 'a', now: f.clock.now, allowInsecure: true },
    );
    const failing = {
      store: f.store,
      send: async () => ({ statusCode: 500 }),
      logger: silentLogger,
      now: () => f.clock.now,
    };
    const start = f.clock.now;
    while (f.clock.now - start <= 5 * 86_400_000) {
      expect((await f.post(submission())).status).toBe(201);
      await deliverDue(failing);
      f.clock.now += 6 * 3_600_000;
    }
    const [webhook] = await f.store.listWebhooks('org-a');
    expect(webhook!.disabledAt).not.toBeNull();
    const notices = (await outbox(f.store)).filter((row) => row.kind === 'notice');
    expect(notices.map((row) => row.to).sort()).toEqual(['it@gemeente-a.be', 'team@gemeente-a.be']);
    expect(notices[0]!.dedupeKey).toContain(
      `notice:webhook-disabled:${id}:${webhook!.disabledAt}:`,
    );
    // The same disabling told again (an instance that raced): no second notice.
    expect(await f.store.queueWebhookNotice(id, webhook!.disabledAt!, f.clock.now)).toBe(0);

    await sendDueMails(f.worker());
    const mails = await f.smtp.waitFor(2);
    const [mail] = mails;
    expect(mail!.parsed.subject).toBe('Webhook naar 127.0.0.1 uitgeschakeld – Organisatie A');
    expect(mail!.parsed.text).toContain('Verstuur daarna één levering opnieuw');
    // Every subscriber gets it, whatever they subscribed to: no link of one subscription (which
    // would end, say, the weekly digest) — the page where subscriptions are managed instead.
    expect(mail!.header('List-Unsubscribe')).toBeUndefined();
    expect(mail!.header('List-Unsubscribe-Post')).toBeUndefined();
    expect(mail!.raw).not.toContain('/unsubscribe/');
    expect(mail!.parsed.text).toContain(
      'Uw e-mailabonnementen in het dashboard: https://feedback.example.be/dashboard/#/meldingen',
    );
    expect(String(mail!.parsed.html)).toContain(
      'href="https://feedback.example.be/dashboard/#/meldingen"',
    );
    for (const part of [mail!.raw, mail!.parsed.text ?? '']) {
      expect(part).not.toContain('geheim-pad');
      expect(part).not.toContain('t0ken');
    }
  });

  it('queues the notice in the transaction that disables the webhook: both or neither', async () => {
    const f = await mailFixture(WEDNESDAY);
    const subscriber = await f.subscribe({ email: 'it@gemeente-a.be', frequency: 'alerts' });
    const { id } = await createWebhook(
      f.store,
      'org-a',
      { url: 'http://127.0.0.1:9/hook', events: ['feedback.created'] } as never,
      { actor: 'a', now: f.clock.now, allowInsecure: true },
    );
    expect((await f.post(submission())).status).toBe(201);
    const claim = async () =>
      (await f.store.claimDeliveries(f.clock.now, f.clock.now + 1000, 1))[0]!;
    const fail = (delivery: ClaimedDelivery) =>
      f.store.recordAttempt(
        {
          delivery,
          history: [],
          statusCode: 500,
          error: 'HTTP 500',
          delivered: false,
          nextAttemptAt: f.clock.now + 1,
          now: f.clock.now,
        },
        f.clock.now - DISABLE_AFTER_MS,
        'failing',
      );
    const webhook = async () => (await f.store.listWebhooks('org-a'))[0]!;
    // The first failure starts the streak; five days on, the failure that disables it.
    expect(await fail(await claim())).toEqual({ disabled: false });
    f.clock.now += DISABLE_AFTER_MS;
    const attempt = await claim();
    // Queueing its notice fails (the disk is full): the disabling is undone with it.
    const notice = vi
      .spyOn(
        f.store as unknown as { queueWebhookNoticeIn(): Promise<number> },
        'queueWebhookNoticeIn',
      )
      .mockRejectedValueOnce(new Error('disk full'));
    await expect(fail(attempt)).rejects.toThrow('disk full');
    expect((await webhook()).disabledAt).toBeNull();
    expect(await outbox(f.store)).toEqual([]);
    // Unrecorded, the attempt is made again after its lease: now both happen, together.
    f.clock.now += 1000;
    const again = await claim();
    expect(again.id).toBe(attempt.id);
    expect(await fail(again)).toEqual({ disabled: true });
    expect(notice).toHaveBeenCalledTimes(2);
    expect((await webhook()).disabledAt).toBe(f.clock.now);
    expect(await outbox(f.store)).toEqual([
      expect.objectContaining({
        kind: 'notice',
        to: 'it@gemeente-a.be',
        dedupeKey: `notice:webhook-disabled:${id}:${f.clock.now}:${subscriber.id}`,
      }),
    ]);
  });

  it('sends nothing more to a deleted subscription, not even what was queued for it', async () => {
    const f = await mailFixture(MONDAY_8);
    const gone = await f.subscribe({ email: 'gone@gemeente-a.be', frequency: 'weekly' });
    await f.subscribe({ email: 'stays@gemeente-a.be', frequency: 'weekly' });
    await queueDueDigests(f.store, f.clock.now);
    expect(await outbox(f.store)).toHaveLength(2);
    const deleted = await f.request('DELETE', `/api/v1/subscriptions/${gone.id}`, f.tokenA);
    expect(deleted.status).toBe(204);
    expect((await outbox(f.store)).map((row) => row.to)).toEqual(['stays@gemeente-a.be']);
    expect(await sendDueMails(f.worker())).toMatchObject({ sent: 1 });
    expect((await f.smtp.waitFor(1)).map((m) => m.to)).toEqual([['stays@gemeente-a.be']]);
  });

  it('runs in the background until stopped, and prunes what was sent and what waited too long', async () => {
    const f = await mailFixture(MONDAY_8);
    await f.subscribe({ email: 'a@gemeente-a.be', frequency: 'weekly' });
    await queueDueDigests(f.store, f.clock.now);
    const sender = smtpSender({ url: f.smtp.url, from: MAIL_FROM });
    const running = startMailWorker({ ...f.worker({ sender }), pollMs: 20 });
    await f.smtp.waitFor(1);
    await running.stop();
    expect(await outbox(f.store)).toEqual([expect.objectContaining({ status: 'sent' })]);
    // An alert queued while no worker ran (no SMTP_URL), more than 7 days ago, is given up.
    await f.subscribe({ email: 'alerts@gemeente-a.be', frequency: 'alerts' });
    await f.store.queueAlertMails(alertOf(), f.clock.now - 8 * 86_400_000);
    expect(await f.store.pruneMails(f.clock.now + 1, f.clock.now - 7 * 86_400_000)).toBe(2);
    expect(await outbox(f.store)).toEqual([
      expect.objectContaining({
        kind: 'alert',
        status: 'failed',
        lastError: expect.stringMatching(/7 days/),
      }),
    ]);
  });

  it('warns at start when PUBLIC_URL is http://: no one-click unsubscribe for its links', async () => {
    const f = await mailFixture(Date.now());
    const logs: string[] = [];
    const env = {
      MIN_PUBLIC_N: 10,
      RETENTION_DAYS: 730,
      SMTP_URL: f.smtp.url,
      MAIL_FROM,
    };
    const logger = jsonLogger((line) => logs.push(line));
    for (const PUBLIC_URL of ['https://feedback.example.be', 'http://feedback.example.be']) {
      await startMailDelivery({ env: { ...env, PUBLIC_URL }, store: f.store, logger }).stop();
    }
    const warnings = logs.filter((line) => line.includes('"level":"warn"'));
    expect(warnings).toEqual([expect.stringContaining('PUBLIC_URL is http://')]);
    expect(warnings[0]).toContain('"publicUrl":"http://feedback.example.be"');
  });

  it('runs in a server process with SMTP_URL, and not without it', async () => {
    const f = await mailFixture(Date.now());
    await f.subscribe({ email: 'alerts@gemeente-a.be', frequency: 'alerts' });
    const env = {
      MIN_PUBLIC_N: 10,
      RETENTION_DAYS: 730,
      PUBLIC_URL: 'https://feedback.example.be',
    };
    const off = startMailDelivery({ env, store: f.store, logger: silentLogger });
    await f.store.queueAlertMails(alertOf({ raisedAt: new Date().toISOString() }), Date.now());
    await new Promise((resolve) => setTimeout(resolve, 300));
    await off.stop();
    expect(f.smtp.received).toEqual([]);
    const on = startMailDelivery({
      env: { ...env, SMTP_URL: f.smtp.url, MAIL_FROM },
      store: f.store,
      logger: silentLogger,
    });
    try {
      const [mail] = await f.smtp.waitFor(1);
      expect(mail!.to).toEqual(['alerts@gemeente-a.be']);
    } finally {
      await on.stop();
    }
  });
});
