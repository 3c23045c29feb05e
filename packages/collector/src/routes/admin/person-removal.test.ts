import { describe, expect, it } from 'vitest';
import { AuditLogSchema, WebhookListSchema } from '@vo-feedback/shared';
import { CREATOR_REMOVED } from '../../use-cases/people.ts';
import { ADMIN_TOKEN, json, testCollector } from '../../test-support/fixtures.ts';
import { personSession, type PersonSession } from '../../test-support/sessions.ts';

// What a person leaves behind when they are removed: nothing that keeps acting in their name. The
// webhooks they created (which may carry comments out of the collector) are disabled, the tokens
// they created are revoked; what others created stays. And in a session, only a manager changes
// webhooks: a provider who is not one reads them.

async function world() {
  const collector = await testCollector({ adminToken: ADMIN_TOKEN });
  const as = (session: PersonSession, method: string, path: string, body?: unknown) =>
    collector.app.request(path, {
      method,
      headers: {
        ...session.changeHeaders,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const manager = (email: string) =>
    personSession(collector.store, { email, role: 'manager', organisationId: 'org-a' });
  const webhook = async (by: PersonSession | string, host: string) => {
    const body = { url: `https://${host}/vo`, events: ['feedback.created'], includeComment: true };
    const response =
      typeof by === 'string'
        ? await collector.app.request('/api/v1/webhooks', {
            method: 'POST',
            headers: { authorization: `Bearer ${by}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        : await as(by, 'POST', '/api/v1/webhooks', body);
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await json(response)) as { id: string }).id;
  };
  const token = async (by: PersonSession, label: string) => {
    const response = await as(by, 'POST', '/api/v1/admin/tokens', { label, role: 'provider' });
    expect(response.status).toBe(201);
    return (await json(response)) as { id: string; token: string };
  };
  const me = async (bearer: string) =>
    (await collector.app.request('/api/v1/me', { headers: { authorization: `Bearer ${bearer}` } }))
      .status;
  const webhooks = async () =>
    (await json(await collector.get('/api/v1/webhooks', collector.tokenA), WebhookListSchema))
      .webhooks;
  return { ...collector, as, manager, webhook, token, me, webhooks };
}

describe('removing a person', () => {
  it('disables the webhooks they created and revokes the tokens they created; what others created stays', async () => {
    const w = await world();
    const mia = await w.manager('mia@org-a.be');
    const tom = await w.manager('tom@org-a.be');
    const miasHook = await w.webhook(mia, 'mia.org-a.be');
    const tomsHook = await w.webhook(tom, 'tom.org-a.be');
    const tokensHook = await w.webhook(w.tokenA, 'token.org-a.be');
    const miasToken = await w.token(mia, 'team mia');
    const tomsToken = await w.token(tom, 'team tom');
    expect(await w.me(miasToken.token)).toBe(200);

    // Tom, a manager of the same organisation, removes Mia.
    expect((await w.as(tom, 'DELETE', `/api/v1/admin/people/${mia.person.id}`)).status).toBe(204);

    const listed = new Map((await w.webhooks()).map((hook) => [hook.id, hook]));
    expect(listed.get(miasHook)).toMatchObject({ disabledReason: CREATOR_REMOVED });
    expect(listed.get(miasHook)!.disabledAt).not.toBeNull();
    for (const kept of [tomsHook, tokensHook]) {
      expect(listed.get(kept)).toMatchObject({ disabledAt: null, disabledReason: null });
    }
    expect(await w.me(miasToken.token)).toBe(401);
    expect(await w.me(tomsToken.token)).toBe(200);
    expect(await w.me(w.tokenA)).toBe(200);

    const audit = await json(await w.admin('GET', '/audit'), AuditLogSchema);
    const removed = audit.entries.find((entry) => entry.action === 'person.removed')!;
    expect(removed).toMatchObject({
      actor: 'person:tom@org-a.be',
      target: `person:${mia.person.id}`,
      details: {
        personId: mia.person.id,
        role: 'manager',
        disabledWebhooks: [miasHook],
        revokedTokens: [miasToken.id],
      },
    });
    // Another manager deletes it (or takes it on: a resend enables it again).
    expect((await w.as(tom, 'DELETE', `/api/v1/webhooks/${miasHook}`)).status).toBe(204);
  });

  it('takes back the same for the platform administrator, and leaves a person who created nothing as they were', async () => {
    const w = await world();
    const mia = await w.manager('mia@org-a.be');
    const hook = await w.webhook(mia, 'mia.org-a.be');
    const created = await w.token(mia, 'team mia');
    const pim = await personSession(w.store, {
      email: 'pim@org-a.be',
      role: 'provider',
      organisationId: 'org-a',
    });
    expect((await w.admin('DELETE', `/people/${pim.person.id}`)).status).toBe(204);
    expect((await w.webhooks()).every((webhook) => webhook.disabledAt === null)).toBe(true);
    expect((await w.admin('DELETE', `/people/${mia.person.id}`)).status).toBe(204);
    expect((await w.webhooks()).find((webhook) => webhook.id === hook)!.disabledAt).not.toBeNull();
    expect(await w.me(created.token)).toBe(401);
  });
});

describe('webhooks in a session', () => {
  it('a provider who is not a manager reads them, and adds, deletes and resends none (403 not-a-manager)', async () => {
    const w = await world();
    const mia = await w.manager('mia@org-a.be');
    const hook = await w.webhook(mia, 'mia.org-a.be');
    const pim = await personSession(w.store, {
      email: 'pim@org-a.be',
      role: 'provider',
      organisationId: 'org-a',
    });
    const listed = await w.as(pim, 'GET', '/api/v1/webhooks');
    expect(listed.status).toBe(200);
    expect((await json(listed, WebhookListSchema)).webhooks.map((h) => h.id)).toEqual([hook]);
    expect((await w.as(pim, 'GET', `/api/v1/webhooks/${hook}/deliveries`)).status).toBe(200);
    for (const [method, path, body] of [
      [
        'POST',
        '/api/v1/webhooks',
        { url: 'https://pim.example.be/vo', events: ['feedback.created'] },
      ],
      ['DELETE', `/api/v1/webhooks/${hook}`, undefined],
      ['POST', `/api/v1/webhooks/${hook}/deliveries/msg_${crypto.randomUUID()}/resend`, undefined],
    ] as const) {
      const response = await w.as(pim, method, path, body);
      expect(response.status, `${method} ${path}`).toBe(403);
      expect((await json(response)).type).toBe('/problems/not-a-manager');
    }
    expect((await w.webhooks()).map((h) => h.id)).toEqual([hook]);
  });
});
