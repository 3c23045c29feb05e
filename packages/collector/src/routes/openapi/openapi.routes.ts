import { createRoute, z } from '@hono/zod-openapi';
import { router, SECURITY } from '../../http/openapi.ts';
import { API_PAGE_CSS, apiPage } from '../../views/api-page.ts';
import type { OpenApiDocument } from './document.ts';

const openApiJson = createRoute({
  method: 'get',
  path: '/api/v1/openapi.json',
  tags: ['Operations'],
  summary: 'This document',
  security: SECURITY.none,
  responses: {
    200: {
      description: 'OpenAPI 3.1.',
      content: { 'application/json': { schema: z.looseObject({}) } },
    },
  },
});

/**
 * The API's documentation: the OpenAPI 3.1 document generated from the routes' declarations, and
 * the readable page rendered from it. Both are built once, on first request: they depend on the
 * code, not on the data.
 */
export function openapiRoutes(generate: () => OpenApiDocument) {
  let document: OpenApiDocument | undefined;
  let page: string | undefined;
  const built = () => (document ??= generate());

  return router()
    .openapi(openApiJson, (c) => {
      // Public documentation: API tools on any origin may load it.
      c.header('access-control-allow-origin', '*');
      c.header('cross-origin-resource-policy', 'cross-origin');
      c.header('cache-control', 'public, max-age=300');
      return c.json(built(), 200);
    })
    .get('/api', (c) => {
      c.header('cache-control', 'public, max-age=300');
      return c.html((page ??= apiPage(built())));
    })
    .get('/api/api.css', (c) =>
      c.body(API_PAGE_CSS, 200, {
        'content-type': 'text/css; charset=utf-8',
        'cache-control': 'public, max-age=300',
      }),
    );
}
