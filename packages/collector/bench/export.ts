// Export benchmark: 1,000,000 submissions of one service, generated into a SQLite file by this
// process, then exported by the built collector (`node --conditions=vo-dist dist/server.js`, a
// process of its own, as in production) over HTTP as CSV (and JSON and XLSX) to a client that
// reads the body and throws it away. Reports rows per second and the server process's resident
// memory from /proc/<pid>/status: before the request, every 100 ms during it (and at 10 % and
// 50 % of the bytes), its peak (VmHWM, reset before the request where the kernel allows), and
// after. The figure issue 19 asks for: growth of the server's RSS during the export < 64 MB.
// Not a test: no thresholds. Prints one JSON line last.
// Run: npx tsx bench/export.ts [--rows N] [--formats csv,json,xlsx]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { issueToken } from '../src/use-cases/administration.ts';
import { SqliteStore } from '../src/db/sqlite-store.ts';

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const collectorDir = fileURLToPath(new URL('..', import.meta.url));
const ROWS = Number(argument('rows') ?? 1_000_000);
const FORMATS = (argument('formats') ?? 'csv,json,xlsx').split(',');
const GROWTH_LIMIT_MB = 64;
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

const mb = (kilobytes: number) => Math.round((kilobytes / 1024) * 10) / 10;

/**
 * VmRSS, VmHWM (its peak) and RssAnon (the heaps, SQLite's page cache among them: not the file
 * cache of the kernel) of a process, in kB, from /proc/<pid>/status.
 */
function memory(pid: number): { rss: number; hwm: number; anon: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rss: field('VmRSS'), hwm: field('VmHWM'), anon: field('RssAnon') };
}

/** Resets the process's VmHWM to its current RSS (Linux ≥ 4.0, same user); false if refused. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The built collector on `database`, started as `pnpm start` does; resolves once listening. */
async function startCollector(database: string): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--conditions=vo-dist', join(collectorDir, 'dist/server.js')],
    {
      cwd: collectorDir,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        DATABASE_URL: `file:${database}`,
        RATE_LIMIT_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      // Only the start matters; the request log afterwards is drained and dropped.
      if (output.length < 100_000) output += chunk.toString();
      if (output.includes('"message":"listening"')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`collector exited ${code}`)));
  });
  return { child, port };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function exportOnce(
  database: string,
  token: string,
  format: string,
): Promise<Record<string, unknown>> {
  const { child, port } = await startCollector(database);
  const pid = child.pid!;
  try {
    // Let the start settle (the first retention pass and the workers' first ticks).
    await sleep(2000);
    const before = memory(pid);
    const peakReset = resetPeak(pid);
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(memory(pid).rss), 100);
    const started = performance.now();
    const response = await fetch(
      `http://127.0.0.1:${port}/api/v1/services/dienst-bench/export?format=${format}&from=2026-01-01&to=2026-12-31`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (response.status !== 200) throw new Error(`${format}: status ${response.status}`);
    const reader = response.body!.getReader();
    let bytes = 0;
    const rssAt: number[] = [];
    const expectedBytes = { csv: 165, json: 330, xlsx: 55 }[format] ?? 100;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      const progress = bytes / (ROWS * expectedBytes);
      if (rssAt.length < 2 && progress >= [0.1, 0.5][rssAt.length]!) rssAt.push(memory(pid).rss);
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const end = memory(pid);
    await sleep(1000);
    const after = memory(pid);
    // With the reset, VmHWM is the peak during the export itself; without it, the peak since
    // the start, which may be the start's own; then the samples (every 100 ms) give the growth.
    const peak = peakReset ? end.hwm : Math.max(end.rss, ...samples);
    const growth = mb(peak - before.rss);
    return {
      format,
      rows: ROWS,
      seconds: Math.round(seconds * 10) / 10,
      rowsPerSecond: Math.round(ROWS / seconds),
      megabytes: Math.round((bytes / 1048576) * 10) / 10,
      rssBeforeMb: mb(before.rss),
      rssAt10PercentMb: rssAt[0] === undefined ? null : mb(rssAt[0]),
      rssAt50PercentMb: rssAt[1] === undefined ? null : mb(rssAt[1]),
      rssEndMb: mb(end.rss),
      rssAfterMb: mb(after.rss),
      rssAnonGrowthMb: mb(end.anon - before.anon),
      rssPeakMb: mb(peak),
      rssPeakSampledMb: mb(Math.max(before.rss, ...samples)),
      rssPeakSinceStartMb: mb(end.hwm),
      peakFrom: peakReset ? 'VmHWM, reset before the request' : 'VmRSS every 100 ms',
      samples: samples.length,
      rssGrowthMb: growth,
      growthUnderLimit: growth < GROWTH_LIMIT_MB,
    };
  } finally {
    await stop(child);
  }
}

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
  // A fresh built collector for each format, so that each starts from the same memory; this
  // process, which still holds what generating the rows took, is only the client.
  const results = [];
  for (const format of FORMATS) {
    const result = await exportOnce(file, token, format);
    console.error(JSON.stringify(result));
    results.push(result);
  }
  console.log(
    JSON.stringify({
      benchmark: 'export',
      rows: ROWS,
      generateSeconds,
      server: 'node --conditions=vo-dist dist/server.js',
      growthLimitMb: GROWTH_LIMIT_MB,
      results,
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
