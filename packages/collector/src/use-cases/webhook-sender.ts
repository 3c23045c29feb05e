import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { hostOf, isPublicAddress } from '../domain/public-address.ts';

// One webhook request: a POST of the signed body, answered within the timeout or failed. Without
// ALLOW_INSECURE_WEBHOOKS only https to public addresses: the name is resolved at each attempt,
// every address it resolves to must be public, and the connection goes to exactly those
// addresses (the socket's own lookup is this check), so a name that changes its answer between
// the check and the connection (DNS rebinding) cannot slip a private address in.

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

function describe(error: Error & { code?: string }, timeoutMs: number): string {
  if (error.name === 'AbortError' || error.name === 'TimeoutError') {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  if (error instanceof NotPublic || error.message.startsWith('refused:')) return error.message;
  return error.code ? `${error.code}: ${error.message}` : error.message;
}

/**
 * Sends webhook requests over node:http(s): no redirects followed (a 3xx is a failed attempt), no
 * connection kept, the answer's body not read.
 */
export function httpSender(
  options: { allowInsecure: boolean; resolveAll?: ResolveAll } = { allowInsecure: false },
): WebhookSender {
  const lookup = publicOnlyLookup(options.resolveAll ?? systemResolve);
  return (request) => {
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
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      const outgoing = client.request(
        url,
        {
          method: 'POST',
          headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
          agent: false,
          signal: AbortSignal.timeout(request.timeoutMs),
          ...(options.allowInsecure ? {} : { lookup }),
        },
        (response) => {
          resolve({ statusCode: response.statusCode ?? 0 });
          // Only the status counts; the receiver's body is not ours to read.
          response.destroy();
        },
      );
      outgoing.on('error', (error) => resolve({ error: describe(error, request.timeoutMs) }));
      outgoing.end(request.body);
    });
  };
}
