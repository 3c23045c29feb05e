#!/usr/bin/env node
// The last step of a front end's build: a brotli (.br) and a gzip (.gz) copy beside each text file
// of a built folder, at the best compression zlib has, so that the collector sends them as they
// are and compresses nothing per request. A copy that would not be smaller than the file is left
// out (the collector then sends the file itself).
//   node scripts/precompress.mjs <folder>…
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// What compresses well. Images, fonts and other binaries are compressed already.
const TEXT = /\.(?:js|mjs|css|html|svg|json|map|txt|xml|webmanifest)$/;

const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
const gzip = (bytes) =>
  gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION, memLevel: constants.Z_MAX_MEMLEVEL });

function* files(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile() && TEXT.test(entry.name)) yield path;
  }
}

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error('usage: node scripts/precompress.mjs <folder>…');
  process.exit(2);
}
for (const folder of folders) {
  let count = 0;
  let before = 0;
  let after = 0;
  for (const path of files(folder)) {
    const bytes = readFileSync(path);
    for (const [suffix, compress] of [
      ['.br', brotli],
      ['.gz', gzip],
    ]) {
      const compressed = compress(bytes);
      if (compressed.length < bytes.length) writeFileSync(path + suffix, compressed);
      // A copy of an earlier build must not outlive its file's change.
      else rmSync(path + suffix, { force: true });
      if (suffix === '.br') after += Math.min(compressed.length, bytes.length);
    }
    count += 1;
    before += bytes.length;
  }
  console.log(`precompressed ${count} files in ${folder}: ${before} bytes, ${after} with brotli`);
}
