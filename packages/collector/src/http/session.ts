import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { PersonRecord, SessionRecord } from '../domain/people-store.ts';
import { forbidden } from '../domain/problems.ts';
import { cookieNames, hasEnded, needsTouch } from '../domain/sessions.ts';
import type { Store } from '../domain/store.ts';
import { hashToken, sameHash } from '../domain/tokens.ts';

// The session cookie of a person signed in with OpenID Connect: read once per request, when a
// route asks who is calling and the request carries no bearer token. A session idle for 8 hours,
// or opened 12 hours ago, is ended; one in use is touched at most once a minute. A request that changes something must
// carry the session's CSRF token in X-CSRF-Token and must not come from another site (Origin,
// Sec-Fetch-Site): SameSite=Lax already keeps the cookie off other sites' POSTs, these checks
// hold even where a browser does not.

/** What a session cookie of this request opens. */
export interface SignedIn {
  session: SessionRecord;
  person: PersonRecord;
  /** False for a request that changes something without its CSRF token, or from another site. */
  changeAllowed: boolean;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** This request's session, looked up on first ask; undefined without a valid one. */
    signedIn: () => Promise<SignedIn | undefined>;
  }
}

/** How this collector's cookies are named and checked. */
export interface SessionSettings {
  /** Under https (PUBLIC_URL): Secure cookies with the `__Host-` prefix. */
  secure: boolean;
  cookies: { session: string; login: string };
  /** PUBLIC_URL's origin, which a browser's Origin must equal; undefined: the request's own. */
  origin: string | undefined;
}

export function sessionSettings(publicUrl: string | undefined): SessionSettings {
  const secure = publicUrl?.startsWith('https:') ?? false;
  return {
    secure,
    cookies: cookieNames(secure),
    origin: publicUrl ? new URL(publicUrl).origin : undefined,
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether this request may change something in the session's name: a safe method, or the
 * session's CSRF token in X-CSRF-Token from a page of this very origin.
 */
function changeAllowed(c: Context, csrfToken: string, settings: SessionSettings): boolean {
  if (SAFE_METHODS.has(c.req.method)) return true;
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== (settings.origin ?? new URL(c.req.url).origin)) {
    return false;
  }
  const token = c.req.header('x-csrf-token');
  return token !== undefined && sameHash(hashToken(token), hashToken(csrfToken));
}

/** The 403 of a change refused by the CSRF checks. */
export function csrfRefused() {
  return forbidden(
    'This change came without the CSRF token of your session (send it in X-CSRF-Token; GET /auth/session gives it) or from another site. Reload the dashboard and try again.',
    'csrf',
  );
}

/** Looks up the session of a cookie secret: ended when idle or too old, touched when due. */
async function lookup(
  store: Store,
  secret: string,
  now: number,
): Promise<Omit<SignedIn, 'changeAllowed'> | undefined> {
  // Our secrets are 43 characters of base64url; anything else is nobody's session.
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
  const found = await store.findSession(hashToken(secret));
  if (!found) return undefined;
  if (hasEnded(found.session, now)) {
    await store.deleteSession(found.session.idHash);
    return undefined;
  }
  if (needsTouch(found.session.lastSeenAt, now)) {
    await store.touchSession(found.session.idHash, now);
  }
  return found;
}

/**
 * Makes this request's session available as `c.get('signedIn')()`: looked up in the database on
 * the first ask only, so that a request nobody asks about (a citizen's) costs nothing.
 */
export function readSession(store: Store, now: () => number, settings: SessionSettings) {
  return createMiddleware(async (c, next) => {
    let found: Promise<SignedIn | undefined> | undefined;
    c.set('signedIn', () => {
      found ??= (async () => {
        const secret = getCookie(c, settings.cookies.session);
        const signedIn = secret ? await lookup(store, secret, now()) : undefined;
        if (!signedIn) return undefined;
        return {
          ...signedIn,
          changeAllowed: changeAllowed(c, signedIn.session.csrfToken, settings),
        };
      })();
      return found;
    });
    await next();
  });
}
