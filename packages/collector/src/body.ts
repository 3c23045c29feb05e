import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * Reads the body of a Hono request up to `max` bytes. On the Node server it reads the
 * IncomingMessage directly: building the web Request's stream costs more than the insert itself.
 */
export function readRequestBody(c: Context, max: number): Promise<Uint8Array | 'too-large'> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming ? readIncoming(incoming, max) : readLimitedBody(c.req.raw, max);
}

async function readIncoming(
  incoming: IncomingMessage,
  max: number,
): Promise<Uint8Array | 'too-large'> {
  const declared = Number(incoming.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > max) return 'too-large';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    // Stop reading; the server closes the connection after the 413 instead of draining it.
    if (size > max) return 'too-large';
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

/** Reads a web Request's body up to `max` bytes; stops reading as soon as it is larger. */
export async function readLimitedBody(
  request: Request,
  max: number,
): Promise<Uint8Array | 'too-large'> {
  // content-length is checked first so that an honest large body is refused before any read.
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) return 'too-large';
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return 'too-large';
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 strictly: invalid byte sequences are an error, not a replacement character. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

// C0 and C1 control characters other than tab, line feed and carriage return carry no meaning in
// a comment and break CSV and terminals downstream.
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Normalises citizen text: Unicode NFC, control characters removed. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(CONTROL_CHARACTERS, '');
}
