import { randomBytes } from 'node:crypto';
import type { Role } from '@vo-feedback/shared';
import type { PersonRecord } from './people-store.ts';

// The rules of a signed-in session and of a sign-in under way: how long each lives, what the
// cookies are called, how a person reads (a manager as a provider of its organisation), and
// where the browser may be sent after signing in. Pure: no I/O.

/** A session ends after this long without a request. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** A session ends this long after the sign-in that opened it, however busy: then sign in again. */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
/** A session's last use is written at most this often: one write a minute, not one a request. */
export const SESSION_TOUCH_MS = 60 * 1000;
/** A sign-in must come back from the issuer within this long. */
export const LOGIN_FLOW_MS = 10 * 60 * 1000;

/** A new session secret (the cookie's value) or CSRF token: 256 random bits, base64url. */
export function sessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether a session last used at `lastSeenAt` has gone idle by `now`. */
export function isIdle(lastSeenAt: number, now: number): boolean {
  return now - lastSeenAt >= SESSION_IDLE_MS;
}

/** Whether a session is over by `now`: idle for 8 hours, or opened 12 hours ago. */
export function hasEnded(session: { createdAt: number; lastSeenAt: number }, now: number): boolean {
  return isIdle(session.lastSeenAt, now) || now - session.createdAt >= SESSION_MAX_MS;
}

/** Whether a session's last use should be written now (it was written over a minute ago). */
export function needsTouch(lastSeenAt: number, now: number): boolean {
  return now - lastSeenAt >= SESSION_TOUCH_MS;
}

/**
 * The cookies' names. Under https both carry the `__Host-` prefix: the browser then insists on
 * Secure, Path=/ and no Domain, so no other host — a sibling subdomain included — can set or
 * overwrite them (a sign-in cookie planted by another host would bind a forged login to this
 * browser). Over plain http (development on this machine) they are plain names, the sign-in
 * cookie on /auth only.
 */
export function cookieNames(secure: boolean): { session: string; login: string } {
  return secure
    ? { session: '__Host-vo-session', login: '__Host-vo-login' }
    : { session: 'vo-session', login: 'vo-login' };
}

/** The sign-in cookie's path: `/`, as `__Host-` demands, under https; `/auth` over http. */
export function loginCookiePath(secure: boolean): string {
  return secure ? '/' : '/auth';
}

/** What a person reads: steering every organisation's aggregates; provider and manager their own. */
export function readingRole(person: Pick<PersonRecord, 'role'>): Role {
  return person.role === 'steering' ? 'steering' : 'provider';
}

/** Where the dashboard lives: where a sign-in ends unless it asked for another of its pages. */
export const DASHBOARD_PATH = '/dashboard/';

/**
 * The path a sign-in returns to: a path of the dashboard on this collector, never another site
 * (`//evil.example`, `/\evil.example` and anything outside /dashboard fall back to the dashboard).
 * Printable ASCII only, without a backslash or a space, as a browser would send it (non-ASCII
 * percent-encoded): no control character (a NUL, a line break) ever reaches the Location header.
 */
export function safeReturnPath(requested: string | null | undefined): string {
  if (!requested || requested.length > 512) return DASHBOARD_PATH;
  if (!/^\/dashboard(\/[\x21-\x5b\x5d-\x7e]*)?$/.test(requested)) return DASHBOARD_PATH;
  // As a browser reads it: a path that dot segments (`/dashboard/../api`) would move elsewhere
  // is not one of the dashboard's.
  const parsed = new URL(requested, 'http://collector.invalid');
  if (`${parsed.pathname}${parsed.search}${parsed.hash}` !== requested) return DASHBOARD_PATH;
  return requested;
}
