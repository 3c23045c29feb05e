import { Hono } from 'hono';
import { openApiDocument } from './operations.ts';
import { API_PAGE_CSS, apiPage } from '../../views/api-page.ts';

/**
 * The API's documentation: the OpenAPI 3.1 document and the readable page rendered from it. Both
 * are built once, on first request: they depend on the code, not on the data.
 */
export function openapiRoutes() {
  let document: ReturnType<typeof openApiDocument> | undefined;
  let page: string | undefined;
  const built = () => (document ??= openApiDocument());

  return new Hono()
    .get('/api/v1/openapi.json', (c) => {
      // Public documentation: API tools on any origin may load it.
      c.header('access-control-allow-origin', '*');
      c.header('cross-origin-resource-policy', 'cross-origin');
      c.header('cache-control', 'public, max-age=300');
      return c.json(built());
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
