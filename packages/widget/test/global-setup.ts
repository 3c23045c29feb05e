import type { TestProject } from 'vitest/node';
import { startTestCollector } from '../../collector/src/test-support/start-collector.ts';
import { findCollector, setCollector } from './collector-handle.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    browserPort: number;
    cspPort: number;
    /** Where the screenshot tests write: docs/ with VO_SCREENSHOTS=1, else .test-results/. */
    screenshotDir: string;
    collector: { url: string; serviceId: string; providerToken: string };
  }
}

/**
 * Starts the real collector (temporary SQLite) that the widget tests post to. Vitest runs global
 * setup for the project and again for its chromium instance: both must see the same collector,
 * or a test would post to one database and count rows in another.
 */
export default async function setup(project: TestProject) {
  const { browserPort, cspPort } = project.config.provide;
  let collector = findCollector();
  const owner = !collector;
  collector ??= await startTestCollector({
    allowedOrigins: [browserPort, cspPort].flatMap((port) => [
      `http://127.0.0.1:${port}`,
      `http://localhost:${port}`,
    ]),
  });
  setCollector(collector);
  project.provide('collector', {
    url: collector.url,
    serviceId: collector.serviceId,
    providerToken: collector.providerToken,
  });
  return async () => {
    if (!owner) return;
    setCollector(undefined);
    await collector.dispose();
  };
}
