import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { ProblemError } from '../domain/problems.ts';

/**
 * The client went away before its body arrived (connection reset, request aborted, stream closed
 * early). Not the server's fault and not the database's: it is logged as such, never as a 5xx.
 * The socket error is kept as a reason, not as a cause, so that nothing that walks causes for a
 * database code (asUnavailable) can mistake the client's ECONNRESET for the database's.
 */
export class ClientGoneError extends Error {
  override readonly name = 'ClientGoneError';
  constructor(readonly reason: string) {
    super(`client went away: ${reason}`);
  }
}

function clientGone(error: unknown): ClientGoneError {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return new ClientGoneError(code);
  return new ClientGoneError(error instanceof Error ? error.message : String(error));
}

/**
 * Reads the body of a Hono request up to `max` bytes. On the Node server it reads the
 * IncomingMessage directly: building the web Request's stream costs more than the insert itself.
 */
function readRequestBody(c: Context, max: number): Promise<Uint8Array | 'too-large'> {
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
  // A small body usually came with the headers and waits whole in the stream's buffer: taken at
  // once, without the async iterator and its listeners (they cost more than the read).
  if (incoming.complete && !incoming.readableAborted) {
    for (let chunk: Buffer | null; (chunk = incoming.read() as Buffer | null) !== null;) {
      size += chunk.byteLength;
      if (size > max) return 'too-large';
      chunks.push(chunk);
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
  }
  try {
    for await (const chunk of incoming as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      // Stop reading; the server closes the connection after the 413 instead of draining it.
      if (size > max) return 'too-large';
      chunks.push(chunk);
    }
  } catch (error) {
    // The only thing that fails while reading a request is its connection.
    throw clientGone(error);
  }
  // An aborted request can also end its stream without an error; then the body is cut short.
  if (incoming.readableAborted || !incoming.complete) throw new ClientGoneError('aborted');
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

/** Reads a web Request's body up to `max` bytes; stops reading as soon as it is larger. */
async function readLimitedBody(request: Request, max: number): Promise<Uint8Array | 'too-large'> {
  // content-length is checked first so that an honest large body is refused before any read.
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) return 'too-large';
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let read: Awaited<ReturnType<typeof reader.read>>;
    try {
      read = await reader.read();
    } catch (error) {
      throw clientGone(error);
    }
    const { done, value } = read;
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

/** What a route accepts as a body: its content types (else 415) and its size (else 413). */
export type BodyLimits = {
  /** Media types without parameters, lower-case: `['application/json']`. */
  accept: readonly string[];
  maxBytes: number;
  /** Said after "Send at most N bytes" in the 413, e.g. "shorten the comment". */
  tooLargeHint?: string;
};

/**
 * The one request-body reader of the collector, step by step: content type (415) and size (413)
 * here, then `bodyText` (strict UTF-8, 400) and `bodyJson` (400). Ingest limits its rate between
 * reading and decoding; everything else calls `readJsonBody`. Each refusal is a thrown
 * ProblemError; a client that goes away mid-body is a thrown ClientGoneError.
 */
export async function readBodyBytes(c: Context, limits: BodyLimits): Promise<Uint8Array> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!limits.accept.includes(type)) {
    throw new ProblemError(
      415,
      'unsupported-media-type',
      `Send the body as ${limits.accept.join(' or ')}.`,
    );
  }
  const bytes = await readRequestBody(c, limits.maxBytes);
  if (bytes === 'too-large') {
    const hint = limits.tooLargeHint ? `; ${limits.tooLargeHint}` : '';
    throw new ProblemError(
      413,
      'payload-too-large',
      `Send at most ${limits.maxBytes} bytes${hint}.`,
    );
  }
  return bytes;
}

/** The body as text, decoded strictly: bytes that are not UTF-8 are a 400. */
export function bodyText(bytes: Uint8Array): string {
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    throw new ProblemError(400, 'invalid-body', 'Send the body as UTF-8 text.', [
      { path: '(body)', message: 'Encode the body as UTF-8.' },
    ]);
  }
  return text;
}

/**
 * The body's JSON value; text that does not parse (or, for a caller that decoded leniently, no
 * text: bytes that were not UTF-8) is a 400 with `detail`.
 */
export function bodyJson(
  text: string | undefined,
  detail = 'Send the body as one JSON object; it could not be parsed.',
): unknown {
  try {
    if (text === undefined) throw new SyntaxError('not UTF-8');
    return JSON.parse(text);
  } catch {
    throw new ProblemError(400, 'invalid-body', detail, [
      { path: '(body)', message: 'Send valid JSON.' },
    ]);
  }
}

/**
 * Reads a JSON body: 415 for another content type, 413 above `maxBytes`, 400 for bytes that are
 * not UTF-8 or text that is not JSON (all thrown as ProblemError). The value is unchecked: parse
 * it with its shared schema.
 */
export async function readJsonBody(c: Context, limits: BodyLimits): Promise<unknown> {
  return bodyJson(bodyText(await readBodyBytes(c, limits)));
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

/** Zero-width spaces and joiners, soft hyphens, bidirectional controls, the byte order mark … */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/**
 * Normalises citizen text before redaction and storage: format and control characters removed,
 * then Unicode NFKC, so that "８５０７", "jan＠example.be" or digits split by a zero-width space
 * read as what they show. (NFKC never produces a format or control character.)
 */
export function cleanText(text: string): string {
  return text.replace(FORMAT_CHARACTERS, '').replace(CONTROL_CHARACTERS, '').normalize('NFKC');
}
