// The size budget: everything a host page loads for the widget, Lit included, at most 10 KB after
// minification and gzip -9. Reads the built bundle; builds nothing.
import { readFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';

const LIMIT = 10 * 1024;
const file = new URL('../dist/vo-feedback.js', import.meta.url);
let source;
try {
  source = readFileSync(file);
} catch {
  console.error('dist/vo-feedback.js is missing: run `vite build` first.');
  process.exit(1);
}
const gzip = gzipSync(source, { level: constants.Z_BEST_COMPRESSION }).length;
const within = gzip <= LIMIT;
console.log(
  `dist/vo-feedback.js: ${source.length} bytes raw, ${gzip} bytes gzip -9 ` +
    `(limit ${LIMIT}: ${within ? `${LIMIT - gzip} bytes to spare` : `${gzip - LIMIT} bytes over`})`,
);
process.exit(within ? 0 : 1);
