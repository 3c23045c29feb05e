import * as client from 'openid-client';
import { isLoopbackHost } from '../domain/loopback.ts';
import { ProblemError } from '../domain/problems.ts';
import type { Identity, IdentityProvider, SignInChecks } from './sign-in.ts';

// The issuer through openid-client 6, a certified OpenID Connect relying party: discovery, the
// authorization URL with PKCE (S256), and at the callback every check of the answer — the issuer
// (`iss`), the state, the PKCE verifier at the token endpoint, the ID token's signature against
// the issuer's published keys (jwks_uri; openid-client checks it for a token endpoint's answer
// only with its non-repudiation checks, which discover() turns on), audience, expiry (60 s of
// clock skew tolerated) and nonce. No JWT is checked by hand here. An issuer that cannot be
// reached, times out or answers 5xx is unavailable (503); one that refuses is a refusal (400).

interface OidcSettings {
  /** OIDC_ISSUER: the issuer identifier; its discovery document is read on first use. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** PUBLIC_URL/auth/callback, as registered at the issuer. */
  redirectUri: string;
  /** Where the issuer sends the browser after signing out: the dashboard. */
  postLogoutRedirectUri: string;
  /** Only for an issuer on this machine over http (tests, a local Keycloak). */
  allowHttp?: boolean;
}

/** The scopes asked: the subject, the e-mail address (and whether it is verified), the name. */
const OIDC_SCOPES = 'openid email profile';
/** Seconds of difference between our clock and the issuer's that the ID token's times tolerate. */
const CLOCK_TOLERANCE_S = 60;

const unavailable = () =>
  new ProblemError(
    503,
    'issuer-unavailable',
    'The sign-in service (the OpenID Connect issuer) cannot be reached right now; try again in a minute.',
    undefined,
    { 'retry-after': '30' },
  );

/** Why OpenID Connect refuses a PUBLIC_URL over plain http elsewhere than on this machine. */
const PLAIN_HTTP_PUBLIC_URL =
  'Use an https PUBLIC_URL with OpenID Connect (http only on localhost): over plain http the session cookie and the sign-in travel unencrypted and cannot be Secure.';

/**
 * The issuer of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET for the collector at
 * `publicUrl`: its redirect URI is PUBLIC_URL/auth/callback, and after signing out the issuer
 * sends the browser to the dashboard. Undefined without them.
 */
export function configuredIssuer(
  oidc: { issuer: string; clientId: string; clientSecret: string } | undefined,
  publicUrl: string | undefined,
): IdentityProvider | undefined {
  if (!oidc) return undefined;
  if (!publicUrl) {
    throw new Error(
      'OpenID Connect needs PUBLIC_URL: the redirect URI is PUBLIC_URL/auth/callback.',
    );
  }
  const collector = new URL(publicUrl);
  if (collector.protocol !== 'https:' && !isLoopbackHost(collector.hostname)) {
    throw new Error(PLAIN_HTTP_PUBLIC_URL);
  }
  const issuer = new URL(oidc.issuer);
  return openIdIssuer({
    ...oidc,
    redirectUri: `${publicUrl}/auth/callback`,
    postLogoutRedirectUri: `${publicUrl}/dashboard/`,
    allowHttp: issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname),
  });
}

/** The issuer of `settings`; its metadata is discovered once per process, again after a failure. */
function openIdIssuer(settings: OidcSettings): IdentityProvider {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = (): Promise<client.Configuration> => {
    discovered ??= discover(settings).catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  };

  return {
    async authorizationUrl(checks: SignInChecks): Promise<URL> {
      const config = await configuration().catch(() => Promise.reject(unavailable()));
      return client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: OIDC_SCOPES,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
      });
    },

    async redeem(callbackUrl: URL, checks: SignInChecks): Promise<Identity> {
      const config = await configuration().catch(() => Promise.reject(unavailable()));
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw failure(error);
      }
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) throw refusal(new Error('no ID token'));
      let email: unknown = claims.email;
      let verified: unknown = claims.email_verified;
      // Many issuers put scope claims at the userinfo endpoint only (the ID token of a code flow
      // holds the subject): ask there, for this very subject.
      if (typeof email !== 'string') {
        const info = await client
          .fetchUserInfo(config, tokens.access_token, claims.sub)
          .catch((error: unknown) => Promise.reject(failure(error)));
        email = info.email;
        verified = info.email_verified;
      }
      return {
        issuer: config.serverMetadata().issuer,
        subject: claims.sub,
        email: typeof email === 'string' ? email : null,
        emailVerified: verified === true,
        idToken: tokens.id_token,
      };
    },

    async endSessionUrl(idToken: string | null): Promise<URL | null> {
      const config = await configuration().catch(() => undefined);
      if (!config?.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, {
        post_logout_redirect_uri: settings.postLogoutRedirectUri,
        ...(idToken ? { id_token_hint: idToken } : {}),
      });
    },
  };
}

async function discover(settings: OidcSettings): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  // Discovery first without a client authentication method, to choose the one the issuer takes:
  // client_secret_basic (the specification's default) unless it offers only client_secret_post.
  const options: client.DiscoveryRequestOptions = {
    timeout: 10,
    ...(settings.allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
  };
  const metadata = {
    client_secret: settings.clientSecret,
    [client.clockTolerance]: CLOCK_TOLERANCE_S,
  };
  const probe = await client.discovery(issuer, settings.clientId, metadata, undefined, options);
  const methods = probe.serverMetadata().token_endpoint_auth_methods_supported;
  let config = probe;
  if (
    !methods ||
    methods.includes('client_secret_basic') ||
    !methods.includes('client_secret_post')
  ) {
    config = new client.Configuration(
      probe.serverMetadata(),
      settings.clientId,
      metadata,
      client.ClientSecretBasic(settings.clientSecret),
    );
    if (settings.allowHttp) client.allowInsecureRequests(config);
    config.timeout = 10;
  }
  // The ID token's signature is checked against the issuer's keys (jwks_uri), also when it comes
  // straight from the token endpoint: without this, openid-client trusts TLS for that answer.
  client.enableNonRepudiationChecks(config);
  return config;
}

/**
 * Whether the issuer failed rather than refused: not reached (fetch itself failed), timed out, or
 * answered 5xx — with an OAuth error body or with none (a proxy's error page).
 */
function issuerFailed(error: unknown): boolean {
  if (error instanceof client.ResponseBodyError) return error.status >= 500;
  if (error instanceof client.ClientError) {
    if (error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_ABORT') return true;
    return error.cause instanceof Response && error.cause.status >= 500;
  }
  // openid-client's own TypeErrors (a wrong argument) carry a code; fetch's do not.
  return error instanceof TypeError && !('code' in error);
}

/** What an error at the token or userinfo endpoint comes to: unavailable (503) or refused (400). */
function failure(error: unknown): ProblemError {
  return issuerFailed(error) ? unavailable() : refusal(error);
}

/** A refused answer of the issuer (its error, a wrong state, an ID token that fails a check). */
function refusal(error: unknown): ProblemError {
  const reason =
    error instanceof client.AuthorizationResponseError
      ? `The sign-in service answered "${error.error}".`
      : 'The answer of the sign-in service did not pass its checks.';
  return new ProblemError(400, 'sign-in-refused', `${reason} Sign in again from the dashboard.`);
}
