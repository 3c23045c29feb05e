import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Config } from '../../config/deps.ts';

/**
 * The built front-ends. serveStatic refuses `..`, encoded separators and backslashes, so a path
 * never leaves its folder.
 */
export function staticRoutes(config: Config) {
  const { widget, demo, dashboard } = config.staticDirs;
  const app = new Hono();
  if (widget) {
    app.use('/widget/*', async (c, next) => {
      await next();
      if (c.res.status !== 200) return;
      // Any government site may load the widget; it is rebuilt on release, so a day of caching
      // with background revalidation keeps it fast and lets fixes arrive.
      c.header('access-control-allow-origin', '*');
      c.header('cross-origin-resource-policy', 'cross-origin');
      c.header('cache-control', 'public, max-age=86400, stale-while-revalidate=604800');
    });
    app.use(
      '/widget/*',
      serveStatic({ root: widget, rewriteRequestPath: (path) => path.slice('/widget'.length) }),
    );
  }
  if (dashboard) {
    app.get('/dashboard', (c) => c.redirect('/dashboard/', 301));
    app.use(
      '/dashboard/*',
      serveStatic({
        root: dashboard,
        rewriteRequestPath: (path) => path.slice('/dashboard'.length),
      }),
    );
  }
  if (demo) app.use('/*', serveStatic({ root: demo }));
  return app;
}
