// Ingest benchmark: valid POST /api/v1/feedback on the real collector (SQLite, WAL, group commit)
// next to the smallest Hono routes of the same shape on the same stack (bare-server.mjs: one that
// parses the JSON body and answers 201 with JSON, the baseline; one that answers 204 and reads
// nothing), in the same run, at 50 connections on loopback. The collector is measured as it starts
// by default and again with METRICS_TOKEN set (what counting for /metrics costs). With
// BENCH_COMPARE=<another build's dist/server.js>, that build is measured in the same rounds too
// (before and after a change). Server and load generator are pinned to different cores. Prints
// one JSON line.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const collectorDir = join(here, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;
const pin = (core, command, args) =>
  spawnSync('taskset', ['-c', '0'], { stdio: 'ignore' }).status === 0
    ? ['taskset', ['-c', String(core), command, ...args]]
    : [command, args];

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startServer(script, env) {
  const [command, args] = pin(0, process.execPath, ['--conditions=vo-dist', script]);
  const child = spawn(command, args, {
    cwd: collectorDir,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      // Only the start matters; the request log afterwards is drained and dropped.
      if (output.length < 100_000) output += chunk;
      if (output.includes('"message":"listening"')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}`)));
  });
  return child;
}

function parseDuration(text) {
  const match = /([\d.]+)(us|ms|s)/.exec(text);
  if (!match) return NaN;
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
}

/**
 * CPU seconds a process has used (user + system, from /proc): with the requests it answered, the
 * CPU each request costs, which a busy machine disturbs far less than requests per second.
 */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function wrk(url, pid) {
  const cpuBefore = pid ? cpuSeconds(pid) : 0;
  const [command, args] = pin(1, 'wrk', [
    '-t1',
    `-c${CONNECTIONS}`,
    `-d${SECONDS}s`,
    '--latency',
    '-s',
    join(here, 'post.lua'),
    url,
  ]);
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`wrk failed: ${result.stderr}`);
  const out = result.stdout;
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const errors = /Socket errors: (.*)/.exec(out)?.[1] ?? '';
  const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    cpuUsPerRequest: pid ? ((cpuSeconds(pid) - cpuBefore) * 1e6) / requests : NaN,
    p50: parseDuration(/\s50%\s+(\S+)/.exec(out)?.[1] ?? ''),
    p99: parseDuration(/\s99%\s+(\S+)/.exec(out)?.[1] ?? ''),
    non2xx,
    errors,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (spawnSync('wrk', ['--version']).error) {
  console.error('wrk is missing: apt-get install -y wrk');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'vo-feedback-bench-'));
const barePort = await freePort();
const bare = await startServer(join(here, 'bare-server.mjs'), { PORT: String(barePort) });
/** A collector build on a database of its own; its URL. */
async function startCollector(script, name, env = {}) {
  const port = await freePort();
  const child = await startServer(script, {
    PORT: String(port),
    DATABASE_URL: `file:${join(dir, `${name}.sqlite`)}`,
    SEED_DEMO: '1',
    RATE_LIMIT_PER_MINUTE: '0',
    ...env,
  });
  return { child, url: `http://127.0.0.1:${port}/api/v1/feedback` };
}
const servers = {
  bareJson: { url: `http://127.0.0.1:${barePort}/json`, child: bare },
  bare: { url: `http://127.0.0.1:${barePort}/bare`, child: bare },
  ingest: await startCollector(join(collectorDir, 'dist/server.js'), 'ingest'),
  ingestWithMetrics: await startCollector(join(collectorDir, 'dist/server.js'), 'metrics', {
    METRICS_TOKEN: 'bench-metrics-token-0123456789abcdef',
  }),
};
if (process.env.BENCH_COMPARE) {
  servers.compare = await startCollector(process.env.BENCH_COMPARE, 'compare');
}
const rounds = Object.fromEntries(Object.keys(servers).map((name) => [name, []]));
try {
  // Warm-up, then alternate so that all see the same machine.
  for (const { url } of Object.values(servers)) wrk(url);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, { url, child }] of Object.entries(servers)) {
      rounds[name].push(wrk(url, child.pid));
    }
  }
} finally {
  for (const child of new Set(Object.values(servers).map((server) => server.child))) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  rmSync(dir, { recursive: true, force: true });
}
const summary = (list) => ({
  rps: Math.round(median(list.map((r) => r.rps))),
  cpuUsPerRequest: Math.round(median(list.map((r) => r.cpuUsPerRequest)) * 10) / 10,
  p50Ms: median(list.map((r) => r.p50)),
  p99Ms: median(list.map((r) => r.p99)),
  non2xx: list.reduce((sum, r) => sum + r.non2xx, 0),
  socketErrors: list.map((r) => r.errors).filter(Boolean),
});
const figures = Object.fromEntries(
  Object.entries(rounds).map(([name, list]) => [name, summary(list)]),
);
// Each collector against the JSON route of the same rounds (and against the 204 route).
const ratio = (name, baseline = 'bareJson') =>
  Math.round((figures[name].rps / figures[baseline].rps) * 1000) / 1000;
// The same in CPU: the baseline's CPU per request over the collector's per submission.
const cpuRatio = (name) =>
  Math.round((figures.bareJson.cpuUsPerRequest / figures[name].cpuUsPerRequest) * 1000) / 1000;
console.log(
  JSON.stringify({
    benchmark: 'ingest',
    connections: CONNECTIONS,
    seconds: SECONDS,
    rounds: ROUNDS,
    ...figures,
    ratio: ratio('ingest'),
    ratioToBare204: ratio('ingest', 'bare'),
    ratioWithMetrics: ratio('ingestWithMetrics'),
    cpuRatio: cpuRatio('ingest'),
    ...(figures.compare
      ? {
          compareBuild: process.env.BENCH_COMPARE,
          ratioCompare: ratio('compare'),
          cpuRatioCompare: cpuRatio('compare'),
        }
      : {}),
  }),
);
