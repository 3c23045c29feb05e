import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  FeedbackItemSchema,
  FeedbackPageSchema,
  ProblemSchema,
  TagSuggestionsSchema,
} from '@vo-feedback/shared';
import { ADMIN_TOKEN, json, submission, testCollector } from '../../test-support/fixtures.ts';

// Triage of comments (status, tags, internal note), the listing's status and tag filters, and the
// tags suggested while tagging: providers of the service's organisation only, recorded in the
// audit without the note's text.

type Collector = Awaited<ReturnType<typeof testCollector>>;

/** A request with a token and, when given, a JSON body (or raw text with its content type). */
function send(
  collector: Collector,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
  contentType = 'application/json',
) {
  return collector.app.request(path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': contentType }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

const feedbackPath = (id: string, serviceId = 'dienst-a') =>
  `/api/v1/services/${serviceId}/feedback/${id}`;

/** Posts a comment for dienst-a (or the service given) and returns its id. */
async function postComment(collector: Collector, comment: string, overrides = {}) {
  const body = submission({ comment, ...overrides });
  expect((await collector.post(body)).status).toBe(201);
  return body.id;
}

async function listing(collector: Collector, query = '') {
  const response = await collector.get(
    `/api/v1/services/dienst-a/feedback${query}`,
    collector.tokenA,
  );
  expect(response.status).toBe(200);
  return json(response, FeedbackPageSchema);
}

describe('PATCH /api/v1/services/:serviceId/feedback/:feedbackId', () => {
  it('sets status, tags and note, answers the item and the listing shows them', async () => {
    const collector = await testCollector();
    const id = await postComment(collector, 'Het formulier weigerde mijn bijlage.');
    const first = await listing(collector);
    expect(first.items[0]).toMatchObject({ id, status: 'new', tags: [], note: null });

    const response = await send(collector, 'PATCH', feedbackPath(id), collector.tokenA, {
      status: 'in-progress',
      tags: [' bijlage ', 'formulier'],
      note: 'Doorgegeven aan het team van het loket.',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const item = await json(response, FeedbackItemSchema);
    expect(item).toMatchObject({
      id,
      serviceId: 'dienst-a',
      comment: 'Het formulier weigerde mijn bijlage.',
      status: 'in-progress',
      // Tags are trimmed.
      tags: expect.arrayContaining(['bijlage', 'formulier']),
      note: 'Doorgegeven aan het team van het loket.',
    });
    expect(item.tags).toHaveLength(2);
    expect((await listing(collector)).items[0]).toEqual(item);
  });

  it('changes only the fields given; an empty or null note removes it, empty tags remove them', async () => {
    const collector = await testCollector();
    const id = await postComment(collector, 'Te traag.');
    const patch = async (body: unknown) =>
      json(await send(collector, 'PATCH', feedbackPath(id), collector.tokenA, body));
    await patch({ status: 'read', tags: ['snelheid'], note: 'Bekijken.' });
    expect(await patch({ status: 'done' })).toMatchObject({
      status: 'done',
      tags: ['snelheid'],
      note: 'Bekijken.',
    });
    expect(await patch({ note: '' })).toMatchObject({ status: 'done', note: null });
    await patch({ note: 'Opnieuw.' });
    expect(await patch({ note: null })).toMatchObject({ note: null, tags: ['snelheid'] });
    expect(await patch({ tags: [] })).toMatchObject({ tags: [], status: 'done' });
  });

  it('answers 400 problem+json naming the field for an invalid body, 415 and 413 for the wrong kind', async () => {
    const collector = await testCollector();
    const id = await postComment(collector, 'Onduidelijk.');
    const problem = async (body: unknown, contentType?: string) => {
      const response = await send(
        collector,
        'PATCH',
        feedbackPath(id),
        collector.tokenA,
        body,
        contentType,
      );
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      return { status: response.status, body: await json(response, ProblemSchema) };
    };
    const cases: Array<[unknown, string, string]> = [
      [{ status: 'gedaan' }, 'status', 'Use new, read, in-progress, done or archived.'],
      [{ tags: 'formulier' }, 'tags', 'Give tags as a list of text.'],
      [{ tags: ['a', 'a'] }, 'tags', 'Give each tag once.'],
      [{ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'tags', 'Give at most 10 tags.'],
      [{ tags: ['x'.repeat(41)] }, 'tags.0', 'Shorten each tag to at most 40 characters.'],
      [{ tags: ['   '] }, 'tags.0', 'Give each tag at least one character.'],
      [{ note: 'x'.repeat(2001) }, 'note', 'Shorten the note to at most 2000 characters.'],
      [{ colour: 'red' }, 'colour', 'Remove the unknown field: colour.'],
      [{}, '(body)', 'Give at least one of status, tags or note.'],
    ];
    for (const [body, path, message] of cases) {
      const answer = await problem(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body).toMatchObject({ type: '/problems/validation-error' });
      expect(answer.body.errors, JSON.stringify(body)).toContainEqual({ path, message });
    }
    expect(await problem('{"status":')).toMatchObject({
      status: 400,
      body: { type: '/problems/invalid-body' },
    });
    expect((await problem('status=read', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await problem({ note: 'x'.repeat(40 * 1024) })).status).toBe(413);
    // Nothing changed.
    expect((await listing(collector)).items[0]).toMatchObject({ status: 'new', tags: [] });
  });

  it('is for the provider of the service only: 401 without a token, 403 for steering and another organisation', async () => {
    const collector = await testCollector();
    const id = await postComment(collector, 'Vlot.');
    const body = { status: 'read' };
    const none = await send(collector, 'PATCH', feedbackPath(id), undefined, body);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(
      (await send(collector, 'PATCH', feedbackPath(id), collector.steering, body)).status,
    ).toBe(403);
    expect((await send(collector, 'PATCH', feedbackPath(id), collector.tokenB, body)).status).toBe(
      403,
    );
    // Access is checked before the body: a refused caller learns nothing about its rules.
    expect(
      (await send(collector, 'PATCH', feedbackPath(id), collector.tokenB, { status: 'x' })).status,
    ).toBe(403);
    expect((await listing(collector)).items[0]!.status).toBe('new');
  });

  it('answers 404 problem+json for an unknown service, an unknown id, another service’s id and a rating without comment', async () => {
    const collector = await testCollector();
    const ofB = await postComment(collector, 'Van B.', { serviceId: 'dienst-b' });
    const ratingOnly = submission({ rating: 2 });
    expect((await collector.post(ratingOnly)).status).toBe(201);
    const patch = async (path: string) => {
      const response = await send(collector, 'PATCH', path, collector.tokenA, { status: 'read' });
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      return json(response, ProblemSchema);
    };
    expect(await patch(feedbackPath(randomUUID(), 'bestaat-niet'))).toMatchObject({
      type: '/problems/unknown-service',
    });
    const unknown = await patch(feedbackPath(randomUUID()));
    expect(unknown).toMatchObject({ type: '/problems/unknown-feedback' });
    expect(unknown.detail).toMatch(/no submission with this id in service "dienst-a"/);
    expect(await patch(feedbackPath('geen-uuid'))).toMatchObject({
      type: '/problems/unknown-feedback',
    });
    // Organisation B's comment is not reachable through organisation A's service.
    expect(await patch(feedbackPath(ofB))).toMatchObject({ type: '/problems/unknown-feedback' });
    const noComment = await patch(feedbackPath(ratingOnly.id));
    expect(noComment).toMatchObject({ type: '/problems/no-comment' });
    expect(noComment.detail).toMatch(/has no comment/);
  });

  it('records who triaged which comment in the audit, with the fields changed and never the note, a tag or the comment', async () => {
    let now = Date.parse('2026-05-04T08:00:00Z');
    const collector = await testCollector({ now: () => now });
    const comment = 'Mijn aanvraag bleef drie weken liggen.';
    const note = 'Gebeld met de burger op maandag.';
    const id = await postComment(collector, comment);
    now += 60_000;
    await send(collector, 'PATCH', feedbackPath(id), collector.tokenA, {
      status: 'done',
      tags: ['wachttijd'],
      note,
    });
    const entries = await collector.store.auditEntries(0, now + 1);
    const triaged = entries.filter((entry) => entry.action === 'feedback.triaged');
    expect(triaged).toEqual([
      {
        id: expect.any(String),
        at: now,
        actor: collector.actorA,
        action: 'feedback.triaged',
        target: `feedback:${id}`,
        details: {
          serviceId: 'dienst-a',
          changed: ['status', 'tags', 'note'],
          status: 'done',
          tags: 1,
        },
      },
    ]);
    const audit = JSON.stringify(entries);
    // A tag is text a provider typed (a name, perhaps): only how many there are.
    expect(audit).not.toContain('wachttijd');
    expect(audit).not.toContain(note);
    expect(audit).not.toContain('Gebeld');
    expect(audit).not.toContain(comment);
    expect(audit).not.toContain('aanvraag');
    // A refused or failed change records nothing.
    await send(collector, 'PATCH', feedbackPath(id), collector.tokenB, { status: 'read' });
    await send(collector, 'PATCH', feedbackPath(randomUUID()), collector.tokenA, {
      status: 'read',
    });
    expect(await collector.store.auditEntries(0, now + 1)).toHaveLength(entries.length);
  });
});

describe('the comment listing filtered by status and tag', () => {
  it('filters on status (new: also comments nobody triaged) and tag, and pages through the filtered list', async () => {
    let now = Date.parse('2026-04-01T08:00:00Z');
    const collector = await testCollector({ now: () => now });
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      now += 60_000;
      ids.push(await postComment(collector, `Opmerking ${i}.`));
    }
    const patch = (id: string, body: unknown) =>
      send(collector, 'PATCH', feedbackPath(id), collector.tokenA, body);
    // Tagged: 0, 2, 3, 5 (5 also archived); read: 1; 6 tagged but untouched otherwise.
    for (const i of [0, 2, 3, 5])
      expect((await patch(ids[i]!, { tags: ['betaling'] })).status).toBe(200);
    await patch(ids[5]!, { status: 'archived' });
    await patch(ids[1]!, { status: 'read' });
    await patch(ids[6]!, { tags: ['andere'] });
    // A tag given and then set back to `new` still counts as new.
    await patch(ids[4]!, { status: 'read' });
    await patch(ids[4]!, { status: 'new' });

    const all = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await listing(
          collector,
          `?limit=2&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      return { seen, pages };
    };
    // Newest first, in pages of two, never repeating or skipping.
    expect(await all('tag=betaling')).toEqual({
      seen: [ids[5], ids[3], ids[2], ids[0]],
      pages: 2,
    });
    expect(await all('tag=betaling&status=new')).toEqual({
      seen: [ids[3], ids[2], ids[0]],
      pages: 2,
    });
    expect(await all('status=new')).toEqual({
      seen: [ids[6], ids[4], ids[3], ids[2], ids[0]],
      pages: 3,
    });
    expect(await all('status=archived')).toEqual({ seen: [ids[5]], pages: 1 });
    expect(await all('status=read')).toEqual({ seen: [ids[1]], pages: 1 });
    expect(await all('tag=Betaling')).toEqual({ seen: [], pages: 1 });

    const invalid = await collector.get(
      '/api/v1/services/dienst-a/feedback?status=open',
      collector.tokenA,
    );
    expect(invalid.status).toBe(400);
    expect((await json(invalid, ProblemSchema)).errors?.[0]?.path).toBe('status');
  });
});

describe('GET /api/v1/services/:serviceId/tags', () => {
  it('suggests the tags in use across the organisation’s services, most used first, and no other organisation’s', async () => {
    const collector = await testCollector({ adminToken: ADMIN_TOKEN });
    // A second service of organisation A.
    const added = await collector.admin('POST', '/services', {
      id: 'dienst-a2',
      name: 'Dienst A2',
      organisationId: 'org-a',
    });
    expect(added.status).toBe(201);
    const empty = await collector.get('/api/v1/services/dienst-a/tags', collector.tokenA);
    expect(empty.status).toBe(200);
    expect(await json(empty, TagSuggestionsSchema)).toEqual({ tags: [] });

    const tag = async (serviceId: string, tags: string[], token: string) => {
      const id = await postComment(collector, 'Iets.', { serviceId });
      const path = feedbackPath(id, serviceId);
      expect((await send(collector, 'PATCH', path, token, { tags })).status).toBe(200);
    };
    await tag('dienst-a', ['betaling', 'formulier'], collector.tokenA);
    await tag('dienst-a', ['betaling'], collector.tokenA);
    await tag('dienst-a2', ['betaling', 'wachttijd'], collector.tokenA);
    await tag('dienst-a', ['wachttijd'], collector.tokenA);
    await tag('dienst-b', ['geheim-van-b'], collector.tokenB);

    const suggestions = await json(
      await collector.get('/api/v1/services/dienst-a/tags', collector.tokenA),
      TagSuggestionsSchema,
    );
    expect(suggestions.tags[0]).toEqual({ tag: 'betaling', count: 3 });
    expect(suggestions.tags.slice(1).sort((x, y) => x.tag.localeCompare(y.tag))).toEqual([
      { tag: 'formulier', count: 1 },
      { tag: 'wachttijd', count: 2 },
    ]);
    expect(suggestions.tags[1]).toEqual({ tag: 'wachttijd', count: 2 });
    expect(
      await json(await collector.get('/api/v1/services/dienst-b/tags', collector.tokenB)),
    ).toEqual({ tags: [{ tag: 'geheim-van-b', count: 1 }] });

    expect((await collector.get('/api/v1/services/dienst-a/tags', collector.steering)).status).toBe(
      403,
    );
    expect((await collector.get('/api/v1/services/dienst-a/tags', collector.tokenB)).status).toBe(
      403,
    );
    expect((await collector.get('/api/v1/services/dienst-a/tags')).status).toBe(401);
    expect(
      (await collector.get('/api/v1/services/bestaat-niet/tags', collector.tokenA)).status,
    ).toBe(404);
  });
});
