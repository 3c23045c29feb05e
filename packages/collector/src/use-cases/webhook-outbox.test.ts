import { describe, expect, it } from 'vitest';
import { WebhookPayloadSchema, type WebhookEvent } from '@vo-feedback/shared';
import type { Store } from '../domain/store.ts';
import { alertEvent } from '../domain/webhooks.ts';
import { TEST_BACKEND } from '../test-support/backend.ts';
import { submission, testCollector, webhookRecord } from '../test-support/fixtures.ts';
import { countRows, sqlRows, sqlRun } from '../test-support/sql.ts';
import { handInReport } from './hand-in.ts';

// The outbox: the events of a stored submission (and of a handed-in report) are written in the
// same transaction as their cause, one row per matching webhook, or not at all. On SQLite a
// submission's transaction names it among those whose events wait, and the worker writes them
// later (sqlite-fanout.ts): the outbox here is read once they are written, and the last tests
// show what that wait may and may not change.

/** 15 June 2026, 10:00 in Brussels. */
const JUNE_15 = Date.UTC(2026, 5, 15, 8);

const webhook = webhookRecord;

/** Each outbox row: event, webhook, body; the events still waiting written first. */
async function outbox(store: Store) {
  await store.writeWaitingEvents();
  const rows = await sqlRows(
    store,
    'select id, webhook_id as "webhookId", event, subject, payload, status, next_attempt_at as "nextAttemptAt" from webhook_deliveries order by created_at, id, webhook_id',
  );
  return rows.map((row) => ({
    id: String(row.id),
    webhookId: String(row.webhookId),
    event: String(row.event) as WebhookEvent,
    subject: String(row.subject),
    status: String(row.status),
    nextAttemptAt: Number(row.nextAttemptAt),
    body: WebhookPayloadSchema.parse(JSON.parse(String(row.payload))),
  }));
}

const events = (rows: Awaited<ReturnType<typeof outbox>>, webhookId: string) =>
  rows
    .filter((row) => row.webhookId === webhookId)
    .map((row) => row.event)
    .sort();

describe('the outbox', () => {
  it('holds one row per matching webhook for each event of a stored submission, and nothing for updates and replays', async () => {
    const { store, post } = await testCollector({ now: () => JUNE_15 });
    await store.createService({
      id: 'dienst-a2',
      name: 'Dienst A2',
      organisationId: 'org-a',
      allowedOrigins: [],
      active: true,
      publicServiceUri: null,
    });
    const all = webhook();
    const onlyA2 = webhook({ serviceIds: ['dienst-a2'], events: ['feedback.created'] });
    const lowOnly = webhook({ events: ['feedback.low-rating'], includeComment: true });
    const reports = webhook({ events: ['report.submitted'] });
    const disabled = webhook({ disabledAt: JUNE_15, disabledReason: 'failing' });
    const otherOrganisation = webhook({ organisationId: 'org-b' });
    for (const w of [all, onlyA2, lowOnly, reports, disabled, otherOrganisation]) {
      await store.createWebhook(w);
    }

    const low = submission({ rating: 2, comment: 'Mail me op jan@example.be', channel: 'phone' });
    const happy = submission({ rating: 5, serviceId: 'dienst-a2' });
    expect((await post(low)).status).toBe(201);
    expect((await post(happy)).status).toBe(201);
    // A replay and an update within the window: no new events.
    await store.writeWaitingEvents();
    expect((await post(low)).status).toBe(200);
    expect((await post({ ...low, rating: 1 })).status).toBe(200);

    const rows = await outbox(store);
    expect(events(rows, all.id)).toEqual([
      'feedback.created',
      'feedback.created',
      'feedback.low-rating',
    ]);
    expect(events(rows, onlyA2.id)).toEqual(['feedback.created']);
    expect(events(rows, lowOnly.id)).toEqual(['feedback.low-rating']);
    for (const none of [reports, disabled, otherOrganisation])
      expect(events(rows, none.id)).toEqual([]);
    expect(rows.every((row) => row.status === 'pending' && row.nextAttemptAt === JUNE_15)).toBe(
      true,
    );

    // Each event has one id, the webhook-id of every webhook's delivery of it.
    const created = rows.filter(
      (row) => row.subject === low.id && row.event === 'feedback.created',
    );
    expect(created).toHaveLength(1);
    const lowRating = rows.filter((row) => row.event === 'feedback.low-rating');
    expect(new Set(lowRating.map((row) => row.id)).size).toBe(1);
    expect(lowRating.map((row) => row.webhookId).sort()).toEqual([all.id, lowOnly.id].sort());
    expect(lowRating[0]!.id).toMatch(
      /^msg_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );

    // The body: Standard Webhooks' {type, timestamp, data}; the comment (redacted) only with
    // includeComment.
    const withComment = lowRating.find((row) => row.webhookId === lowOnly.id)!.body;
    expect(withComment).toEqual({
      type: 'feedback.low-rating',
      timestamp: new Date(JUNE_15).toISOString(),
      data: {
        id: low.id,
        serviceId: 'dienst-a',
        rating: 2,
        outcome: null,
        channel: 'phone',
        reasons: [],
        lang: 'nl',
        createdAt: new Date(JUNE_15).toISOString(),
        comment: 'Mail me op [e-mail]',
      },
    });
    const withoutComment = lowRating.find((row) => row.webhookId === all.id)!.body;
    expect(withoutComment.data).not.toHaveProperty('comment');
    expect(JSON.stringify(rows)).not.toContain('jan@example.be');
  });

  it('follows webhooks made and deleted between submissions', async () => {
    const { store, post } = await testCollector({ now: () => JUNE_15 });
    const subjects = async () => (await outbox(store)).map((row) => row.subject);
    const before = submission({ rating: 5 });
    expect((await post(before)).status).toBe(201);
    expect(await subjects()).toEqual([]);

    const w = webhook({ events: ['feedback.created'] });
    await store.createWebhook(w);
    const heard = submission({ rating: 4 });
    expect((await post(heard)).status).toBe(201);
    expect(await subjects()).toEqual([heard.id]);

    // Deleting a webhook takes its deliveries; a submission after it has none.
    expect(await store.deleteWebhook('org-a', w.id)).toBe(true);
    const after = submission({ rating: 3 });
    expect((await post(after)).status).toBe(201);
    expect(await subjects()).toEqual([]);
  });

  it('is written with the submission or not at all', async () => {
    const { store, post, rowCount } = await testCollector({ now: () => JUNE_15 });
    await store.createWebhook(webhook());
    // The outbox refuses every row (on SQLite, the list of submissions whose events wait): the
    // submission that would have written one is not stored.
    const outboxTable = TEST_BACKEND === 'postgres' ? 'webhook_deliveries' : 'webhook_fanout';
    if (TEST_BACKEND === 'postgres') {
      await sqlRun(
        store,
        `create function refuse_outbox() returns trigger language plpgsql as $$
           begin raise exception 'outbox refused'; end $$`,
      );
      await sqlRun(
        store,
        'create trigger refuse_outbox before insert on webhook_deliveries for each row execute function refuse_outbox()',
      );
    } else {
      await sqlRun(
        store,
        `create trigger refuse_outbox before insert on ${outboxTable}
           begin select raise(abort, 'outbox refused'); end`,
      );
    }
    const refused = submission({ rating: 1, comment: 'Te traag.' });
    await expect(
      store.ingest({ ...refused, lang: 'nl', redactions: 0, receivedAt: JUNE_15 } as never),
    ).rejects.toThrow(/outbox refused/);
    expect(await rowCount('feedback')).toBe(0);
    expect(await rowCount('daily_rollups')).toBe(0);
    expect(await rowCount(outboxTable)).toBe(0);

    // The same submission once the outbox takes rows: stored with its events.
    await sqlRun(
      store,
      'drop trigger refuse_outbox' + (TEST_BACKEND === 'postgres' ? ' on webhook_deliveries' : ''),
    );
    expect((await post(refused)).status).toBe(201);
    expect(await rowCount('feedback')).toBe(1);
    expect(await store.writeWaitingEvents()).toBe(TEST_BACKEND === 'postgres' ? 0 : 1);
    expect(await rowCount('webhook_deliveries')).toBe(2);

    // A submission that is refused (another service's id) writes no event.
    expect((await post({ ...refused, serviceId: 'dienst-b' })).status).toBe(409);
    expect(await store.writeWaitingEvents()).toBe(0);
    expect(await rowCount('webhook_deliveries')).toBe(2);
  });

  it('loses the comment of an erased or redacted submission with it', async () => {
    const { store, post, send } = await testCollector({ now: () => JUNE_15 });
    const w = webhook({ includeComment: true });
    await store.createWebhook(w);
    const erased = submission({ rating: 1, comment: 'Bel Piet Janssens terug.' });
    const redacted = submission({ rating: 4, comment: 'Vraag naar Piet Janssens.' });
    expect((await post(erased)).status).toBe(201);
    expect((await post(redacted)).status).toBe(201);
    await store.writeWaitingEvents();
    expect(await countRows(store, 'webhook_deliveries')).toBe(3);

    const onFeedback = (method: string, path: string, body?: unknown) =>
      send(method, `/api/v1/services/dienst-a/feedback/${path}`, body);
    expect((await onFeedback('DELETE', erased.id)).status).toBe(204);
    expect(
      (await onFeedback('POST', `${redacted.id}/redact`, { text: 'Piet Janssens' })).status,
    ).toBe(200);

    const rows = await outbox(store);
    expect(rows.map((row) => row.subject)).toEqual([redacted.id]);
    expect(rows[0]!.body.data).toMatchObject({ comment: 'Vraag naar [verwijderd].' });
    expect(JSON.stringify(rows)).not.toContain('Piet');
  });

  it('holds report.submitted with the version handed in, for the organisation’s webhooks', async () => {
    const { store } = await testCollector({ now: () => JUNE_15 });
    const reports = webhook({ events: ['report.submitted'], serviceIds: ['dienst-a'] });
    const feedbackOnly = webhook();
    const otherOrganisation = webhook({ organisationId: 'org-b', events: ['report.submitted'] });
    for (const w of [reports, feedbackOnly, otherOrganisation]) await store.createWebhook(w);

    const handedIn = await handInReport(
      store,
      { organisationId: 'org-a', year: 2025, minimum: 10 },
      { actor: 'a', now: JUNE_15 },
    );
    const rows = await outbox(store);
    expect(rows.map((row) => [row.webhookId, row.event])).toEqual([
      [reports.id, 'report.submitted'],
    ]);
    expect(rows[0]!.body).toEqual({
      type: 'report.submitted',
      timestamp: new Date(JUNE_15).toISOString(),
      data: {
        organisationId: 'org-a',
        year: 2025,
        version: 1,
        submittedAt: new Date(JUNE_15).toISOString(),
        sha256: handedIn.sha256,
      },
    });
  });

  it('takes alert.raised through enqueueEvent, to the webhooks of its service', async () => {
    const { store } = await testCollector({ now: () => JUNE_15 });
    const alerts = webhook({ events: ['alert.raised'], serviceIds: ['dienst-a'] });
    await store.createWebhook(alerts);
    const window = { n: 20, share: 0.4, interval: [0.22, 0.61] as [number, number] };
    for (const serviceId of ['dienst-a', 'dienst-b']) {
      await store.enqueueEvent(
        alertEvent({
          id: `alert-${serviceId}`,
          serviceId,
          serviceName: serviceId,
          organisationId: serviceId === 'dienst-a' ? 'org-a' : 'org-b',
          kind: 'satisfaction',
          day: '2026-06-15',
          theme: null,
          recent: { from: '2026-06-09', to: '2026-06-15', ...window },
          previous: { from: '2026-04-14', to: '2026-06-08', ...window },
          raisedAt: new Date(JUNE_15).toISOString(),
        }),
      );
    }
    const rows = await outbox(store);
    expect(rows.map((row) => [row.webhookId, row.subject])).toEqual([
      [alerts.id, 'alert:alert-dienst-a'],
    ]);
    expect(rows[0]!.body).toMatchObject({ type: 'alert.raised', data: { serviceId: 'dienst-a' } });
  });
});
