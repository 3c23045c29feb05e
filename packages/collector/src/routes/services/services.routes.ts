import { Hono } from 'hono';
import { fieldErrors, PeriodQuerySchema } from '@vo-feedback/shared';
import type { Config } from '../../deps.ts';
import { summarise } from '../../domain/aggregation.ts';
import { currentYearToDate } from '../../domain/time.ts';
import { canSeeAggregates, requireToken, type AuthEnv } from '../../middleware/auth.ts';
import { problem } from '../../problem.ts';

/** The provider and steering API over services (Bearer token). */
export function servicesRoutes(config: Config) {
  const { store } = config;
  return new Hono<AuthEnv>()
    .use(requireToken(store))
    .get('/', async (c) => {
      const principal = c.get('principal');
      const services = await store.listServices(principal.organisationId ?? undefined);
      return c.json(
        services.map((s) => ({
          id: s.id,
          name: s.name,
          organisationId: s.organisationId,
          active: s.active,
          publicServiceUri: s.publicServiceUri,
        })),
      );
    })
    .get('/:serviceId/summary', async (c) => {
      const service = await store.getService(c.req.param('serviceId'));
      if (!service) {
        return problem(c, 404, 'unknown-service', 'Not Found', 'There is no such service.');
      }
      if (!canSeeAggregates(c.get('principal'), service.organisationId)) {
        return problem(
          c,
          403,
          'forbidden',
          'Forbidden',
          'This service belongs to another organisation; use a token of that organisation.',
        );
      }
      const query = PeriodQuerySchema.safeParse(c.req.query());
      if (!query.success) {
        return problem(
          c,
          400,
          'validation-error',
          'Bad Request',
          'The period is not valid; see errors.',
          fieldErrors(query.error),
        );
      }
      const defaults = currentYearToDate(new Date(config.now()));
      const from =
        query.data.from ?? (query.data.to ? `${query.data.to.slice(0, 4)}-01-01` : defaults.from);
      const to = query.data.to ?? defaults.to;
      if (from > to) {
        return problem(c, 400, 'validation-error', 'Bad Request', 'The period is not valid.', [
          { path: 'from', message: 'Give a from date on or before the to date.' },
        ]);
      }
      const [rollups, impressions] = await Promise.all([
        store.dailyRollups(service.id, from, to),
        store.dailyImpressions(service.id, from, to),
      ]);
      return c.json(summarise(service.id, { from, to }, rollups, impressions));
    });
}
