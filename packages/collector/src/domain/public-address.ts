import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

// Where a webhook may send to: the public internet only, so that a provider cannot make the
// collector reach into the network it runs in (server-side request forgery). The classification
// of addresses is ipaddr.js's (its IANA special-purpose ranges); only `unicast` is public.

/**
 * Whether an IP address is a public unicast address: not loopback, private (RFC 1918),
 * link-local, carrier-grade NAT, unique-local, multicast, unspecified, broadcast, reserved or
 * documentation, nor an IPv6 address that embeds an IPv4 one (mapped, compatible, NAT64, 6to4,
 * Teredo), which could carry any of those.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed instanceof ipaddr.IPv6) {
    if (parsed.isIPv4MappedAddress()) return isPublicAddress(parsed.toIPv4Address().toString());
    // ::a.b.c.d, the deprecated IPv4-compatible form, is not among ipaddr.js's ranges.
    if (parsed.parts.slice(0, 6).every((part) => part === 0)) return false;
  }
  return parsed.range() === 'unicast';
}

/** A URL's host as an address or a name: without IPv6's brackets or a final dot, lowercase. */
export function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
}

/**
 * Why a webhook URL may not be used when only public https receivers are allowed; undefined
 * when it may. Names are resolved at delivery time, each time; here only what is certain at once:
 * the scheme, an address written in the URL, and the names that always mean this machine.
 */
export function webhookUrlProblem(value: string): string | undefined {
  const url = new URL(value);
  if (url.protocol !== 'https:') {
    return 'Use an https URL: requests carry feedback and are sent only over TLS.';
  }
  const host = hostOf(url);
  if (isIP(host) !== 0 && !isPublicAddress(host)) {
    return `Use a receiver on a public address: ${host} is not one (loopback, private, link-local or reserved).`;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return 'Use a receiver on a public address: localhost is this machine.';
  }
  return undefined;
}
