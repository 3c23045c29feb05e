// Time from module evaluation to first render of <vo-feedback> in Chromium, beside a bare Lit
// element bundled the same way and measured in the same run (medians, pages interleaved).
//
//   node bench/first-render.mjs [runs]     (needs `vite build` first: reads dist/vo-feedback.js)
//
// Prints one JSON line: { widgetMs, bareLitMs, ratio, gzipBytes, runs }.
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const runs = Number(process.argv[2] ?? 21);
const widget = readFileSync(join(here, '../dist/vo-feedback.js'), 'utf8');
const gzipBytes = gzipSync(widget, { level: constants.Z_BEST_COMPRESSION }).length;

/** The bare element, built with the widget's own bundling settings. */
async function buildBareLit() {
  const outDir = mkdtempSync(join(tmpdir(), 'vo-feedback-bench-'));
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      root: join(here, '..'),
      build: {
        outDir,
        target: 'es2022',
        lib: { entry: join(here, 'bare-lit.ts'), formats: ['es'], fileName: () => 'bare-lit.js' },
        rolldownOptions: { output: { minify: true, comments: false } },
        emptyOutDir: true,
      },
    });
    return readFileSync(join(outDir, 'bare-lit.js'), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const ORIGIN = 'http://bench.vo-feedback.test';
const bundles = {
  // The first statement of each bundle notes the time: evaluation starts there.
  '/vo-feedback.js': `globalThis.__t0 = performance.now();\n${widget}`,
  '/bare-lit.js': `globalThis.__t0 = performance.now();\n${await buildBareLit()}`,
};

function pageFor(script, markup, tag) {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>bench</title></head>
<body>${markup}
<script type="module">
  import '${script}';
  const element = document.querySelector('${tag}');
  await element.updateComplete;
  window.__firstRender = performance.now() - globalThis.__t0;
</script></body></html>`;
}

const pages = {
  '/widget.html': pageFor(
    '/vo-feedback.js',
    `<vo-feedback service-id="bench" endpoint="${ORIGIN}"></vo-feedback>`,
    'vo-feedback',
  ),
  '/bare.html': pageFor('/bare-lit.js', '<bare-lit></bare-lit>', 'bare-lit'),
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

async function measure(path) {
  // A new context each time: no module or code cache carried over from the previous run.
  const context = await browser.newContext();
  await context.route(`${ORIGIN}/**`, (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname in bundles) {
      return route.fulfill({ contentType: 'text/javascript', body: bundles[pathname] });
    }
    if (pathname in pages)
      return route.fulfill({ contentType: 'text/html', body: pages[pathname] });
    return route.fulfill({ status: 204 }); // the impression beacon
  });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}${path}`);
  const ms = await page.waitForFunction(() => globalThis.__firstRender).then((h) => h.jsonValue());
  await context.close();
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

try {
  const widgetTimes = [];
  const bareTimes = [];
  await measure('/widget.html'); // warm the browser process itself
  for (let i = 0; i < runs; i++) {
    widgetTimes.push(await measure('/widget.html'));
    bareTimes.push(await measure('/bare.html'));
  }
  const widgetMs = Number(median(widgetTimes).toFixed(2));
  const bareLitMs = Number(median(bareTimes).toFixed(2));
  console.log(
    JSON.stringify({
      widgetMs,
      bareLitMs,
      ratio: Number((widgetMs / bareLitMs).toFixed(2)),
      gzipBytes,
      runs,
    }),
  );
} finally {
  await browser.close();
}
