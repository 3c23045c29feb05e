import { randomBytes } from 'node:crypto';
import type { Role } from '@vo-feedback/shared';
import type { PersonRecord } from './people-store.ts';

// The rules of a signed-in session and of a sign-in under way: how long each lives, what the
// cookies are called, how a person reads (a manager as a provider of its organisation), and
// where the browser may be sent after signing in. Pure: no I/O.

/** A session ends after this long without a request. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
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

/** Whether a session's last use should be written now (it was written over a minute ago). */
export function needsTouch(lastSeenAt: number, now: number): boolean {
  return now - lastSeenAt >= SESSION_TOUCH_MS;
}

/**
 * The cookies' names. Under https the session cookie carries the `__Host-` prefix (the browser
 * then insists on Secure, Path=/ and no Domain, so no other host can set or read it) and the
 * sign-in cookie `__Secure-` (it lives on /auth only, which `__Host-` does not allow).
 */
export function cookieNames(secure: boolean): { session: string; login: string } {
  return secure
    ? { session: '__Host-vo-session', login: '__Secure-vo-login' }
    : { session: 'vo-session', login: 'vo-login' };
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
 */
export function safeReturnPath(requested: string | null | undefined): string {
  if (!requested || requested.length > 512) return DASHBOARD_PATH;
  if (!/^\/dashboard(\/[^\\\s]*)?$/.test(requested)) return DASHBOARD_PATH;
  return requested;
}
