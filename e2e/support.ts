import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';

const require = createRequire(import.meta.url);

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Screenshots go to docs/ with VO_SCREENSHOTS=1, else to .test-results/ (tracked files stay put). */
export const screenshotDir =
  process.env.VO_SCREENSHOTS === '1' ? join(repoRoot, 'docs') : join(repoRoot, '.test-results');

/**
 * Photographs a part of the page as `dashboard-<name>.png` in `screenshotDir`: from the top of
 * `from` down to the bottom of `options.through` (`from` itself unless given), with
 * `options.marginY` (16 unless given) above and below, and 16 px of the page on either side —
 * under 400 px the whole width of the viewport, as a phone shows it. For a section of a page
 * whose full length would make the picture unreadable.
 */
export async function shootSection(
  page: Page,
  name: string,
  from: Locator,
  options: { through?: Locator; marginY?: number } = {},
): Promise<string> {
  const { through = from, marginY = 16 } = options;
  const marginX = 16;
  const box = (locator: Locator) =>
    locator.evaluate((el) => {
      const rect = el.getBoundingClientRect();
      return {
        left: rect.left + scrollX,
        top: rect.top + scrollY,
        right: rect.right + scrollX,
        bottom: rect.bottom + scrollY,
      };
    });
  const [first, last] = [await box(from), await box(through)];
  const { width } = page.viewportSize()!;
  const narrow = width < 400;
  const x = narrow ? 0 : Math.max(0, Math.floor(Math.min(first.left, last.left) - marginX));
  const y = Math.max(0, Math.floor(first.top - marginY));
  const right = narrow
    ? width
    : Math.min(width, Math.ceil(Math.max(first.right, last.right) + marginX));
  const path = join(screenshotDir, `dashboard-${name}.png`);
  mkdirSync(screenshotDir, { recursive: true });
  // The pointer off the page's controls: no button in the picture looks hovered.
  await page.mouse.move(0, 0);
  await page.screenshot({
    path,
    fullPage: true,
    clip: { x, y, width: right - x, height: Math.ceil(last.bottom + marginY) - y },
  });
  return path;
}

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

/**
 * The collector's environment for signing in with OpenID Connect at `issuer`, on `publicUrl`,
 * with `adminToken` for the admin API.
 */
export function oidcEnv(
  // The fields of a TestIssuer (test-support/oidc-issuer.ts), not imported: reliability/ imports
  // this file and does not declare the oidc-provider module that one needs.
  issuer: { url: string; clientId: string; clientSecret: string },
  publicUrl: string,
  adminToken: string,
): Record<string, string> {
  return {
    OIDC_ISSUER: issuer.url,
    OIDC_CLIENT_ID: issuer.clientId,
    OIDC_CLIENT_SECRET: issuer.clientSecret,
    PUBLIC_URL: publicUrl,
    ADMIN_TOKEN: adminToken,
  };
}

/** A request to the admin API; fails the test (with the answer's body) on a status of 300 or more. */
export type AdminClient = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

/** The admin API of the collector at `url`, with the admin token `token`. */
export function adminClient(url: string, token: string): AdminClient {
  return async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/api/v1/admin${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(
      300,
    );
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
}

/**
 * A fresh browser profile for signing in at the test issuer: 1280 × 900, axe injected into each
 * page, and no request to https:// (the issuer's development pages load a web font from the
 * internet: not here).
 */
export async function oidcContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(/^https:\/\//, (route) => route.abort());
  await context.addInitScript({ path: require.resolve('axe-core') });
  return context;
}

/** From the dashboard's "Aanmelden" through the test issuer's sign-in form as `login`. */
export async function signInAtIssuer(page: Page, login: string): Promise<void> {
  await page.getByRole('link', { name: 'Aanmelden' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('wachtwoord');
  await page.locator('button[type="submit"]').click();
}

/**
 * Collects the page's problems for the test to fail on: any script error, any dialog, and any
 * console error while the page is on `origin`.
 */
export function watchPage(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && page.url().startsWith(origin)) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
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
