import { afterEach, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { WebhookListSchema, WebhookPayloadSchema } from '@vo-feedback/shared';
import { silentLogger } from '../config/logger.ts';
import { webhookSignature } from '../domain/webhooks.ts';
import { json, submission, testCollector } from '../test-support/fixtures.ts';
import { startWebhookReceiver } from '../test-support/webhook-receiver.ts';
import { createWebhook } from './webhooks.ts';
import { httpSender, type WebhookRequest, type WebhookSender } from './webhook-sender.ts';
import { deliverDue, startWebhookWorker, type WebhookWorkerOptions } from './webhook-worker.ts';

// The delivery worker: signed per Standard Webhooks (checked with the specification's own
// library), retried on its schedule with the same webhook-id, disabled after 5 days of failures,
// and an attempt whose worker died is made again when its lease has passed.

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function workerFixture(options: { start?: number } = {}) {
  const clock = { now: options.start ?? Date.now() };
  const collector = await testCollector({ now: () => clock.now, allowInsecureWebhooks: true });
  const add = (body: { url: string; events?: string[]; includeComment?: boolean }) =>
    createWebhook(
      collector.store,
      'org-a',
      { events: ['feedback.created', 'feedback.low-rating'], ...body } as never,
      { actor: 'a', now: clock.now, allowInsecure: true },
    );
  const worker = (send: WebhookSender, extra: Partial<WebhookWorkerOptions> = {}) =>
    ({
      store: collector.store,
      send,
      logger: silentLogger,
      now: () => clock.now,
      ...extra,
    }) as const;
  return { ...collector, clock, add, worker };
}

/** A sender that answers `status` and records each request. */
function fakeSender(status: (request: WebhookRequest) => number | string) {
  const requests: WebhookRequest[] = [];
  const send: WebhookSender = async (request) => {
    requests.push(request);
    const answer = status(request);
    return typeof answer === 'number' ? { statusCode: answer } : { error: answer };
  };
  return { send, requests };
}

describe('the webhook worker', () => {
  it('signs each request so that the Standard Webhooks library verifies it', async () => {
    const { add, post, worker } = await workerFixture();
    const receiver = await startWebhookReceiver();
    closers.push(receiver.close);
    const { secret } = await add({ url: receiver.url, includeComment: true });
    const low = submission({ rating: 1, comment: 'Te traag, drie weken gewacht.' });
    expect((await post(low)).status).toBe(201);

    expect(await deliverDue(worker(httpSender({ allowInsecure: true })))).toBe(2);
    expect(receiver.received).toHaveLength(2);
    const verifier = new Webhook(secret);
    for (const request of receiver.received) {
      expect(request.headers['content-type']).toBe('application/json');
      const verified = WebhookPayloadSchema.parse(
        verifier.verify(request.body, {
          'webhook-id': request.id,
          'webhook-timestamp': request.timestamp,
          'webhook-signature': request.signature,
        }),
      );
      expect(verified.data).toMatchObject({ id: low.id, comment: 'Te traag, drie weken gewacht.' });
      // A body that was changed on the way does not verify.
      expect(() =>
        verifier.verify(request.body.replace('drie', 'vier'), {
          'webhook-id': request.id,
          'webhook-timestamp': request.timestamp,
          'webhook-signature': request.signature,
        }),
      ).toThrow();
    }
    expect(receiver.received.map((r) => JSON.parse(r.body).type).sort()).toEqual([
      'feedback.created',
      'feedback.low-rating',
    ]);
    // Delivered: nothing is due any more.
    expect(await deliverDue(worker(httpSender({ allowInsecure: true })))).toBe(0);
  });

  it('computes the signature the specification gives', () => {
    // The example of the Standard Webhooks specification's reference libraries.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
    expect(webhookSignature(secret, id, 1614265330, body)).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
    expect(webhookSignature(secret, id, 1614265330, body)).toBe(
      new Webhook(secret).sign(id, new Date(1614265330 * 1000), body),
    );
  });

  it('retries on the schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h) with the same id, then fails', async () => {
    const { add, post, worker, clock, store } = await workerFixture();
    const { id } = await add({ url: 'http://127.0.0.1:9/never', events: ['feedback.created'] });
    expect((await post(submission())).status).toBe(201);
    const { send, requests } = fakeSender(() => 503);
    const options = worker(send);

    const gaps: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      expect(await deliverDue(options)).toBe(1);
      const [delivery] = await store.listDeliveries(id, 1);
      expect(delivery!.attempts).toBe(attempt);
      if (attempt === 8) {
        expect(delivery).toMatchObject({
          status: 'failed',
          nextAttemptAt: null,
          lastStatusCode: 503,
        });
        break;
      }
      expect(delivery!.status).toBe('pending');
      const gap = delivery!.nextAttemptAt! - clock.now;
      gaps.push(gap);
      // Not before it is due.
      clock.now += gap - 1;
      expect(await deliverDue(options)).toBe(0);
      clock.now += 1;
    }
    const minutes = 60_000;
    expect(gaps).toEqual([5_000, 5, 30, 120, 300, 600, 600].map((m, i) => (i ? m * minutes : m)));
    expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const [failed] = await store.listDeliveries(id, 1);
    expect(failed!.history.map((h) => [h.attempt, h.statusCode, h.error])).toEqual(
      Array.from({ length: 8 }, (_, i) => [i + 1, 503, 'HTTP 503']),
    );
    // Long after: never again.
    clock.now += 7 * 86_400_000;
    expect(await deliverDue(options)).toBe(0);
  });

  it('shrinks the schedule by the retry scale (tests)', async () => {
    const { add, post, worker, store, clock } = await workerFixture();
    const { id } = await add({ url: 'http://127.0.0.1:9/never', events: ['feedback.created'] });
    expect((await post(submission())).status).toBe(201);
    const options = worker(fakeSender(() => 'ECONNREFUSED: connect ECONNREFUSED').send, {
      retryScale: 0.001,
    });
    await deliverDue(options);
    await deliverDue({ ...options, now: () => clock.now + 5 });
    const [delivery] = await store.listDeliveries(id, 1);
    expect(delivery!.attempts).toBe(2);
    expect(delivery!.nextAttemptAt! - (clock.now + 5)).toBe(300);
    expect(delivery!.lastError).toBe('ECONNREFUSED: connect ECONNREFUSED');
    expect(delivery!.lastStatusCode).toBeNull();
  });

  it('disables a webhook that failed for 5 days, shows why, and a resend enables it again', async () => {
    const { add, post, worker, clock, store, get, tokenA, app } = await workerFixture();
    const { id } = await add({ url: 'http://127.0.0.1:9/broken', events: ['feedback.created'] });
    let status = 500;
    const options = worker(fakeSender(() => status).send);
    const start = clock.now;
    // A new submission every 6 hours, each failing, for 5 days.
    while (clock.now - start < 5 * 86_400_000) {
      expect((await post(submission())).status).toBe(201);
      await deliverDue(options);
      clock.now += 6 * 3_600_000;
    }
    expect((await post(submission())).status).toBe(201);
    await deliverDue(options);
    const list = await json(await get('/api/v1/webhooks', tokenA), WebhookListSchema);
    expect(list.webhooks[0]).toMatchObject({
      id,
      failingSince: new Date(start).toISOString(),
      disabledAt: new Date(clock.now).toISOString(),
      disabledReason: expect.stringMatching(/failed for 5 days/),
    });
    // Disabled: no new events for it, and nothing of it is attempted.
    const before = (await store.listDeliveries(id, 100)).length;
    expect((await post(submission())).status).toBe(201);
    expect((await store.listDeliveries(id, 100)).length).toBe(before);
    clock.now += 86_400_000;
    expect(await deliverDue(options)).toBe(0);

    // The receiver is fixed; a resend enables the webhook and delivers.
    status = 204;
    const [latest] = await store.listDeliveries(id, 1);
    const resend = await app.request(`/api/v1/webhooks/${id}/deliveries/${latest!.id}/resend`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenA}` },
    });
    expect(resend.status).toBe(202);
    while ((await deliverDue(options)) > 0);
    const [delivered] = await store.listDeliveries(id, 1);
    expect(delivered).toMatchObject({
      status: 'delivered',
      deliveredAt: clock.now,
      lastStatusCode: 204,
    });
    const after = await json(await get('/api/v1/webhooks', tokenA), WebhookListSchema);
    expect(after.webhooks[0]).toMatchObject({
      failingSince: null,
      disabledAt: null,
      disabledReason: null,
    });
  });

  it('makes an attempt whose worker died again once its lease has passed, and ignores the dead one’s late result', async () => {
    const { add, post, worker, clock, store } = await workerFixture();
    const { id } = await add({ url: 'http://127.0.0.1:9/hook', events: ['feedback.created'] });
    expect((await post(submission())).status).toBe(201);
    // A worker claims the attempt and dies before it records anything.
    const [lost] = await store.claimDeliveries(clock.now, clock.now + 20_000, 10);
    expect(lost).toBeDefined();
    const { send, requests } = fakeSender(() => 204);
    clock.now += 19_999;
    expect(await deliverDue(worker(send))).toBe(0);
    clock.now += 1;
    expect(await deliverDue(worker(send))).toBe(1);
    expect(requests[0]!.headers['webhook-id']).toBe(lost!.id);
    // The first worker's result, had it come late, does not overwrite the second's.
    await store.recordAttempt(
      {
        delivery: lost!,
        history: [],
        statusCode: 500,
        error: 'HTTP 500',
        delivered: false,
        nextAttemptAt: clock.now + 5_000,
        now: clock.now,
      },
      0,
      'x',
    );
    const [delivery] = await store.listDeliveries(id, 1);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 204 });
  });

  it('fails an attempt that gets no answer within the timeout, or a redirect', async () => {
    const { add, post, worker, store } = await workerFixture();
    const silent = await startWebhookReceiver({ delayMs: 5_000 });
    const moved = await startWebhookReceiver({ answer: () => 301 });
    closers.push(silent.close, moved.close);
    const slow = await add({ url: silent.url, events: ['feedback.created'] });
    const redirect = await add({ url: moved.url, events: ['feedback.created'] });
    expect((await post(submission())).status).toBe(201);
    const started = performance.now();
    expect(await deliverDue(worker(httpSender({ allowInsecure: true }), { timeoutMs: 300 }))).toBe(
      2,
    );
    expect(performance.now() - started).toBeLessThan(3_000);
    const [timedOut] = await store.listDeliveries(slow.id, 1);
    expect(timedOut).toMatchObject({
      status: 'pending',
      lastStatusCode: null,
      lastError: 'no answer within 0.3 s',
    });
    const [redirected] = await store.listDeliveries(redirect.id, 1);
    expect(redirected).toMatchObject({
      status: 'pending',
      lastStatusCode: 301,
      lastError: 'HTTP 301',
    });
  });

  it('runs in the background until stopped, and prunes finished deliveries', async () => {
    const { add, post, store } = await workerFixture();
    const receiver = await startWebhookReceiver();
    closers.push(receiver.close);
    const { id } = await add({ url: receiver.url, events: ['feedback.created'] });
    for (let i = 0; i < 3; i += 1) expect((await post(submission())).status).toBe(201);
    const running = startWebhookWorker({
      store,
      send: httpSender({ allowInsecure: true }),
      logger: silentLogger,
      pollMs: 20,
    });
    const deadline = Date.now() + 5_000;
    while (receiver.delivered().length < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await running.stop();
    expect(new Set(receiver.delivered().map((r) => r.id)).size).toBe(3);
    expect((await store.listDeliveries(id, 10)).every((d) => d.status === 'delivered')).toBe(true);
    expect(await store.pruneDeliveries(Date.now() + 1)).toBe(3);
    expect(await store.listDeliveries(id, 10)).toEqual([]);
  });

  it('claims more at once while a backlog lasts and receivers answer fast, and no more when they are slow', async () => {
    const { add, post, store } = await workerFixture();
    const { id } = await add({ url: 'http://127.0.0.1:9/hook', events: ['feedback.created'] });
    const backlog = async (count: number) => {
      for (let i = 0; i < count; i += 1) expect((await post(submission())).status).toBe(201);
    };
    /** Runs the worker until every delivery is made; the most attempts it had in flight at once. */
    const drain = async (answerMs: number, total: number) => {
      let inFlight = 0;
      let most = 0;
      const send: WebhookSender = async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, answerMs));
        inFlight -= 1;
        return { statusCode: 204 };
      };
      const running = startWebhookWorker({
        store,
        send,
        logger: silentLogger,
        batch: 4,
        pollMs: 20,
        timeoutMs: 2_000,
      });
      const delivered = async () =>
        (await store.listDeliveries(id, 1_000)).filter((d) => d.status === 'delivered').length;
      const deadline = Date.now() + 10_000;
      while ((await delivered()) < total && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await running.stop();
      expect(await delivered()).toBe(total);
      return most;
    };
    // Fast answers: claims of 4, 8, then 16 (four times the batch, no more).
    await backlog(60);
    expect(await drain(0, 60)).toBe(16);
    // Answers slower than a tenth of the timeout: the claim stays at the batch.
    await backlog(12);
    expect(await drain(250, 72)).toBe(4);
  });
});
