// Ingest benchmark: valid POST /api/v1/feedback on the real collector (SQLite, WAL, group commit)
// next to the smallest Hono routes of the same shape on the same stack (bare-server.mjs: one that
// parses the JSON body and answers 201 with JSON, the baseline; one that answers 204 and reads
// nothing), in the same run, at 50 connections on loopback. The collector is measured as it starts
// by default and again with METRICS_TOKEN set (what counting for /metrics costs). With
// BENCH_COMPARE=<another build's dist/server.js>, that build is measured in the same rounds too
// (before and after a change), and the same build is measured twice, in two processes, to show
// how far two of them differ on this machine. Server and load generator are pinned to different
// cores. Prints one JSON line.
// The same collector is measured once more with a webhook of the benchmarked service's
// organisation subscribed to feedback.created and a weekly digest subscription, SMTP_URL set
// (issue 19: webhook delivery and digests slow ingest by at most 5 %), against local receivers
// (receiver.mjs, pinned with the load generator). After each of its rounds the benchmark waits
// until the outbox is empty, so that no delivery runs in another server's round: the CPU a
// submission costs then includes its delivery, and the sustained rate counts that wait. Its
// baseline is the same process with the webhook deleted, in the round after each of its rounds
// (two processes of one build differ by more than the 5 % asked). Every round starts once the
// servers are idle (the theme indexers have counted the last round's comments).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

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
  // The start's output: the demo seed prints its provider token there.
  child.startOutput = output;
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
    requests,
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
  // The same build again on a database of its own: how far two processes of one build differ
  // here, against which every ratio between collectors below is to be read.
  ingestAgain: await startCollector(join(collectorDir, 'dist/server.js'), 'again'),
  ingestWithMetrics: await startCollector(join(collectorDir, 'dist/server.js'), 'metrics', {
    METRICS_TOKEN: 'bench-metrics-token-0123456789abcdef',
  }),
};
// The webhook variant: receivers first, then the collector, its webhook and a digest subscription.
const receiverCommand = pin(1, process.execPath, [join(here, 'receiver.mjs')]);
const receiver = spawn(receiverCommand[0], receiverCommand[1], {
  cwd: collectorDir,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const receiverPorts = await new Promise((resolve, reject) => {
  receiver.stdout.once('data', (chunk) => resolve(JSON.parse(String(chunk))));
  receiver.once('exit', (code) => reject(new Error(`receiver.mjs exited ${code}`)));
});
const received = async () =>
  (await fetch(`http://127.0.0.1:${receiverPorts.httpPort}/count`)).json();
servers.ingestWithWebhook = await startCollector(join(collectorDir, 'dist/server.js'), 'webhook', {
  ALLOW_INSECURE_WEBHOOKS: '1',
  SMTP_URL: `smtp://127.0.0.1:${receiverPorts.smtpPort}`,
  MAIL_FROM: 'feedback@bench.invalid',
  PUBLIC_URL: 'https://feedback.bench.invalid',
});
const providerToken = /Provider token[^\n]*\n\s*(\S+)/.exec(
  servers.ingestWithWebhook.child.startOutput,
)?.[1];
async function send(method, path, body) {
  const request = () =>
    fetch(new URL(path, servers.ingestWithWebhook.url), {
      method,
      headers: { authorization: `Bearer ${providerToken}`, 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
  // After a round the server may have closed the kept-alive connection as it was reused; the
  // request never reached it, so it is sent once more on a new one.
  const response = await request().catch((error) => {
    if (error.cause?.code !== 'UND_ERR_SOCKET') throw error;
    return request();
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}
const post = (path, body) => send('POST', path, body);
/** The webhook subscribed to feedback.created, made again after each round without it. */
let hook;
const subscribe = async () => {
  hook = await post('/api/v1/webhooks', {
    url: `http://127.0.0.1:${receiverPorts.httpPort}/hook`,
    events: ['feedback.created'],
  });
};
await subscribe();
await post('/api/v1/subscriptions', { email: 'digest@bench.invalid', frequency: 'weekly' });
const webhookDb = new Database(join(dir, 'webhook.sqlite'), {
  readonly: true,
  fileMustExist: true,
});
const countOf = (sql) => webhookDb.prepare(sql).pluck().get();
/**
 * Deliveries still to make: those pending in the outbox, and the submissions whose events are not
 * written to it yet (SQLite writes them after ingest, off the request path).
 */
const pendingDeliveries = () =>
  countOf("select count(*) from webhook_deliveries where status = 'pending'") +
  countOf('select coalesce(sum(json_array_length(feedback_ids)), 0) from webhook_fanout');
const storedAtStart = countOf('select count(*) from feedback');
const DRAIN_LIMIT_MS = 120_000;
/** Waits until every delivery is made (at most 2 minutes); the seconds waited. */
async function drainOutbox() {
  const started = performance.now();
  while (pendingDeliveries() > 0 && performance.now() - started < DRAIN_LIMIT_MS) await sleep(50);
  return Math.round(performance.now() - started) / 1000;
}
servers.ingestWithWebhook.drain = drainOutbox;
// The same process with its webhook deleted (the digest subscription stays), the round after
// each round with it: the webhook's own cost, without the spread between two processes (the
// rounds of `ingest` and `ingestAgain` show that spread). Deleting a webhook deletes its
// deliveries, so they are counted first; the submissions of these rounds have no delivery.
let deliveredBefore = 0;
let storedWithoutHook = 0;
let storedAtOff = 0;
servers.ingestWithoutWebhook = {
  ...servers.ingestWithWebhook,
  drain: undefined,
  async before() {
    deliveredBefore += countOf(
      "select count(*) from webhook_deliveries where status = 'delivered'",
    );
    await send('DELETE', `/api/v1/webhooks/${hook.id}`);
    storedAtOff = countOf('select count(*) from feedback');
  },
  async after() {
    await settle(); // the requests still in flight when wrk stopped are stored by then
    storedWithoutHook += countOf('select count(*) from feedback') - storedAtOff;
    await subscribe();
  },
};
if (process.env.BENCH_COMPARE) {
  servers.compare = await startCollector(process.env.BENCH_COMPARE, 'compare');
}
/**
 * Waits until the servers are idle (together under 2 % of a core over 300 ms, at most a
 * minute): a collector counts the themes of a round's comments after it, off the request path,
 * and on the shared core that work would fall in the next server's round.
 */
async function settle() {
  const pids = [...new Set(Object.values(servers).map((server) => server.child.pid))];
  const total = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const started = performance.now();
  for (;;) {
    const before = total();
    await sleep(300);
    if (total() - before < 0.006 || performance.now() - started > 60_000) return;
  }
}
let webhookCheck;
const rounds = Object.fromEntries(Object.keys(servers).map((name) => [name, []]));
try {
  // Warm-up, then alternate so that all see the same machine.
  for (const { url, drain, before, after } of Object.values(servers)) {
    await before?.();
    wrk(url);
    await drain?.();
    await after?.();
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, { url, child, drain, before, after }] of Object.entries(servers)) {
      await before?.();
      await settle();
      const cpuBefore = cpuSeconds(child.pid);
      const result = wrk(url, child.pid);
      if (drain) {
        // What the round left in the outbox, the wait until it is empty, and the CPU of both.
        result.backlog = pendingDeliveries();
        result.drainSeconds = await drain();
        result.cpuUsWithDelivery = ((cpuSeconds(child.pid) - cpuBefore) * 1e6) / result.requests;
        result.sustainedRps = result.requests / (SECONDS + result.drainSeconds);
      }
      rounds[name].push(result);
      await after?.();
    }
  }
  // Every stored submission delivered once? Its deliveries, by the database and by the receiver.
  await sleep(1000);
  webhookCheck = {
    stored: countOf('select count(*) from feedback') - storedAtStart - storedWithoutHook,
    delivered:
      deliveredBefore +
      countOf("select count(*) from webhook_deliveries where status = 'delivered'"),
    pending: pendingDeliveries(),
    failed: countOf("select count(*) from webhook_deliveries where status = 'failed'"),
    received: await received(),
  };
} finally {
  webhookDb.close();
  for (const child of new Set(Object.values(servers).map((server) => server.child))) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  receiver.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
const summary = (list) => ({
  rps: Math.round(median(list.map((r) => r.rps))),
  cpuUsPerRequest: Math.round(median(list.map((r) => r.cpuUsPerRequest)) * 10) / 10,
  p50Ms: median(list.map((r) => r.p50)),
  p99Ms: median(list.map((r) => r.p99)),
  non2xx: list.reduce((sum, r) => sum + r.non2xx, 0),
  // Each round's rate and CPU a request, in order: how far they scatter.
  each: list.map((r) => [Math.round(r.rps), Math.round(r.cpuUsPerRequest)]),
  socketErrors: list.map((r) => r.errors).filter(Boolean),
  ...(list[0].drainSeconds === undefined
    ? {}
    : {
        backlog: median(list.map((r) => r.backlog)),
        drainSeconds: median(list.map((r) => r.drainSeconds)),
        cpuUsWithDelivery: Math.round(median(list.map((r) => r.cpuUsWithDelivery)) * 10) / 10,
        sustainedRps: Math.round(median(list.map((r) => r.sustainedRps))),
      }),
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
/**
 * Issue 19: the collector with its webhook and digest against the same process with the webhook
 * deleted, in alternate rounds; and against the collector that never had one (another process).
 */
function webhookSummary() {
  const [w, plain] = [figures.ingestWithWebhook, figures.ingestWithoutWebhook];
  const round3 = (value) => Math.round(value * 1000) / 1000;
  const rpsRatio = round3(w.rps / plain.rps);
  const sustainedRatio = round3(w.sustainedRps / plain.rps);
  return {
    rpsRatio,
    sustainedRatio,
    // Baseline over variant, as cpuRatio: 1 is no extra CPU a submission.
    cpuRatio: round3(plain.cpuUsPerRequest / w.cpuUsWithDelivery),
    p99Ratio: round3(w.p99Ms / plain.p99Ms),
    rpsRatioToOtherProcess: round3(w.rps / figures.ingest.rps),
    // Issue 19: delivery does not slow ingest; the sustained rate (ingest and every delivery of
    // it on one core) is what a load that never ends would get, reported beside it.
    withinFivePercent: rpsRatio >= 0.95,
    check: webhookCheck,
  };
}
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
    sameBuildRatio: Math.round((figures.ingestAgain.rps / figures.ingest.rps) * 1000) / 1000,
    cpuRatio: cpuRatio('ingest'),
    webhook: webhookSummary(),
    ...(figures.compare
      ? {
          compareBuild: process.env.BENCH_COMPARE,
          ratioCompare: ratio('compare'),
          cpuRatioCompare: cpuRatio('compare'),
        }
      : {}),
  }),
);
