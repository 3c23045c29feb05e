import { personActor } from '../domain/actors.ts';
import type { PersonRecord, SessionRecord } from '../domain/people-store.ts';
import { ProblemError } from '../domain/problems.ts';
import {
  LOGIN_FLOW_MS,
  safeReturnPath,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
  sessionSecret,
} from '../domain/sessions.ts';
import type { Store } from '../domain/store.ts';
import { hashToken } from '../domain/tokens.ts';
import { recordAudit } from './audit.ts';

// Signing a person in with OpenID Connect (authorization code with PKCE), and out again. The
// issuer is behind IdentityProvider (oidc-issuer.ts: openid-client, which checks the issuer's
// answer, the state, the nonce, the PKCE verifier and the ID token). What is ours: the sign-in
// under way in the database (used once, ten minutes at most, bound to the browser that began
// it), who the person is (the issuer's subject, or the first time their verified e-mail
// address), and the session.

/** The secrets of one sign-in under way, checked when the issuer sends the browser back. */
export interface SignInChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Who the issuer says signed in. */
export interface Identity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  idToken: string;
}

/** The issuer, as the sign-in needs it. */
export interface IdentityProvider {
  /** Where the browser goes to sign in, with the PKCE challenge of `checks.codeVerifier`. */
  authorizationUrl(checks: SignInChecks): Promise<URL>;
  /** Checks the issuer's answer at the callback URL and redeems its code; throws a problem. */
  redeem(callbackUrl: URL, checks: SignInChecks): Promise<Identity>;
  /** The issuer's end-session URL (with the hint, when given), or null when it offers none. */
  endSessionUrl(idToken: string | null): Promise<URL | null>;
}

const refused = (detail: string, slug = 'sign-in-refused') => new ProblemError(400, slug, detail);

/** Begins a sign-in: stores its checks and answers where to send the browser. */
export async function beginSignIn(
  store: Store,
  issuer: IdentityProvider,
  returnTo: string | undefined,
  now: number,
): Promise<{ url: URL; state: string }> {
  const checks: SignInChecks = {
    state: sessionSecret(),
    nonce: sessionSecret(),
    codeVerifier: sessionSecret(),
  };
  const url = await issuer.authorizationUrl(checks);
  await store.createLoginFlow(
    { ...checks, returnTo: safeReturnPath(returnTo), createdAt: now },
    now - LOGIN_FLOW_MS,
  );
  return { url, state: checks.state };
}

export type SignInResult =
  | { kind: 'signed-in'; secret: string; person: PersonRecord; returnTo: string }
  | { kind: 'not-registered'; email: string | null; endSession: URL | null };

/**
 * Completes a sign-in at the callback: the state the browser brought back must be the one its
 * sign-in cookie holds (else another browser began it: a login forged by someone else), and a
 * sign-in under way of that state must exist (else it was used already or has expired). Then the
 * issuer's answer is checked and its code redeemed, and the person found: by the issuer's
 * subject, or the first time by their verified e-mail address, which binds the subject to them.
 */
export async function completeSignIn(
  store: Store,
  issuer: IdentityProvider,
  callback: { url: URL; browserState: string | undefined },
  now: number,
): Promise<SignInResult> {
  const state = callback.url.searchParams.get('state');
  if (!state || !callback.browserState || state !== callback.browserState) {
    throw refused(
      'This sign-in did not begin in this browser, or its answer was changed on the way. Sign in again from the dashboard.',
    );
  }
  const flow = await store.takeLoginFlow(state, now - LOGIN_FLOW_MS);
  if (!flow) {
    throw refused(
      'This sign-in was used already or took longer than 10 minutes. Sign in again from the dashboard.',
      'sign-in-expired',
    );
  }
  const identity = await issuer.redeem(callback.url, flow);
  const person = await personOf(store, identity, now);
  if (!person) {
    return {
      kind: 'not-registered',
      email: identity.emailVerified ? identity.email : null,
      endSession: await issuer.endSessionUrl(identity.idToken),
    };
  }
  const secret = sessionSecret();
  await store.createSession(
    {
      idHash: hashToken(secret),
      personId: person.id,
      csrfToken: sessionSecret(),
      createdAt: now,
      lastSeenAt: now,
      idToken: identity.idToken,
    },
    { lastSeenBefore: now - SESSION_IDLE_MS, createdBefore: now - SESSION_MAX_MS },
  );
  await recordAudit(
    store,
    {
      actor: personActor(person.email),
      action: 'person.signed-in',
      target: `person:${person.id}`,
      details: { firstSignIn: person.subject === null },
    },
    now,
  );
  return { kind: 'signed-in', secret, person, returnTo: safeReturnPath(flow.returnTo) };
}

/**
 * The registered person the issuer's identity belongs to: bound by subject, or found by the
 * verified e-mail address and bound now. Undefined when there is none, or when that address is
 * bound to another subject already (another account at the issuer).
 */
async function personOf(
  store: Store,
  identity: Identity,
  now: number,
): Promise<PersonRecord | undefined> {
  const bound = await store.findPersonBySubject(identity.issuer, identity.subject);
  if (bound) {
    await store.bindPerson(bound.id, identity.issuer, identity.subject, now);
    return bound;
  }
  if (!identity.email || !identity.emailVerified) return undefined;
  const registered = await store.findPersonByEmail(identity.email.trim().toLowerCase());
  if (!registered || registered.subject !== null) return undefined;
  const bindsNow = await store.bindPerson(registered.id, identity.issuer, identity.subject, now);
  return bindsNow ? registered : undefined;
}

/**
 * Ends the signed-in session, if there is one (signing out twice is harmless), and answers the
 * issuer's end-session URL when it offers one.
 */
export async function signOut(
  store: Store,
  issuer: IdentityProvider | undefined,
  signedIn: { session: SessionRecord; person: PersonRecord } | undefined,
  now: number,
): Promise<URL | null> {
  if (!signedIn) return null;
  const { session, person } = signedIn;
  await store.deleteSession(session.idHash);
  await recordAudit(
    store,
    {
      actor: personActor(person.email),
      action: 'person.signed-out',
      target: `person:${person.id}`,
    },
    now,
  );
  return issuer ? issuer.endSessionUrl(session.idToken) : null;
}
