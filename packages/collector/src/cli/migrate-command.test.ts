import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { issueToken } from '../use-cases/administration.ts';
import { PgStore } from '../db/pg-store.ts';
import { SqliteStore } from '../db/sqlite-store.ts';
import type { Store } from '../domain/store.ts';
import { DAY_MS } from '../use-cases/retention.ts';
import { runCli } from '../test-support/cli-runner.ts';
import { webhookRecord } from '../test-support/fixtures.ts';
import { databaseProblems } from '../test-support/invariants.ts';
import { dropSchema, freshPostgresUrl } from '../test-support/postgres.ts';
import { countRows, sqlRows, sqlRun } from '../test-support/sql.ts';
import { tempFolder } from '../test-support/temp-dir.ts';

// `vo-feedback migrate-to`: a SQLite database filled through the API, moved to PostgreSQL, gives
// the same answers there. SQLite to PostgreSQL by nature, whatever TEST_BACKEND says.

const stores: Store[] = [];
const schemas: string[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});
afterAll(async () => {
  for (const url of schemas) await dropSchema(url);
});

const START = Date.parse('2025-01-03T08:00:00Z');
const END = Date.parse('2026-11-20T12:00:00Z');

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** A SQLite file with two organisations' services, tokens and two years of varied feedback. */
async function populatedSqlite() {
  const folder = tempFolder();
  const databaseUrl = `file:${join(folder, 'collector.sqlite')}`;
  const store = new SqliteStore(databaseUrl);
  stores.push(store);
  for (const [id, name] of [
    ['org-a', 'Stad A'],
    ['org-b', 'Gemeente B'],
  ]) {
    await store.createOrganisation({ id: id!, name: name! });
  }
  await store.updateOrganisation('org-a', { policyDomain: 'Omgeving', kind: 'local' });
  const services = [
    { id: 'loket-a', organisationId: 'org-a', origins: ['https://a.example'], uri: 'https://x/1' },
    { id: 'parkeren-a', organisationId: 'org-a', origins: [], uri: null },
    { id: 'loket-b', organisationId: 'org-b', origins: ['https://b.example'], uri: null },
  ];
  for (const s of services) {
    await store.createService({
      id: s.id,
      name: `Dienst ${s.id}`,
      organisationId: s.organisationId,
      allowedOrigins: s.origins,
      active: true,
      publicServiceUri: s.uri,
      target: s.id === 'loket-a' ? 0.85 : null,
    });
  }
  const tokens = {
    a: (await issueToken(store, { label: 'a', role: 'provider', organisationId: 'org-a' })).token,
    b: (await issueToken(store, { label: 'b', role: 'provider', organisationId: 'org-b' })).token,
    steering: (await issueToken(store, { label: 'stuurorgaan', role: 'steering' })).token,
    revoked: (await issueToken(store, { label: 'oud', role: 'provider', organisationId: 'org-a' }))
      .token,
  };
  const revokedId = (await store.listTokens()).find((t) => t.label === 'oud')!.id;
  await store.revokeToken(revokedId, START);
  // Organisation B hears of every submission: their events wait after ingest on SQLite, and the
  // copy takes them along as outbox rows.
  await store.createWebhook(
    webhookRecord({
      organisationId: 'org-b',
      url: 'https://tickets.gemeente-b.be/hooks/vo',
      events: ['feedback.created'],
      createdAt: START,
      createdBy: 'b',
    }),
  );

  let clock = START;
  const app = createApp({ store, rateLimitPerMinute: 0, now: () => clock });
  // About half come from the widget on the collector's own origin, the others from a system
  // without one: both kinds are copied, and the response rate's count with them.
  const fromWidget = (id: unknown) => parseInt(String(id).slice(-1), 16) % 2 === 1;
  const post = async (body: Record<string, unknown>, expected: number) => {
    const response = await app.request('/api/v1/feedback', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(fromWidget(body.id) ? { origin: 'http://localhost' } : {}),
      },
      body: JSON.stringify(body),
    });
    expect(response.status, JSON.stringify(body)).toBe(expected);
  };
  const next = random(9);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const comments = [
    'Vlot en duidelijk.',
    'Bel me op 0470 12 34 56.',
    'Het formulier liep vast bij stap 3; "opnieuw" hielp niet.',
    '=SUM(A1:A3)',
    'Très bien, merci.',
  ];
  for (let i = 0; clock < END; i += 1) {
    clock += Math.floor(next() * 2 * DAY_MS);
    const id = crypto.randomUUID();
    const body: Record<string, unknown> = {
      id,
      serviceId: pick(services).id,
      rating: 1 + Math.floor(next() * 5),
      lang: pick(['nl', 'nl', 'fr', 'en', 'de']),
      ...(next() < 0.5 ? { comment: pick(comments) } : {}),
      ...(next() < 0.6 ? { outcome: pick(['completed', 'rejected', 'error', 'info']) } : {}),
      ...(next() < 0.3 ? { step: `stap-${i % 4}`, page: `/aanvraag/${i % 3}?dossier=${i}` } : {}),
    };
    await post(body, 201);
    if (i % 7 === 0) {
      // Changed within the window: another rating, a comment added.
      clock += 60_000;
      await post({ ...body, rating: 1 + (Number(body.rating) % 5), comment: 'Toch gelukt.' }, 200);
    }
    if (i % 11 === 0) {
      // Three at the same millisecond: the listing and export order of a tie must survive.
      for (let k = 0; k < 3; k += 1) {
        await post(
          { ...body, id: crypto.randomUUID(), rating: 1 + k, comment: `Gelijk ${k}` },
          201,
        );
      }
    }
    for (let k = Math.floor(next() * 4); k > 0; k -= 1) {
      const impression = await app.request('/api/v1/impressions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost' },
        body: JSON.stringify({ serviceId: body.serviceId }),
      });
      expect(impression.status).toBe(204);
    }
  }
  // Retention has run: old comment texts are gone, their counts stay in the rollups.
  expect(await store.pruneComments(START + 120 * DAY_MS)).toBeGreaterThan(0);
  await store.updateService('parkeren-a', { active: false });
  return { databaseUrl, store, tokens, services, now: clock };
}

const cli = (databaseUrl: string, ...argv: string[]) =>
  runCli({ DATABASE_URL: databaseUrl }, ...argv);

function target(): string {
  const url = freshPostgresUrl();
  schemas.push(url);
  return url;
}

// Each of the source database's submissions is committed with an fsync (synchronous=FULL), one
// request at a time: filling it takes longer than the default timeout on a busy machine.
describe('vo-feedback migrate-to', { timeout: 120_000 }, () => {
  it('moves a populated SQLite database to PostgreSQL with identical reports, listings and exports', async () => {
    const source = await populatedSqlite();
    const url = target();
    const waiting = (await source.store.operationalCounts()).webhookSubmissionsWaiting;
    expect(waiting).toBeGreaterThan(0);

    const result = await cli(source.databaseUrl, 'migrate-to', url);

    expect(result.stderr).toMatch(/^Copying file:.* to postgres:/);
    expect(result.code).toBe(0);
    const counted = Object.fromEntries(
      result.stdout
        .split('\n')
        .slice(1)
        .map((line) => line.split(/\s+/)),
    );
    for (const table of [
      'organisations',
      'services',
      'tokens',
      'feedback',
      'daily_rollups',
      'daily_channel_rollups',
      'daily_language_rollups',
      'daily_step_rollups',
      'daily_impressions',
      'webhook_deliveries',
    ]) {
      const rows = await countRows(source.store, table);
      expect(rows, table).toBeGreaterThan(0);
      expect(counted[table], table).toBe(String(rows));
    }
    // Every submission of organisation B has its event, none waits any more.
    const [ofB] = await sqlRows(
      source.store,
      "select count(*) as n from feedback where service_id = 'loket-b'",
    );
    expect(waiting).toBe(Number(ofB!.n));
    expect(await countRows(source.store, 'webhook_deliveries')).toBe(waiting);
    expect((await source.store.operationalCounts()).webhookSubmissionsWaiting).toBe(0);
    expect(result.stdout).toMatch(/Verified/);

    const pg = await PgStore.open(url);
    stores.push(pg);
    expect(await databaseProblems(pg, { afterRetention: true })).toEqual([]);
    const apps = [source.store, pg].map((store) =>
      createApp({ store, rateLimitPerMinute: 0, now: () => source.now }),
    );
    const bothAnswer = async (path: string, token?: string) => {
      const [fromSqlite, fromPostgres] = await Promise.all(
        apps.map(async (app) => {
          const response = await app.request(
            path,
            token ? { headers: { authorization: `Bearer ${token}` } } : {},
          );
          return { status: response.status, body: await response.text() };
        }),
      );
      expect(fromPostgres, path).toEqual(fromSqlite);
      return fromSqlite!;
    };

    const { tokens } = source;
    expect((await bothAnswer('/api/v1/services', tokens.a)).status).toBe(200);
    expect((await bothAnswer('/api/v1/services', tokens.steering)).status).toBe(200);
    expect((await bothAnswer('/api/v1/services', tokens.revoked)).status).toBe(401);
    const period = 'from=2025-01-01&to=2026-12-31';
    for (const service of source.services) {
      const token = service.organisationId === 'org-a' ? tokens.a : tokens.b;
      const summary = await bothAnswer(`/api/v1/services/${service.id}/summary?${period}`, token);
      expect(JSON.parse(summary.body).responses).toBeGreaterThan(20);
      await bothAnswer(`/api/v1/services/${service.id}/export?format=csv&${period}`, token);
      await bothAnswer(`/api/v1/services/${service.id}/export?format=json&${period}`, token);
      // The comment listing, page after page.
      let cursor = '';
      for (let page = 0; page < 100; page += 1) {
        const answer = await bothAnswer(
          `/api/v1/services/${service.id}/feedback?${period}&limit=7${cursor}`,
          token,
        );
        const next = JSON.parse(answer.body).nextCursor as string | null;
        if (!next) break;
        cursor = `&cursor=${next}`;
      }
    }
    for (const year of [2025, 2026]) {
      await bothAnswer(`/api/v1/reports/annual?year=${year}&format=json`, tokens.steering);
      await bothAnswer(`/api/v1/reports/annual?year=${year}&format=csv`, tokens.a);
      await bothAnswer(`/api/v1/public/stats?year=${year}`);
    }
    // Policy domains, kinds and targets came along.
    const overview = await bothAnswer('/api/v1/overview?year=2026', tokens.steering);
    const rows = JSON.parse(overview.body).rows as { serviceId: string }[];
    expect(rows.find((row) => row.serviceId === 'loket-a')).toMatchObject({
      serviceId: 'loket-a',
      policyDomain: 'Omgeving',
      kind: 'local',
      target: 0.85,
    });
  });

  it('refuses a target that is not empty, and leaves it as it was', async () => {
    const source = await populatedSqlite();
    const url = target();
    const waiting = (await source.store.operationalCounts()).webhookSubmissionsWaiting;
    expect(waiting).toBeGreaterThan(0);
    expect((await cli(source.databaseUrl, 'migrate-to', url)).code).toBe(0);
    const pg = await PgStore.open(url);
    stores.push(pg);
    const before = await countRows(pg, 'feedback');

    const again = await cli(source.databaseUrl, 'migrate-to', url);

    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not empty: organisations \(2\), services \(3\), tokens \(4\)/);
    expect(await countRows(pg, 'feedback')).toBe(before);
  });

  it('rolls back a copy whose rollups do not equal a recount, and keeps nothing', async () => {
    const source = await populatedSqlite();
    // A rollup without a submission behind it: the source itself is inconsistent.
    await sqlRun(
      source.store,
      'update daily_rollups set rating_5 = rating_5 + 1 where day = (select min(day) from daily_rollups)',
    );
    const url = target();

    const result = await cli(source.databaseUrl, 'migrate-to', url);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/did not verify; nothing was kept\. daily_rollups: \d+ rollup/);
    const pg = await PgStore.open(url);
    stores.push(pg);
    expect(await sqlRows(pg, 'select id from organisations')).toEqual([]);
    expect(await countRows(pg, 'feedback')).toBe(0);
  });

  it('needs SQLite at DATABASE_URL and PostgreSQL as the target', async () => {
    const url = target();
    const fromPostgres = await cli(url, 'migrate-to', target());
    expect(fromPostgres.code).toBe(2);
    expect(fromPostgres.stderr).toMatch(/DATABASE_URL must name the SQLite database/);
    const toFile = await cli('file:/tmp/x.sqlite', 'migrate-to', 'file:/tmp/y.sqlite');
    expect(toFile.code).toBe(2);
    expect(toFile.stderr).toMatch(/The target must be a PostgreSQL URL/);
  });
});
