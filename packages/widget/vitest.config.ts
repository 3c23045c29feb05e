import { createServer as createHttpServer, type Server } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { playwright } from '@vitest/browser-playwright';
import type { BrowserCommand } from 'vitest/node';
import { defineProject } from 'vitest/config';
import type { Plugin } from 'vite';
import { collector } from './test/collector-handle.ts';

/**
 * A port nobody listens on right now, for the browser test server. Taken below the ephemeral range
 * (32768+ on Linux), where outgoing connections would pick it up before vitest binds it.
 */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

// The browser server's port is chosen here, not by vitest, so that the collector started in the
// global setup can allow exactly the origins the tests run on. Vitest evaluates this file again
// for the browser server, in the same process: the environment keeps the first choice.
process.env.VO_FEEDBACK_WIDGET_TEST_PORT ??= String(await freePort());
const browserPort = Number(process.env.VO_FEEDBACK_WIDGET_TEST_PORT);
// The strict-CSP page gets a real server of its own (a page that playwright fulfils has no
// address, and Chromium then refuses its requests to the loopback collector).
process.env.VO_FEEDBACK_WIDGET_CSP_PORT ??= String(await freePort());
const cspPort = Number(process.env.VO_FEEDBACK_WIDGET_CSP_PORT);

// Screenshots go to docs/ with VO_SCREENSHOTS=1, else to .test-results/ (tracked files stay put),
// as in e2e/support.ts. The browser cannot read the environment, so the tests get the directory.
const repoRoot = join(import.meta.dirname, '../..');
const screenshotDir = join(repoRoot, process.env.VO_SCREENSHOTS === '1' ? 'docs' : '.test-results');

/**
 * @open-wc/testing pulls in Web Test Runner code that imports the runner's own websocket module,
 * which does not exist under vitest. Only WTR snapshot commands would use it.
 */
function webTestRunnerSocketStub(): Plugin {
  const id = '/__web-dev-server__web-socket.js';
  return {
    name: 'vo-feedback:wtr-socket-stub',
    enforce: 'pre',
    // Pre-bundling rewrites the import to a relative path, so match the file name.
    resolveId: (source) => (source.endsWith(id.slice(1)) ? `\0${id}` : null),
    load: (loaded) =>
      loaded === `\0${id}`
        ? 'export function sendMessageWaitForResponse() { throw new Error("not under Web Test Runner"); }\n' +
          'export const webSocket = undefined;\n'
        : null,
  };
}

// Node-side helpers the browser tests call through `commands` (vitest/browser).
const stopCollector: BrowserCommand<[]> = () => collector().stop();
const startCollector: BrowserCommand<[]> = () => collector().start();
const countFeedback: BrowserCommand<[id: string]> = (_context, id) => collector().count(id);
const feedbackRow: BrowserCommand<[id: string]> = (_context, id) =>
  collector().store.sqlite.prepare('select * from feedback where id = ?').get(id) ?? null;
/**
 * Another active service like the test service (same organisation and origins), with its own help
 * link and reasons (null: the defaults). A service of its own per test: the widget fetches a
 * service's configuration once per page, and the browser may cache it for five minutes.
 */
const createService: BrowserCommand<
  [id: string, helpUrl: string | null, reasons: unknown[] | null]
> = (_context, id, helpUrl, reasons) => {
  collector()
    .store.sqlite.prepare(
      `insert into services (id, name, organisation_id, allowed_origins, active,
         public_service_uri, help_url, reasons, created_at)
       select ?, name, organisation_id, allowed_origins, active, public_service_uri, ?, ?, created_at
       from services where id = ?`,
    )
    .run(id, helpUrl, reasons && JSON.stringify(reasons), collector().serviceId);
};
const impressionCount: BrowserCommand<[]> = () =>
  (
    collector()
      .store.sqlite.prepare(
        'select coalesce(sum(count), 0) as n from daily_impressions where service_id = ?',
      )
      .get(collector().serviceId) as { n: number }
  ).n;

/**
 * Chromium's own accessibility tree (what a screen reader gets) for the test frame: role, name,
 * description, checked state, heading level and live-region politeness of each node that is not
 * ignored.
 */
const accessibilityTree: BrowserCommand<[]> = async (context) => {
  if (context.provider.name !== 'playwright') throw new Error('needs the playwright provider');
  const frame = await context.frame();
  const session = await context.page.context().newCDPSession(context.page);
  try {
    const { frameTree } = (await session.send('Page.getFrameTree')) as {
      frameTree: { frame: { id: string; url: string }; childFrames?: unknown[] };
    };
    const frames: { frame: { id: string; url: string }; childFrames?: unknown[] }[] = [frameTree];
    let frameId: string | undefined;
    while (frames.length) {
      const next = frames.shift()!;
      if (next.frame.url === frame.url()) frameId = next.frame.id;
      frames.push(...((next.childFrames ?? []) as typeof frames));
    }
    const { nodes } = (await session.send('Accessibility.getFullAXTree', { frameId })) as {
      nodes: {
        ignored: boolean;
        role?: { value: string };
        name?: { value: string };
        description?: { value: string };
        properties?: { name: string; value: { value: unknown } }[];
      }[];
    };
    return nodes
      .filter((node) => !node.ignored)
      .map((node) => ({
        role: node.role?.value ?? '',
        name: node.name?.value ?? '',
        description: node.description?.value ?? '',
        checked: node.properties?.find((p) => p.name === 'checked')?.value.value,
        level: node.properties?.find((p) => p.name === 'level')?.value.value,
        live: node.properties?.find((p) => p.name === 'live')?.value.value,
      }));
  } finally {
    await session.detach();
  }
};

/**
 * A scripted server for the retry policy: it answers the feedback POSTs with the given statuses in
 * turn (the collector cannot be made to answer 429 or 503 on demand) and records when each came.
 */
let scripted: { server: Server; times: number[] } | undefined;
const startScriptedServer: BrowserCommand<
  [answers: { status: number; retryAfter?: number }[], origin: string]
> = async (_context, answers, origin) => {
  await stopScriptedServer(_context);
  const times: number[] = [];
  const cors = {
    'access-control-allow-origin': origin,
    'access-control-allow-headers': 'content-type',
    'access-control-expose-headers': 'retry-after',
  };
  const server = createHttpServer((request, response) => {
    if (request.method === 'OPTIONS') return response.writeHead(204, cors).end();
    request.resume();
    // The widget's impression beacon is not an answer to script.
    if (request.url?.endsWith('/impressions')) return response.writeHead(204, cors).end();
    const answer = answers[times.length] ?? { status: 201 };
    times.push(Date.now());
    const headers: Record<string, string> = { ...cors, 'content-type': 'application/json' };
    if (answer.retryAfter !== undefined) headers['retry-after'] = String(answer.retryAfter);
    response.writeHead(answer.status, headers).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  scripted = { server, times };
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
};
const scriptedRequestTimes: BrowserCommand<[]> = () => scripted?.times ?? [];
const stopScriptedServer: BrowserCommand<[]> = () =>
  new Promise<void>((resolve) => {
    const server = scripted?.server;
    scripted = undefined;
    if (!server) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });

/**
 * The built bundle on a page with a strict Content-Security-Policy: no inline script or style, no
 * eval, Trusted Types enforced, connections only to the collector. The page is served by a server
 * of its own on `localhost` (an origin the collector allows, on another site than the collector's
 * 127.0.0.1, as a government site is). It holds a Dutch widget and a French one: the French
 * catalog (a chunk; Dutch is in the bundle) is held back until the French widget has been looked
 * at while it waits. The citizen rates 4 in the Dutch one, and the result says what the page saw.
 */
const viteCli = join(
  dirname(createRequire(import.meta.url).resolve('vite/package.json')),
  'bin/vite.js',
);

const strictCspRun: BrowserCommand<[]> = async (context) => {
  if (context.provider.name !== 'playwright') throw new Error('needs the playwright provider');
  // The shipping bundle, built as `npm run build` builds it (a production build, whatever vitest's
  // own NODE_ENV), into a directory of its own.
  const outDir = mkdtempSync(join(tmpdir(), 'vo-feedback-csp-'));
  // Every built script, by path: the bundle and its language chunks.
  const scripts = new Map<string, string>();
  try {
    execFileSync(process.execPath, [viteCli, 'build', '--outDir', outDir], {
      cwd: import.meta.dirname,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'ignore',
    });
    for (const name of readdirSync(outDir).filter((file) => file.endsWith('.js'))) {
      scripts.set(`/${name}`, readFileSync(join(outDir, name), 'utf8'));
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  const policy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src ${collector().url}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
  const html = `<!doctype html><html lang="nl"><head><title>CSP</title>
<script type="module" src="/vo-feedback.js"></script></head>
<body><vo-feedback service-id="${collector().serviceId}" endpoint="${collector().url}"></vo-feedback>
<div lang="fr"><vo-feedback service-id="${collector().serviceId}" endpoint="${collector().url}"><p>Sans JavaScript</p></vo-feedback></div></body></html>`;
  const chunks: string[] = [];
  let chunkAsked: () => void;
  const asked = new Promise<void>((resolve) => (chunkAsked = resolve));
  let releaseChunks: () => void;
  const released = new Promise<void>((resolve) => (releaseChunks = resolve));
  const server = createHttpServer(async (request, response) => {
    const script = scripts.get(request.url ?? '');
    if (script !== undefined) {
      if (request.url !== '/vo-feedback.js') chunks.push(request.url!.slice(1));
      if (request.url!.includes('-fr-')) {
        chunkAsked();
        await released;
      }
      return response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    }
    response.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': policy });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(cspPort, '127.0.0.1', () => resolve()));
  const page = await context.page.context().newPage();
  try {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('requestfailed', (request) =>
      problems.push(`${request.url()}: ${request.failure()?.errorText}`),
    );
    // Not waiting for `load`, which may wait for the held-back chunk.
    await page.goto(`http://localhost:${cspPort}/`, { waitUntil: 'commit' });
    await page.getByRole('radio', { name: 'Tevreden', exact: true }).waitFor();
    await asked;
    const french = page.locator('div[lang="fr"] > vo-feedback');
    const whileLoading = await french.evaluate((el) => ({
      rendered: el.shadowRoot!.textContent!.trim(),
      shown: (el as HTMLElement).innerText.trim(),
    }));
    releaseChunks!();
    const frenchQuestion = await french.locator('legend').textContent();
    await page.getByRole('radio', { name: 'Tevreden', exact: true }).check();
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/feedback'));
    await page.getByRole('button', { name: 'Versturen' }).click();
    const response = await posted;
    await page.getByRole('textbox', { name: 'Wat kunnen we verbeteren?' }).waitFor();
    const id = (JSON.parse(response.request().postData() ?? '{}') as { id: string }).id;
    return {
      problems,
      chunks,
      whileLoading,
      frenchQuestion,
      status: response.status(),
      stored: await collector().count(id),
      buttonBackground: await page
        .getByRole('button', { name: 'Versturen' })
        .evaluate((button) => getComputedStyle(button).backgroundColor),
    };
  } finally {
    releaseChunks!();
    await page.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
};

/** Emulates media features (forced colours, colour scheme) for the page under test. */
const emulateMedia: BrowserCommand<
  [options: { forcedColors?: 'active' | 'none'; colorScheme?: 'light' | 'dark' }]
> = async (context, options) => {
  if (context.provider.name !== 'playwright') throw new Error('needs the playwright provider');
  await context.page.emulateMedia(options);
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    stopCollector: () => Promise<void>;
    startCollector: () => Promise<void>;
    countFeedback: (id: string) => Promise<number>;
    feedbackRow: (id: string) => Promise<Record<string, unknown> | null>;
    impressionCount: () => Promise<number>;
    createService: (id: string, helpUrl: string | null, reasons: unknown[] | null) => Promise<void>;
    startScriptedServer: (
      answers: { status: number; retryAfter?: number }[],
      origin: string,
    ) => Promise<string>;
    scriptedRequestTimes: () => Promise<number[]>;
    stopScriptedServer: () => Promise<void>;
    strictCspRun: () => Promise<{
      problems: string[];
      /** The scripts fetched besides vo-feedback.js. */
      chunks: string[];
      /** The French widget while its catalog is held back: its own text, and what it shows. */
      whileLoading: { rendered: string; shown: string };
      frenchQuestion: string | null;
      status: number;
      stored: number;
      buttonBackground: string;
    }>;
    emulateMedia: (options: {
      forcedColors?: 'active' | 'none';
      colorScheme?: 'light' | 'dark';
    }) => Promise<void>;
    accessibilityTree: () => Promise<
      {
        role: string;
        name: string;
        description: string;
        checked?: unknown;
        level?: unknown;
        live?: unknown;
      }[]
    >;
  }
}

export default defineProject({
  plugins: [webTestRunnerSocketStub()],
  test: {
    name: 'widget',
    include: ['src/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/setup.ts'],
    testTimeout: 30_000,
    provide: { browserPort, cspPort, screenshotDir },
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      }),
      instances: [{ browser: 'chromium' }],
      api: { host: '127.0.0.1', port: browserPort, strictPort: true },
      screenshotFailures: false,
      commands: {
        stopCollector,
        startCollector,
        countFeedback,
        feedbackRow,
        impressionCount,
        createService,
        accessibilityTree,
        emulateMedia,
        strictCspRun,
        startScriptedServer,
        scriptedRequestTimes,
        stopScriptedServer,
      },
    },
  },
});
