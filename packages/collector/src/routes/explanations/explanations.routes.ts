import { z, type RouteHandler } from '@hono/zod-openapi';
import {
  ExplanationRequestSchema,
  ExplanationSchema,
  MAX_EXPLANATION,
  OrganisationIdSchema,
  ServiceIdSchema,
} from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import { requireYear } from '../../domain/period.ts';
import { acting } from '../../http/auth.ts';
import { declaredJsonBody } from '../../http/json-body.ts';
import { json, jsonBody, operations, problems, router, SECURITY } from '../../http/openapi.ts';
import {
  organisationAccess,
  serviceAccess,
  type OrganisationAccessEnv,
  type ServiceAccessEnv,
} from '../../http/provider-access.ts';
import { getExplanation, setExplanation } from '../../use-cases/explanations.ts';
import type { ExplanationSubject } from '../../use-cases/explanations.ts';
import { PERIOD_400, YearParamSchema } from '../services/query.ts';

// The "explain" of comply-or-explain: a provider's word on a year's figures, for one service or
// for its organisation. The annual report (JSON, CSV, HTML) carries it.

const explanationRoute = operations('Providers and steering', SECURITY.token);
const serviceParams = z.object({ serviceId: ServiceIdSchema, year: YearParamSchema });
const organisationParams = z.object({
  organisationId: OrganisationIdSchema,
  year: YearParamSchema,
});

/** 5,000 characters, each up to four bytes in UTF-8, JSON-escaped: well within 64 KiB. */
const BODY_BYTES = 64 * 1024;
const PUT_TEXT = `\`{text}\`: plain text, at most ${MAX_EXPLANATION.toLocaleString('en')} characters, surrounding white space dropped; an empty text removes the explanation. Recorded in the audit with its length, never the text. Providers of the organisation only; steering and other organisations get 403.`;
const GET_TEXT =
  'The explanation as the annual report shows it; `text` is empty (and `updatedAt`, `updatedBy` null) when there is none. The organisation’s providers, and steering (it reads the annual report).';
const PUT_PROBLEMS = problems(
  [
    400,
    'The text is too long or not text (`validation-error`), the body is not UTF-8 JSON (`invalid-body`), or the year is outside 2000–2100 (`invalid-period`); `errors` names the field.',
  ],
  401,
  403,
  404,
  413,
  415,
);
const GET_PROBLEMS = problems(PERIOD_400, 401, 403, 404);
const explanation = { description: 'The explanation.', content: json(ExplanationSchema) };

export const setServiceExplanationRoute = explanationRoute({
  method: 'put',
  path: '/{serviceId}/explanations/{year}',
  summary: 'Set the explanation of a service’s figures of a year',
  description: PUT_TEXT,
  request: { params: serviceParams, body: jsonBody(ExplanationRequestSchema) },
  responses: { 200: explanation, ...PUT_PROBLEMS },
});

export const getServiceExplanationRoute = explanationRoute({
  method: 'get',
  path: '/{serviceId}/explanations/{year}',
  summary: 'The explanation of a service’s figures of a year',
  description: GET_TEXT,
  request: { params: serviceParams },
  responses: { 200: explanation, ...GET_PROBLEMS },
});

export const setOrganisationExplanationRoute = explanationRoute({
  method: 'put',
  path: '/{organisationId}/explanations/{year}',
  summary: 'Set the explanation of an organisation’s figures of a year',
  description: PUT_TEXT,
  request: { params: organisationParams, body: jsonBody(ExplanationRequestSchema) },
  responses: { 200: explanation, ...PUT_PROBLEMS },
});

export const getOrganisationExplanationRoute = explanationRoute({
  method: 'get',
  path: '/{organisationId}/explanations/{year}',
  summary: 'The explanation of an organisation’s figures of a year',
  description: GET_TEXT,
  request: { params: organisationParams },
  responses: { 200: explanation, ...GET_PROBLEMS },
});

const WHAT = 'Explanations';

/** GET and PUT /api/v1/services/:serviceId/explanations/:year. */
export function serviceExplanationsRoutes(config: Config) {
  const { store } = config;
  const app = router<ServiceAccessEnv>();
  const subject = (serviceId: string, year: number): ExplanationSubject => ({
    scope: 'service',
    subjectId: serviceId,
    year: requireYear(year, config.now()),
  });

  const set: RouteHandler<typeof setServiceExplanationRoute, ServiceAccessEnv> = async (c) => {
    const about = subject(c.get('service').id, c.req.valid('param').year);
    const { text } = c.req.valid('json');
    return c.json(
      await setExplanation(store, about, text, acting(config, c.get('principal'))),
      200,
    );
  };
  const get: RouteHandler<typeof getServiceExplanationRoute, ServiceAccessEnv> = async (c) => {
    c.header('cache-control', 'private, no-store');
    const about = subject(c.get('service').id, c.req.valid('param').year);
    return c.json(await getExplanation(store, about), 200);
  };

  const writers = serviceAccess(store, 'provider', WHAT);
  const readers = serviceAccess(store, 'provider-or-steering', WHAT);
  app.openapi(
    { ...setServiceExplanationRoute, middleware: [...writers, declaredJsonBody(BODY_BYTES)] },
    set,
  );
  app.openapi({ ...getServiceExplanationRoute, middleware: readers }, get);
  return app;
}

/** GET and PUT /api/v1/organisations/:organisationId/explanations/:year. */
export function organisationExplanationsRoutes(config: Config) {
  const { store } = config;
  const app = router<OrganisationAccessEnv>();
  const subject = (organisationId: string, year: number): ExplanationSubject => ({
    scope: 'organisation',
    subjectId: organisationId,
    year: requireYear(year, config.now()),
  });

  const set: RouteHandler<typeof setOrganisationExplanationRoute, OrganisationAccessEnv> = async (
    c,
  ) => {
    const about = subject(c.get('organisation').id, c.req.valid('param').year);
    const { text } = c.req.valid('json');
    return c.json(
      await setExplanation(store, about, text, acting(config, c.get('principal'))),
      200,
    );
  };
  const get: RouteHandler<typeof getOrganisationExplanationRoute, OrganisationAccessEnv> = async (
    c,
  ) => {
    c.header('cache-control', 'private, no-store');
    const about = subject(c.get('organisation').id, c.req.valid('param').year);
    return c.json(await getExplanation(store, about), 200);
  };

  const writers = organisationAccess(store, 'provider', WHAT);
  const readers = organisationAccess(store, 'provider-or-steering', WHAT);
  app.openapi(
    { ...setOrganisationExplanationRoute, middleware: [...writers, declaredJsonBody(BODY_BYTES)] },
    set,
  );
  app.openapi({ ...getOrganisationExplanationRoute, middleware: readers }, get);
  return app;
}
