import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

// A real OpenID Connect provider for tests: oidc-provider (certified), in this process, on a port
// of 127.0.0.1, with one confidential client (the collector) and the test's people. Its
// development sign-in form takes any login name, which picks one of `people` and is its subject
// (`sub`); the password is not checked. Consent is given at once, as a government issuer does for
// its own applications.

/** Someone with an account at the test issuer; the login name is their subject. */
export interface IssuerAccount {
  email: string;
  emailVerified?: boolean;
  name?: string;
}

/**
 * How the token endpoint answers: as it should; with this status and body instead (an outage, a
 * proxy's error page, a refusal); or with its real answer whose ID token carries `forgedClaims`
 * over its own, its signature left as it was — a forgery only a signature check catches.
 */
export type TokenEndpointMode =
  | 'real'
  | { forgedClaims: Record<string, unknown> }
  | { status: number; contentType: string; body: string };

export interface TestIssuer {
  /** The issuer identifier, e.g. http://127.0.0.1:41234 */
  url: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces an account, by login name (its subject). */
  addAccount(login: string, account: IssuerAccount): void;
  /** How the token endpoint answers from now on. */
  tokenEndpoint(mode: TokenEndpointMode): void;
  close(): Promise<void>;
}

export const TEST_CLIENT_ID = 'vo-feedback';
export const TEST_CLIENT_SECRET = 'test-client-secret-0123456789abcdef';

/**
 * Starts the issuer for collectors at `collectorUrls` (each registers `<url>/auth/callback` and,
 * after signing out, `<url>/dashboard/`). `endSession: false` leaves out the end-session
 * endpoint, like an issuer that offers none.
 */
export async function startTestIssuer(
  collectorUrls: string[],
  accounts: Record<string, IssuerAccount> = {},
  options: { endSession?: boolean } = {},
): Promise<TestIssuer> {
  const people = new Map(Object.entries(accounts));
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(url, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: collectorUrls.map((base) => `${base}/auth/callback`),
        post_logout_redirect_uris: collectorUrls.map((base) => `${base}/dashboard/`),
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    async findAccount(_ctx: KoaContextWithOIDC, login: string) {
      const account = people.get(login);
      if (!account) return undefined;
      return {
        accountId: login,
        async claims() {
          return {
            sub: login,
            email: account.email,
            email_verified: account.emailVerified ?? true,
            name: account.name ?? login,
          };
        },
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: options.endSession ?? true },
    },
    // Consent at once: the collector is the issuer's own application.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const clientId = ctx.oidc.client!.clientId;
      const existing = ctx.oidc.session!.grantIdFor(clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({
        clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();
  let tokenMode: TokenEndpointMode = 'real';
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const passed = request.headers['x-test-issuer-pass'] !== undefined;
    if (tokenMode === 'real' || passed || !request.url?.startsWith('/token')) {
      handle(request, response);
    } else if ('forgedClaims' in tokenMode) {
      void forgedTokenAnswer(url, tokenMode.forgedClaims, request, response);
    } else {
      response.writeHead(tokenMode.status, { 'content-type': tokenMode.contentType });
      response.end(tokenMode.body);
    }
  });
  return {
    url,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    addAccount: (login, account) => void people.set(login, account),
    tokenEndpoint: (mode) => void (tokenMode = mode),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The token endpoint's real answer to this request, its ID token's claims changed and its
 * signature kept: what someone between the collector and the issuer would send.
 */
async function forgedTokenAnswer(
  issuerUrl: string,
  forgedClaims: Record<string, unknown>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const real = await fetch(`${issuerUrl}${request.url}`, {
    method: 'POST',
    headers: {
      'content-type': String(request.headers['content-type']),
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
      'x-test-issuer-pass': '1',
    },
    body: Buffer.concat(chunks),
  });
  const answer = (await real.json()) as { id_token?: string };
  if (answer.id_token) {
    const [header, payload, signature] = answer.id_token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object;
    const changed = Buffer.from(JSON.stringify({ ...claims, ...forgedClaims })).toString(
      'base64url',
    );
    answer.id_token = `${header}.${changed}.${signature}`;
  }
  response.writeHead(real.status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(answer));
}

/** A few cookies kept across the requests of one headless visit to the issuer. */
class CookieJar {
  readonly #cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.#cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }
  get header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Signs in at the test issuer without a browser: follows `authorizationUrl` through the issuer's
 * sign-in form as `login`, and answers the URL the issuer sends the browser back to (the
 * collector's callback with `code` and `state`), which the caller then requests itself.
 */
export async function signInAtIssuer(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new CookieJar();
  let next = new URL(authorizationUrl);
  const issuerOrigin = next.origin;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 10; step += 1) {
    const response = await fetch(next, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: jar.header,
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body: body.toString() } : {}),
    });
    jar.take(response);
    body = undefined;
    const location = response.headers.get('location');
    if (location) {
      next = new URL(location, next);
      if (next.origin !== issuerOrigin) return next;
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (response.status !== 200 || !action || !page.includes('name="login"')) {
      throw new Error(
        `the issuer answered ${response.status} at ${next.pathname}: ${page.slice(0, 300)}`,
      );
    }
    next = new URL(action.replaceAll('&amp;', '&'), next);
    body = new URLSearchParams({ prompt: 'login', login, password: 'test' });
  }
  throw new Error('the issuer did not send the browser back to the collector');
}
