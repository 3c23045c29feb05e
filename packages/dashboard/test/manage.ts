// Fixture data of "Organisatie beheren": the services with their settings, the people and the
// tokens of a manager's organisation, each parsed through its zod schema so that a fixture that
// drifts from what the collector answers fails here.
import {
  AdminServiceSchema,
  PersonSchema,
  TokenInfoSchema,
  type AdminService,
  type Person,
  type SignedInPerson,
  type TokenInfo,
} from '@vo-feedback/shared';

let next = 0;
const id = (prefix: string) => `${prefix}-0000-4000-8000-${String(next++).padStart(12, '0')}`;

/** The manager signed in in these tests. */
export const MANAGER: SignedInPerson = { email: 'an.peeters@zonnedorp.be', role: 'manager' };

/** An active service of org-a that takes feedback from one site, with the default reasons. */
export function adminService(
  serviceId: string,
  name: string,
  overrides: Partial<AdminService> = {},
): AdminService {
  return AdminServiceSchema.parse({
    id: serviceId,
    name,
    organisationId: 'org-a',
    allowedOrigins: ['https://www.zonnedorp.be'],
    active: true,
    publicServiceUri: null,
    helpUrl: null,
    reasons: null,
    target: null,
    ...overrides,
  });
}

/** A provider of org-a who has not signed in yet, by default. */
export function person(email: string, overrides: Partial<Person> = {}): Person {
  return PersonSchema.parse({
    id: id('50000000'),
    email,
    role: 'provider',
    organisationId: 'org-a',
    createdAt: '2026-03-02T09:30:00.000Z',
    createdBy: 'admin',
    bound: false,
    lastSignInAt: null,
    ...overrides,
  });
}

/** An active provider token of org-a, by default. */
export function tokenInfo(label: string, overrides: Partial<TokenInfo> = {}): TokenInfo {
  return TokenInfoSchema.parse({
    id: id('60000000'),
    label,
    role: 'provider',
    organisationId: 'org-a',
    createdAt: '2026-03-02T09:30:00.000Z',
    revokedAt: null,
    ...overrides,
  });
}
