import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { hostOf, isPublicAddress } from '../domain/public-address.ts';

// One webhook request: a POST of the signed body, answered within the timeout or failed. Without
// ALLOW_INSECURE_WEBHOOKS only https to public addresses: the name is resolved for every new
// connection, every address it resolves to must be public, and the connection goes to exactly
// those addresses (the socket's own lookup is this check), so a name that changes its answer
// between the check and the connection (DNS rebinding) cannot slip a private address in.
//
// Connections are kept alive, a pool per receiver origin (scheme, host and port): a new TCP
// connection (and TLS handshake) per delivery cost more than the delivery itself. Every new
// connection of a pool still goes through the check above (it is the pool's own lookup); a kept
// one stays with the address that was checked when it was opened.

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** The receiver's status code, or why no answer came (refused, timed out, unreachable). */
export type WebhookResponse =
  { statusCode: number; error?: undefined } | { statusCode?: undefined; error: string };

export type WebhookSender = (request: WebhookRequest) => Promise<WebhookResponse>;

/** Resolves a name to all its addresses (node:dns `lookup` with `all: true`); tests give their own. */
export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

const systemResolve: ResolveAll = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/** A refusal that no retry will change until the receiver's address does. */
class NotPublic extends Error {
  override readonly name = 'NotPublic';
}

/**
 * The socket's lookup: every address of the name must be public, and the socket connects to
 * those it was given, no others.
 */
function publicOnlyLookup(resolveAll: ResolveAll): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(hostname).then(
      (addresses) => {
        const wanted = options.family
          ? addresses.filter((a) => a.family === options.family)
          : addresses;
        const refused = addresses.find((a) => !isPublicAddress(a.address));
        if (refused) {
          const error = new NotPublic(
            `refused: ${hostname} resolves to ${refused.address}, which is not a public address`,
          );
          callback(error as NodeJS.ErrnoException, '', 0);
        } else if (wanted.length === 0) {
          callback(
            Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }),
            '',
            0,
          );
        } else if (options.all) {
          (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, wanted);
        } else {
          callback(null, wanted[0]!.address, wanted[0]!.family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/** Connections kept open per receiver origin: the worker's deliveries in flight at most. */
const SOCKETS_PER_ORIGIN = 16;
/** Origins whose pools are kept; past it, the least recently used pool is closed. */
const ORIGINS_KEPT = 64;
/**
 * An idle kept connection is closed after this long, or sooner if the receiver's `keep-alive:
 * timeout=…` says so (Node.js's agent reads it): under the 5 s that servers commonly keep one.
 */
const IDLE_MS = 4_000;
/** The answer's body is drained (the connection can carry the next request) up to this size. */
const DRAINED_BODY_LIMIT = 64 * 1024;

function describe(error: Error & { code?: string }, timeoutMs: number): string {
  if (error.name === 'AbortError' || error.name === 'TimeoutError') {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  if (error instanceof NotPublic || error.message.startsWith('refused:')) return error.message;
  return error.code ? `${error.code}: ${error.message}` : error.message;
}

/** A sender whose kept connections `close()` ends (at shutdown, after the last attempt). */
export type HttpWebhookSender = WebhookSender & { close(): void };

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * Sends webhook requests over node:http(s): no redirects followed (a 3xx is a failed attempt),
 * connections kept per receiver origin, the answer's body drained and thrown away. A request
 * that meets a kept connection the receiver has just closed (the race of an idle timeout) is
 * sent once more on another one, within the same timeout.
 */
export function httpSender(
  options: { allowInsecure: boolean; resolveAll?: ResolveAll; socketsPerOrigin?: number } = {
    allowInsecure: false,
  },
): HttpWebhookSender {
  const lookup = publicOnlyLookup(options.resolveAll ?? systemResolve);
  const pools = new Map<string, http.Agent>();
  /** The origin's pool, most recently used last. */
  const poolOf = (url: URL): http.Agent => {
    let pool = pools.get(url.origin);
    if (pool) pools.delete(url.origin);
    else {
      const Agent = url.protocol === 'https:' ? https.Agent : http.Agent;
      const sockets = options.socketsPerOrigin ?? SOCKETS_PER_ORIGIN;
      pool = new Agent({
        keepAlive: true,
        maxSockets: sockets,
        maxFreeSockets: sockets,
        // The agent closes a free socket when this passes; a socket in use is left alone.
        timeout: IDLE_MS,
        scheduling: 'lifo',
        // The agent's options go to every connection it opens: each is checked.
        ...(options.allowInsecure ? {} : { lookup }),
      });
      const [oldest] = pools.size >= ORIGINS_KEPT ? pools.keys() : [];
      if (oldest !== undefined) {
        pools.get(oldest)!.destroy();
        pools.delete(oldest);
      }
    }
    pools.set(url.origin, pool);
    return pool;
  };

  const post = (
    url: URL,
    request: WebhookRequest,
    deadline: number,
    retried: boolean,
  ): Promise<WebhookResponse> =>
    new Promise((resolve) => {
      const client = url.protocol === 'https:' ? https : http;
      let answered = false;
      const outgoing = client.request(url, {
        method: 'POST',
        headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
        agent: poolOf(url),
      });
      // Until the whole answer is in (a body that never ends would hold the connection).
      const timer = setTimeout(
        () => outgoing.destroy(new TimeoutError()),
        Math.max(0, deadline - performance.now()),
      );
      outgoing.on('close', () => clearTimeout(timer));
      outgoing.on('response', (response) => {
        answered = true;
        resolve({ statusCode: response.statusCode ?? 0 });
        // Only the status counts: the body is read only to keep the connection for the next one.
        let length = 0;
        response.on('data', (chunk: Buffer) => {
          length += chunk.length;
          if (length > DRAINED_BODY_LIMIT) response.destroy();
        });
        response.on('error', () => {});
      });
      outgoing.on('error', (error: Error & { code?: string }) => {
        if (answered) return;
        if (outgoing.reusedSocket && error.code === 'ECONNRESET' && !retried) {
          resolve(post(url, request, deadline, true));
        } else resolve({ error: describe(error, request.timeoutMs) });
      });
      outgoing.end(request.body);
    });

  const send: WebhookSender = (request) => {
    const url = new URL(request.url);
    if (!options.allowInsecure) {
      if (url.protocol !== 'https:') {
        return Promise.resolve({
          error: 'refused: only https receivers are allowed (ALLOW_INSECURE_WEBHOOKS is off)',
        });
      }
      const host = hostOf(url);
      // A literal address is never looked up: checked here instead.
      if (isIP(host) !== 0 && !isPublicAddress(host)) {
        return Promise.resolve({ error: `refused: ${host} is not a public address` });
      }
    }
    return post(url, request, performance.now() + request.timeoutMs, false);
  };
  return Object.assign(send, {
    close() {
      for (const pool of pools.values()) pool.destroy();
      pools.clear();
    },
  });
}
