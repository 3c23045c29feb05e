import { Hono } from 'hono';
import type { Config } from '../../config/deps.ts';
import { builtFiles } from './built-files.ts';

// Which built files carry their content hash in their name, as each build names them: the
// widget's language chunks (`chunkFileNames: 'vo-feedback-[name]-[hash].js'` in its vite config;
// the entry is `vo-feedback.js`) and everything vite puts in a build's assets/ folder.
const WIDGET_CHUNK = /^vo-feedback-[^/]+\.js(?:\.map)?$/;
const inAssets = (file: string) => file.startsWith('assets/');

/**
 * The widget's own URL is written into every host page and stays the same across releases, while
 * the language chunks it imports are renamed by each build. It is therefore revalidated on every
 * use: a conditional request answered `304` (a few hundred bytes) keeps a browser from running an
 * old entry whose chunks a release has removed. The module script is loaded async, so the check
 * holds up no page; the chunks themselves are cached for a year.
 */
const WIDGET_ENTRY = 'public, no-cache';

/**
 * The built front-ends, precompressed and cached by name (built-files.ts). A path never leaves
 * its folder: `..`, encoded separators and backslashes are refused.
 */
export function staticRoutes(config: Config) {
  const { widget, demo, dashboard } = config.staticDirs;
  const app = new Hono();
  if (widget) {
    app.use(
      '/widget/*',
      builtFiles({
        root: widget,
        prefix: '/widget',
        hashed: (file) => WIDGET_CHUNK.test(file),
        unhashed: (file) => (file === 'vo-feedback.js' ? WIDGET_ENTRY : 'no-cache'),
        // Any government site may load the widget, as a module script (CORS mode).
        headers: {
          'access-control-allow-origin': '*',
          'cross-origin-resource-policy': 'cross-origin',
        },
      }),
    );
  }
  if (dashboard) {
    app.get('/dashboard', (c) => c.redirect('/dashboard/', 301));
    app.use(
      '/dashboard/*',
      builtFiles({ root: dashboard, prefix: '/dashboard', hashed: inAssets }),
    );
  }
  if (demo) app.use('/*', builtFiles({ root: demo, prefix: '', hashed: inAssets }));
  return app;
}
