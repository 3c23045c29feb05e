// Digest benchmark (issue 19): one weekly digest round, queued and sent, and what it costs ingest.
//
//   npx tsx bench/digest.ts [--subscribers 200] [--services 20] [--per-week 1000] [--weeks 13]
//                           [--rounds 3] [--seconds 10] [--keep]   (the ingest part needs the build;
//                           --keep leaves the database in its temporary folder)
//
// The database (bench/digest-data.ts): `--services` services in two organisations, each with
// `--per-week` submissions a week over the last `--weeks` weeks, stored through the store's own
// ingest (group commit, every rollup as in production): ratings, outcomes, four languages, steps,
// reasons on the low ratings, a comment on one in three (the digest counts its themes from them);
// impressions four times the answers. `--subscribers` weekly digest subscriptions, half per
// organisation, each following every service of its organisation (10 a digest by default).
//
// 1. Queue and send, in this process: queueDigests for the completed week, as the schedule does on
//    Monday at 08:00, then the mail worker's rounds (sendDueMails, its batch of 2, rendered from
//    the same use cases as the API) through smtpSender (nodemailer's pool of two connections) to
//    an SMTP server in a process of its own (bench/receiver.mjs, smtp-server, which counts them).
//    Times, mails per second and this process's CPU per mail.
// 2. The ingest side: the built collector (`node --conditions=vo-dist dist/server.js`, SMTP_URL
//    set: its mail worker sends) on the same file, wrk with 50 connections posting submissions,
//    server and wrk pinned to different cores, as bench/ingest.mjs. Rounds alternate: wrk alone,
//    and wrk while a digest round queued into the server's outbox is being sent (wrk starts at the
//    round's first mail: the worker finds it within its 2 s poll), each once the server is idle
//    (it counts the themes of a round's comments after it). Medians of requests per second
//    and CPU a request, the ratio, and how long the round's mails took to all arrive under that
//    load; then one round sent by the server with nothing else to do.
// Not a test: no thresholds. Prints one JSON line last.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { SqliteStore } from '../src/db/sqlite-store.ts';
import { silentLogger } from '../src/config/logger.ts';
import { completedPeriod, MAIL_LEASE_MS } from '../src/domain/mail.ts';
import { brusselsDay } from '../src/domain/time.ts';
import { queueDigests } from '../src/use-cases/digest-schedule.ts';
import { smtpSender } from '../src/use-cases/mail-sender.ts';
import { sendDueMails } from '../src/use-cases/mail-worker.ts';
import { generateDigestData } from './digest-data.ts';

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const here = fileURLToPath(new URL('.', import.meta.url));
const collectorDir = join(here, '..');
const SUBSCRIBERS = argument('subscribers', 200);
const SERVICES = argument('services', 20);
const ORGANISATIONS = 2;
const PER_WEEK = argument('per-week', 1000);
const WEEKS = argument('weeks', 13);
const ROUNDS = argument('rounds', 3);
const SECONDS = argument('seconds', 10);
const CONNECTIONS = 50;
const pin = (core: number, command: string, args: string[]): [string, string[]] =>
  spawnSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' }).status === 0
    ? ['taskset', ['-c', String(core), command, ...args]]
    : [command, args];

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Prints one JSON line when ready; resolves with it. */
async function startProcess(
  command: [string, string[]],
  env: Record<string, string>,
  ready: (output: string) => boolean,
): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(command[0], command[1], {
    cwd: collectorDir,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      // Only the start matters; the request log afterwards is drained and dropped.
      if (output.length < 100_000) output += chunk.toString();
      if (ready(output)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${command.join(' ')} exited ${code}`)));
  });
  return { child, output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** user + system CPU seconds of a process, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function parseDuration(text: string): number {
  const match = /([\d.]+)(us|ms|s)/.exec(text);
  if (!match) return NaN;
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
}

/**
 * Waits until the server is idle (under 2 % of a core over 300 ms, at most a minute): after a
 * round it counts the themes of that round's comments, off the request path, and that work would
 * otherwise fall in the next round, whichever kind it is.
 */
async function settle(pid: number): Promise<void> {
  const started = performance.now();
  for (;;) {
    const before = cpuSeconds(pid);
    await sleep(300);
    if (cpuSeconds(pid) - before < 0.006 || performance.now() - started > 60_000) return;
  }
}

/** wrk on core 1 for SECONDS (asynchronously: the benchmark watches the mail meanwhile). */
function wrk(url: string, pid: number) {
  const cpuBefore = cpuSeconds(pid);
  const [command, args] = pin(1, 'wrk', [
    '-t1',
    `-c${CONNECTIONS}`,
    `-d${SECONDS}s`,
    '--latency',
    '-s',
    join(here, 'post.lua'),
    url,
  ]);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise<{ rps: number; cpuUsPerRequest: number; p99Ms: number; non2xx: number }>(
    (resolve, reject) => {
      child.once('exit', (code) => {
        if (code !== 0) return reject(new Error(`wrk exited ${code}`));
        const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
        resolve({
          rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
          cpuUsPerRequest: round(((cpuSeconds(pid) - cpuBefore) * 1e6) / requests, 0),
          p99Ms: parseDuration(/\s99%\s+(\S+)/.exec(out)?.[1] ?? ''),
          non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
        });
      });
    },
  );
}

const now = Date.now();
const period = completedPeriod('weekly', brusselsDay(now));
const dir = mkdtempSync(join(tmpdir(), 'vo-feedback-digest-'));
const file = join(dir, 'digest.sqlite');
const children: ChildProcess[] = [];
try {
  const generated = await generateDigestData(file, now, {
    services: SERVICES,
    organisations: ORGANISATIONS,
    perWeek: PER_WEEK,
    weeks: WEEKS,
    subscribers: SUBSCRIBERS,
  });

  const receiver = await startProcess(
    [process.execPath, [join(here, 'receiver.mjs')]],
    {},
    (output) => output.includes('smtpPort'),
  );
  children.push(receiver.child);
  const { httpPort, smtpPort } = JSON.parse(receiver.output.trim().split('\n')[0]!) as {
    httpPort: number;
    smtpPort: number;
  };
  const mailsReceived = async () =>
    ((await (await fetch(`http://127.0.0.1:${httpPort}/count`)).json()) as { mails: number }).mails;
  const smtpUrl = `smtp://127.0.0.1:${smtpPort}`;

  // 1. One round, queued and sent by this process.
  const store = new SqliteStore(`file:${file}`);
  const queueStarted = performance.now();
  const { ids, queued } = await queueDigests(store, 'weekly', period, now, {
    soFar: false,
    run: 'bench-in-process',
  });
  const queueMs = round(performance.now() - queueStarted, 2);
  if (queued !== SUBSCRIBERS) throw new Error(`${queued} digests queued of ${SUBSCRIBERS}`);
  const sender = smtpSender({ url: smtpUrl, from: 'feedback@example.test' });
  const cpuBefore = cpuMs();
  const sendStarted = performance.now();
  let sent = 0;
  let failed = 0;
  try {
    for (;;) {
      const result = await sendDueMails(
        {
          store,
          sender,
          logger: silentLogger,
          publicUrl: 'https://feedback.example.test',
          minPublicN: 10,
          leaseMs: MAIL_LEASE_MS,
        },
        ids,
      );
      if (result.attempted === 0) break;
      sent += result.sent;
      failed += result.failed;
    }
  } finally {
    sender.close();
  }
  const sendSeconds = (performance.now() - sendStarted) / 1000;
  const cpuPerMailMs = round((cpuMs() - cpuBefore) / sent, 2);
  if (failed > 0 || (await mailsReceived()) !== sent) throw new Error('digests not all received');
  const inProcess = {
    queueMs,
    sendSeconds: round(sendSeconds, 2),
    mailsPerSecond: round(sent / sendSeconds),
    msPerMail: round((sendSeconds * 1000) / sent, 1),
    cpuMsPerMail: cpuPerMailMs,
    sent,
  };
  console.log(JSON.stringify({ step: 'queue and send in this process', ...inProcess }));

  // 2. The ingest side, on the built server with its mail worker.
  const port = await freePort();
  const server = await startProcess(
    pin(0, process.execPath, ['--conditions=vo-dist', join(collectorDir, 'dist/server.js')]),
    {
      PORT: String(port),
      DATABASE_URL: `file:${file}`,
      RATE_LIMIT_PER_MINUTE: '0',
      SMTP_URL: smtpUrl,
      MAIL_FROM: 'feedback@example.test',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    (output) => output.includes('"message":"listening"'),
  );
  children.push(server.child);
  const pid = server.child.pid!;
  const url = `http://127.0.0.1:${port}/api/v1/feedback`;
  await wrk(url, pid); // warm-up, not counted
  const alone: Awaited<ReturnType<typeof wrk>>[] = [];
  const withDigest: (Awaited<ReturnType<typeof wrk>> & {
    digestSeconds: number | null;
    sentDuringRound: number;
  })[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    await settle(pid);
    alone.push(await wrk(url, pid));
    await settle(pid);
    const before = await mailsReceived();
    const queuedAt = performance.now();
    const queuedRound = await queueDigests(store, 'weekly', period, Date.now(), {
      soFar: false,
      run: `bench-${r}`,
    });
    if (queuedRound.queued !== SUBSCRIBERS) throw new Error('digests not queued');
    // wrk starts once the worker has found the round (its poll: up to 2 s), so that the sending
    // covers the round when it lasts longer; then the time until the last mail arrived.
    while ((await mailsReceived()) === before && performance.now() - queuedAt < 5_000) {
      await sleep(20);
    }
    const sentBeforeRound = (await mailsReceived()) - before;
    const loaded = wrk(url, pid);
    let digestSeconds: number | null = null;
    let sentDuringRound = 0;
    let wrkDone = false;
    void loaded.then(() => (wrkDone = true));
    for (;;) {
      const arrived = (await mailsReceived()) - before;
      if (!wrkDone) sentDuringRound = arrived - sentBeforeRound;
      if (arrived >= SUBSCRIBERS) {
        digestSeconds = round((performance.now() - queuedAt) / 1000, 2);
        break;
      }
      if (performance.now() - queuedAt > 300_000) break;
      await sleep(100);
    }
    withDigest.push({ ...(await loaded), digestSeconds, sentDuringRound });
  }
  // The same round sent by the server with nothing else to do: from the queue to the last mail
  // (the worker polls every 2 s), and the server's CPU a mail.
  const idleBefore = await mailsReceived();
  const idleCpu = cpuSeconds(pid);
  const idleQueuedAt = performance.now();
  await queueDigests(store, 'weekly', period, Date.now(), { soFar: false, run: 'bench-idle' });
  while ((await mailsReceived()) - idleBefore < SUBSCRIBERS) {
    if (performance.now() - idleQueuedAt > 300_000) throw new Error('digests not all sent');
    await sleep(50);
  }
  const idleSeconds = (performance.now() - idleQueuedAt) / 1000;
  const serverAlone = {
    seconds: round(idleSeconds, 2),
    mailsPerSecond: round(SUBSCRIBERS / idleSeconds),
    cpuMsPerMail: round(((cpuSeconds(pid) - idleCpu) * 1000) / SUBSCRIBERS, 1),
  };
  await stop(server.child);
  await store.close();

  const aloneRps = median(alone.map((r) => r.rps));
  const digestRps = median(withDigest.map((r) => r.rps));
  const result = {
    benchmark: 'digest',
    subscribers: SUBSCRIBERS,
    services: SERVICES,
    servicesPerDigest: SERVICES / ORGANISATIONS,
    submissions: generated.rows,
    perServicePerWeek: PER_WEEK,
    generateSeconds: generated.seconds,
    period,
    inProcess,
    serverAlone,
    ingest: {
      rounds: ROUNDS,
      seconds: SECONDS,
      connections: CONNECTIONS,
      alone: {
        rps: round(aloneRps, 0),
        cpuUsPerRequest: median(alone.map((r) => r.cpuUsPerRequest)),
        p99Ms: median(alone.map((r) => r.p99Ms)),
      },
      withDigest: {
        rps: round(digestRps, 0),
        cpuUsPerRequest: median(withDigest.map((r) => r.cpuUsPerRequest)),
        p99Ms: median(withDigest.map((r) => r.p99Ms)),
        digestSeconds: median(withDigest.map((r) => r.digestSeconds ?? Infinity)),
        sentDuringRound: median(withDigest.map((r) => r.sentDuringRound)),
      },
      ratio: round(digestRps / aloneRps, 3),
      each: { alone, withDigest },
    },
  };
  console.log(JSON.stringify(result));
} finally {
  for (const child of children) await stop(child);
  if (process.argv.includes('--keep')) console.error(`database kept: ${file}`);
  else rmSync(dir, { recursive: true, force: true });
}
