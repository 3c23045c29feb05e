import { z } from 'zod';
import { OrganisationIdSchema } from './common.ts';
import { PERSON_ROLES } from './constants.ts';

// People who sign in with OpenID Connect: registered by the platform administrator or by a
// manager of their organisation, bound to the issuer's subject at their first sign-in.

/**
 * What a person may do: `provider` (its organisation's services, comments included), `manager`
 * (a provider who also runs the organisation: its services, people, tokens and webhooks) or
 * `steering` (the aggregates of every organisation, never comments; no organisation).
 */
export const PersonRoleSchema = z.enum(PERSON_ROLES, {
  message:
    'Give role "provider" or "manager" (with organisationId) or "steering" (without organisationId).',
});
export type PersonRole = z.infer<typeof PersonRoleSchema>;

const ADDRESS = 'Give the e-mail address the person signs in with, e.g. an.peeters@gent.be.';

/** The address a person signs in with: trimmed and lower-cased, one person one address. */
export const PersonEmailSchema = z
  .string({ message: ADDRESS })
  .trim()
  .toLowerCase()
  .max(254, 'Give an e-mail address of at most 254 characters.')
  .regex(z.regexes.email, ADDRESS);

/**
 * `POST /api/v1/admin/people`. `organisationId` for `provider` and `manager` (a manager may leave
 * it out: its own), none for `steering`; the collector checks the combination and answers 400
 * naming the field.
 */
export const PersonRequestSchema = z
  .strictObject({
    email: PersonEmailSchema,
    role: PersonRoleSchema,
    organisationId: OrganisationIdSchema.optional(),
  })
  .meta({ id: 'PersonRequest' });
export type PersonRequest = z.infer<typeof PersonRequestSchema>;

/** A person's id, as the admin API lists it and removes it (`DELETE /api/v1/admin/people/:id`). */
export const PersonIdSchema = z.uuid();

/** A person as `GET /api/v1/admin/people` lists it. */
export const PersonSchema = z
  .object({
    id: PersonIdSchema,
    email: z.string(),
    role: PersonRoleSchema,
    organisationId: OrganisationIdSchema.nullable(),
    createdAt: z.iso.datetime(),
    /** Who registered the person: `admin`, `cli` or a manager's e-mail. */
    createdBy: z.string(),
    /** Whether the first sign-in has bound the issuer's subject to this record. */
    bound: z.boolean(),
    lastSignInAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof PersonSchema>;

/** The person a session belongs to, as `/api/v1/me` and `/auth/session` tell it. */
export const SignedInPersonSchema = z
  .object({
    email: z.string(),
    role: PersonRoleSchema,
  })
  .meta({ id: 'SignedInPerson' });
export type SignedInPerson = z.infer<typeof SignedInPersonSchema>;

/**
 * `GET /auth/session`: whether the collector signs people in with OpenID Connect, and who is
 * signed in in this browser. `csrfToken` goes in the `X-CSRF-Token` header of every request that
 * changes something while signed in.
 */
export const AuthSessionSchema = z
  .object({
    oidc: z.boolean(),
    person: SignedInPersonSchema.nullable(),
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'AuthSession' });
export type AuthSession = z.infer<typeof AuthSessionSchema>;

/** `POST /auth/logout`: where the browser goes next (the issuer's end-session page, or back). */
export const SignedOutSchema = z.object({ next: z.string() }).meta({ id: 'SignedOut' });
export type SignedOut = z.infer<typeof SignedOutSchema>;
