// Lighthouse on the demo page as the collector serves it (issue 19: 100 accessibility, at least 95
// performance and best practices, no layout shift when the widget appears).
//
//   node demo/bench/lighthouse.mjs [runs]     (needs the build: demo/dist, the widget's dist and
//                                              packages/collector/dist)
//
// Starts the built collector (`node --conditions=vo-dist dist/server.js`, as `pnpm start` does) on
// a free port with a SQLite database in a temporary folder and the demo seed (the widget fetches
// its service's configuration from it), then runs Lighthouse's Node API on `/` in this machine's
// Chromium (/usr/bin/chromium, through chrome-launcher, a fresh profile each run), once with the
// mobile form factor (Lighthouse's default: a Moto G Power screen, simulated slow 4G and 4× CPU
// slowdown) and once with the desktop one, `runs` times each (default 3). A form factor's figures
// are those of its median run by performance score (Lighthouse's own computeMedianRun choice);
// the layout shift is the largest of all runs.
//
// Prints, per form factor, the audits that cost points (score below 1 with a weight in one of the
// three categories) and, last, one JSON line:
// { mobile: {performance, accessibility, bestPractices, cls, failed: [ids], ...}, desktop: {...},
//   performance, accessibility, bestPractices, cls (the worse form factor's), met, runs }.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';

const root = fileURLToPath(new URL('../../', import.meta.url));
const collectorDir = join(root, 'packages/collector');
const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 3);
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

for (const built of ['demo/dist/index.html', 'packages/widget/dist/vo-feedback.js']) {
  if (!existsSync(join(root, built))) throw new Error(`${built} is missing: build first`);
}
if (!existsSync(join(collectorDir, 'dist/server.js'))) {
  throw new Error('packages/collector/dist/server.js is missing: build first');
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The built collector with the demo seed on a database of its own; resolves once listening. */
async function startCollector(database) {
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
        SEED_DEMO: '1',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      // Only the start matters; the request log afterwards is drained and dropped.
      if (output.length < 100_000) output += chunk;
      if (output.includes('"message":"listening"')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`collector exited ${code}`)));
  });
  return { child, port };
}

async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** One Lighthouse run of `url` in a fresh Chromium; its report (the LHR). */
async function audit(url, formFactor) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error('Lighthouse returned no result');
    if (result.lhr.runtimeError) {
      throw new Error(
        `Lighthouse: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`,
      );
    }
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

const score = (lhr, id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);

/** The audits that cost points: weighted in a category and scored below 1. */
function costs(lhr) {
  const found = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id].auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) {
        found.push({
          category: id,
          id: ref.id,
          score: a.score,
          weight: ref.weight,
          ...(a.displayValue ? { value: a.displayValue } : {}),
          title: a.title,
        });
      }
    }
  }
  return found;
}

/**
 * What shifted, from the layout-shifts audit, when anything did. Lighthouse 12.2's trace engine
 * cannot read this Chromium's screenshot events, so that audit errors here (its root causes); the
 * cumulative-layout-shift metric itself is read from the trace's LayoutShift events and does
 * count a shift (a test page that pushes its text down by 200 px after 800 ms scored 0.10).
 */
function shifts(lhr) {
  const items = lhr.audits['layout-shifts']?.details?.items ?? [];
  return items.map((item) => ({
    score: Math.round((item.score ?? 0) * 10000) / 10000,
    node: item.node?.snippet ?? item.node?.selector ?? null,
  }));
}

/** Audits Lighthouse could not run (scoreDisplayMode 'error'). */
const errored = (lhr) =>
  Object.values(lhr.audits)
    .filter((a) => a.scoreDisplayMode === 'error')
    .map((a) => a.id);

/**
 * The widget appeared in the run: its script was loaded and it reported its impression, which it
 * sends after it has rendered. Without that a layout shift of 0 would say nothing about the widget.
 */
function widgetAppeared(lhr) {
  const paths = (lhr.audits['network-requests']?.details?.items ?? [])
    .filter((item) => item.statusCode >= 200 && item.statusCode < 300)
    .map((item) => new URL(item.url).pathname);
  return paths.includes('/widget/vo-feedback.js') && paths.includes('/api/v1/impressions');
}

const dir = mkdtempSync(join(tmpdir(), 'vo-feedback-lighthouse-'));
const { child, port } = await startCollector(join(dir, 'lighthouse.sqlite'));
const url = `http://127.0.0.1:${port}/`;
const figures = {};
try {
  for (const formFactor of ['mobile', 'desktop']) {
    const reports = [];
    for (let i = 0; i < runs; i += 1) reports.push(await audit(url, formFactor));
    // The median run by performance score, as Lighthouse's computeMedianRun picks one.
    const byPerformance = [...reports].sort(
      (a, b) => a.categories.performance.score - b.categories.performance.score,
    );
    const lhr = byPerformance[Math.floor(byPerformance.length / 2)];
    const cls = Math.max(
      ...reports.map((r) => r.audits['cumulative-layout-shift'].numericValue ?? 0),
    );
    const lost = costs(lhr);
    const metric = (id) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
    figures[formFactor] = {
      performance: score(lhr, 'performance'),
      accessibility: score(lhr, 'accessibility'),
      bestPractices: score(lhr, 'best-practices'),
      cls: Math.round(cls * 10000) / 10000,
      fcpMs: metric('first-contentful-paint'),
      lcpMs: metric('largest-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      speedIndexMs: metric('speed-index'),
      performanceRuns: reports.map((r) => score(r, 'performance')),
      failed: lost.map((a) => a.id),
      widgetAppeared: reports.every(widgetAppeared),
      errored: [...new Set(reports.flatMap(errored))],
      ...(cls > 0 ? { shifts: reports.flatMap(shifts) } : {}),
    };
    console.log(`\n${formFactor}: ${JSON.stringify(figures[formFactor])}`);
    for (const a of lost) {
      console.log(
        `  ${a.category} ${a.id} (score ${a.score}, weight ${a.weight}${a.value ? `, ${a.value}` : ''}): ${a.title}`,
      );
    }
    const warnings = lhr.runWarnings ?? [];
    for (const warning of warnings) console.log(`  warning: ${warning}`);
  }
} finally {
  await stop(child);
  rmSync(dir, { recursive: true, force: true });
}

const worst = (key) => Math.min(figures.mobile[key], figures.desktop[key]);
const result = {
  url: '/',
  lighthouse: (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version,
  mobile: figures.mobile,
  desktop: figures.desktop,
  performance: worst('performance'),
  accessibility: worst('accessibility'),
  bestPractices: worst('bestPractices'),
  cls: Math.max(figures.mobile.cls, figures.desktop.cls),
  runs,
};
result.met =
  figures.mobile.widgetAppeared &&
  figures.desktop.widgetAppeared &&
  result.accessibility === 100 &&
  result.performance >= 95 &&
  result.bestPractices >= 95 &&
  result.cls === 0;
console.log(JSON.stringify(result));
