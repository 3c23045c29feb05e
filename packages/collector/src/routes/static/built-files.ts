import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createMiddleware } from 'hono/factory';
import { getMimeType } from 'hono/utils/mime';
import { chooseCoding, CODINGS, type Coding } from '../../http/accept-encoding.ts';

// One folder of a built front end, served as the build left it: each file with the brotli or
// gzip copy the build wrote beside it (scripts/precompress.mjs) when the client accepts one, a
// strong ETag per copy, and caching by name — a file named by its content hash never changes,
// any other is revalidated.

/** A file named by its content hash is cached for a year and never revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** A file whose name stays across releases (an HTML page): revalidated on every use. */
const REVALIDATE = 'no-cache';

export interface BuiltFolder {
  root: string;
  /** The URL prefix the folder is mounted at ('' for the root). */
  prefix: string;
  /** Whether a file (its path inside the folder, with `/`) is named by its content hash. */
  hashed: (file: string) => boolean;
  /** Cache-Control of the files not named by their hash; default REVALIDATE. */
  unhashed?: (file: string) => string;
  /** Headers every answer of the folder carries (the widget's cross-origin use). */
  headers?: Record<string, string>;
}

interface Copy {
  body: Uint8Array<ArrayBuffer>;
  /** Strong: a hash of exactly these bytes. */
  etag: string;
}

interface Loaded {
  /** The file's size and time when it was read: a rebuild while running is seen. */
  size: number;
  mtimeMs: number;
  type: string;
  identity: Copy;
  copies: Map<Coding, Copy>;
}

const SUFFIX: Record<Coding, string> = { br: '.br', gzip: '.gz' };

const copyOf = (body: Uint8Array): Copy => ({
  // readFile's buffers are never shared memory.
  body: body as Uint8Array<ArrayBuffer>,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
});

async function readIfThere(path: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/**
 * The file a request path names inside the folder, or undefined for a path that could leave it
 * (`..`, an encoded separator, a backslash, doubled slashes) or names a compressed copy itself.
 */
function fileOf(path: string, prefix: string): string | undefined {
  let relative: string;
  try {
    relative = decodeURIComponent(path.slice(prefix.length));
  } catch {
    return undefined;
  }
  if (/(?:^|[/\\])\.{1,2}(?:$|[/\\])|[/\\]{2,}|\\|\0|%/.test(relative)) return undefined;
  if (/\.(?:br|gz)$/.test(relative)) return undefined;
  return relative.replace(/^\//, '');
}

/** If-None-Match matches this copy: `*`, or one of its tags (weak comparison, RFC 9110 §13.1.2). */
function notModified(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** GET and HEAD of the folder's files; anything else, or a file that is not there, goes on. */
export function builtFiles(folder: BuiltFolder) {
  const loaded = new Map<string, Loaded>();

  /** The file with its copies, read once and kept while its size and time stay the same. */
  async function load(file: string): Promise<{ file: string; entry: Loaded } | undefined> {
    let path = join(folder.root, file);
    let stats = await stat(path).catch(() => undefined);
    if (stats?.isDirectory()) {
      file = file === '' || file.endsWith('/') ? `${file}index.html` : `${file}/index.html`;
      path = join(folder.root, file);
      stats = await stat(path).catch(() => undefined);
    }
    if (!stats?.isFile()) return undefined;
    const known = loaded.get(path);
    if (known && known.size === stats.size && known.mtimeMs === stats.mtimeMs) {
      return { file, entry: known };
    }
    const body = await readFile(path);
    const copies = new Map<Coding, Copy>();
    for (const coding of CODINGS) {
      const compressed = await readIfThere(path + SUFFIX[coding]);
      if (compressed) copies.set(coding, copyOf(compressed));
    }
    const entry: Loaded = {
      size: stats.size,
      mtimeMs: stats.mtimeMs,
      type: getMimeType(path) ?? 'application/octet-stream',
      identity: copyOf(body),
      copies,
    };
    loaded.set(path, entry);
    return { file, entry };
  }

  return createMiddleware(async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const requested = fileOf(c.req.path, folder.prefix);
    const found = requested === undefined ? undefined : await load(requested);
    if (!found) return next();
    const { file, entry } = found;
    const coding = chooseCoding(c.req.header('accept-encoding'), new Set(entry.copies.keys()));
    const copy = coding === 'identity' ? entry.identity : entry.copies.get(coding)!;
    const headers: Record<string, string> = {
      ...folder.headers,
      'cache-control': folder.hashed(file) ? IMMUTABLE : (folder.unhashed?.(file) ?? REVALIDATE),
      etag: copy.etag,
      // Every answer says it depends on Accept-Encoding, also the uncompressed one: a cache must
      // not hand it to a client that would have had the smaller copy.
      vary: 'Accept-Encoding',
    };
    if (notModified(c.req.header('if-none-match'), copy.etag)) return c.body(null, 304, headers);
    headers['content-type'] = entry.type;
    headers['content-length'] = String(copy.body.byteLength);
    if (coding !== 'identity') headers['content-encoding'] = coding;
    // HEAD: Hono answers it as GET and drops the body; the headers stay.
    return c.body(copy.body, 200, headers);
  });
}
