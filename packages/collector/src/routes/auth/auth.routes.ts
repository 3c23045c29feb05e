import { z, type RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AuthSessionSchema, SignedOutSchema } from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import { ProblemError } from '../../domain/problems.ts';
import { DASHBOARD_PATH, LOGIN_FLOW_MS, loginCookiePath } from '../../domain/sessions.ts';
import { clientAddress } from '../../http/client-address.ts';
import { json, operations, problems, router, SECURITY } from '../../http/openapi.ts';
import { renderProblemsAs } from '../../http/problem.ts';
import { csrfRefused } from '../../http/session.ts';
import { beginSignIn, completeSignIn, signOut } from '../../use-cases/sign-in.ts';
import { policyWith } from '../../views/csp.ts';
import { noAccessPage, signInFailedPage } from '../../views/sign-in-pages.ts';

// Signing a person in to the dashboard with OpenID Connect, and out: /auth/login sends the
// browser to the issuer, /auth/callback takes it back and opens a session, /auth/logout ends it
// (at the issuer too when it offers an end-session endpoint), /auth/session tells the dashboard
// whether sign-in is on and who is signed in. The only routes that set cookies: the session
// cookie (HttpOnly, SameSite=Lax, Path=/; `__Host-` and Secure under https) and, for the ten
// minutes of a sign-in, the cookie that binds it to this browser (the same, but on /auth only
// over plain http: `__Host-` demands Path=/).

const authRoute = operations('Sign-in', SECURITY.none);
const HTML_PAGE = { 'text/html': { schema: z.string() } };

export const loginRoute = authRoute({
  method: 'get',
  path: '/auth/login',
  summary: 'Sign in at the issuer',
  description:
    'Redirects the browser to the issuer (authorization code with PKCE, `state` and `nonce`) and sets a short-lived cookie that binds the sign-in to this browser (`__Host-vo-login` under https). `returnTo`: a path of the dashboard to come back to. 404 while OpenID Connect is not configured.',
  request: { query: z.object({ returnTo: z.string().optional() }) },
  responses: {
    303: { description: 'To the issuer.' },
    404: { description: 'Sign-in with OpenID Connect is off.', content: HTML_PAGE },
    429: {
      description: 'Too many sign-ins from this client; see Retry-After.',
      content: HTML_PAGE,
    },
    503: { description: 'The issuer cannot be reached.', content: HTML_PAGE },
  },
});

export const callbackRoute = authRoute({
  method: 'get',
  path: '/auth/callback',
  summary: 'Come back from the issuer',
  description:
    'Checks the answer (the state against this browser’s sign-in cookie, the sign-in used once and within 10 minutes, the code with its PKCE verifier, the ID token), finds the registered person (by the issuer’s subject; the first time by the verified e-mail address) and opens a session. A person who is not registered gets a page that says so, and no session.',
  responses: {
    303: { description: 'Signed in: to the dashboard, with the session cookie.' },
    400: { description: 'A refused, replayed or expired sign-in.', content: HTML_PAGE },
    403: { description: 'Signed in at the issuer, not registered here.', content: HTML_PAGE },
    404: { description: 'Sign-in with OpenID Connect is off.', content: HTML_PAGE },
    503: { description: 'The issuer cannot be reached.', content: HTML_PAGE },
  },
});

export const logoutRoute = authRoute({
  method: 'post',
  path: '/auth/logout',
  summary: 'Sign out',
  description:
    'Ends the session (its cookie is refused from now on) and answers where the browser goes next: the issuer’s end-session endpoint (with `id_token_hint` and `post_logout_redirect_uri`) when it offers one, else the dashboard. With a session, the request carries its CSRF token in `X-CSRF-Token`.',
  responses: {
    200: { description: 'Signed out.', content: json(SignedOutSchema) },
    ...problems([403, 'Without the session’s CSRF token, or from another site.']),
  },
});

export const sessionRoute = authRoute({
  method: 'get',
  path: '/auth/session',
  summary: 'Who is signed in',
  description:
    'Whether the collector signs people in with OpenID Connect, and the person of this browser’s session with its CSRF token (null without a session).',
  responses: { 200: { description: 'The state of sign-in.', content: json(AuthSessionSchema) } },
});

/** Sign-ins a client may begin per minute: each stores a sign-in under way for 10 minutes. */
export const SIGN_INS_PER_MINUTE = 30;

const off = () =>
  new ProblemError(
    404,
    'sign-in-off',
    'Sign-in with OpenID Connect is off: the operator sets OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and PUBLIC_URL.',
  );

/** Shows this request's problems as the Dutch page of a failed sign-in. */
function asPages(c: Context): void {
  renderProblemsAs(c, (c, problem) => {
    for (const [name, value] of Object.entries(problem.headers)) c.header(name, value);
    c.header('cache-control', 'no-store');
    return c.html(signInFailedPage(problem.slug), problem.status as 400);
  });
}

export function authRoutes(config: Config) {
  const { store, identityProvider: issuer } = config;
  const { cookies, secure } = config.sessions;
  const loginPath = loginCookiePath(secure);
  const signIns = config.rateLimiters('sign-in', SIGN_INS_PER_MINUTE, config.now);
  const app = router();

  const login: RouteHandler<typeof loginRoute> = async (c) => {
    asPages(c);
    if (!issuer) throw off();
    const decision = await signIns.hit(clientAddress(c, config.trustProxy));
    if (!decision.allowed) {
      throw new ProblemError(
        429,
        'too-many-sign-ins',
        `Too many sign-ins from this client; wait ${decision.retryAfterSeconds} seconds.`,
        undefined,
        { 'retry-after': String(decision.retryAfterSeconds) },
      );
    }
    const { url, state } = await beginSignIn(
      store,
      issuer,
      c.req.valid('query').returnTo,
      config.now(),
    );
    setCookie(c, cookies.login, state, {
      path: loginPath,
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      maxAge: LOGIN_FLOW_MS / 1000,
    });
    c.header('cache-control', 'no-store');
    return c.redirect(url.href, 303);
  };

  const callback: RouteHandler<typeof callbackRoute> = async (c) => {
    asPages(c);
    if (!issuer) throw off();
    c.header('cache-control', 'no-store');
    // The sign-in cookie has done its work, whatever comes of it.
    const browserState = getCookie(c, cookies.login);
    deleteCookie(c, cookies.login, { path: loginPath, secure });
    // The address registered at the issuer: behind a proxy the request's own may differ.
    const url = new URL(`${config.publicUrl}/auth/callback${new URL(c.req.url).search}`);
    const result = await completeSignIn(store, issuer, { url, browserState }, config.now());
    if (result.kind === 'not-registered') {
      config.logger.info('sign-in refused: not registered', { requestId: c.get('requestId') });
      if (result.endSession) {
        // Its one form signs out at the issuer.
        c.header(
          'content-security-policy',
          policyWith({ formAction: ["'self'", result.endSession.origin] }),
        );
      }
      return c.html(noAccessPage(result), 403);
    }
    // A session this browser had before ends: one browser, one session.
    const earlier = await c.get('signedIn')?.();
    if (earlier) await store.deleteSession(earlier.session.idHash);
    setCookie(c, cookies.session, result.secret, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure,
    });
    return c.redirect(result.returnTo, 303);
  };

  const logout: RouteHandler<typeof logoutRoute> = async (c) => {
    const signedIn = await c.get('signedIn')?.();
    if (signedIn && !signedIn.changeAllowed) throw csrfRefused();
    const next = await signOut(store, issuer, signedIn, config.now());
    deleteCookie(c, cookies.session, { path: '/', secure });
    c.header('cache-control', 'no-store');
    return c.json({ next: next?.href ?? DASHBOARD_PATH }, 200);
  };

  const session: RouteHandler<typeof sessionRoute> = async (c) => {
    const signedIn = await c.get('signedIn')?.();
    c.header('cache-control', 'no-store');
    return c.json(
      {
        oidc: issuer !== undefined,
        person: signedIn ? { email: signedIn.person.email, role: signedIn.person.role } : null,
        csrfToken: signedIn?.session.csrfToken ?? null,
      },
      200,
    );
  };

  return app
    .openapi(loginRoute, login)
    .openapi(callbackRoute, callback)
    .openapi(logoutRoute, logout)
    .openapi(sessionRoute, session);
}
