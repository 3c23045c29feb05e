import { describe, expect, it } from 'vitest';
import type { Store } from '../domain/store.ts';
import { DISABLE_AFTER_MS, type WebhookRecord } from '../domain/webhooks.ts';
import { submission, testCollector, webhookRecord } from '../test-support/fixtures.ts';
import { countRows, sqlRows, sqlRun } from '../test-support/sql.ts';

// SQLite by nature (the collector-pg project leaves it out): ingest names a batch's submissions
// whose organisation has a webhook, and their events reach the outbox later (sqlite-fanout.ts).
// What that wait may change, and what it may not.

/** 15 June 2026, 10:00 in Brussels. */
const JUNE_15 = Date.UTC(2026, 5, 15, 8);

const webhook = (overrides: Partial<WebhookRecord> = {}) =>
  webhookRecord({ includeComment: true, ...overrides });

/** The outbox as it is, nothing written first: webhook, event, subject and comment. */
async function outboxNow(store: Store) {
  const rows = await sqlRows(
    store,
    'select webhook_id as "webhookId", event, subject, payload from webhook_deliveries order by created_at, id, webhook_id',
  );
  return rows.map((row) => ({
    webhookId: String(row.webhookId),
    event: String(row.event),
    subject: String(row.subject),
    comment: (JSON.parse(String(row.payload)) as { data: { comment?: string } }).data.comment,
  }));
}

const waiting = async (store: Store) => (await store.operationalCounts()).webhookSubmissionsWaiting;

describe('webhook events written after ingest (SQLite)', () => {
  it('wait off the request path, and are written from the submission as it is then, for the webhooks as they were', async () => {
    const { store, post, send } = await testCollector({ now: () => JUNE_15 });
    const first = webhook();
    await store.createWebhook(first);
    const kept = submission({ rating: 4, comment: 'Bel Piet Janssens terug.' });
    const erased = submission({ rating: 1, comment: 'Te traag.' });
    const unheard = submission({ rating: 5, serviceId: 'dienst-b' });
    expect((await post(kept)).status).toBe(201);
    expect((await post(erased)).status).toBe(201);
    expect((await post(unheard)).status).toBe(201);

    // Stored and answered; their events wait (the other organisation has no webhook).
    expect(await countRows(store, 'webhook_deliveries')).toBe(0);
    expect(await waiting(store)).toBe(2);

    const onFeedback = (method: string, path: string, body?: unknown) =>
      send(method, `/api/v1/services/dienst-a/feedback/${path}`, body);
    expect((await onFeedback('POST', `${kept.id}/redact`, { text: 'Piet Janssens' })).status).toBe(
      200,
    );
    expect((await onFeedback('DELETE', erased.id)).status).toBe(204);

    // A webhook made now writes the waiting events first: they are not its own.
    const later = webhook();
    await store.createWebhook(later);
    expect(await waiting(store)).toBe(0);
    expect(await outboxNow(store)).toEqual([
      {
        webhookId: first.id,
        event: 'feedback.created',
        subject: kept.id,
        comment: 'Bel [verwijderd] terug.',
      },
    ]);
    expect(JSON.stringify(await outboxNow(store))).not.toContain('Piet');

    // Deleting a webhook, or listing its deliveries, also writes them first.
    const third = submission({ rating: 2 });
    expect((await post(third)).status).toBe(201);
    expect(await store.deleteWebhook('org-a', first.id)).toBe(true);
    expect((await store.listDeliveries(later.id, 10)).map((d) => d.event).sort()).toEqual([
      'feedback.created',
      'feedback.low-rating',
    ]);
    expect(await waiting(store)).toBe(0);
    const fourth = submission({ rating: 5 });
    expect((await post(fourth)).status).toBe(201);
    expect(await waiting(store)).toBe(1);
    expect((await store.listDeliveries(later.id, 10)).map((d) => d.event)).toHaveLength(3);
    expect(await waiting(store)).toBe(0);
  });

  it('go to the webhooks of the organisation the service belonged to when they were stored', async () => {
    const { store, post } = await testCollector({ now: () => JUNE_15 });
    const ofA = webhook({ events: ['feedback.created'] });
    const ofB = webhook({ organisationId: 'org-b', events: ['feedback.created'] });
    for (const w of [ofA, ofB]) await store.createWebhook(w);
    const before = submission({ rating: 4 });
    expect((await post(before)).status).toBe(201);
    expect(await waiting(store)).toBe(1);

    await store.updateService('dienst-a', { organisationId: 'org-b' });
    expect(await waiting(store)).toBe(0);
    const after = submission({ rating: 5 });
    expect((await post(after)).status).toBe(201);
    await store.writeWaitingEvents();
    expect((await outboxNow(store)).map((row) => [row.webhookId, row.subject]).sort()).toEqual(
      [
        [ofA.id, before.id],
        [ofB.id, after.id],
      ].sort(),
    );
  });

  it('are written all together or not at all, and once', async () => {
    const { store, post } = await testCollector({ now: () => JUNE_15 });
    await store.createWebhook(webhook({ events: ['feedback.created'] }));
    const posted = [submission({ rating: 4 }), submission({ rating: 5 })];
    for (const body of posted) expect((await post(body)).status).toBe(201);

    // The second submission's row is refused: the first one's must not stay either.
    await sqlRun(
      store,
      `create trigger refuse_outbox before insert on webhook_deliveries
         when new.subject = '${posted[1]!.id}'
         begin select raise(abort, 'outbox refused'); end`,
    );
    await expect(store.writeWaitingEvents()).rejects.toThrow(/outbox refused/);
    expect(await countRows(store, 'webhook_deliveries')).toBe(0);
    expect(await waiting(store)).toBe(2);

    await sqlRun(store, 'drop trigger refuse_outbox');
    expect(await store.writeWaitingEvents()).toBe(2);
    expect(await store.writeWaitingEvents()).toBe(0);
    expect((await outboxNow(store)).map((row) => row.subject).sort()).toEqual(
      posted.map((body) => body.id).sort(),
    );
  });

  it('reach a webhook that its failures disable after their submission was stored', async () => {
    const { store, post } = await testCollector({ now: () => JUNE_15 });
    const failing = webhook({
      events: ['feedback.created'],
      failingSince: JUNE_15 - 6 * 86_400_000,
    });
    await store.createWebhook(failing);
    const before = submission({ rating: 4 });
    expect((await post(before)).status).toBe(201);
    const [claimed] = await store.claimDeliveries(JUNE_15, JUNE_15 + 60_000, 10);
    expect((JSON.parse(claimed!.payload) as { data: { id: string } }).data.id).toBe(before.id);

    // Stored while the webhook is enabled; its events wait when the failure disables it.
    const meanwhile = submission({ rating: 5 });
    expect((await post(meanwhile)).status).toBe(201);
    const [outcome] = await store.recordAttempts(
      [
        {
          delivery: claimed!,
          history: [],
          statusCode: 500,
          error: 'HTTP 500',
          delivered: false,
          nextAttemptAt: JUNE_15 + 5_000,
          now: JUNE_15,
        },
      ],
      DISABLE_AFTER_MS,
      'failing',
    );
    expect(outcome).toEqual({ disabled: true });
    expect(await waiting(store)).toBe(0);
    // Pending, as it would have been written at ingest: sent once a resend enables the webhook.
    expect((await outboxNow(store)).map((row) => row.subject).sort()).toEqual(
      [before.id, meanwhile.id].sort(),
    );
  });

  it('follow a webhook a resend enables, and one a removed person’s leaving disables, as it was when they were stored', async () => {
    const { store, post } = await testCollector({ now: () => JUNE_15 });
    const steady = webhook({ events: ['feedback.created'] });
    const resent = webhook({ events: ['feedback.created'] });
    const leaving = webhook({
      events: ['feedback.created'],
      createdBy: 'person:piet@gemeente-a.be',
    });
    for (const w of [steady, resent, leaving]) await store.createWebhook(w);
    const first = submission({ rating: 4 });
    expect((await post(first)).status).toBe(201);
    const [delivery] = await store.listDeliveries(resent.id, 10);
    await sqlRun(store, 'update webhooks set disabled_at = ?, disabled_reason = ? where id = ?', [
      JUNE_15,
      'failing',
      resent.id,
    ]);

    // Stored while `resent` is disabled and `leaving` enabled; their events wait.
    const second = submission({ rating: 5 });
    expect((await post(second)).status).toBe(201);
    expect(await store.resendDelivery(resent.id, delivery!.id, JUNE_15)).toEqual({
      reenabled: true,
    });
    const third = submission({ rating: 5 });
    expect((await post(third)).status).toBe(201);
    await store.createPerson({
      id: 'piet',
      email: 'piet@gemeente-a.be',
      role: 'provider',
      organisationId: 'org-a',
      issuer: null,
      subject: null,
      createdAt: JUNE_15 - 86_400_000,
      createdBy: 'admin',
      lastSignInAt: null,
    });
    const left = await store.removePerson('piet', {
      actor: 'person:piet@gemeente-a.be',
      since: JUNE_15 - 86_400_000,
      at: JUNE_15,
      reason: 'removed',
    });
    expect(left?.disabledWebhooks).toEqual([leaving.id]);
    await store.writeWaitingEvents();

    const heard = async (w: WebhookRecord) =>
      (await outboxNow(store))
        .filter((row) => row.webhookId === w.id)
        .map((row) => row.subject)
        .sort();
    expect(await heard(steady)).toEqual([first.id, second.id, third.id].sort());
    expect(await heard(resent)).toEqual([first.id, third.id].sort());
    expect(await heard(leaving)).toEqual([first.id, second.id, third.id].sort());
  });

  it('after a peak, are written in parts that ingest commits between, up to what waited when asked', async () => {
    const { store, post } = await testCollector({ now: () => JUNE_15 });
    const hook = webhook({ events: ['feedback.created'] });
    await store.createWebhook(hook);
    // Three parts and a half (a part is 1,000 submissions, FANOUT_CHUNK), in 35 batches of ingest.
    const peak = Array.from({ length: 3500 }, () => submission({ rating: 4 }));
    for (let start = 0; start < peak.length; start += 100) {
      const answers = await Promise.all(peak.slice(start, start + 100).map((body) => post(body)));
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(100);
    }
    expect(await waiting(store)).toBe(peak.length);
    expect(await countRows(store, 'webhook_fanout')).toBe(35);

    // Someone lists the webhook's deliveries, and a citizen's answer arrives meanwhile.
    const order: string[] = [];
    const listed = store.listDeliveries(hook.id, 10).then(() => order.push('listed'));
    const during = submission({ rating: 5 });
    const stored = store
      .ingest({ ...during, lang: 'nl', redactions: 0, receivedAt: JUNE_15 })
      .then((result) => order.push(`stored: ${'status' in result ? result.status : 'refused'}`));
    await Promise.all([stored, listed]);

    // The answer did not wait for the whole backlog to be written, which then took every
    // submission of the peak once, and not the one stored meanwhile: it waits for the next.
    expect(order).toEqual(['stored: stored', 'listed']);
    expect(await countRows(store, 'webhook_deliveries')).toBe(peak.length);
    expect(await waiting(store)).toBe(1);
    expect((await outboxNow(store)).map((row) => row.subject)).not.toContain(during.id);
  });
});
