import { sql } from 'drizzle-orm';
import type { LoginFlowRecord, PersonRecord, SessionRecord } from '../domain/people-store.ts';

// The SQL of people, their sessions and the sign-ins under way, shared by SQLite and PostgreSQL
// like queries.ts. Both speak `delete … returning`: a sign-in under way is taken by one statement,
// so that two instances answering the same callback cannot both use it.

const PERSON_FIELDS = sql.raw(
  'p.id, p.email, p.role, p.organisation_id as "organisationId", p.issuer, p.subject, ' +
    'p.created_at as "createdAt", p.created_by as "createdBy", ' +
    'p.last_sign_in_at as "lastSignInAt"',
);

export const insertPerson = (p: PersonRecord) =>
  sql`insert into people (id, email, role, organisation_id, issuer, subject, created_at,
        created_by, last_sign_in_at)
      values (${p.id}, ${p.email}, ${p.role}, ${p.organisationId}, ${p.issuer}, ${p.subject},
        ${p.createdAt}, ${p.createdBy}, ${p.lastSignInAt})`;

/** People by e-mail address: every one, or one organisation's. */
export const people = (organisationId?: string) =>
  sql`select ${PERSON_FIELDS} from people p
      ${organisationId === undefined ? sql`` : sql`where p.organisation_id = ${organisationId}`}
      order by p.email`;

export const personWhere = (
  by: { id: string } | { email: string } | { issuer: string; subject: string },
) =>
  sql`select ${PERSON_FIELDS} from people p where ${
    'id' in by
      ? sql`p.id = ${by.id}`
      : 'email' in by
        ? sql`p.email = ${by.email}`
        : sql`p.issuer = ${by.issuer} and p.subject = ${by.subject}`
  }`;

/** Binds the subject to a person not bound yet, or bound to this subject: a sign-in. */
export const bindPerson = (id: string, issuer: string, subject: string, at: number) =>
  sql`update people set issuer = ${issuer}, subject = ${subject}, last_sign_in_at = ${at}
       where id = ${id}
         and (subject is null or (issuer = ${issuer} and subject = ${subject}))`;

export const deletePerson = (id: string) => sql`delete from people where id = ${id}`;

// Sessions

export const insertSession = (s: SessionRecord) =>
  sql`insert into sessions (id_hash, person_id, csrf_token, created_at, last_seen_at, id_token)
      values (${s.idHash}, ${s.personId}, ${s.csrfToken}, ${s.createdAt}, ${s.lastSeenAt},
        ${s.idToken})`;

/** A session with its person's fields beside it (`person_*`), or no row when either is gone. */
export const sessionWithPerson = (idHash: string) =>
  sql`select s.id_hash as "idHash", s.person_id as "personId", s.csrf_token as "csrfToken",
             s.created_at as "sessionCreatedAt", s.last_seen_at as "lastSeenAt",
             s.id_token as "idToken", ${PERSON_FIELDS}
        from sessions s join people p on p.id = s.person_id
       where s.id_hash = ${idHash}`;

export type SessionRow = PersonRecord &
  Omit<SessionRecord, 'createdAt'> & {
    sessionCreatedAt: number;
  };

/** Splits a joined row into the session and its person. */
export function sessionOf(row: SessionRow): { session: SessionRecord; person: PersonRecord } {
  return {
    session: {
      idHash: row.idHash,
      personId: row.personId,
      csrfToken: row.csrfToken,
      createdAt: row.sessionCreatedAt,
      lastSeenAt: row.lastSeenAt,
      idToken: row.idToken,
    },
    person: {
      id: row.id,
      email: row.email,
      role: row.role,
      organisationId: row.organisationId,
      issuer: row.issuer,
      subject: row.subject,
      createdAt: row.createdAt,
      createdBy: row.createdBy,
      lastSignInAt: row.lastSignInAt,
    },
  };
}

export const touchSession = (idHash: string, at: number) =>
  sql`update sessions set last_seen_at = ${at} where id_hash = ${idHash}`;

export const deleteSession = (idHash: string) =>
  sql`delete from sessions where id_hash = ${idHash}`;

export const deleteSessionsOf = (personId: string) =>
  sql`delete from sessions where person_id = ${personId}`;

export const deleteEndedSessions = (lastSeenBefore: number, createdBefore: number) =>
  sql`delete from sessions where last_seen_at < ${lastSeenBefore} or created_at < ${createdBefore}`;

// What a removed person leaves: webhooks and tokens created in their name

/** Disables the organisation's enabled webhooks `actor` created since `since`; their ids. */
export const disableWebhooksOf = (
  organisationId: string,
  l: { actor: string; since: number; at: number; reason: string },
) =>
  sql`update webhooks set disabled_at = ${l.at}, disabled_reason = ${l.reason}
       where organisation_id = ${organisationId} and created_by = ${l.actor}
         and created_at >= ${l.since} and disabled_at is null
      returning id`;

/** The audit's targets (`token:<id>`) of the tokens `actor` created since `since`. */
export const tokensCreatedBy = (actor: string, since: number) =>
  sql`select target from audit_log
       where action = 'token.created' and actor = ${actor} and at >= ${since}`;

/** Revokes this token unless it is revoked already; its id when it did. */
export const revokeTokenNow = (id: string, at: number) =>
  sql`update tokens set revoked_at = ${at} where id = ${id} and revoked_at is null returning id`;

// Sign-ins under way

export const insertLoginFlow = (f: LoginFlowRecord) =>
  sql`insert into login_flows (state, nonce, code_verifier, return_to, created_at)
      values (${f.state}, ${f.nonce}, ${f.codeVerifier}, ${f.returnTo}, ${f.createdAt})`;

export const deleteExpiredLoginFlows = (expiredBefore: number) =>
  sql`delete from login_flows where created_at < ${expiredBefore}`;

export const takeLoginFlow = (state: string) =>
  sql`delete from login_flows where state = ${state}
      returning state, nonce, code_verifier as "codeVerifier", return_to as "returnTo",
                created_at as "createdAt"`;
