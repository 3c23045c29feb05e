import { describe, expect, it } from 'vitest';
import { PersonSchema } from '@vo-feedback/shared';
import { z } from 'zod';
import { ADMIN_TOKEN, json, testCollector } from '../../test-support/fixtures.ts';
import { openSession, personSession, type PersonSession } from '../../test-support/sessions.ts';

// People under /api/v1/admin/people, and what a manager (a person signed in with role manager)
// may do in the admin API: its own organisation's services, people and tokens — and nothing
// outside it. The sign-in itself is tested in routes/auth against a real issuer.

const People = z.array(PersonSchema);

async function world() {
  const collector = await testCollector({ adminToken: ADMIN_TOKEN });
  const manager = await personSession(collector.store, {
    email: 'mia@org-a.be',
    role: 'manager',
    organisationId: 'org-a',
  });
  /** A request to the admin API in a person's session (a same-origin change with its token). */
  const as = (session: PersonSession, method: string, path: string, body?: unknown) =>
    collector.app.request(`/api/v1/admin${path}`, {
      method,
      headers: {
        ...session.changeHeaders,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { ...collector, manager, as };
}

describe('POST, GET and DELETE /api/v1/admin/people (platform administrator)', () => {
  it('registers people by e-mail address, role and organisation, lists them and removes them', async () => {
    const { admin } = await testCollector({ adminToken: ADMIN_TOKEN });
    const created = await admin('POST', '/people', {
      email: '  An.Peeters@Org-A.be ',
      role: 'manager',
      organisationId: 'org-a',
    });
    expect(created.status).toBe(201);
    const an = await json(created, PersonSchema);
    expect(an).toMatchObject({
      email: 'an.peeters@org-a.be',
      role: 'manager',
      organisationId: 'org-a',
      createdBy: 'admin',
      bound: false,
      lastSignInAt: null,
    });
    expect(
      (await admin('POST', '/people', { email: 'stuur@vlaanderen.be', role: 'steering' })).status,
    ).toBe(201);
    const list = await json(await admin('GET', '/people'), People);
    expect(list.map((p) => p.email)).toEqual(['an.peeters@org-a.be', 'stuur@vlaanderen.be']);
    expect((await admin('DELETE', `/people/${an.id}`)).status).toBe(204);
    expect((await admin('DELETE', `/people/${an.id}`)).status).toBe(404);
    expect((await json(await admin('GET', '/people'), People)).map((p) => p.email)).toEqual([
      'stuur@vlaanderen.be',
    ]);
  });

  it('names the field and how to fix it', async () => {
    const { admin } = await testCollector({ adminToken: ADMIN_TOKEN });
    const problem = async (body: unknown) => {
      const response = await admin('POST', '/people', body);
      expect(response.status).toBe(400);
      return (await json(response)) as { errors: { path: string; message: string }[] };
    };
    expect((await problem({ email: 'geen-adres', role: 'provider' })).errors[0]).toMatchObject({
      path: 'email',
      message: expect.stringContaining('e-mail address'),
    });
    expect((await problem({ email: 'a@b.be', role: 'admin' })).errors[0]!.path).toBe('role');
    expect((await problem({ email: 'a@b.be', role: 'provider' })).errors).toEqual([
      {
        path: 'organisationId',
        message: 'Give the organisationId of the organisation this provider belongs to.',
      },
    ]);
    expect(
      (await problem({ email: 'a@b.be', role: 'steering', organisationId: 'org-a' })).errors[0],
    ).toMatchObject({ path: 'organisationId', message: expect.stringContaining('leave') });
    expect(
      (await problem({ email: 'a@b.be', role: 'manager', organisationId: 'org-x' })).errors[0],
    ).toMatchObject({ path: 'organisationId', message: expect.stringContaining('org add org-x') });
    expect(
      (await problem({ email: 'a@b.be', role: 'provider', organisationId: 'org-a', extra: 1 }))
        .errors[0]!.path,
    ).toBe('extra');
  });

  it('answers 409 for an address registered already', async () => {
    const { admin } = await testCollector({ adminToken: ADMIN_TOKEN });
    const body = { email: 'an@org-a.be', role: 'provider', organisationId: 'org-a' };
    expect((await admin('POST', '/people', body)).status).toBe(201);
    const again = await admin('POST', '/people', { ...body, email: 'AN@org-a.be' });
    expect(again.status).toBe(409);
    expect((await json(again)).detail).toContain('an@org-a.be is registered already');
  });

  it('ends every session of a person removed: their very next request is refused', async () => {
    const { admin, app, store } = await testCollector({ adminToken: ADMIN_TOKEN });
    const first = await personSession(store, {
      email: 'an@org-a.be',
      role: 'provider',
      organisationId: 'org-a',
    });
    const second = await openSession(store, first.person);
    for (const session of [first, second]) {
      expect((await app.request('/api/v1/me', { headers: session.changeHeaders })).status).toBe(
        200,
      );
    }
    expect((await admin('DELETE', `/people/${first.person.id}`)).status).toBe(204);
    for (const session of [first, second]) {
      expect((await app.request('/api/v1/me', { headers: session.changeHeaders })).status).toBe(
        401,
      );
    }
  });
});

describe('a manager runs its own organisation in the admin API, and nothing outside it', () => {
  it('registers providers and managers of its organisation (its own when none is given), never steering, never elsewhere', async () => {
    const { as, manager, admin } = await world();
    const provider = await as(manager, 'POST', '/people', {
      email: 'pim@org-a.be',
      role: 'provider',
    });
    expect(provider.status).toBe(201);
    expect(await json(provider, PersonSchema)).toMatchObject({
      organisationId: 'org-a',
      createdBy: 'person:mia@org-a.be',
    });
    expect(
      (
        await as(manager, 'POST', '/people', {
          email: 'm2@org-a.be',
          role: 'manager',
          organisationId: 'org-a',
        })
      ).status,
    ).toBe(201);
    const steering = await as(manager, 'POST', '/people', { email: 's@v.be', role: 'steering' });
    expect(steering.status).toBe(403);
    expect((await json(steering)).detail).toContain('platform administrator');
    const elsewhere = await as(manager, 'POST', '/people', {
      email: 'b@org-b.be',
      role: 'provider',
      organisationId: 'org-b',
    });
    expect(elsewhere.status).toBe(403);
    expect((await json(elsewhere)).detail).toContain('You manage "org-a" only');

    await admin('POST', '/people', {
      email: 'bo@org-b.be',
      role: 'provider',
      organisationId: 'org-b',
    });
    const listed = await json(await as(manager, 'GET', '/people'), People);
    expect(listed.map((p) => p.email)).toEqual(['m2@org-a.be', 'mia@org-a.be', 'pim@org-a.be']);
  });

  it('removes people of its organisation, not of another one, and not itself', async () => {
    const { as, manager, store, admin } = await world();
    const pim = await personSession(store, {
      email: 'pim@org-a.be',
      role: 'provider',
      organisationId: 'org-a',
    });
    const bo = (await json(
      await admin('POST', '/people', {
        email: 'bo@org-b.be',
        role: 'provider',
        organisationId: 'org-b',
      }),
    )) as { id: string };
    expect((await as(manager, 'DELETE', `/people/${bo.id}`)).status).toBe(404);
    const self = await as(manager, 'DELETE', `/people/${manager.person.id}`);
    expect(self.status).toBe(403);
    expect((await json(self)).detail).toContain('cannot remove yourself');
    expect((await as(manager, 'DELETE', `/people/${pim.person.id}`)).status).toBe(204);
    expect(await store.getPerson(pim.person.id)).toBeUndefined();
    expect(await store.getPerson(bo.id)).toBeDefined();
  });

  it('adds and changes its own services; another organisation’s are 403, and so is moving one out', async () => {
    const { as, manager } = await world();
    const added = await as(manager, 'POST', '/services', {
      id: 'nieuw-loket',
      name: 'Nieuw loket',
      allowedOrigins: ['https://loket.org-a.be'],
    });
    expect(added.status).toBe(201);
    expect(await json(added)).toMatchObject({ organisationId: 'org-a' });
    const helpUrl = 'https://www.org-a.be/hulp';
    const changed = await as(manager, 'PATCH', '/services/dienst-a', {
      helpUrl,
      allowedOrigins: ['https://www.gemeente-a.be', 'https://loket.org-a.be'],
    });
    expect(changed.status).toBe(200);
    expect(await json(changed)).toMatchObject({ helpUrl });
    for (const [method, path, body] of [
      ['POST', '/services', { id: 'x-b', name: 'X', organisationId: 'org-b' }],
      ['PATCH', '/services/dienst-b', { name: 'Van mij' }],
      ['PATCH', '/services/dienst-a', { organisationId: 'org-b' }],
    ] as const) {
      const response = await as(manager, method, path, body);
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    const listed = (await json(await as(manager, 'GET', '/services'))) as { id: string }[];
    expect(listed.map((s) => s.id)).toEqual(['dienst-a', 'nieuw-loket']);
    expect((await as(manager, 'GET', '/services?organisationId=org-b')).status).toBe(403);
  });

  it('creates and revokes its organisation’s provider and ingest tokens; steering tokens and others’ tokens are not its own', async () => {
    const { as, manager, admin } = await world();
    const created = await as(manager, 'POST', '/tokens', { label: 'team', role: 'provider' });
    expect(created.status).toBe(201);
    const { id } = (await json(created)) as { id: string };
    expect(
      (
        await as(manager, 'POST', '/tokens', {
          label: 'cc',
          role: 'ingest',
          organisationId: 'org-a',
        })
      ).status,
    ).toBe(201);
    expect((await as(manager, 'POST', '/tokens', { label: 's', role: 'steering' })).status).toBe(
      403,
    );
    expect(
      (
        await as(manager, 'POST', '/tokens', {
          label: 'b',
          role: 'provider',
          organisationId: 'org-b',
        })
      ).status,
    ).toBe(403);
    const listed = (await json(await as(manager, 'GET', '/tokens'))) as {
      organisationId: string | null;
    }[];
    expect(new Set(listed.map((t) => t.organisationId))).toEqual(new Set(['org-a']));
    const others = (await json(await admin('GET', '/tokens'))) as {
      id: string;
      organisationId: string | null;
    }[];
    const ofB = others.find((t) => t.organisationId === 'org-b')!;
    expect((await as(manager, 'DELETE', `/tokens/${ofB.id}`)).status).toBe(404);
    expect((await as(manager, 'DELETE', `/tokens/${id}`)).status).toBe(204);
  });

  it('sees its own organisation only, and leaves organisations and the audit to the platform administrator', async () => {
    const { as, manager } = await world();
    const organisations = (await json(await as(manager, 'GET', '/organisations'))) as {
      id: string;
    }[];
    expect(organisations.map((o) => o.id)).toEqual(['org-a']);
    for (const [method, path, body] of [
      ['POST', '/organisations', { id: 'org-c', name: 'C' }],
      ['PATCH', '/organisations/org-a', { name: 'Anders' }],
      ['GET', '/audit', undefined],
    ] as const) {
      const response = await as(manager, method, path, body);
      expect(response.status, `${method} ${path}`).toBe(403);
      expect((await json(response)).type).toBe('/problems/platform-only');
    }
  });

  it('records what it does in the audit as person:<its e-mail address>', async () => {
    const { as, manager, admin } = await world();
    await as(manager, 'POST', '/tokens', { label: 'team', role: 'provider' });
    await as(manager, 'PATCH', '/services/dienst-a', { name: 'Dienst A (nieuw)' });
    const audit = (await json(await admin('GET', '/audit'))) as {
      entries: { actor: string; action: string }[];
    };
    expect(audit.entries.map((e) => [e.actor, e.action]).sort()).toEqual([
      ['person:mia@org-a.be', 'service.updated'],
      ['person:mia@org-a.be', 'token.created'],
    ]);
  });

  it('keeps its part of the admin API when ADMIN_TOKEN is not set', async () => {
    const { app, store } = await testCollector();
    const manager = await personSession(store, {
      email: 'mia@org-a.be',
      role: 'manager',
      organisationId: 'org-a',
    });
    const response = await app.request('/api/v1/admin/people', { headers: manager.changeHeaders });
    expect(response.status).toBe(200);
  });

  it('refuses a provider or steering person (403) and a change without the CSRF token (403)', async () => {
    const { app, store, manager } = await world();
    for (const person of [
      { email: 'p@org-a.be', role: 'provider' as const, organisationId: 'org-a' },
      { email: 's@vlaanderen.be', role: 'steering' as const },
    ]) {
      const session = await personSession(store, person);
      const response = await app.request('/api/v1/admin/services', {
        headers: session.changeHeaders,
      });
      expect(response.status).toBe(403);
      expect((await json(response)).type).toBe('/problems/not-a-manager');
    }
    const forged = await app.request('/api/v1/admin/tokens', {
      method: 'POST',
      headers: { cookie: manager.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'x', role: 'provider' }),
    });
    expect(forged.status).toBe(403);
    expect((await json(forged)).type).toBe('/problems/csrf');
  });

  it('manages its organisation’s webhooks', async () => {
    const { app, manager } = await world();
    const created = await app.request('/api/v1/webhooks', {
      method: 'POST',
      headers: { ...manager.changeHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://hooks.org-a.be/vo', events: ['feedback.created'] }),
    });
    expect(created.status).toBe(201);
    const listed = (await json(
      await app.request('/api/v1/webhooks', { headers: manager.changeHeaders }),
    )) as { webhooks?: unknown[] } | unknown[];
    expect(JSON.stringify(listed)).toContain('hooks.org-a.be');
  });
});
