// The size budget: everything a host page loads for the widget, Lit included, at most 10 KB after
// minification and gzip -9. That is the main bundle (with Dutch) plus, on a page in another
// language, that language's chunk: the main bundle with its largest chunk must fit. Reads the
// built bundle; builds nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';

const LIMIT = 10 * 1024;
const dist = new URL('../dist/', import.meta.url);
const gzipped = (name) =>
  gzipSync(readFileSync(new URL(name, dist)), { level: constants.Z_BEST_COMPRESSION }).length;

let main;
try {
  main = {
    raw: readFileSync(new URL('vo-feedback.js', dist)).length,
    gzip: gzipped('vo-feedback.js'),
  };
} catch {
  console.error('dist/vo-feedback.js is missing: run `vite build` first.');
  process.exit(1);
}
const chunks = readdirSync(dist)
  .filter((name) => name.endsWith('.js') && name !== 'vo-feedback.js')
  .map((name) => ({ name, gzip: gzipped(name) }));

const verdict = (size) =>
  size <= LIMIT ? `${LIMIT - size} bytes to spare` : `${size - LIMIT} bytes over`;
console.log(
  `dist/vo-feedback.js: ${main.raw} bytes raw, ${main.gzip} bytes gzip -9 ` +
    `(limit ${LIMIT}: ${verdict(main.gzip)})`,
);
for (const { name, gzip } of chunks) {
  console.log(
    `dist/${name}: ${gzip} bytes gzip -9; with the main bundle ${main.gzip + gzip} ` +
      `(${verdict(main.gzip + gzip)})`,
  );
}
const largest = Math.max(0, ...chunks.map((chunk) => chunk.gzip));
process.exit(main.gzip + largest <= LIMIT ? 0 : 1);
