// This machine, as a URL names it: the one place where plain http is allowed (development, tests,
// a local issuer). Everywhere else the session cookie, the sign-in and the issuer's answers take
// https.

const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** Whether a URL's host (as `URL.hostname` gives it, IPv6 in brackets) is this machine. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.includes(hostname);
}

/**
 * Whether `url` is plain http to this machine as written (`http://localhost:8787/…`), read from
 * its text: the host exactly as `isLoopbackHost` names it, an optional port, then a path or nothing.
 */
export function isLoopbackHttp(url: string): boolean {
  const host = /^http:\/\/(\[[^\]]*\]|[^/:]*)(?::\d+)?(?:\/|$)/.exec(url)?.[1];
  return host !== undefined && isLoopbackHost(host);
}
