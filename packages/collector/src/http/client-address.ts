import { isIPv4, isIPv6 } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The client as the rate limit knows it, never stored: its IPv4 address, or the /64 network of its
 * IPv6 address (one subscriber gets a whole /64 and could otherwise take a fresh address for each
 * request).
 *
 * `proxies` is the number of reverse proxies in front (TRUST_PROXY). Each appends the address it
 * received from to X-Forwarded-For, so the client is the `proxies`-th entry from the right; the
 * entries left of it are whatever the client sent and can be forged. Without proxies, or without
 * the header, it is the socket's peer, which a client cannot forge. A header with fewer entries
 * than proxies (a proxy that did not append) gives its leftmost entry, the furthest hop known.
 */
export function clientAddress(c: Context, proxies: number): string {
  if (proxies > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter((hop) => hop !== '');
    if (hops.length > 0) return rateLimitSubject(hops[Math.max(0, hops.length - proxies)]!);
  }
  try {
    return rateLimitSubject(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}

/**
 * An address as one rate-limit subject: IPv4 as is (also when written IPv4-mapped, ::ffff:a.b.c.d),
 * IPv6 as its /64 prefix in one canonical spelling. A port or brackets a proxy may add are removed;
 * anything that is no address is kept as written.
 */
export function rateLimitSubject(written: string): string {
  let address = written.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.replace(/%.*$/, '').toLowerCase();
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return written.trim();
  const groups = ipv6Groups(address);
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, an IPv4 tail converted). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const ipv4Tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (ipv4Tail) {
    const [a, b, c, d] = ipv4Tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, ipv4Tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  if (tail === undefined) return left;
  const right = parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}
