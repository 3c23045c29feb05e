import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ActionListSchema,
  ActionSchema,
  ProblemSchema,
  PublicServiceStatsSchema,
} from '@vo-feedback/shared';
import { json, submission, testCollector } from '../../test-support/fixtures.ts';

// Improvement actions ("Wat we verbeteren"): the provider's own list; public ones that are done
// reach /transparantie and the public statistics; the audit holds who did what, never the text.

const ACTIONS = '/api/v1/services/dienst-a/actions';
/** 15 June 2026, 10:00 in Brussels. */
const JUNE_15 = Date.UTC(2026, 5, 15, 8);

async function actingFixture() {
  const clock = { now: JUNE_15 };
  const collector = await testCollector({ now: () => clock.now });
  const send = (method: string, path: string, token: string, body?: unknown) =>
    collector.app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const create = async (body: Record<string, unknown>) => {
    const response = await send('POST', ACTIONS, collector.tokenA, body);
    expect(response.status).toBe(201);
    return json(response, ActionSchema);
  };
  return { ...collector, clock, send, create };
}

describe('improvement actions', () => {
  it('are created, listed newest first, changed and deleted by the provider', async () => {
    const { send, create, clock, tokenA } = await actingFixture();
    const first = await create({ title: 'Formulier korter maken', description: 'Drie stappen.' });
    expect(first).toMatchObject({
      serviceId: 'dienst-a',
      title: 'Formulier korter maken',
      description: 'Drie stappen.',
      status: 'planned',
      public: false,
      themes: [],
      feedbackIds: [],
      plannedOn: null,
      doneOn: null,
      createdAt: new Date(JUNE_15).toISOString(),
    });
    clock.now += 60_000;
    const second = await create({ title: 'Uitleg bij stap 2', plannedOn: '2026-09-01' });

    const list = await json(await send('GET', ACTIONS, tokenA), ActionListSchema);
    expect(list.actions.map((a) => a.id)).toEqual([second.id, first.id]);

    clock.now += 60_000;
    const changed = await send('PATCH', `${ACTIONS}/${first.id}`, tokenA, {
      status: 'in-progress',
      themes: ['formulier'],
    });
    expect(changed.status).toBe(200);
    expect(await json(changed, ActionSchema)).toMatchObject({
      id: first.id,
      title: 'Formulier korter maken',
      description: 'Drie stappen.',
      status: 'in-progress',
      themes: ['formulier'],
      updatedAt: new Date(clock.now).toISOString(),
    });

    // An id in capitals is the same action.
    const deleted = await send('DELETE', `${ACTIONS}/${first.id.toUpperCase()}`, tokenA);
    expect(deleted.status).toBe(204);
    const again = await send('DELETE', `${ACTIONS}/${first.id}`, tokenA);
    expect(again.status).toBe(404);
    expect((await json(again, ProblemSchema)).type).toMatch(/unknown-action$/);
    const after = await json(await send('GET', ACTIONS, tokenA), ActionListSchema);
    expect(after.actions.map((a) => a.id)).toEqual([second.id]);
  });

  it('get today (Brussels) as doneOn when done without a day, and lose it when no longer done', async () => {
    const { send, create, clock, tokenA } = await actingFixture();
    // 22:30 UTC on 30 June is already 1 July in Brussels.
    clock.now = Date.UTC(2026, 5, 30, 22, 30);
    const done = await create({ title: 'Knop hernoemd', status: 'done' });
    expect(done.doneOn).toBe('2026-07-01');
    const given = await create({ title: 'Oud probleem', status: 'done', doneOn: '2026-02-03' });
    expect(given.doneOn).toBe('2026-02-03');

    const patch = async (id: string, body: unknown) =>
      json(await send('PATCH', `${ACTIONS}/${id}`, tokenA, body), ActionSchema);
    expect((await patch(done.id, { status: 'planned' })).doneOn).toBeNull();
    clock.now = Date.UTC(2026, 7, 10, 9);
    expect((await patch(done.id, { status: 'done' })).doneOn).toBe('2026-08-10');
    // A title change keeps the day; a day given with the move away from done is kept.
    expect((await patch(done.id, { title: 'Knop duidelijk hernoemd' })).doneOn).toBe('2026-08-10');
    expect((await patch(given.id, { status: 'in-progress', doneOn: '2026-02-03' })).doneOn).toBe(
      '2026-02-03',
    );
    // Done with an explicit null is still done today: a done action always has its day.
    expect((await patch(given.id, { status: 'done', doneOn: null })).doneOn).toBe('2026-08-10');
  });

  it('refuse invalid bodies with 400 naming the field', async () => {
    const { app, send, create, tokenA, post } = await actingFixture();
    const refused = async (method: string, path: string, body: unknown, field: string) => {
      const response = await send(method, path, tokenA, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const problem = await json(response, ProblemSchema);
      expect(problem.errors?.map((e) => e.path)).toContain(field);
    };
    await refused('POST', ACTIONS, {}, 'title');
    await refused('POST', ACTIONS, { title: '   ' }, 'title');
    await refused('POST', ACTIONS, { title: 'x'.repeat(201) }, 'title');
    await refused('POST', ACTIONS, { title: 'Ok', status: 'klaar' }, 'status');
    await refused('POST', ACTIONS, { title: 'Ok', public: 'ja' }, 'public');
    await refused('POST', ACTIONS, { title: 'Ok', doneOn: '1-2-2026' }, 'doneOn');
    await refused('POST', ACTIONS, { title: 'Ok', description: 'x'.repeat(2001) }, 'description');
    await refused('POST', ACTIONS, { title: 'Ok', colour: 'geel' }, 'colour');
    // A linked comment must be a submission of this service.
    const other = submission({ serviceId: 'dienst-b' });
    expect((await post(other)).status).toBe(201);
    await refused('POST', ACTIONS, { title: 'Ok', feedbackIds: [other.id] }, 'feedbackIds.0');
    await refused('POST', ACTIONS, { title: 'Ok', feedbackIds: [randomUUID()] }, 'feedbackIds.0');

    const action = await create({ title: 'Bestaand' });
    await refused('PATCH', `${ACTIONS}/${action.id}`, {}, '(body)');
    await refused('PATCH', `${ACTIONS}/${action.id}`, { status: 'weg' }, 'status');

    const own = submission({ comment: 'De knop is onvindbaar.' });
    expect((await post(own)).status).toBe(201);
    const linked = await create({ title: 'Knop', feedbackIds: [own.id.toUpperCase()] });
    expect(linked.feedbackIds).toEqual([own.id]);

    const asText = await app.request(`${ACTIONS}/${action.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${tokenA}`, 'content-type': 'text/plain' },
      body: JSON.stringify({ title: 'Als tekst' }),
    });
    expect(asText.status).toBe(415);
    const broken = await app.request(ACTIONS, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenA}`, 'content-type': 'application/json' },
      body: '{"title": ',
    });
    expect(broken.status).toBe(400);
  });

  it('are the provider’s own: steering and another organisation get 403, unknowns 404', async () => {
    const { send, create, tokenA, tokenB, steering } = await actingFixture();
    const action = await create({ title: 'Van A' });
    for (const token of [tokenB, steering]) {
      expect((await send('GET', ACTIONS, token)).status).toBe(403);
      expect((await send('POST', ACTIONS, token, { title: 'Niet van mij' })).status).toBe(403);
      // Refused before the body is read: a caller learns nothing of the rules.
      expect((await send('POST', ACTIONS, token, {})).status).toBe(403);
      expect((await send('PATCH', `${ACTIONS}/${action.id}`, token, { title: 'x' })).status).toBe(
        403,
      );
      expect((await send('DELETE', `${ACTIONS}/${action.id}`, token)).status).toBe(403);
    }
    expect((await send('GET', '/api/v1/services/bestaat-niet/actions', tokenA)).status).toBe(404);
    expect((await send('PATCH', `${ACTIONS}/${randomUUID()}`, tokenA, { title: 'x' })).status).toBe(
      404,
    );
    expect((await send('DELETE', `${ACTIONS}/geen-uuid`, tokenA)).status).toBe(404);
    // An action of another service is not one of this service.
    const b = await send('POST', '/api/v1/services/dienst-b/actions', tokenB, { title: 'Van B' });
    const bAction = await json(b, ActionSchema);
    expect((await send('DELETE', `${ACTIONS}/${bAction.id}`, tokenA)).status).toBe(404);
    expect((await send('GET', ACTIONS, tokenA)).status).toBe(200);
  });

  it('reach the public when public and done, with title, description and day — escaped', async () => {
    const { send, create, app, tokenA } = await actingFixture();
    await create({
      title: 'Formulier <korter> & duidelijker',
      description: 'Van 12 naar 5 vragen.',
      status: 'done',
      public: true,
      doneOn: '2026-05-20',
    });
    await create({ title: 'Intern verbeterd', status: 'done', public: false });
    const planned = await create({ title: 'Nog gepland', status: 'planned', public: true });
    await create({ title: 'Bezig en publiek', status: 'in-progress', public: true });

    const stats = await json(
      await app.request('/api/v1/public/services/dienst-a/stats?year=2026'),
      PublicServiceStatsSchema,
    );
    expect(stats.improvements).toEqual([
      {
        title: 'Formulier <korter> & duidelijker',
        description: 'Van 12 naar 5 vragen.',
        doneOn: '2026-05-20',
      },
    ]);
    const all = await json(await app.request('/api/v1/public/stats?year=2026'));
    expect(all.services[0].improvements).toEqual(stats.improvements);

    const page = await (await app.request('/transparantie')).text();
    expect(page).toContain('Dankzij uw feedback');
    expect(page).toContain('Formulier &lt;korter&gt; &amp; duidelijker');
    expect(page).not.toContain('<korter>');
    expect(page).toContain('Van 12 naar 5 vragen.');
    expect(page).toContain('Klaar op 20 mei 2026');
    for (const hidden of ['Intern verbeterd', 'Nog gepland', 'Bezig en publiek']) {
      expect(page).not.toContain(hidden);
    }

    // Once done, the planned one appears too, with today's day.
    await send('PATCH', `${ACTIONS}/${planned.id}`, tokenA, { status: 'done' });
    const later = await (await app.request('/transparantie')).text();
    expect(later).toContain('Nog gepland');
    expect(later).toContain('Klaar op 15 juni 2026');
  });

  it('show no improvements section on /transparantie when nothing is done publicly', async () => {
    const { app, create } = await actingFixture();
    await create({ title: 'Intern', status: 'done' });
    const page = await (await app.request('/transparantie')).text();
    expect(page).not.toContain('Dankzij uw feedback');
  });

  it('of the year appear in the annual report as JSON, CSV and HTML, public or not', async () => {
    const { create, get, clock, tokenA } = await actingFixture();
    await create({
      title: 'Formulier <korter>',
      description: 'Van 12 naar 5 vragen.',
      status: 'done',
      public: true,
      doneOn: '2026-05-20',
    });
    clock.now += 1000;
    await create({ title: '-Chatbot proberen', plannedOn: '2026-10-01' });
    // Done before 2026 began: not one of this year's actions.
    await create({ title: 'Vorig jaar klaar', status: 'done', doneOn: '2025-11-30' });

    const report = await json(await get('/api/v1/reports/annual?year=2026', tokenA));
    const actions = report.organisations[0].services[0].actions;
    expect(actions.map((a: { title: string }) => a.title)).toEqual([
      'Formulier <korter>',
      '-Chatbot proberen',
    ]);
    expect(actions[0]).toMatchObject({ status: 'done', public: true, doneOn: '2026-05-20' });

    const csv = await (await get('/api/v1/reports/annual?year=2026&format=csv', tokenA)).text();
    const [heading, ...lines] = csv.replace('\uFEFF', '').trim().split('\r\n');
    const columns = heading!.split(';');
    expect(columns).toEqual(expect.arrayContaining(['toelichting', 'verbeteracties']));
    const serviceYear = lines.find((l) =>
      l.startsWith('dienst;org-a;Organisatie A;dienst-a;Dienst A;2026;'),
    )!;
    expect(serviceYear.split(';')[columns.indexOf('verbeteracties')]).toBe(
      'Formulier <korter> (klaar op 2026-05-20, publiek) | -Chatbot proberen (gepland tegen 2026-10-01, intern)',
    );

    const html = await (await get('/api/v1/reports/annual?year=2026&format=html', tokenA)).text();
    expect(html).toContain('Wat we verbeteren');
    expect(html).toContain('Formulier &lt;korter&gt;');
    expect(html).not.toContain('<korter>');
    expect(html).toContain('20 mei 2026');
    expect(html).toContain('1 oktober 2026');
    expect(html).toContain('Ja, op /transparantie');
    expect(html).not.toContain('Vorig jaar klaar');
  });

  it('are audited with ids, status and fields, never a title or description', async () => {
    const { send, create, store, clock, tokenA, actorA } = await actingFixture();
    const title = 'Geheime titel van de actie';
    const description = 'Geheime beschrijving van de actie';
    const action = await create({ title, description, public: true });
    clock.now += 1000;
    await send('PATCH', `${ACTIONS}/${action.id}`, tokenA, {
      status: 'done',
      title: `${title} (2)`,
    });
    clock.now += 1000;
    await send('DELETE', `${ACTIONS}/${action.id}`, tokenA);
    const entries = await store.auditEntries(0, Date.UTC(2100, 0, 1));
    const mine = entries.filter((e) => e.target === `action:${action.id}`);
    expect(mine.map((e) => [e.actor, e.action, e.details])).toEqual([
      [
        actorA,
        'action.created',
        {
          serviceId: 'dienst-a',
          status: 'planned',
          public: true,
          changed: ['description', 'feedbackIds', 'public', 'status', 'themes', 'title'],
        },
      ],
      [
        actorA,
        'action.updated',
        { serviceId: 'dienst-a', status: 'done', public: true, changed: ['status', 'title'] },
      ],
      [
        actorA,
        'action.deleted',
        { serviceId: 'dienst-a', status: 'done', public: true, changed: [] },
      ],
    ]);
    const everything = JSON.stringify(entries);
    expect(everything).not.toContain('Geheime');
  });
});
