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
  /** `admin`, `cli` or the e-mail of the manager who registered the person. */
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
  /** Removes a person and ends every session of theirs, at once; false when there is none. */
  removePerson(id: string): Promise<boolean>;

  /** Stores a new session, and drops every session idle since before `idleBefore`. */
  createSession(session: SessionRecord, idleBefore: number): Promise<void>;
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
