import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requestId } from 'hono/request-id';
import type { AppDeps, Config } from './config/deps.ts';
import { ClientGoneError } from './http/body.ts';
import { asUnavailable, StoreUnavailableError } from './db/errors.ts';
import { silentLogger } from './config/logger.ts';
import { ServiceDirectory } from './use-cases/service-directory.ts';
import { memoryRateLimiters } from './http/rate-limit/memory.ts';
import { answerProblem, ProblemError, renderProblem } from './http/problem.ts';
import { adminRoutes } from './routes/admin/admin.routes.ts';
import { feedbackRoutes } from './routes/feedback/feedback.routes.ts';
import { healthRoutes } from './routes/health/health.routes.ts';
import { openapiRoutes } from './routes/openapi/openapi.routes.ts';
import { openApiDocument } from './routes/openapi/document.ts';
import { meRoutes } from './routes/me/me.routes.ts';
import { servicesRoutes } from './routes/services/services.routes.ts';
import { reportsRoutes } from './routes/reports/reports.routes.ts';
import { overviewRoutes } from './routes/overview/overview.routes.ts';
import { publicRoutes } from './routes/public/public.routes.ts';
import { hostedRoutes } from './routes/hosted/hosted.routes.ts';
import { qrRoutes } from './routes/qr/qr.routes.ts';
import { actionsRoutes } from './routes/actions/actions.routes.ts';
import {
  organisationExplanationsRoutes,
  serviceExplanationsRoutes,
} from './routes/explanations/explanations.routes.ts';
import { submissionsRoutes } from './routes/reports/submissions.routes.ts';
import { policyWith } from './views/csp.ts';
import { securityHeaders } from './http/security-headers.ts';
import { staticRoutes } from './routes/static/static.routes.ts';
import { webhooksRoutes } from './routes/webhooks/webhooks.routes.ts';
import { metricsRoutes } from './routes/metrics/metrics.routes.ts';
import { CollectorMetrics } from './http/metrics.ts';
import { subscriptionsRoutes } from './routes/subscriptions/subscriptions.routes.ts';
import { unsubscribeRoutes } from './routes/unsubscribe/unsubscribe.routes.ts';
import { alertsRoutes } from './routes/alerts/alerts.routes.ts';
import { authRoutes } from './routes/auth/auth.routes.ts';
import { readSession, sessionSettings } from './http/session.ts';
import { configuredIssuer } from './use-cases/oidc-issuer.ts';

/** Builds the collector's Hono app. It does not listen: server.ts does, tests call app.request(). */
export function createApp(deps: AppDeps) {
  // Counted only while someone may read them (METRICS_TOKEN): otherwise nothing is spent on it.
  const metrics = deps.metricsToken === undefined ? undefined : new CollectorMetrics();
  const rateLimiters = deps.rateLimiters ?? memoryRateLimiters;
  const config: Config = {
    store: deps.store,
    now: deps.now ?? Date.now,
    rateLimitPerMinute: deps.rateLimitPerMinute ?? 20,
    ingestRateLimitPerMinute: deps.ingestRateLimitPerMinute ?? 600,
    trustProxy: Number(deps.trustProxy ?? 0),
    rateLimiters: metrics ? metrics.countRefusals(rateLimiters) : rateLimiters,
    adminToken: deps.adminToken,
    minPublicN: deps.minPublicN ?? 10,
    staticDirs: deps.staticDirs ?? {},
    logger: deps.logger ?? silentLogger,
    publicUrl: deps.publicUrl,
    reportDeadline: deps.reportDeadline,
    allowInsecureWebhooks: deps.allowInsecureWebhooks ?? false,
    metricsToken: deps.metricsToken,
    metrics,
    identityProvider: configuredIssuer(deps.oidc, deps.publicUrl),
    sessions: sessionSettings(deps.publicUrl),
  };
  const services = new ServiceDirectory(config.store, config.now);

  // The app and every sub-app under /api/v1 are OpenAPIHono: mounting one merges its route
  // declarations into the app's registry, from which the OpenAPI document is generated.
  const app = new OpenAPIHono();
  if (metrics) {
    app.use(metrics.measureRequests());
    config.store.observeIngestBatches((size, seconds) => {
      metrics.ingestBatchSize.observe(size);
      metrics.ingestBatchSeconds.observe(seconds);
    });
  }
  app
    .use(requestId())
    .use(async (c, next) => {
      const started = performance.now();
      await next();
      // No body, token or address is ever logged (loggedPath: no query, no unsubscribe secret).
      config.logger.info('request', {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: loggedPath(c),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    })
    // hono's secureHeaders with the collector's policy, written out once (security-headers.ts);
    // a route may set its own policy (a handed-in report keeps its stylesheet's hash) and CORP
    // (the widget opens itself to every site).
    .use(securityHeaders(policyWith({})))
    // A signed-in person's session, looked up only when a route asks who is calling.
    .use(readSession(config.store, config.now, config.sessions));
  app
    .route('/', healthRoutes(config))
    .route('/', metricsRoutes(config))
    .route('/', authRoutes(config))
    .route('/api/v1', feedbackRoutes(config, services))
    .route('/api/v1/me', meRoutes(config))
    .route('/api/v1/services', qrRoutes(config))
    // Before the routers whose token middleware covers every path under their prefix: these
    // check the token per route, and would otherwise have it checked twice.
    .route('/api/v1/services', actionsRoutes(config))
    .route('/api/v1/services', serviceExplanationsRoutes(config))
    .route('/api/v1/organisations', organisationExplanationsRoutes(config))
    .route('/api/v1/reports', submissionsRoutes(config))
    .route('/api/v1/services', servicesRoutes(config))
    .route('/api/v1/reports', reportsRoutes(config))
    .route('/api/v1/overview', overviewRoutes(config))
    .route('/api/v1/webhooks', webhooksRoutes(config))
    .route('/api/v1/subscriptions', subscriptionsRoutes(config))
    .route('/api/v1/alerts', alertsRoutes(config))
    .route('/', publicRoutes(config))
    .route('/', hostedRoutes(services))
    .route('/', unsubscribeRoutes(config))
    .route('/api/v1/admin', adminRoutes(config, services))
    .route(
      '/',
      openapiRoutes(() => openApiDocument(app)),
    )
    .route('/', staticRoutes(config));

  let allowedMethods: ((path: string) => string[]) | undefined;
  app.notFound((c) => {
    // Built on first use: by then every route is registered.
    allowedMethods ??= methodsByPath(app.routes);
    const allowed = allowedMethods(c.req.path);
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    // A route of this method exists but found nothing to answer (an unknown file): a 404.
    if (allowed.length > 0 && !allowed.includes(method)) {
      return renderProblem(
        c,
        new ProblemError(
          405,
          'method-not-allowed',
          `${c.req.path} answers ${allowed.join(', ')}, not ${c.req.method}.`,
          undefined,
          { allow: allowed.join(', ') },
        ),
      );
    }
    return renderProblem(
      c,
      new ProblemError(
        404,
        'not-found',
        `There is nothing at ${c.req.path}; see /api/v1/openapi.json.`,
      ),
    );
  });
  /** What went wrong, as a problem: thrown as one, the database away (503), or a bug (500). */
  const problemOf = (error: Error, c: Context): ProblemError => {
    if (error instanceof ProblemError) return error;
    const where = { requestId: c.get('requestId'), path: loggedPath(c) };
    const unavailable = asUnavailable(error);
    if (unavailable instanceof StoreUnavailableError) {
      config.logger.error('database unavailable', { ...where, reason: unavailable.reason });
      metrics?.databaseErrors.inc({ reason: unavailable.reason });
      return new ProblemError(
        503,
        'unavailable',
        'The collector cannot store anything right now; nothing was lost — retry in a few seconds.',
        undefined,
        { 'retry-after': '5' },
      );
    }
    config.logger.error('unhandled error', { ...where, error: error.message });
    return new ProblemError(
      500,
      'internal-error',
      'Something went wrong on our side; the request can be retried.',
    );
  };
  app.onError((error, c) => {
    if (error instanceof ClientGoneError) {
      // Nobody is left to read the answer; 499 (nginx's "client closed request") keeps it apart
      // from the server's own failures in the request log. Not the database, not a 5xx.
      config.logger.info('client went away', {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: loggedPath(c),
        reason: error.reason,
      });
      return new Response(null, { status: 499 });
    }
    // A route that people read (the form) shows its problems as pages; the API as problem+json.
    return answerProblem(c, problemOf(error, c));
  });
  return app;
}

export type App = ReturnType<typeof createApp>;

/**
 * A request's path as every log line of the app writes it: without its query string (c.req.path
 * has none) and with whatever follows `/unsubscribe/` — the link's secret, also misspelt or with
 * more after it — replaced by `:token`, so that no log holds a link that ends a subscription.
 */
function loggedPath(c: Context): string {
  return c.req.path.replace(/^\/unsubscribe\/.*$/is, '/unsubscribe/:token');
}

/**
 * Which methods the app's routes answer on a path, for 405's Allow. Middleware (method ALL) is
 * not a route; HEAD is answered wherever GET is.
 */
function methodsByPath(routes: readonly { method: string; path: string }[]) {
  const patterns = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  for (const { method, path } of routes) {
    if (method === 'ALL') continue;
    const entry = patterns.get(path) ?? { pattern: pathPattern(path), methods: new Set<string>() };
    entry.methods.add(method);
    if (method === 'GET') entry.methods.add('HEAD');
    patterns.set(path, entry);
  }
  return (path: string): string[] => {
    const methods = new Set<string>();
    for (const entry of patterns.values()) {
      if (entry.pattern.test(path)) for (const method of entry.methods) methods.add(method);
    }
    return [...methods].sort();
  };
}

/** A Hono route path (`/a/:id`, `/a/:id{[0-9]+}`, `/a/*`) as a regular expression. */
function pathPattern(path: string): RegExp {
  const segments = path.split('/').map((segment) => {
    if (segment === '*') return '.*';
    const parameter = /^:\w+(?:\{(.+)\})?(\?)?$/.exec(segment);
    if (parameter) return `(?:${parameter[1] ?? '[^/]+'})${parameter[2] ?? ''}`;
    return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${segments.join('/')}$`);
}
