import { randomUUID } from 'node:crypto';
import type { PersonRole } from '@vo-feedback/shared';
import type { PersonRecord } from '../domain/people-store.ts';
import { cookieNames, sessionSecret } from '../domain/sessions.ts';
import type { Store } from '../domain/store.ts';
import { hashToken } from '../domain/tokens.ts';

/** A registered person and an open session of theirs, as a browser would send it. */
export interface PersonSession {
  person: PersonRecord;
  /** `Cookie: vo-session=…` */
  cookie: string;
  csrfToken: string;
  /** The headers of a same-origin request that changes something in the session's name. */
  changeHeaders: Record<string, string>;
}

/**
 * Registers a person and opens a session for them straight in the store, as a finished sign-in
 * would (routes/auth tests the sign-in itself against a real issuer). For tests of what a
 * signed-in person may do.
 */
export async function personSession(
  store: Store,
  person: { email: string; role: PersonRole; organisationId?: string | null },
  now = Date.now(),
): Promise<PersonSession> {
  const record: PersonRecord = {
    id: randomUUID(),
    email: person.email,
    role: person.role,
    organisationId: person.organisationId ?? null,
    issuer: 'https://issuer.test',
    subject: randomUUID(),
    createdAt: now,
    createdBy: 'admin',
    lastSignInAt: now,
  };
  await store.createPerson(record);
  return openSession(store, record, now);
}

/** Opens another session for a registered person. */
export async function openSession(
  store: Store,
  person: PersonRecord,
  now = Date.now(),
): Promise<PersonSession> {
  const secret = sessionSecret();
  const csrfToken = sessionSecret();
  await store.createSession(
    {
      idHash: hashToken(secret),
      personId: person.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      idToken: null,
    },
    { lastSeenBefore: 0, createdBefore: 0 },
  );
  const cookie = `${cookieNames(false).session}=${secret}`;
  return {
    person,
    cookie,
    csrfToken,
    changeHeaders: { cookie, 'x-csrf-token': csrfToken, 'sec-fetch-site': 'same-origin' },
  };
}
