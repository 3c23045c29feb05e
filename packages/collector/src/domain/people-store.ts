import type { PersonRole } from '@vo-feedback/shared';

// What the store keeps of people: the people themselves, their sessions and the sign-ins under
// way. Part of the Store interface (store.ts). Sessions and sign-ins live in the database, so
// that every instance behind one origin shares them.

/** A person registered by the platform administrator or a manager. */
export interface PersonRecord {
  id: string;
  /** Lower case. */
  email: string;
  role: PersonRole;
  /** Null for steering. */
  organisationId: string | null;
  /** The issuer and subject bound at the first sign-in; null before it. */
  issuer: string | null;
  subject: string | null;
  createdAt: number;
  /** `admin`, `cli` or `person:<e-mail>` of the manager who registered the person. */
  createdBy: string;
  lastSignInAt: number | null;
}

/** A signed-in session. The cookie holds the secret; the store, its SHA-256. */
export interface SessionRecord {
  idHash: string;
  personId: string;
  /** Sent back in `X-CSRF-Token` on every request that changes something. */
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  /** The ID token, for the issuer's end-session endpoint (`id_token_hint`). */
  idToken: string | null;
}

/** A sign-in under way: what the callback needs to check the issuer's answer. */
export interface LoginFlowRecord {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where the browser goes after signing in: a path on the collector. */
  returnTo: string | null;
  createdAt: number;
}

/** What goes with a person who is removed: what was created in their name. */
export interface PersonLeaving {
  /** The person's actor as the audit and `created_by` record it: `person:<e-mail>`. */
  actor: string;
  /** The person's registration: what that actor created before it was someone else's. */
  since: number;
  /** When: the webhooks' `disabled_at`, the tokens' `revoked_at`. */
  at: number;
  /** The webhooks' `disabled_reason`. */
  reason: string;
}

/** What removing a person took back: ids of the webhooks disabled and the tokens revoked. */
export interface PersonLeavings {
  disabledWebhooks: string[];
  revokedTokens: string[];
}

export interface PeopleStore {
  /** Registers a person; rejects when the e-mail address is registered already. */
  createPerson(person: PersonRecord): Promise<void>;
  /** Every person, or those of one organisation, by e-mail address. */
  listPeople(organisationId?: string): Promise<PersonRecord[]>;
  getPerson(id: string): Promise<PersonRecord | undefined>;
  findPersonByEmail(email: string): Promise<PersonRecord | undefined>;
  findPersonBySubject(issuer: string, subject: string): Promise<PersonRecord | undefined>;
  /**
   * Binds the issuer's subject to a person not bound yet (or bound to this very subject) and
   * records the sign-in; false when the person is bound to another subject or gone.
   */
  bindPerson(id: string, issuer: string, subject: string, at: number): Promise<boolean>;
  /**
   * Removes a person, ends every session of theirs, and takes back what acts in their name
   * without them, all in one transaction: it disables their organisation's webhooks created by
   * `leaving.actor` since `leaving.since` (with `leaving.reason`), and revokes the tokens the audit
   * records as created (`token.created`) by that actor since then. Undefined when there is no such
   * person; else the ids of the webhooks disabled and the tokens revoked.
   */
  removePerson(id: string, leaving: PersonLeaving): Promise<PersonLeavings | undefined>;

  /**
   * Stores a new session, and drops every session that has ended: last used before
   * `ended.lastSeenBefore`, or opened before `ended.createdBefore`.
   */
  createSession(
    session: SessionRecord,
    ended: { lastSeenBefore: number; createdBefore: number },
  ): Promise<void>;
  /** The session of this hash with its person; undefined when either is gone. */
  findSession(
    idHash: string,
  ): Promise<{ session: SessionRecord; person: PersonRecord } | undefined>;
  /** Records that the session was used at `at`. */
  touchSession(idHash: string, at: number): Promise<void>;
  /** Ends a session; false when there was none. */
  deleteSession(idHash: string): Promise<boolean>;

  /** Stores a sign-in under way, and drops those begun before `expiredBefore`. */
  createLoginFlow(flow: LoginFlowRecord, expiredBefore: number): Promise<void>;
  /**
   * Takes a sign-in under way out of the store: the flow of `state` if it began at or after
   * `notBefore`, else undefined. Taken once: a second call with the same state finds nothing, on
   * any instance.
   */
  takeLoginFlow(state: string, notBefore: number): Promise<LoginFlowRecord | undefined>;
}
