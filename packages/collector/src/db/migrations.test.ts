import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Summary } from '@vo-feedback/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { generateToken, hashToken } from '../domain/tokens.ts';
import { brusselsDay } from '../domain/time.ts';
import { databaseProblems } from '../test-support/invariants.ts';
import { tempFolder } from '../test-support/temp-dir.ts';
import { SqliteStore } from './sqlite-store.ts';

// Migrations run forward on a database that an earlier release made, without losing a row.
//
// For every earlier release — every prefix of the committed migrations but the whole list — the
// test builds the database as that release left it: its migrations applied by hand and journaled
// in __drizzle_migrations exactly as drizzle-orm's better-sqlite3 migrator does (the SHA-256 of
// the file's text, the journal's `when` as created_at). It fills every table as that schema
// allows, then opens it with `new SqliteStore(url)`, which applies the later migrations, and
// checks that every row survived with every old column's value, that the rollups still equal a
// recount, and that the app still answers summary and listing with the old token.
//
// While there is a single migration (0000_initial), the only earlier release is 0000 itself: the
// forward step then applies nothing, and the test shows that a database of that release opens
// with its rows intact (with a wrong journal row, drizzle would run 0000 again and fail on
// "table already exists"). The last describe block shows that the check fails when a later
// migration drops data, with synthetic later migrations in a copy of the folder.

const MIGRATIONS = fileURLToPath(new URL('../../drizzle/sqlite', import.meta.url));

interface Migration {
  tag: string;
  when: number;
  statements: string[];
  hash: string;
}

/** The migrations of a folder, read as drizzle-orm's readMigrationFiles reads them. */
function migrationsIn(folder: string): Migration[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map(({ tag, when }) => {
    const text = readFileSync(join(folder, `${tag}.sql`), 'utf8');
    return {
      tag,
      when,
      statements: text.split('--> statement-breakpoint'),
      hash: createHash('sha256').update(text).digest('hex'),
    };
  });
}

/** A database file as the release with these migrations left it: schema and journal. */
function databaseOfRelease(path: string, migrations: Migration[]): void {
  const database = new Database(path);
  try {
    database.pragma('journal_mode = WAL');
    // The migrator's own table, as it creates it (SQLiteSyncDialect.migrate).
    database.exec(
      'CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)',
    );
    const journal = database.prepare(
      'INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)',
    );
    database.transaction(() => {
      for (const migration of migrations) {
        for (const statement of migration.statements) database.exec(statement);
        journal.run(migration.hash, migration.when);
      }
    })();
  } finally {
    database.close();
  }
}

type Row = Record<string, unknown>;

/** The tables of a database and their columns, without SQLite's and drizzle's own. */
function tablesOf(database: Database.Database): Map<string, string[]> {
  const tables = database
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name",
    )
    .pluck()
    .all() as string[];
  return new Map(
    tables.map((table) => [
      table,
      (database.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name),
    ]),
  );
}

const START = Date.UTC(2025, 10, 3, 9);
const HOUR = 3_600_000;
/** A provider token of org-a, stored as its hash by the old release. */
const TOKEN = generateToken();
/** A steering token the old release revoked. */
const REVOKED = generateToken();

/**
 * Rows for a table of an earlier release, for the columns that release has. A column this
 * function does not know, without a default and not nullable, stops the test: teach it here.
 */
function rowsFor(table: string, columns: { name: string; notnull: number; dflt_value: unknown }[]) {
  const feedback = Array.from({ length: 240 }, (_, i) => {
    const createdAt = START + i * 7 * HOUR;
    return {
      id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      service_id: i % 3 ? 'dienst-a' : 'dienst-b',
      rating: (i % 5) + 1,
      comment: i % 4 ? null : `Opmerking nummer ${i}; 'quotes' en "meer".`,
      lang: ['nl', 'fr', 'en', 'de'][i % 4],
      outcome: [null, 'completed', 'rejected', 'error', 'info'][i % 5],
      // Three steps of dienst-a's journey, first seen in this order (not the alphabet's).
      step: i % 6 === 1 ? ['betaling', 'formulier', 'bevestiging'][((i - 1) / 6) % 3] : null,
      page: i % 2 ? null : '/aanvraag/bevestiging',
      redactions: i % 7 === 0 ? 1 : 0,
      day: brusselsDay(createdAt),
      created_at: createdAt,
      updated_at: createdAt + (i % 3) * 60_000,
      // Releases that tell the widget's answers apart: these were the widget's.
      widget: 1,
      // Releases with channels and reasons (reasons only with a rating of 1–3).
      channel: ['web', 'phone', 'counter'][i % 3],
      reasons: (i % 5) + 1 <= 3 && i % 2 ? '["too-slow","other"]' : '[]',
    };
  });
  const known: Record<string, Row[]> = {
    organisations: [
      { id: 'org-a', name: 'Organisatie A', created_at: START - HOUR },
      { id: 'org-b', name: 'Organisatie B', created_at: START - HOUR },
    ],
    services: [
      {
        id: 'dienst-a',
        name: 'Dienst A',
        organisation_id: 'org-a',
        allowed_origins: '["https://www.gemeente-a.be"]',
        active: 1,
        public_service_uri: 'https://data.vlaanderen.be/id/dienst-a',
        created_at: START - HOUR,
      },
      {
        id: 'dienst-b',
        name: 'Dienst B',
        organisation_id: 'org-b',
        allowed_origins: '[]',
        active: 1,
        public_service_uri: null,
        created_at: START - HOUR,
      },
    ],
    tokens: [
      {
        id: '0190a000-0000-7000-8000-aaaaaaaaaaaa',
        label: 'provider a',
        role: 'provider',
        organisation_id: 'org-a',
        hash: hashToken(TOKEN),
        created_at: START - HOUR,
        revoked_at: null,
      },
      {
        id: '0190a000-0000-7000-8000-bbbbbbbbbbbb',
        label: 'stuurorgaan, ingetrokken',
        role: 'steering',
        organisation_id: null,
        hash: hashToken(REVOKED),
        created_at: START - HOUR,
        revoked_at: START,
      },
    ],
    feedback,
    daily_rollups: rollupsOf(feedback),
    daily_channel_rollups: channelRollupsOf(feedback),
    // Releases that count languages and steps.
    daily_language_rollups: languageRollupsOf(feedback),
    daily_step_rollups: stepRollupsOf(feedback),
    daily_reason_counts: reasonCountsOf(feedback),
    daily_impressions: [
      ...new Map(feedback.map((f) => [`${f.service_id}|${f.day}`, f])).values(),
    ].map((f, i) => ({ service_id: f.service_id, day: f.day, count: 10 + i })),
    // Releases where providers act on their feedback.
    feedback_triage: [
      {
        feedback_id: feedback[0]!.id,
        service_id: feedback[0]!.service_id,
        status: 'done',
        note: 'Gebeld.',
        updated_at: START,
      },
    ],
    feedback_tags: [
      { feedback_id: feedback[0]!.id, service_id: feedback[0]!.service_id, tag: 'wachttijd' },
      { feedback_id: feedback[4]!.id, service_id: feedback[4]!.service_id, tag: 'formulier' },
    ],
    erased_feedback: [
      { id: '0190a000-0000-7000-8000-eeeeeeeeeeee', service_id: 'dienst-a', erased_at: START },
    ],
    improvement_actions: [
      {
        id: '0190a000-0000-7000-8000-acacacacacac',
        service_id: 'dienst-a',
        title: 'Kortere wachttijd',
        description: null,
        status: 'done',
        public: 1,
        themes: '["wachttijd"]',
        feedback_ids: '[]',
        planned_on: null,
        done_on: '2025-12-01',
        created_at: START,
        updated_at: START,
      },
    ],
    explanations: [
      {
        scope: 'service',
        subject_id: 'dienst-a',
        year: 2025,
        text: 'Uitleg.',
        updated_at: START,
        updated_by: 'team a',
      },
    ],
    report_submissions: [
      {
        organisation_id: 'org-a',
        year: 2025,
        version: 1,
        submitted_at: START,
        submitted_by: 'team a',
        sha256: 'a'.repeat(64),
        json: '{}',
        html: '<!doctype html>',
      },
    ],
    audit_log: [
      {
        id: '0190a000-0000-7000-8000-adadadadadad',
        at: START,
        actor: 'admin',
        action: 'service.updated',
        target: 'service:dienst-a',
        details: '{}',
      },
    ],
    // Releases with webhooks: one receiver of organisation A, one delivered and one pending event.
    webhooks: [
      {
        id: '0190a000-0000-7000-8000-abababababab',
        organisation_id: 'org-a',
        url: 'https://tickets.gemeente-a.be/hooks/vo',
        events: '["feedback.created","feedback.low-rating"]',
        service_ids: '["dienst-a"]',
        include_comment: 0,
        secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}`,
        created_at: START,
        created_by: 'team a',
        failing_since: null,
        disabled_at: null,
        disabled_reason: null,
      },
    ],
    webhook_deliveries: [0, 1].map((i) => ({
      id: `msg_0190a000-0000-7000-8000-00000000000${i}`,
      webhook_id: '0190a000-0000-7000-8000-abababababab',
      event: 'feedback.created',
      subject: feedback[i]!.id,
      payload: JSON.stringify({
        type: 'feedback.created',
        timestamp: new Date(START).toISOString(),
        data: { id: feedback[i]!.id },
      }),
      created_at: START + i,
      status: i === 0 ? 'delivered' : 'pending',
      attempts: 1 - i,
      round_attempts: 1 - i,
      next_attempt_at: i === 0 ? null : START,
      locked_until: null,
      last_status_code: i === 0 ? 204 : null,
      last_error: null,
      delivered_at: i === 0 ? START : null,
      history:
        i === 0 ? `[{"attempt":1,"at":${START},"statusCode":204,"error":null,"ms":12}]` : '[]',
    })),
    subscriptions: [
      {
        id: '0190a000-0000-7000-8000-5b5b5b5b5b5b',
        organisation_id: 'org-a',
        email: 'team@gemeente-a.be',
        frequency: 'weekly',
        service_ids: null,
        unsubscribe_token: 'u'.repeat(43),
        created_at: START,
        created_by: 'team a',
      },
    ],
    mail_outbox: [
      {
        id: '0190a000-0000-7000-8000-3a3a3a3a3a3a',
        dedupe_key: 'digest:0190a000-0000-7000-8000-5b5b5b5b5b5b:2024-W27',
        kind: 'digest',
        subscription_id: '0190a000-0000-7000-8000-5b5b5b5b5b5b',
        to_address: 'team@gemeente-a.be',
        payload: '{"period":"2024-W27"}',
        created_at: START,
        status: 'pending',
        attempts: 0,
        next_attempt_at: START,
        locked_until: null,
        sent_at: null,
        last_error: null,
      },
    ],
    alerts: [
      {
        id: '0190a000-0000-7000-8000-a1a1a1a1a1a1',
        service_id: 'dienst-a',
        organisation_id: 'org-a',
        kind: 'satisfaction',
        day: '2024-07-01',
        theme: null,
        details: '{}',
        raised_at: START,
      },
    ],
    people: [
      {
        id: '0190a000-0000-7000-8000-9e9e9e9e9e9e',
        email: 'an@gemeente-a.be',
        role: 'manager',
        organisation_id: 'org-a',
        issuer: 'https://idp.example',
        subject: 'sub-an',
        created_at: START,
        created_by: 'admin',
        last_sign_in_at: START,
      },
    ],
    sessions: [
      {
        id_hash: 'f'.repeat(64),
        person_id: '0190a000-0000-7000-8000-9e9e9e9e9e9e',
        csrf_token: 'c'.repeat(43),
        created_at: START,
        last_seen_at: START,
        id_token: null,
      },
    ],
    login_flows: [
      {
        state: 's'.repeat(43),
        nonce: 'n'.repeat(43),
        code_verifier: 'v'.repeat(43),
        return_to: null,
        created_at: START,
      },
    ],
    theme_counts: [
      {
        service_id: 'dienst-a',
        month: '2025-12',
        kind: 'word',
        stem: 'formulier',
        form: 'formulieren',
        count: 2,
        low: 0,
      },
    ],
    theme_retractions: [
      {
        id: 1,
        service_id: 'dienst-a',
        month: '2025-12',
        comment: 'Te lang',
        lang: 'nl',
        rating: 2,
      },
    ],
    webhook_fanout: [{ id: 1, feedback_ids: '["f-1"]', created_at: START }],
  };
  // Filled by the triggers on the daily tables (migration monthly_rollups), never written.
  if (table.startsWith('monthly_')) return [];
  const rows = known[table];
  if (!rows) throw new Error(`Teach rowsFor() the table ${table}.`);
  const names = new Set(columns.map((c) => c.name));
  for (const column of columns) {
    if (!(column.name in rows[0]!) && column.notnull && column.dflt_value === null) {
      throw new Error(`Teach rowsFor() the column ${table}.${column.name}.`);
    }
  }
  // Only the columns this release has.
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => names.has(k))));
}

function rollupsOf(feedback: Row[]): Row[] {
  const rollups = new Map<string, { key: Row; counts: Record<string, number> }>();
  for (const f of feedback) {
    const key = `${String(f.service_id)}|${String(f.day)}|${String(f.outcome ?? '')}`;
    const rollup = rollups.get(key) ?? {
      key: { service_id: f.service_id, day: f.day, outcome: f.outcome ?? '' },
      counts: {
        rating_1: 0,
        rating_2: 0,
        rating_3: 0,
        rating_4: 0,
        rating_5: 0,
        comments: 0,
        widget_responses: 0,
      },
    };
    rollup.counts[`rating_${String(f.rating)}`]! += 1;
    if (f.comment !== null) rollup.counts.comments! += 1;
    if (f.widget) rollup.counts.widget_responses! += 1;
    rollups.set(key, rollup);
  }
  return [...rollups.values()].map(({ key, counts }) => ({ ...key, ...counts }));
}

function channelRollupsOf(feedback: Row[]): Row[] {
  const rollups = new Map<string, { key: Row; counts: Record<string, number> }>();
  for (const f of feedback) {
    const key = `${String(f.service_id)}|${String(f.day)}|${String(f.channel)}`;
    const rollup = rollups.get(key) ?? {
      key: { service_id: f.service_id, day: f.day, channel: f.channel },
      counts: { rating_1: 0, rating_2: 0, rating_3: 0, rating_4: 0, rating_5: 0 },
    };
    rollup.counts[`rating_${String(f.rating)}`]! += 1;
    rollups.set(key, rollup);
  }
  return [...rollups.values()].map(({ key, counts }) => ({ ...key, ...counts }));
}

function languageRollupsOf(feedback: Row[]): Row[] {
  const rollups = new Map<string, { key: Row; counts: Record<string, number> }>();
  for (const f of feedback) {
    const key = `${String(f.service_id)}|${String(f.day)}|${String(f.lang)}`;
    const rollup = rollups.get(key) ?? {
      key: { service_id: f.service_id, day: f.day, lang: f.lang },
      counts: { rating_1: 0, rating_2: 0, rating_3: 0, rating_4: 0, rating_5: 0 },
    };
    rollup.counts[`rating_${String(f.rating)}`]! += 1;
    rollups.set(key, rollup);
  }
  return [...rollups.values()].map(({ key, counts }) => ({ ...key, ...counts }));
}

function stepRollupsOf(feedback: Row[]): Row[] {
  const rollups = new Map<string, { key: Row; counts: Record<string, number> }>();
  for (const f of feedback) {
    if (f.step === null) continue;
    const key = `${String(f.service_id)}|${String(f.day)}|${String(f.step)}`;
    const rollup = rollups.get(key) ?? {
      key: { service_id: f.service_id, day: f.day, step: f.step },
      counts: {
        ...{ rating_1: 0, rating_2: 0, rating_3: 0, rating_4: 0, rating_5: 0 },
        ...{ with_outcome: 0, not_completed: 0, first_seen: Number(f.created_at) },
      },
    };
    rollup.counts[`rating_${String(f.rating)}`]! += 1;
    if (f.outcome !== null) rollup.counts.with_outcome! += 1;
    if (f.outcome === 'rejected' || f.outcome === 'error') rollup.counts.not_completed! += 1;
    rollup.counts.first_seen = Math.min(rollup.counts.first_seen!, Number(f.created_at));
    rollups.set(key, rollup);
  }
  return [...rollups.values()].map(({ key, counts }) => ({ ...key, ...counts }));
}

function reasonCountsOf(feedback: Row[]): Row[] {
  const counts = new Map<string, Row & { count: number }>();
  for (const f of feedback) {
    for (const reason of JSON.parse(String(f.reasons)) as string[]) {
      const key = `${String(f.service_id)}|${String(f.day)}|${reason}`;
      const row = counts.get(key) ?? { service_id: f.service_id, day: f.day, reason, count: 0 };
      row.count += 1;
      counts.set(key, row);
    }
  }
  return [...counts.values()];
}

/** Fills every table of the old release; returns what was written, table by table. */
function fill(path: string): Map<string, Row[]> {
  const database = new Database(path);
  try {
    database.pragma('foreign_keys = ON');
    const written = new Map<string, Row[]>();
    const tables = tablesOf(database);
    // Parents first, for the foreign keys.
    const order = ['organisations', 'services', 'tokens'];
    const sorted = [...tables.keys()].sort(
      (a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99),
    );
    database.transaction(() => {
      for (const table of sorted) {
        const columns = database.pragma(`table_info(${table})`) as {
          name: string;
          notnull: number;
          dflt_value: unknown;
        }[];
        const rows = rowsFor(table, columns);
        if (rows.length === 0) continue;
        for (const row of rows) {
          const names = Object.keys(row);
          database
            .prepare(
              `insert into ${table} (${names.map((n) => `"${n}"`).join(', ')}) values (${names.map(() => '?').join(', ')})`,
            )
            .run(...Object.values(row));
        }
        written.set(table, rows);
      }
    })();
    return written;
  } finally {
    database.close();
  }
}

const canonical = (rows: Row[]) => rows.map((row) => JSON.stringify(row)).sort();

/**
 * What the database lost of the old rows: for every old table, its rows with the old columns
 * must all be there, unchanged. A table or column that a migration renamed shows up here too:
 * then teach this test the new name.
 */
function lostRows(path: string, before: Map<string, Row[]>): string[] {
  const database = new Database(path, { readonly: true });
  try {
    const tables = tablesOf(database);
    const lost: string[] = [];
    for (const [table, rows] of before) {
      const columns = Object.keys(rows[0] ?? {});
      const present = tables.get(table);
      if (!present) {
        lost.push(`table ${table} is gone (${rows.length} rows)`);
        continue;
      }
      const missing = columns.filter((c) => !present.includes(c));
      if (missing.length > 0) {
        lost.push(`${table}: columns ${missing.join(', ')} are gone`);
        continue;
      }
      const now = database
        .prepare(`select ${columns.map((c) => `"${c}"`).join(', ')} from ${table}`)
        .all() as Row[];
      const remaining = new Set(canonical(now));
      const gone = canonical(rows).filter((row) => !remaining.has(row));
      if (gone.length > 0)
        lost.push(`${table}: ${gone.length} of ${rows.length} rows lost or changed`);
    }
    return lost;
  } finally {
    database.close();
  }
}

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

/** An earlier release's database, filled, then opened by today's store. */
function upgrade(release: Migration[], options: { migrationsFolder?: string } = {}) {
  const path = join(tempFolder(), 'old.sqlite');
  databaseOfRelease(path, release);
  const before = fill(path);
  const open = () => {
    const store = new SqliteStore(`file:${path}`, options);
    stores.push(store);
    return store;
  };
  return { path, before, open };
}

const committed = migrationsIn(MIGRATIONS);
/** Every earlier release: the first n migrations, for n from 1 to all but the last (at least 1). */
const releases = Array.from({ length: Math.max(1, committed.length - 1) }, (_, n) => n + 1);

describe('migrations run forward', () => {
  it('the journal rows match what drizzle-orm writes for the committed migrations', () => {
    const path = join(tempFolder(), 'new.sqlite');
    const store = new SqliteStore(`file:${path}`);
    const written = store.sqlite
      .prepare('select hash, created_at from __drizzle_migrations order by created_at')
      .all();
    void store.close();
    expect(written).toEqual(committed.map((m) => ({ hash: m.hash, created_at: m.when })));
  });

  it.each(releases)(
    'a database of the release with the first %i migration(s) keeps every row',
    async (n) => {
      const { path, before, open } = upgrade(committed.slice(0, n));
      expect(before.get('feedback')).toHaveLength(240);
      const store = open();

      expect(lostRows(path, before)).toEqual([]);
      const journal = store.sqlite.prepare('select hash from __drizzle_migrations').pluck().all();
      expect(journal).toEqual(committed.map((m) => m.hash));
      expect(await databaseProblems(store)).toEqual([]);

      // The app answers on the upgraded database, with the token the old release issued.
      const app = createApp({ store, rateLimitPerMinute: 0 });
      const headers = { authorization: `Bearer ${TOKEN}` };
      const period = `from=${brusselsDay(START)}&to=${brusselsDay(START + 240 * 7 * HOUR)}`;
      const summary = await app.request(`/api/v1/services/dienst-a/summary?${period}`, {
        headers,
      });
      expect(summary.status).toBe(200);
      const ofA = before.get('feedback')!.filter((f) => f.service_id === 'dienst-a');
      const impressionsOfA = before
        .get('daily_impressions')!
        .filter((i) => i.service_id === 'dienst-a')
        .reduce((sum, i) => sum + Number(i.count), 0);
      const figures = (await summary.json()) as Summary;
      expect(figures).toMatchObject({
        responses: ofA.length,
        comments: ofA.filter((f) => f.comment !== null).length,
        impressions: impressionsOfA,
        // Answers from before the widget's were told apart count as the widget's: same rate.
        responseRate: ofA.length / impressionsOfA,
      });
      // Languages and steps were counted from the old rows (by the migration that added them).
      expect(figures.byLanguage.map(({ lang, responses }) => [lang, responses])).toEqual(
        ['nl', 'fr', 'en', 'de'].map((lang) => [lang, ofA.filter((f) => f.lang === lang).length]),
      );
      expect(
        figures.byStep.map(({ step, responses, withOutcome, shareNotCompleted }) => ({
          ...{ step, responses, withOutcome, shareNotCompleted },
        })),
      ).toEqual(
        ['betaling', 'formulier', 'bevestiging'].map((step) => {
          const at = ofA.filter((f) => f.step === step);
          const known = at.filter((f) => f.outcome !== null);
          const notCompleted = known.filter((f) =>
            ['rejected', 'error'].includes(String(f.outcome)),
          );
          return {
            step,
            responses: at.length,
            withOutcome: known.length,
            shareNotCompleted: notCompleted.length / known.length,
          };
        }),
      );
      const comments: string[] = [];
      let cursor = '';
      do {
        const page = (await (
          await app.request(
            `/api/v1/services/dienst-a/feedback?${period}&limit=20${cursor && `&cursor=${cursor}`}`,
            { headers },
          )
        ).json()) as { items: { comment: string }[]; nextCursor: string | null };
        comments.push(...page.items.map((item) => item.comment));
        cursor = page.nextCursor ?? '';
      } while (cursor);
      expect(comments.sort()).toEqual(
        ofA
          .map((f) => f.comment)
          .filter((c): c is string => c !== null)
          .sort(),
      );
      // The revoked steering token stays revoked.
      expect(
        (await app.request('/api/v1/services', { headers: { authorization: `Bearer ${REVOKED}` } }))
          .status,
      ).toBe(401);
    },
  );
});

describe('the check fails when a later migration loses data', () => {
  /** A copy of the committed migrations with one synthetic migration after them. */
  function withLaterMigration(tag: string, sql: string): string {
    const folder = join(tempFolder(), 'migrations');
    cpSync(MIGRATIONS, folder, { recursive: true });
    const journalPath = join(folder, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
      entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
    };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
    writeFileSync(journalPath, JSON.stringify(journal, null, 2));
    writeFileSync(join(folder, `${tag}.sql`), sql);
    return folder;
  }

  it('a migration that drops comments or rows is caught', () => {
    const migrationsFolder = withLaterMigration(
      '9001_lossy',
      'UPDATE `feedback` SET `comment` = NULL WHERE `rating` = 1;--> statement-breakpoint\n' +
        'DELETE FROM `daily_impressions` WHERE `count` > 20;',
    );
    const { path, before, open } = upgrade(committed, { migrationsFolder });
    open();
    expect(lostRows(path, before)).toEqual([
      expect.stringMatching(/^daily_impressions: \d+ of \d+ rows lost or changed$/),
      expect.stringMatching(/^feedback: \d+ of 240 rows lost or changed$/),
    ]);
  });

  it('a migration that drops a column and adds it back empty is caught', () => {
    const migrationsFolder = withLaterMigration(
      '9002_recreate_column',
      'ALTER TABLE `feedback` DROP COLUMN `step`;--> statement-breakpoint\n' +
        'ALTER TABLE `feedback` ADD `step` text;',
    );
    const { path, before, open } = upgrade(committed, { migrationsFolder });
    open();
    expect(lostRows(path, before)).toEqual(['feedback: 40 of 240 rows lost or changed']);
  });

  it('a migration that only adds passes, and so does a drizzle-kit table rebuild of a referenced table', async () => {
    // drizzle-kit rebuilds a changed SQLite table: create, copy, drop, rename, with
    // "PRAGMA foreign_keys=OFF" around it, which is a no-op inside the migrator's transaction.
    const migrationsFolder = withLaterMigration(
      '9003_rebuild_organisations',
      [
        'ALTER TABLE `feedback` ADD `topic` text;',
        'PRAGMA foreign_keys=OFF;',
        'CREATE TABLE `__new_organisations` (`id` text PRIMARY KEY NOT NULL, `name` text NOT NULL, `kbo` text, `created_at` integer NOT NULL);',
        'INSERT INTO `__new_organisations`("id", "name", "created_at") SELECT "id", "name", "created_at" FROM `organisations`;',
        'DROP TABLE `organisations`;',
        'ALTER TABLE `__new_organisations` RENAME TO `organisations`;',
        'PRAGMA foreign_keys=ON;',
      ].join('--> statement-breakpoint\n'),
    );
    const { path, before, open } = upgrade(committed, { migrationsFolder });
    const store = open();
    expect(lostRows(path, before)).toEqual([]);
    expect(await databaseProblems(store)).toEqual([]);
    // Foreign keys are enforced again after the migrations.
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      store.sqlite
        .prepare(
          "insert into services (id, name, organisation_id, allowed_origins, created_at) values ('x', 'x', 'geen', '[]', 0)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('one subscription per address and frequency (subscriptions_once)', () => {
  it('keeps the oldest of a pair a double submit stored, and drops the later copy with its mail', () => {
    const at = committed.findIndex((m) => m.tag.endsWith('_subscriptions_once'));
    expect(at).toBeGreaterThan(0);
    const { path, before, open } = upgrade(committed.slice(0, at));
    const [kept] = before.get('subscriptions')!;
    const copy = '0190a000-0000-7000-8000-5c5c5c5c5c5c';
    const otherFrequency = '0190a000-0000-7000-8000-5d5d5d5d5d5d';
    const database = new Database(path);
    try {
      const subscribe = database.prepare(
        'insert into subscriptions (id, organisation_id, email, frequency, service_ids, unsubscribe_token, created_at, created_by) values (?, ?, ?, ?, null, ?, ?, ?)',
      );
      // The same address and frequency a second later (the copy), and its alerts: another one.
      subscribe.run(
        copy,
        kept!.organisation_id,
        kept!.email,
        'weekly',
        'c'.repeat(43),
        START + 1000,
        'x',
      );
      subscribe.run(
        otherFrequency,
        kept!.organisation_id,
        kept!.email,
        'alerts',
        'd'.repeat(43),
        START + 2000,
        'x',
      );
      database
        .prepare(
          "insert into mail_outbox (id, dedupe_key, kind, subscription_id, to_address, payload, created_at, status, attempts, next_attempt_at) values (?, ?, 'digest', ?, ?, '{}', ?, 'pending', 0, ?)",
        )
        .run(
          '0190a000-0000-7000-8000-3b3b3b3b3b3b',
          `digest:${copy}:x`,
          copy,
          kept!.email,
          START,
          START,
        );
    } finally {
      database.close();
    }
    const store = open();
    const ids = (table: string, column: string) =>
      store.sqlite.prepare(`select ${column} from ${table} order by ${column}`).pluck().all();
    expect(ids('subscriptions', 'id')).toEqual([kept!.id, otherFrequency].sort());
    expect(ids('mail_outbox', 'subscription_id')).toEqual([kept!.id]);
    // From now on the index refuses a copy.
    expect(() =>
      store.sqlite
        .prepare(
          "insert into subscriptions (id, organisation_id, email, frequency, unsubscribe_token, created_at, created_by) values ('z', ?, ?, 'weekly', ?, 0, 'x')",
        )
        .run(kept!.organisation_id, kept!.email, 'e'.repeat(43)),
    ).toThrow(/UNIQUE/);
  });
});

describe('the monthly rollups (monthly_rollups)', () => {
  it('are filled from the daily rollups of an upgraded database, which then reports the same figures', async () => {
    const at = committed.findIndex((m) => m.tag.endsWith('_monthly_rollups'));
    expect(at).toBeGreaterThan(0);
    const { before, open } = upgrade(committed.slice(0, at));
    const store = open();
    expect(await databaseProblems(store)).toEqual([]);
    const months = store.sqlite
      .prepare("select distinct month from monthly_rollups where service_id = 'dienst-a'")
      .pluck()
      .all();
    expect(months.sort()).toEqual(['2025-11', '2025-12', '2026-01']);
    // December is a whole month, read from monthly_rollups alone: what its submissions add up to.
    const december = before
      .get('feedback')!
      .filter((f) => f.service_id === 'dienst-a' && String(f.day).startsWith('2025-12'));
    const rollups = await store.monthlyRollups('dienst-a', '2025-12-01', '2025-12-31');
    const count = (rating: number) => december.filter((f) => f.rating === rating).length;
    expect(
      rollups.reduce(
        (sum, row) => ({
          responses: sum.responses + Object.values(row.ratings).reduce((a, b) => a + b, 0),
          comments: sum.comments + row.comments,
          fives: sum.fives + row.ratings['5'],
        }),
        { responses: 0, comments: 0, fives: 0 },
      ),
    ).toEqual({
      responses: december.length,
      comments: december.filter((f) => f.comment !== null).length,
      fives: count(5),
    });
    const impressions = before
      .get('daily_impressions')!
      .filter((i) => i.service_id === 'dienst-a' && String(i.day).startsWith('2025-12'))
      .reduce((sum, i) => sum + Number(i.count), 0);
    expect(await store.monthlyImpressions('dienst-a', '2025-12-01', '2025-12-31')).toEqual([
      { month: '2025-12', count: impressions },
    ]);
    // The steps of the whole month in journey order, from monthly_step_rollups.
    const steps = await store.stepRollups('dienst-a', '2025-12-01', '2025-12-31');
    const firstAt = (step: string) =>
      Math.min(...december.filter((f) => f.step === step).map((f) => Number(f.created_at)));
    expect(steps.map((s) => s.step)).toEqual(
      [...new Set(december.flatMap((f) => (f.step ? [String(f.step)] : [])))].sort(
        (a, b) => firstAt(a) - firstAt(b),
      ),
    );
  });
});
