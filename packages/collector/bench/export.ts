// Export benchmark: 1,000,000 submissions of one service exported through the API as CSV (and
// JSON and XLSX), read chunk by chunk and thrown away as a slow or fast client would. Reports
// rows per second and the process's resident memory: before, its peak during the export, and at
// 10 %, 50 % and 100 % of the bytes — flat when the export streams. Not a test: no thresholds.
// Prints one JSON line last. Run: npx tsx bench/export.ts [--rows N] [--formats csv,json,xlsx]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.ts';
import { issueToken } from '../src/use-cases/administration.ts';
import { SqliteStore } from '../src/db/sqlite-store.ts';

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const ROWS = Number(argument('rows') ?? 1_000_000);
const FORMATS = (argument('formats') ?? 'csv,json,xlsx').split(',');
const START = Date.parse('2026-01-01T00:00:00Z');
const SPAN = Date.parse('2026-12-31T00:00:00Z') - START;
const COMMENTS = [
  'Het formulier was duidelijk maar de betaling duurde lang.',
  'Prima; "snel" afgehandeld',
  'Eerste regel\nTweede regel',
  '=HYPERLINK("http://example.test","klik")',
];

function uuid7(ms: number, n: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  const tail = n.toString(16).padStart(15, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${tail.slice(0, 3)}-8${tail.slice(3, 6)}-${tail.slice(3, 15)}`;
}

async function generate(file: string): Promise<SqliteStore> {
  const store = new SqliteStore(`file:${file}`);
  await store.createOrganisation({ id: 'org-bench', name: 'Benchmark' });
  await store.createService({
    id: 'dienst-bench',
    name: 'Benchmarkdienst',
    organisationId: 'org-bench',
    allowedOrigins: [],
    active: true,
    publicServiceUri: null,
  });
  const db = store.sqlite;
  // Bulk load as in bench/aggregates.ts: rows, then the index, then the rollups from the rows.
  db.exec('drop index if exists feedback_service_created');
  const insert = db.prepare(
    `insert into feedback (id, service_id, rating, comment, lang, outcome, step, page, redactions,
                           day, created_at, updated_at)
     values (?, 'dienst-bench', ?, ?, 'nl', 'completed', 'bevestiging', '/aanvraag', 0, ?, ?, ?)`,
  );
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' });
  const load = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const at = START + Math.floor((i / ROWS) * SPAN);
      const comment = i % 3 === 0 ? COMMENTS[(i / 3) % COMMENTS.length]! : null;
      insert.run(uuid7(at, i), 1 + ((i * 7919) % 5), comment, day.format(at), at, at);
    }
  });
  for (let from = 0; from < ROWS; from += 100_000) load(from, Math.min(ROWS, from + 100_000));
  db.exec('create index feedback_service_created on feedback (service_id, created_at)');
  db.exec(`insert into daily_rollups (service_id, day, outcome, rating_1, rating_2, rating_3,
                                      rating_4, rating_5, comments)
           select service_id, day, coalesce(outcome, ''), sum(rating = 1), sum(rating = 2),
                  sum(rating = 3), sum(rating = 4), sum(rating = 5), sum(comment is not null)
             from feedback group by 1, 2, 3`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  return store;
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

async function exportOnce(
  app: ReturnType<typeof createApp>,
  token: string,
  format: string,
): Promise<Record<string, unknown>> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const response = await app.request(
    `/api/v1/services/dienst-bench/export?format=${format}&from=2026-01-01&to=2026-12-31`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  if (response.status !== 200) throw new Error(`${format}: status ${response.status}`);
  const reader = response.body!.getReader();
  let bytes = 0;
  let lineBreaks = 0;
  const rssAt: number[] = [];
  const expectedBytes = { csv: 165, json: 330, xlsx: 55 }[format] ?? 100;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (format === 'json') for (const byte of value) if (byte === 0x0a) lineBreaks += 1;
    const progress = bytes / (ROWS * expectedBytes);
    if (rssAt.length < 2 && progress >= [0.1, 0.5][rssAt.length]!) {
      rssAt.push(process.memoryUsage().rss);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const rssEnd = process.memoryUsage().rss;
  return {
    format,
    rows: ROWS,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(ROWS / seconds),
    megabytes: mb(bytes),
    ...(format === 'json' ? { jsonLines: lineBreaks } : {}),
    rssBeforeMb: mb(rssBefore),
    rssAt10PercentMb: rssAt[0] === undefined ? null : mb(rssAt[0]),
    rssAt50PercentMb: rssAt[1] === undefined ? null : mb(rssAt[1]),
    rssEndMb: mb(rssEnd),
    rssPeakMb: mb(peak),
    rssGrowthMb: mb(peak - rssBefore),
  };
}

/** Exports from an existing database, in this process: the collector as it serves an export. */
async function exportFrom(database: string, token: string) {
  const store = new SqliteStore(`file:${database}`);
  const app = createApp({ store, rateLimitPerMinute: 0 });
  const results = [];
  for (const format of FORMATS) {
    const result = await exportOnce(app, token, format);
    console.error(JSON.stringify(result));
    results.push(result);
  }
  await store.close();
  return results;
}

const database = argument('database');
if (database) {
  // The child: only the export, so its memory is the export's and not the generator's.
  console.log(JSON.stringify({ results: await exportFrom(database, argument('token')!) }));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'vo-feedback-export-'));
  try {
    const generatedAt = performance.now();
    const file = join(dir, 'bench.sqlite');
    const store = await generate(file);
    const generateSeconds = Math.round((performance.now() - generatedAt) / 100) / 10;
    const { token } = await issueToken(store, {
      label: 'bench',
      role: 'provider',
      organisationId: 'org-bench',
    });
    await store.close();
    // A fresh process exports, as a running collector would: the million rows were generated
    // here, and this process still holds what generating them took.
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        fileURLToPath(import.meta.url),
        '--database',
        file,
        '--token',
        token,
        '--rows',
        String(ROWS),
        '--formats',
        FORMATS.join(','),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (child.status !== 0) throw new Error(`export process failed (${child.status})`);
    const { results } = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
      results: unknown[];
    };
    console.log(JSON.stringify({ benchmark: 'export', rows: ROWS, generateSeconds, results }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
