import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import type { Plugin } from 'vite';

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

// The dashboard's tests run in real Chromium: the pure logic (periods, routes, text matching,
// file names) and each element beside its source, rendered with fixture data (an API fake that
// answers like the collector's contract; the real collector is exercised end to end in
// e2e/dashboard.test.ts, built and served under its CSP).
export default defineProject({
  plugins: [webTestRunnerSocketStub()],
  test: {
    name: 'dashboard',
    include: ['src/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    testTimeout: 30_000,
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
      api: { host: '127.0.0.1' },
      screenshotFailures: false,
    },
  },
});
