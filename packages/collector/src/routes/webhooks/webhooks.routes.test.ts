import { describe, expect, it } from 'vitest';
import {
  DeliveryListSchema,
  ProblemSchema,
  WebhookCreatedSchema,
  WebhookListSchema,
} from '@vo-feedback/shared';
import { json, submission, testCollector } from '../../test-support/fixtures.ts';
import { seedOrganisation } from '../../test-support/seed.ts';
import type { AppDeps } from '../../config/deps.ts';
import { hashToken } from '../../domain/tokens.ts';

// The webhooks API: a provider's own organisation's receivers, the secret shown once, only https
// to public addresses (unless ALLOW_INSECURE_WEBHOOKS), the recent deliveries and a resend; each
// change audited without the secret.

const HOOKS = '/api/v1/webhooks';
/** 15 June 2026, 10:00 in Brussels. */
const JUNE_15 = Date.UTC(2026, 5, 15, 8);
const RECEIVER = 'https://tickets.gemeente-a.be/hooks/vo?token=receiver-own-secret';

async function webhookFixture(deps: Partial<AppDeps> = {}) {
  const clock = { now: JUNE_15 };
  const collector = await testCollector({ now: () => clock.now, ...deps });
  // A second service of organisation A, and one of organisation B to filter on.
  await seedOrganisation(collector.store, { id: 'org-c', name: 'Organisatie C' }, [
    { id: 'dienst-c', name: 'Dienst C' },
  ]);
  await collector.store.createService({
    id: 'dienst-a2',
    name: 'Dienst A2',
    organisationId: 'org-a',
    allowedOrigins: [],
    active: true,
    publicServiceUri: null,
  });
  const send = (method: string, path: string, token: string, body?: unknown) =>
    collector.app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const create = async (body: Record<string, unknown>, token = collector.tokenA) => {
    const response = await send('POST', HOOKS, token, body);
    expect(response.status, await response.clone().text()).toBe(201);
    return json(response, WebhookCreatedSchema);
  };
  const refusal = async (body: Record<string, unknown>) => {
    const response = await send('POST', HOOKS, collector.tokenA, body);
    expect(response.status).toBe(400);
    return json(response, ProblemSchema);
  };
  return { ...collector, clock, send, create, refusal };
}

describe('webhooks', () => {
  it('are created with a secret shown once, listed without it, and deleted with their deliveries', async () => {
    const { create, send, tokenA, tokenB, store, post, clock } = await webhookFixture();
    const created = await create({
      url: RECEIVER,
      events: ['feedback.created', 'feedback.low-rating'],
      serviceIds: ['dienst-a'],
      includeComment: true,
    });
    // whsec_ and base64 of 32 random bytes: the Standard Webhooks key.
    expect(Buffer.from(created.secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    clock.now += 1000;
    const again = await create({
      url: 'https://hooks.example.be/two',
      events: ['report.submitted'],
    });
    expect(again.secret).not.toBe(created.secret);

    const listed = await send('GET', HOOKS, tokenA);
    expect(listed.headers.get('cache-control')).toBe('private, no-store');
    const text = await listed.clone().text();
    expect(text).not.toContain(created.secret);
    expect(text).not.toContain('whsec_');
    const list = await json(listed, WebhookListSchema);
    expect(list.webhooks).toEqual([
      {
        id: created.id,
        url: RECEIVER,
        events: ['feedback.created', 'feedback.low-rating'],
        serviceIds: ['dienst-a'],
        includeComment: true,
        createdAt: new Date(JUNE_15).toISOString(),
        failingSince: null,
        disabledAt: null,
        disabledReason: null,
      },
      expect.objectContaining({ id: again.id, serviceIds: null, includeComment: false }),
    ]);
    // Another organisation sees none of them, and cannot delete them.
    expect((await json(await send('GET', HOOKS, tokenB), WebhookListSchema)).webhooks).toEqual([]);
    expect((await send('DELETE', `${HOOKS}/${created.id}`, tokenB)).status).toBe(404);

    expect((await post(submission({ rating: 1 }))).status).toBe(201);
    const deliveries = await json(
      await send('GET', `${HOOKS}/${created.id}/deliveries`, tokenA),
      DeliveryListSchema,
    );
    expect(deliveries.deliveries.map((d) => d.event).sort()).toEqual([
      'feedback.created',
      'feedback.low-rating',
    ]);

    expect((await send('DELETE', `${HOOKS}/${created.id}`, tokenA)).status).toBe(204);
    expect((await send('DELETE', `${HOOKS}/${created.id}`, tokenA)).status).toBe(404);
    expect((await send('GET', `${HOOKS}/${created.id}/deliveries`, tokenA)).status).toBe(404);
    expect(await store.listDeliveries(created.id, 50)).toEqual([]);
    const remaining = await json(await send('GET', HOOKS, tokenA), WebhookListSchema);
    expect(remaining.webhooks.map((w) => w.id)).toEqual([again.id]);
  });

  it('are audited without the secret, the path or the query of the URL', async () => {
    const { create, send, store, tokenA, post, clock } = await webhookFixture();
    const created = await create({ url: RECEIVER, events: ['feedback.created'] });
    expect((await post(submission())).status).toBe(201);
    const [delivery] = await store.listDeliveries(created.id, 1);
    clock.now += 1000;
    const resent = await send(
      'POST',
      `${HOOKS}/${created.id}/deliveries/${delivery!.id}/resend`,
      tokenA,
    );
    expect(resent.status).toBe(202);
    clock.now += 1000;
    expect((await send('DELETE', `${HOOKS}/${created.id}`, tokenA)).status).toBe(204);

    const audit = await store.auditEntries(JUNE_15, JUNE_15 + 10_000);
    // The token by its id, not its label (`a`), which whoever created it chose.
    const actor = `token:${(await store.findTokenByHash(hashToken(tokenA)))!.id}`;
    expect(audit.map((e) => [e.action, e.target, e.actor])).toEqual([
      ['webhook.created', `webhook:${created.id}`, actor],
      ['webhook.resent', `webhook:${created.id}`, actor],
      ['webhook.deleted', `webhook:${created.id}`, actor],
    ]);
    expect(audit[0]!.details).toEqual({
      organisationId: 'org-a',
      host: 'tickets.gemeente-a.be',
      events: ['feedback.created'],
      serviceIds: null,
      includeComment: false,
    });
    expect(audit[1]!.details).toEqual({
      organisationId: 'org-a',
      deliveryId: delivery!.id,
      reenabled: false,
    });
    const text = JSON.stringify(audit);
    expect(text).not.toContain(created.secret);
    expect(text).not.toContain('receiver-own-secret');
    expect(text).not.toContain('/hooks/vo');
  });

  it('take only https receivers on public addresses, naming url', async () => {
    const { refusal } = await webhookFixture();
    const events = ['feedback.created'];
    for (const url of [
      'http://tickets.gemeente-a.be/hooks',
      'https://127.0.0.1/hooks',
      'https://127.1.2.3:8443/hooks',
      'https://10.0.0.8/hooks',
      'https://172.16.5.4/hooks',
      'https://192.168.1.10/hooks',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/hooks',
      'https://0.0.0.0/hooks',
      'https://224.0.0.1/hooks',
      'https://[::1]/hooks',
      'https://[fc00::1]/hooks',
      'https://[fe80::1]/hooks',
      'https://[::ffff:10.0.0.1]/hooks',
      'https://[::ffff:127.0.0.1]/hooks',
      'https://localhost/hooks',
      'https://api.localhost/hooks',
    ]) {
      const problem = await refusal({ url, events });
      expect(
        problem.errors?.map((e) => e.path),
        url,
      ).toEqual(['url']);
    }
    const problem = await refusal({ url: 'http://tickets.gemeente-a.be/hooks', events });
    expect(problem.errors?.[0]?.message).toMatch(/https/);
  });

  it('refuse what the contract does not take, naming each field', async () => {
    const { refusal } = await webhookFixture();
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'ftp://tickets.gemeente-a.be/x', events: ['feedback.created'] }, 'url'],
      [{ url: 'https://user:pw@tickets.gemeente-a.be/x', events: ['feedback.created'] }, 'url'],
      [{ url: 'https://tickets.gemeente-a.be/x#y', events: ['feedback.created'] }, 'url'],
      [{ url: 'not a url', events: ['feedback.created'] }, 'url'],
      [{ url: RECEIVER, events: [] }, 'events'],
      [{ url: RECEIVER, events: ['feedback.deleted'] }, 'events.0'],
      [{ url: RECEIVER, events: ['feedback.created', 'feedback.created'] }, 'events'],
      [{ url: RECEIVER, events: ['feedback.created'], serviceIds: [] }, 'serviceIds'],
      [{ url: RECEIVER, events: ['feedback.created'], serviceIds: ['dienst-b'] }, 'serviceIds.0'],
      [
        { url: RECEIVER, events: ['feedback.created'], serviceIds: ['geen-dienst'] },
        'serviceIds.0',
      ],
      [{ url: RECEIVER, events: ['feedback.created'], includeComment: 'yes' }, 'includeComment'],
      [{ url: RECEIVER, events: ['feedback.created'], secret: 'whsec_mine' }, 'secret'],
    ];
    for (const [body, path] of cases) {
      const problem = await refusal(body);
      expect(
        problem.errors?.map((e) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
  });

  it('take http and private receivers with ALLOW_INSECURE_WEBHOOKS', async () => {
    const { create } = await webhookFixture({ allowInsecureWebhooks: true });
    await create({ url: 'http://127.0.0.1:9999/hooks', events: ['feedback.created'] });
    await create({ url: 'http://localhost:9999/hooks', events: ['feedback.created'] });
  });

  it('are at most 20 per organisation', async () => {
    const { create, send, tokenA } = await webhookFixture();
    for (let i = 0; i < 20; i += 1) {
      await create({ url: `https://hooks.example.be/${i}`, events: ['feedback.created'] });
    }
    const response = await send('POST', HOOKS, tokenA, {
      url: 'https://hooks.example.be/21',
      events: ['feedback.created'],
    });
    expect(response.status).toBe(409);
    expect((await json(response, ProblemSchema)).type).toMatch(/too-many-webhooks$/);
  });

  it('list recent deliveries and resend one from the start, with the same id', async () => {
    const { create, send, tokenA, post, store, clock } = await webhookFixture();
    const created = await create({ url: RECEIVER, events: ['feedback.created'] });
    expect((await post(submission({ rating: 5 }))).status).toBe(201);
    const [delivery] = await store.listDeliveries(created.id, 1);
    // A worker's attempt failed: recorded as it would be.
    const [claimed] = await store.claimDeliveries(clock.now, clock.now + 20_000, 10);
    await store.recordAttempt(
      {
        delivery: claimed!,
        history: [{ attempt: 1, at: clock.now, statusCode: 500, error: 'HTTP 500', ms: 12 }],
        statusCode: 500,
        error: 'HTTP 500',
        delivered: false,
        nextAttemptAt: clock.now + 5_000,
        now: clock.now,
      },
      clock.now - 5 * 86_400_000,
      'disabled',
    );
    const path = `${HOOKS}/${created.id}/deliveries`;
    const before = (await json(await send('GET', path, tokenA), DeliveryListSchema)).deliveries;
    expect(before).toEqual([
      {
        id: delivery!.id,
        event: 'feedback.created',
        status: 'pending',
        attempts: 1,
        lastStatusCode: 500,
        lastError: 'HTTP 500',
        nextAttemptAt: new Date(JUNE_15 + 5_000).toISOString(),
        deliveredAt: null,
        createdAt: new Date(JUNE_15).toISOString(),
        history: [
          {
            attempt: 1,
            at: new Date(JUNE_15).toISOString(),
            statusCode: 500,
            error: 'HTTP 500',
            ms: 12,
          },
        ],
      },
    ]);
    clock.now += 60_000;
    expect((await send('POST', `${path}/${delivery!.id}/resend`, tokenA)).status).toBe(202);
    const after = (await json(await send('GET', path, tokenA), DeliveryListSchema)).deliveries;
    expect(after[0]).toMatchObject({
      id: delivery!.id,
      status: 'pending',
      nextAttemptAt: new Date(clock.now).toISOString(),
    });
    // An unknown delivery, or one of another webhook, is 404; a malformed id too.
    for (const id of ['msg_0190a000-0000-7000-8000-000000000000', 'nope']) {
      expect((await send('POST', `${path}/${id}/resend`, tokenA)).status).toBe(404);
    }
    expect((await send('GET', `${HOOKS}/not-a-uuid/deliveries`, tokenA)).status).toBe(404);
  });
});
