import { Hono } from 'hono';
import type { Config } from '../../config/deps.ts';
import { problem } from '../../http/problem.ts';

/** Liveness (the process answers) and readiness (the database answers). */
export function healthRoutes(config: Config) {
  return new Hono()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', async (c) => {
      try {
        await config.store.ping();
        return c.json({ status: 'ready' });
      } catch (error) {
        config.logger.error('database not reachable', { error: String(error) });
        return problem(
          c,
          503,
          'not-ready',
          'Service Unavailable',
          'The database is not reachable.',
        );
      }
    });
}
