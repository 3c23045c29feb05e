// Aggregates benchmark: the summary and the annual report on databases of 10,000, 1,000,000 and
// (with --large) 10,000,000 generated submissions over two years and 200 services. The reports
// read daily rollups, so their latency should stay flat as submissions grow. Prints one JSON line.
// Run: npx tsx bench/aggregates.ts [--large]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.ts';
import { issueToken } from '../src/use-cases/administration.ts';
import { SqliteStore } from '../src/db/sqlite-store.ts';
import { countAllThemes } from '../src/use-cases/theme-indexer.ts';

const SIZES = process.argv.includes('--large')
  ? [10_000, 1_000_000, 10_000_000]
  : [10_000, 1_000_000];
const SERVICES = 200;
const ORGANISATIONS = 10;
const START = Date.parse('2025-01-01T00:00:00Z');
const SPAN = Date.parse('2027-01-01T00:00:00Z') - START;
const OUTCOMES = ['completed', 'completed', 'completed', 'rejected', 'error', 'info', null];

/** A v7-shaped UUID from a millisecond timestamp and a counter: time-ordered, like the widget's. */
function uuid7(ms: number, n: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  const tail = n.toString(16).padStart(15, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${tail.slice(0, 3)}-8${tail.slice(3, 6)}-${tail.slice(3, 15)}`;
}

async function generate(file: string, rows: number) {
  const store = new SqliteStore(`file:${file}`);
  for (let o = 0; o < ORGANISATIONS; o += 1) {
    await store.createOrganisation({ id: `org-${o}`, name: `Organisatie ${o}` });
  }
  for (let s = 0; s < SERVICES; s += 1) {
    await store.createService({
      id: `dienst-${s}`,
      name: `Dienst ${s}`,
      organisationId: `org-${s % ORGANISATIONS}`,
      allowedOrigins: [],
      active: true,
      publicServiceUri: null,
    });
  }
  const db = store.sqlite;
  // Bulk load: the index is built once afterwards, the rollups by one aggregate query — what
  // ingest maintains row by row, here derived in bulk from the same rows.
  db.exec('drop index if exists feedback_service_created');
  const insert = db.prepare(
    `insert into feedback (id, service_id, rating, comment, lang, outcome, step, page, redactions,
                           day, created_at, updated_at)
     values (?, ?, ?, ?, 'nl', ?, null, null, 0, ?, ?, ?)`,
  );
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' });
  const load = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const at = START + Math.floor((i / rows) * SPAN);
      const rating = 1 + ((i * 7919) % 5);
      const comment =
        i % 3 === 0 ? 'Het formulier was duidelijk maar de betaling duurde lang.' : null;
      insert.run(
        uuid7(at, i),
        `dienst-${(i * 31) % SERVICES}`,
        rating,
        comment,
        OUTCOMES[i % OUTCOMES.length],
        day.format(at),
        at,
        at,
      );
    }
  });
  for (let from = 0; from < rows; from += 100_000) load(from, Math.min(rows, from + 100_000));
  db.exec(`create index feedback_service_created on feedback (service_id, created_at)`);
  db.exec(`insert into daily_rollups (service_id, day, outcome, rating_1, rating_2, rating_3,
                                      rating_4, rating_5, comments)
           select service_id, day, coalesce(outcome, ''), sum(rating = 1), sum(rating = 2),
                  sum(rating = 3), sum(rating = 4), sum(rating = 5), sum(comment is not null)
             from feedback group by 1, 2, 3`);
  db.exec(`insert into daily_impressions (service_id, day, count)
           select service_id, day, sum(rating_1 + rating_2 + rating_3 + rating_4 + rating_5) * 4
             from daily_rollups group by 1, 2`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  return store;
}

async function time(calls: number, call: (i: number) => Promise<Response>) {
  const times: number[] = [];
  for (let i = 0; i < calls; i += 1) {
    const started = performance.now();
    const response = await call(i);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.floor(q * (times.length - 1))]! * 100) / 100;
  return { medianMs: at(0.5), p95Ms: at(0.95) };
}

const results = [];
for (const rows of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'vo-feedback-aggregates-'));
  try {
    const generatedAt = performance.now();
    const store = await generate(join(dir, 'bench.sqlite'), rows);
    const generateSeconds = Math.round((performance.now() - generatedAt) / 100) / 10;
    // The theme indexer's work after an upgrade: every comment counted once, in batches.
    const indexedAt = performance.now();
    const counted = await countAllThemes(store);
    const indexSeconds = (performance.now() - indexedAt) / 1000;
    const themeIndex = {
      comments: counted,
      seconds: Math.round(indexSeconds * 10) / 10,
      commentsPerSecond: Math.round(counted / indexSeconds),
    };
    const steering = (await issueToken(store, { label: 'bench', role: 'steering' })).token;
    const app = createApp({ store, rateLimitPerMinute: 0 });
    const get = (path: string) =>
      app.request(path, { headers: { authorization: `Bearer ${steering}` } });
    // Warm up the statement cache and the page cache, as a running collector would be.
    await time(20, (i) =>
      get(`/api/v1/services/dienst-${i}/summary?from=2026-01-01&to=2026-12-31`),
    );
    const summary = await time(200, (i) =>
      get(`/api/v1/services/dienst-${(i * 13) % SERVICES}/summary?from=2026-01-01&to=2026-12-31`),
    );
    // The first report of each organisation (cold: its themes from the kept counts, its pages
    // read for the first time), then later ones.
    const annualCold = await time(ORGANISATIONS, (i) =>
      get(`/api/v1/reports/annual?year=2026&organisation=org-${i}&format=json`),
    );
    const annual = await time(20, (i) =>
      get(`/api/v1/reports/annual?year=2026&organisation=org-${i % ORGANISATIONS}&format=json`),
    );
    results.push({
      rows,
      generateSeconds,
      summary,
      annualReport: annual,
      annualReportCold: annualCold,
      themeIndex,
    });
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const base = results[0]!;
console.log(
  JSON.stringify({
    benchmark: 'aggregates',
    services: SERVICES,
    organisations: ORGANISATIONS,
    results: results.map((r) => ({
      ...r,
      summaryRatio: Math.round((r.summary.medianMs / base.summary.medianMs) * 100) / 100,
      annualRatio: Math.round((r.annualReport.medianMs / base.annualReport.medianMs) * 100) / 100,
    })),
  }),
);
