import { LivenessSchema, ReadinessSchema } from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import { json, operations, problems, router, SECURITY } from '../../http/openapi.ts';
import { ProblemError } from '../../domain/problems.ts';

const operation = operations('Operations', SECURITY.none);

const liveness = operation({
  method: 'get',
  path: '/healthz',
  summary: 'Liveness: the process answers',
  responses: {
    200: { description: '`{"status": "ok"}`', content: json(LivenessSchema) },
  },
});

const readiness = operation({
  method: 'get',
  path: '/readyz',
  summary: 'Readiness: the database answers',
  responses: {
    200: { description: '`{"status": "ready"}`', content: json(ReadinessSchema) },
    ...problems(503),
  },
});

/** Liveness (the process answers) and readiness (the database answers). */
export function healthRoutes(config: Config) {
  return router()
    .openapi(liveness, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(readiness, async (c) => {
      try {
        await config.store.ping();
      } catch (error) {
        config.logger.error('database not reachable', { error: String(error) });
        throw new ProblemError(503, 'not-ready', 'The database is not reachable.');
      }
      return c.json({ status: 'ready' as const }, 200);
    });
}
