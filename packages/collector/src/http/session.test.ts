import { describe, expect, it } from 'vitest';
import { SESSION_TOUCH_MS } from '../domain/sessions.ts';
import { ADMIN_TOKEN, json, submission, testCollector } from '../test-support/fixtures.ts';
import { personSession } from '../test-support/sessions.ts';
import { sqlRows } from '../test-support/sql.ts';

// A signed-in person's session on the provider and steering API: it reads like a token of its
// role, and a request that changes something passes only with the session's CSRF token, from a
// page of this origin. Bearer tokens need none of that (nothing ambient: a browser never adds
// them on its own) and win over a cookie.

async function world() {
  let now = Date.now();
  const collector = await testCollector({ adminToken: ADMIN_TOKEN, now: () => now });
  const id = (await json(await collector.post(submission({ comment: 'Duidelijk.' })))).id as string;
  const an = await personSession(
    collector.store,
    { email: 'an@org-a.be', role: 'provider', organisationId: 'org-a' },
    now,
  );
  const triage = (headers: Record<string, string>) =>
    collector.app.request(`/api/v1/services/dienst-a/feedback/${id}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'read' }),
    });
  return { ...collector, an, triage, later: (ms: number) => (now += ms) };
}

describe('a session on the API', () => {
  it('reads as its role: a provider its own organisation’s comments; steering never a comment', async () => {
    const { app, store, an } = await world();
    const own = await app.request('/api/v1/services/dienst-a/feedback', {
      headers: { cookie: an.cookie },
    });
    expect(own.status).toBe(200);
    const other = await app.request('/api/v1/services/dienst-b/feedback', {
      headers: { cookie: an.cookie },
    });
    expect(other.status).toBe(403);
    const steering = await personSession(store, { email: 's@vlaanderen.be', role: 'steering' });
    const summaries = await app.request('/api/v1/services/dienst-b/summary', {
      headers: { cookie: steering.cookie },
    });
    expect(summaries.status).toBe(200);
    const comments = await app.request('/api/v1/services/dienst-b/feedback', {
      headers: { cookie: steering.cookie },
    });
    expect(comments.status).toBe(403);
  });

  it('changes something only with the session’s CSRF token, from this origin', async () => {
    const { triage, an } = await world();
    const refused = async (headers: Record<string, string>, why: string) => {
      const response = await triage(headers);
      expect(response.status, why).toBe(403);
      const problem = (await json(response)) as { type: string; detail: string };
      expect(problem.type).toBe('/problems/csrf');
      expect(problem.detail).toContain('X-CSRF-Token');
    };
    await refused({ cookie: an.cookie }, 'no token');
    await refused({ cookie: an.cookie, 'x-csrf-token': 'x'.repeat(43) }, 'a wrong token');
    await refused({ ...an.changeHeaders, 'sec-fetch-site': 'cross-site' }, 'from another site');
    await refused({ ...an.changeHeaders, 'sec-fetch-site': 'same-site' }, 'from a sibling');
    await refused({ ...an.changeHeaders, origin: 'https://evil.example' }, 'another origin');
    expect((await triage({ ...an.changeHeaders, origin: 'http://localhost' })).status).toBe(200);
    // A browser that sends neither Origin nor Sec-Fetch-Site still needs the token.
    expect((await triage({ cookie: an.cookie, 'x-csrf-token': an.csrfToken })).status).toBe(200);
  });

  it('records the change in the audit as person:<e-mail address>', async () => {
    const { triage, an, admin } = await world();
    expect((await triage(an.changeHeaders)).status).toBe(200);
    const audit = (await json(await admin('GET', '/audit'))) as {
      entries: { actor: string; action: string }[];
    };
    expect(audit.entries.map((e) => [e.actor, e.action])).toEqual([
      ['person:an@org-a.be', 'feedback.triaged'],
    ]);
  });

  it('needs no CSRF token with a bearer token, which wins over a cookie', async () => {
    const { triage, tokenA, tokenB, an } = await world();
    expect((await triage({ authorization: `Bearer ${tokenA}` })).status).toBe(200);
    // Organisation B's token with A's person's cookie: the token decides (403), not the cookie.
    expect((await triage({ ...an.changeHeaders, authorization: `Bearer ${tokenB}` })).status).toBe(
      403,
    );
  });

  it('writes its last use at most once a minute', async () => {
    const { app, store, an, later } = await world();
    const lastSeen = async () =>
      (
        await sqlRows(store, 'select last_seen_at from sessions where person_id = ?', [
          an.person.id,
        ])
      ).map((row) => Number(row.last_seen_at))[0]!;
    const before = await lastSeen();
    const me = () => app.request('/api/v1/me', { headers: { cookie: an.cookie } });
    later(SESSION_TOUCH_MS - 1);
    expect((await me()).status).toBe(200);
    expect(await lastSeen()).toBe(before);
    later(1);
    expect((await me()).status).toBe(200);
    expect(await lastSeen()).toBe(before + SESSION_TOUCH_MS);
  });

  it('answers a session privately: Cache-Control: private, no-store and Vary: Cookie (a token’s answers are the route’s own)', async () => {
    const { app, store, an, tokenA } = await world();
    const me = await app.request('/api/v1/me', { headers: { cookie: an.cookie } });
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('private, no-store');
    expect(me.headers.get('vary')).toMatch(/(^|,\s*)Cookie(,|$)/);
    // A route that sets its own caching is overruled in a session; so is a refusal.
    const summary = await app.request('/api/v1/services/dienst-a/summary', {
      headers: { cookie: an.cookie },
    });
    expect(summary.status).toBe(200);
    expect(summary.headers.get('cache-control')).toBe('private, no-store');
    const other = await app.request('/api/v1/services/dienst-b/feedback', {
      headers: { cookie: an.cookie },
    });
    expect(other.status).toBe(403);
    expect(other.headers.get('cache-control')).toBe('private, no-store');
    expect(other.headers.get('vary')).toMatch(/Cookie/);
    // The admin API in a manager's session.
    const mia = await personSession(store, {
      email: 'mia@org-a.be',
      role: 'manager',
      organisationId: 'org-a',
    });
    const people = await app.request('/api/v1/admin/people', { headers: { cookie: mia.cookie } });
    expect(people.status).toBe(200);
    expect(people.headers.get('cache-control')).toBe('private, no-store');
    expect(people.headers.get('vary')).toMatch(/Cookie/);
    const withToken = await app.request('/api/v1/me', {
      headers: { authorization: `Bearer ${tokenA}` },
    });
    expect(withToken.headers.get('vary') ?? '').not.toMatch(/Cookie/);
  });

  it('opens nothing with a cookie that is not a session’s', async () => {
    const { app } = await world();
    for (const cookie of ['vo-session=nope', `vo-session=${'a'.repeat(43)}`, 'vo-session=']) {
      expect((await app.request('/api/v1/me', { headers: { cookie } })).status).toBe(401);
    }
  });
});
