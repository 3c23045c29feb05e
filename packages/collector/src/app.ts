import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, Config } from './deps.ts';
import { asUnavailable, StoreUnavailableError } from './db/errors.ts';
import { silentLogger } from './logger.ts';
import { ServiceDirectory } from './service-directory.ts';
import { memoryRateLimiters } from './rate-limit.ts';
import { problem } from './problem.ts';
import { adminRoutes } from './routes/admin/admin.routes.ts';
import { feedbackRoutes } from './routes/feedback/feedback.routes.ts';
import { healthRoutes } from './routes/health/health.routes.ts';
import { openapiRoutes } from './routes/openapi/openapi.routes.ts';
import { meRoutes } from './routes/me/me.routes.ts';
import { servicesRoutes } from './routes/services/services.routes.ts';
import { reportsRoutes } from './routes/reports/reports.routes.ts';
import { publicRoutes } from './routes/public/public.routes.ts';
import { DOCUMENT_STYLE_HASH } from './domain/html.ts';
import { staticRoutes } from './routes/static/static.routes.ts';

/** Builds the collector's Hono app. It does not listen: server.ts does, tests call app.request(). */
export function createApp(deps: AppDeps) {
  const config: Config = {
    store: deps.store,
    now: deps.now ?? Date.now,
    rateLimitPerMinute: deps.rateLimitPerMinute ?? 20,
    trustProxy: deps.trustProxy ?? false,
    rateLimiters: deps.rateLimiters ?? memoryRateLimiters,
    adminToken: deps.adminToken,
    minPublicN: deps.minPublicN ?? 10,
    staticDirs: deps.staticDirs ?? {},
    logger: deps.logger ?? silentLogger,
  };
  const services = new ServiceDirectory(config.store, config.now);

  const app = new Hono()
    .use(requestId())
    .use(async (c, next) => {
      const started = performance.now();
      await next();
      // The path is logged without its query string; no body, token or address is ever logged.
      config.logger.info('request', {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    })
    .use(
      secureHeaders({
        contentSecurityPolicy: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // The report and /transparantie inline one stylesheet (so a saved report keeps its
          // look); its hash allows exactly that stylesheet and no other inline style.
          styleSrc: ["'self'", DOCUMENT_STYLE_HASH],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
        referrerPolicy: 'no-referrer',
        // Set below, so that the widget route can open itself to every site.
        crossOriginResourcePolicy: false,
        crossOriginEmbedderPolicy: false,
      }),
    )
    .use(async (c, next) => {
      await next();
      if (!c.res.headers.has('cross-origin-resource-policy')) {
        c.header('cross-origin-resource-policy', 'same-site');
      }
    })
    .route('/', healthRoutes(config))
    .route('/api/v1', feedbackRoutes(config, services))
    .route('/api/v1/me', meRoutes(config))
    .route('/api/v1/services', servicesRoutes(config))
    .route('/api/v1/reports', reportsRoutes(config))
    .route('/', publicRoutes(config))
    .route('/api/v1/admin', adminRoutes(config, services))
    .route('/', openapiRoutes())
    .route('/', staticRoutes(config));

  app.notFound((c) =>
    problem(
      c,
      404,
      'not-found',
      'Not Found',
      `There is nothing at ${c.req.path}; see /api/v1/openapi.json.`,
    ),
  );
  app.onError((error, c) => {
    if (asUnavailable(error) instanceof StoreUnavailableError) {
      config.logger.error('database unavailable', {
        requestId: c.get('requestId'),
        path: c.req.path,
        reason: (asUnavailable(error) as StoreUnavailableError).reason,
      });
      c.header('retry-after', '5');
      return problem(
        c,
        503,
        'unavailable',
        'Service Unavailable',
        'The collector cannot store anything right now; nothing was lost — retry in a few seconds.',
      );
    }
    config.logger.error('unhandled error', {
      requestId: c.get('requestId'),
      path: c.req.path,
      error: error instanceof Error ? error.message : String(error),
    });
    return problem(
      c,
      500,
      'internal-error',
      'Internal Server Error',
      'Something went wrong on our side; the request can be retried.',
    );
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
