import { randomUUID } from 'node:crypto';
import { fieldErrors, PersonRequestSchema, type Person } from '@vo-feedback/shared';
import { personActor } from '../domain/actors.ts';
import type { PersonLeavings, PersonRecord } from '../domain/people-store.ts';
import type { Store } from '../domain/store.ts';
import { conflict, forbidden, invalid, notFound } from '../domain/problems.ts';

// People who sign in, registered by the platform administrator (ADMIN_TOKEN, the command line:
// every organisation) or by a manager (its own organisation only: providers and managers, never
// steering). Shared by the admin API and the CLI, with the same problems (400, 403, 404, 409).

/** Who administers: the platform (every organisation), or a manager of one organisation. */
export interface AdminScope {
  /** Null: every organisation (ADMIN_TOKEN, the CLI); else the manager's own. */
  organisationId: string | null;
  /** The manager's own person id: a manager does not remove themselves. */
  personId?: string | null;
}

/** The platform administrator's scope: every organisation. */
export const PLATFORM: AdminScope = { organisationId: null };

/** A person as the admin API answers it. */
function personInfo(record: PersonRecord): Person {
  return {
    id: record.id,
    email: record.email,
    role: record.role,
    organisationId: record.organisationId,
    createdAt: new Date(record.createdAt).toISOString(),
    createdBy: record.createdBy,
    bound: record.subject !== null,
    lastSignInAt: record.lastSignInAt === null ? null : new Date(record.lastSignInAt).toISOString(),
  };
}

const field = (path: string, message: string) => invalid(message, [{ path, message }]);

/**
 * Registers a person by e-mail address; the first sign-in with that verified address binds the
 * issuer's subject to it. A manager registers providers and managers of its own organisation
 * (organisationId may be left out); the platform any role of any organisation.
 */
export async function registerPerson(
  store: Store,
  input: unknown,
  scope: AdminScope,
  by: { actor: string; now: number },
): Promise<Person> {
  const parsed = PersonRequestSchema.safeParse(input);
  if (!parsed.success) {
    throw invalid('The person is not valid; see errors.', fieldErrors(parsed.error));
  }
  const request = parsed.data;
  let organisationId = request.organisationId ?? null;
  if (scope.organisationId !== null) {
    if (request.role === 'steering') {
      throw forbidden(
        'A manager registers providers and managers of its own organisation; steering people are registered by the platform administrator.',
      );
    }
    organisationId ??= scope.organisationId;
    if (organisationId !== scope.organisationId) {
      throw forbidden(
        `You manage "${scope.organisationId}" only; leave organisationId out or give "${scope.organisationId}".`,
      );
    }
  }
  if (request.role === 'steering' && organisationId !== null) {
    throw field(
      'organisationId',
      'A steering person belongs to no organisation: leave organisationId out.',
    );
  }
  if (request.role !== 'steering') {
    if (organisationId === null) {
      throw field(
        'organisationId',
        `Give the organisationId of the organisation this ${request.role} belongs to.`,
      );
    }
    if (!(await store.getOrganisation(organisationId))) {
      throw field(
        'organisationId',
        `There is no organisation "${organisationId}"; create it first (POST /api/v1/admin/organisations, or: vo-feedback org add ${organisationId} "<name>").`,
      );
    }
  }
  const taken = () =>
    conflict(
      `${request.email} is registered already; remove that registration first to change its role or organisation.`,
    );
  if (await store.findPersonByEmail(request.email)) throw taken();
  const record: PersonRecord = {
    id: randomUUID(),
    email: request.email,
    role: request.role,
    organisationId,
    issuer: null,
    subject: null,
    createdAt: by.now,
    createdBy: by.actor,
    lastSignInAt: null,
  };
  try {
    await store.createPerson(record);
  } catch (error) {
    // Registered at the same moment elsewhere: the unique e-mail kept one.
    if (await store.findPersonByEmail(request.email)) throw taken();
    throw error;
  }
  return personInfo(record);
}

/** The people within the scope, by e-mail address. */
export async function listPeople(store: Store, scope: AdminScope): Promise<Person[]> {
  return (await store.listPeople(scope.organisationId ?? undefined)).map(personInfo);
}

/** Why a removed person's webhooks no longer send, as their list shows it. */
export const CREATOR_REMOVED =
  'The person who created it was removed. Delete it, or resend a delivery to enable it again.';

/**
 * Removes a person within the scope; every session of theirs ends at once, and nothing created
 * in their name keeps acting without them: their organisation's webhooks they created are
 * disabled (a webhook may carry comments out of the collector) and the tokens they created are
 * revoked, as the audit records them (`token.created` by `person:<e-mail>`; a token itself keeps
 * no creator).
 */
export async function removePerson(
  store: Store,
  id: string,
  scope: AdminScope,
  now: number,
): Promise<{ person: PersonRecord; leavings: PersonLeavings }> {
  const person = await store.getPerson(id);
  const missing = () =>
    notFound(
      scope.organisationId === null
        ? `There is no person "${id}"; see the list of people.`
        : `Your organisation has no person "${id}"; see the list of people.`,
      'unknown-person',
    );
  if (!person) throw missing();
  if (scope.organisationId !== null) {
    if (person.organisationId !== scope.organisationId) throw missing();
    if (person.id === scope.personId) {
      throw forbidden(
        'You cannot remove yourself; ask another manager of your organisation or the platform administrator.',
        'remove-self',
      );
    }
  }
  const leavings = await store.removePerson(id, {
    actor: personActor(person.email),
    since: person.createdAt,
    at: now,
    reason: CREATOR_REMOVED,
  });
  if (!leavings) throw missing();
  return { person, leavings };
}
