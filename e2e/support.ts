import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface CollectorProcess {
  url: string;
  port: number;
  /** The folder of the SQLite database (data/vo-feedback.sqlite inside it). */
  dir: string;
  /** The provider token the demo seed printed once on the console ('' on a reused database). */
  token: string;
  process: ChildProcess;
  output: () => string;
  /** SIGTERM, wait for the exit, remove the folder unless it was given. Returns the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no shutdown at all, the folder stays. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * Starts the built collector as `npm start` does (node on dist/, SEED_DEMO=1) on a fresh SQLite
 * file, and reads the demo token from its console.
 */
export async function startCollectorProcess(
  env: Record<string, string> = {},
  options: { dir?: string; port?: number } = {},
): Promise<CollectorProcess> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'vo-feedback-e2e-'));
  const port = options.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    ['--conditions=vo-dist', join(repoRoot, 'packages/collector/dist/server.js')],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: `file:${join(dir, 'data/vo-feedback.sqlite')}`,
        SEED_DEMO: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  const deadline = Date.now() + 20_000;
  while (!/"message":"listening"/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`collector did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const token = /\b(vof_[A-Za-z0-9_-]{43})\b/.exec(output)?.[1] ?? '';
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dir,
    token,
    process: child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
      return code;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
  });
}

/** The WCAG 2.0–2.2 A and AA rules every page is checked against. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe (injected into the page beforehand with `addInitScript`) over the document, or over the
 * element `selector` names, and returns each violation as "rule: targets".
 */
export function axeViolations(page: Page, selector?: string): Promise<string[]> {
  return page.evaluate(
    async ([tags, scope]) => {
      const { axe } = window as unknown as {
        axe: {
          run(
            context: Element | Document,
            options: object,
          ): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      };
      const context = scope ? document.querySelector(scope)! : document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map(
        (v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`,
      );
    },
    [AXE_TAGS, selector ?? null] as const,
  );
}
