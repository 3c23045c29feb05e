import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { Handler } from 'hono';

/**
 * Registers an operation whose handler reads its own request: the declaration goes into the
 * document whole, and the route is served without zod-openapi's validators. The admin API has
 * always read its body with the collector's body reader (its 415, 413 and 400 answers) and
 * validated it in the use case, which the CLI shares; a malformed id is a 404 (nothing has it)
 * and the service list takes any query, as before.
 */
export function serve(app: OpenAPIHono, route: RouteConfig, handler: Handler): void {
  app.openAPIRegistry.registerPath(route);
  app.openapi({ ...route, request: undefined, hide: true }, handler);
}
