import { describe, expect, it, vi } from 'vitest';
import {
  MAX_SUBSCRIPTIONS,
  ProblemSchema,
  SubscriptionListSchema,
  SubscriptionSchema,
} from '@vo-feedback/shared';
import { jsonLogger } from '../../config/logger.ts';
import { ADMIN_TOKEN, json, testCollector } from '../../test-support/fixtures.ts';
import { sqlRows } from '../../test-support/sql.ts';

// E-mail subscriptions through the API: a provider subscribes its organisation's staff, lists and
// deletes them; the steering committee and other organisations reach none of them; every change
// is audited without the address. The unsubscribe link's pages: a GET never unsubscribes, a POST
// does, and a link that names nothing gets a clear page.

async function collector(deps: Parameters<typeof testCollector>[0] = {}) {
  const c = await testCollector({ adminToken: ADMIN_TOKEN, ...deps });
  const call = (method: string, path: string, token?: string, body?: unknown) =>
    c.app.request(path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const create = (body: unknown, token = c.tokenA) =>
    call('POST', '/api/v1/subscriptions', token, body);
  const list = async (token = c.tokenA) =>
    (await json(await call('GET', '/api/v1/subscriptions', token), SubscriptionListSchema))
      .subscriptions;
  const audit = async () =>
    (
      (await json(await c.admin('GET', '/audit'))) as {
        entries: { actor: string; action: string; target: string; details: object }[];
      }
    ).entries.filter((entry) => entry.action.startsWith('subscription.'));
  return { ...c, call, create, list, audit };
}

describe('POST /api/v1/subscriptions', () => {
  it('subscribes a staff address, lower-cased, to every service or to those named', async () => {
    const c = await collector();
    const all = await c.create({ email: '  Kwaliteit@Gemeente-A.be ', frequency: 'weekly' });
    expect(all.status).toBe(201);
    expect(all.headers.get('cache-control')).toBe('no-store');
    const created = await json(all, SubscriptionSchema);
    expect(created).toEqual({
      id: expect.any(String),
      email: 'kwaliteit@gemeente-a.be',
      frequency: 'weekly',
      serviceIds: null,
      createdAt: expect.any(String),
    });
    const named = await json(
      await c.create({
        email: 'loket@gemeente-a.be',
        frequency: 'alerts',
        serviceIds: ['dienst-a'],
      }),
      SubscriptionSchema,
    );
    expect(named.serviceIds).toEqual(['dienst-a']);
    // Never the unsubscribe link's secret.
    expect(JSON.stringify(await c.list())).not.toMatch(/token/i);
    expect((await c.list()).map((s) => s.id)).toEqual([created.id, named.id]);
  });

  it.each([
    [{ email: 'not an address', frequency: 'weekly' }, 'email', /e-mail address/],
    [{ email: 'a@gemeente-a.be', frequency: 'daily' }, 'frequency', /weekly, monthly or alerts/],
    [{ frequency: 'weekly' }, 'email', /e-mail address/],
    [
      { email: 'a@gemeente-a.be', frequency: 'weekly', serviceIds: [] },
      'serviceIds',
      /at least one/,
    ],
    [
      { email: 'a@gemeente-a.be', frequency: 'weekly', serviceIds: ['dienst-a', 'dienst-a'] },
      'serviceIds',
      /once/,
    ],
    [{ email: 'a@gemeente-a.be', frequency: 'weekly', comment: 'x' }, 'comment', /unknown field/],
  ])('refuses %j with 400 naming %s', async (body, path, message) => {
    const c = await collector();
    const response = await c.create(body);
    expect(response.status).toBe(400);
    const problem = await json(response, ProblemSchema);
    expect(problem.type).toBe('/problems/validation-error');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path, message: expect.stringMatching(message) }),
      ]),
    );
  });

  it('refuses a service of another organisation, naming it, and stores nothing', async () => {
    const c = await collector();
    const response = await c.create({
      email: 'a@gemeente-a.be',
      frequency: 'weekly',
      serviceIds: ['dienst-a', 'dienst-b'],
    });
    expect(response.status).toBe(400);
    expect((await json(response, ProblemSchema)).errors).toEqual([
      { path: 'serviceIds.1', message: expect.stringContaining('no service dienst-b') },
    ]);
    expect(await c.list()).toEqual([]);
  });

  it('refuses a second subscription of an address with the same frequency (409)', async () => {
    const c = await collector();
    expect((await c.create({ email: 'a@gemeente-a.be', frequency: 'weekly' })).status).toBe(201);
    const again = await c.create({ email: 'A@gemeente-a.be', frequency: 'weekly' });
    expect(again.status).toBe(409);
    expect((await json(again, ProblemSchema)).type).toBe('/problems/subscription-exists');
    // Another frequency, or another organisation's same address, is another subscription.
    expect((await c.create({ email: 'a@gemeente-a.be', frequency: 'alerts' })).status).toBe(201);
    expect(
      (await c.create({ email: 'a@gemeente-a.be', frequency: 'weekly' }, c.tokenB)).status,
    ).toBe(201);
  });

  it('answers a double submit with one 201 and one 409, and stores one, even when both pass the check', async () => {
    const c = await collector();
    // Both requests read the subscriptions before either inserts: the race the check alone loses.
    const list = c.store.listSubscriptions.bind(c.store);
    const arrived: Array<() => void> = [];
    vi.spyOn(c.store, 'listSubscriptions').mockImplementation(async (organisationId) => {
      const found = await list(organisationId);
      await new Promise<void>((resolve) => {
        arrived.push(resolve);
        if (arrived.length === 2) for (const go of arrived) go();
      });
      return found;
    });
    const body = { email: 'dubbel@gemeente-a.be', frequency: 'weekly' };
    const answers = await Promise.all([c.create(body), c.create(body)]);
    expect(arrived).toHaveLength(2);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const refused = answers.find((answer) => answer.status === 409)!;
    expect((await json(refused, ProblemSchema)).type).toBe('/problems/subscription-exists');
    vi.restoreAllMocks();
    expect((await c.list()).map((s) => s.email)).toEqual(['dubbel@gemeente-a.be']);
    // Only the stored one is audited.
    expect((await c.audit()).map((entry) => entry.action)).toEqual(['subscription.created']);
  });

  it(`holds at most ${MAX_SUBSCRIPTIONS} per organisation`, async () => {
    const c = await collector();
    for (let i = 0; i < MAX_SUBSCRIPTIONS; i += 1) {
      await c.store.createSubscription({
        id: crypto.randomUUID(),
        organisationId: 'org-a',
        email: `p${i}@gemeente-a.be`,
        frequency: 'alerts',
        serviceIds: null,
        unsubscribeToken: `t${String(i).padStart(42, '0')}`,
        createdAt: i,
        createdBy: 'test',
      });
    }
    const response = await c.create({ email: 'one-more@gemeente-a.be', frequency: 'alerts' });
    expect(response.status).toBe(409);
    expect((await json(response, ProblemSchema)).type).toBe('/problems/too-many-subscriptions');
  });
});

describe('who reaches subscriptions', () => {
  it('steering gets 403, an ingest token 403, no token 401; a provider sees only its own', async () => {
    const c = await collector();
    const a = await json(
      await c.create({ email: 'a@gemeente-a.be', frequency: 'weekly' }),
      SubscriptionSchema,
    );
    const body = { email: 'x@vlaanderen.be', frequency: 'weekly' };
    expect((await c.create(body, c.steering)).status).toBe(403);
    expect((await c.call('GET', '/api/v1/subscriptions', c.steering)).status).toBe(403);
    expect((await c.call('DELETE', `/api/v1/subscriptions/${a.id}`, c.steering)).status).toBe(403);
    expect((await c.call('GET', '/api/v1/subscriptions')).status).toBe(401);
    expect(await c.list(c.tokenB)).toEqual([]);
    // Another organisation cannot delete it: to B it does not exist.
    expect((await c.call('DELETE', `/api/v1/subscriptions/${a.id}`, c.tokenB)).status).toBe(404);
    expect((await c.call('DELETE', '/api/v1/subscriptions/not-a-uuid', c.tokenA)).status).toBe(404);
    expect(await c.list()).toHaveLength(1);
  });

  it('deletes one, with what was queued for it, and audits create and delete without the address', async () => {
    const c = await collector();
    const a = await json(
      await c.create({ email: 'geheim.adres@gemeente-a.be', frequency: 'alerts' }),
      SubscriptionSchema,
    );
    await c.store.queueAlertMails(
      {
        id: 'alert-x',
        serviceId: 'dienst-a',
        serviceName: 'Dienst A',
        organisationId: 'org-a',
        kind: 'satisfaction',
        day: '2026-06-03',
        theme: null,
        recent: { from: '2026-05-28', to: '2026-06-03', n: 20, share: 0.4, interval: [0.2, 0.6] },
        previous: {
          from: '2026-04-02',
          to: '2026-05-27',
          n: 200,
          share: 0.9,
          interval: [0.85, 0.93],
        },
        raisedAt: new Date().toISOString(),
      },
      Date.now(),
    );
    const queued = () => sqlRows(c.store, 'select id from mail_outbox');
    expect(await queued()).toHaveLength(1);
    const deleted = await c.call('DELETE', `/api/v1/subscriptions/${a.id.toUpperCase()}`, c.tokenA);
    expect(deleted.status).toBe(204);
    expect(await c.list()).toEqual([]);
    expect(await queued()).toEqual([]);
    expect((await c.call('DELETE', `/api/v1/subscriptions/${a.id}`, c.tokenA)).status).toBe(404);
    const entries = await c.audit();
    expect(entries.map((e) => [e.actor, e.action, e.target])).toEqual([
      [c.actorA, 'subscription.created', `subscription:${a.id}`],
      [c.actorA, 'subscription.deleted', `subscription:${a.id}`],
    ]);
    expect(JSON.stringify(entries)).not.toContain('geheim.adres');
  });
});

describe('the unsubscribe link', () => {
  it('shows a page with a button on GET and unsubscribes only on POST, audited as the link', async () => {
    const c = await collector();
    const a = await json(
      await c.create({ email: 'a@gemeente-a.be', frequency: 'monthly' }),
      SubscriptionSchema,
    );
    const [row] = await sqlRows(
      c.store,
      'select unsubscribe_token as token from subscriptions where id = ?',
      [a.id],
    );
    const path = `/unsubscribe/${String(row!.token)}`;
    for (let i = 0; i < 3; i += 1) {
      const page = await c.app.request(path);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('set-cookie')).toBeNull();
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const text = await page.text();
      expect(text).toContain('<html lang="nl">');
      expect(text).toContain('het maandelijkse overzicht van Organisatie A');
      expect(text).toContain(`<form method="post" action="${path}">`);
    }
    expect(await c.list()).toHaveLength(1);
    const done = await c.app.request(path, { method: 'POST' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('a@gemeente-a.be ontvangt het maandelijkse overzicht');
    expect(await c.list()).toEqual([]);
    const entries = await c.audit();
    expect(entries.at(-1)).toMatchObject({
      actor: 'unsubscribe-link',
      action: 'subscription.unsubscribed',
      target: `subscription:${a.id}`,
    });
    // Used: a clear page, not an error.
    for (const method of ['GET', 'POST']) {
      const used = await c.app.request(path, { method });
      expect(used.status).toBe(200);
      expect(await used.text()).toContain('Geen abonnement bij deze link');
    }
  });

  it('answers a link that was never one with the same clear page, never a trace', async () => {
    const c = await collector();
    for (const token of ['x', 'A'.repeat(43), '%3Cscript%3E', 'a'.repeat(500)]) {
      for (const method of ['GET', 'POST']) {
        const response = await c.app.request(`/unsubscribe/${token}`, { method });
        expect(response.status).toBe(200);
        const text = await response.text();
        expect(text).toContain('Geen abonnement bij deze link');
        expect(text).not.toContain('<script>');
      }
    }
  });

  it('answers a page, not a trace, when the database cannot answer, and logs no secret', async () => {
    const logs: string[] = [];
    const c = await collector({ logger: jsonLogger((line) => logs.push(line)) });
    const a = await json(
      await c.create({ email: 'a@gemeente-a.be', frequency: 'weekly' }),
      SubscriptionSchema,
    );
    const [row] = await sqlRows(
      c.store,
      'select unsubscribe_token as token from subscriptions where id = ?',
      [a.id],
    );
    const token = String(row!.token);
    await c.store.close();
    for (const method of ['GET', 'POST']) {
      const response = await c.app.request(`/unsubscribe/${token}`, { method });
      expect(response.status).toBeGreaterThanOrEqual(500);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const text = await response.text();
      expect(text).toContain('Afmelden lukt nu even niet');
      expect(text).not.toMatch(/Error|at .*\.ts/);
    }
    // The link mangled on its way (a doubled slash, a capital): not ours, still not logged.
    for (const path of [`/unsubscribe//${token}`, `/Unsubscribe/${token}/x`]) {
      await c.app.request(path);
    }
    const lines = logs.map(
      (line) => JSON.parse(line) as { level: string; message: string; path?: string },
    );
    // The error log ('database unavailable' on SQLite; PostgreSQL's closed pool is an 'unhandled
    // error') and the request log both name the path, each without the secret.
    expect(lines.filter((line) => line.level === 'error')).toEqual([
      expect.objectContaining({ path: '/unsubscribe/:token' }),
      expect.objectContaining({ path: '/unsubscribe/:token' }),
    ]);
    expect(lines.filter((line) => line.message === 'request')).toHaveLength(5);
    expect(logs.join('\n')).not.toContain(token);
  });
});
