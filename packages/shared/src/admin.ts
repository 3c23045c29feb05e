import { z } from 'zod';
import { OrganisationIdSchema, ServiceIdSchema } from './common.ts';
import { ReasonListSchema, ReasonSchema } from './reasons.ts';

/** The roles that read: what `GET /api/v1/me` answers. */
export const ROLES = ['provider', 'steering'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Every role a token may have: `ingest` only posts feedback, for one organisation's services. */
export const TOKEN_ROLES = [...ROLES, 'ingest'] as const;
export const TokenRoleSchema = z.enum(TOKEN_ROLES);
export type TokenRole = z.infer<typeof TokenRoleSchema>;

/**
 * The same schema with a message that says what to give when the field is missing or not text
 * (zod's default, "expected string, received undefined", says nothing about how to fix it).
 */
function required(schema: z.ZodString, message: string): z.ZodString {
  const error: z.core.$ZodErrorMap = (issue) =>
    issue.input === undefined ? message : 'Send this field as text.';
  return schema.clone({ ...schema.def, error });
}

/**
 * An origin as a browser sends it in `Origin`: scheme, host and optional port, nothing else.
 * Lowercased, because browsers send the scheme and host in lowercase and CORS compares exactly.
 */
export const OriginSchema = z
  .string({ message: 'Give each origin as text, e.g. https://www.vlaanderen.be.' })
  .trim()
  .toLowerCase()
  .regex(
    /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/,
    'Give an origin as scheme://host[:port], e.g. https://www.vlaanderen.be, without a path.',
  );

/** The service's URI in the Flemish service catalogue (IPDC); http(s) only. */
export const PublicServiceUriSchema = z.url({
  protocol: /^https?$/,
  message: 'Give the public service URI as an http(s) URL, e.g. https://data.vlaanderen.be/id/….',
});

/**
 * Where a citizen gets help when the feedback is not enough (nobody answers feedback): an https
 * page or a `tel:` link.
 */
export const HelpUrlSchema = z
  .string({
    message: 'Give the help URL as text, e.g. https://www.vlaanderen.be/contact or tel:1700.',
  })
  .trim()
  .max(2048, 'Give a help URL of at most 2048 characters.')
  .refine(
    (value) =>
      /^tel:\+?[0-9][0-9 ().-]{1,30}$/.test(value) ||
      (URL.canParse(value) && /^https:\/\/[^/]/.test(value)),
    'Give the help URL as an https URL (e.g. https://www.vlaanderen.be/contact) or a tel: link (e.g. tel:1700).',
  );

/** A service's own reason list, or null for the default list. */
const ServiceReasonsSchema = ReasonListSchema.nullable();

/** The satisfaction a service aims at: a share of 4 and 5 ratings, 0–1 (0.8 = 80 %). */
export const ServiceTargetSchema = z
  .number({ message: 'Give the target as a number from 0 to 1, e.g. 0.8 for 80 %.' })
  .min(0, 'Give the target as a number from 0 to 1, e.g. 0.8 for 80 %.')
  .max(1, 'Give the target as a number from 0 to 1, e.g. 0.8 for 80 %.');

const OrganisationNameSchema = required(
  z.string().trim().min(1, 'Give the organisation a name.').max(200),
  'Give the organisation a name.',
);
const ServiceNameSchema = required(
  z.string().trim().min(1, 'Give the service a name.').max(200),
  'Give the service a name.',
);
const AllowedOriginsSchema = z
  .array(OriginSchema, {
    message: 'Give allowedOrigins as a list of origins, e.g. ["https://www.vlaanderen.be"].',
  })
  .max(50, 'Give at most 50 allowed origins.');

/** The policy domain an organisation belongs to, e.g. "Omgeving" or "Welzijn". */
export const PolicyDomainSchema = z
  .string({ message: 'Give the policy domain as text, e.g. "Omgeving".' })
  .trim()
  .min(1, 'Give the policy domain as text, e.g. "Omgeving", or null for none.')
  .max(80, 'Give a policy domain of at most 80 characters.');

/** `flemish`: a Flemish government body; `local`: a city, a municipality, a local authority. */
export const ORGANISATION_KINDS = ['flemish', 'local'] as const;
export const OrganisationKindSchema = z.enum(ORGANISATION_KINDS, {
  message: 'Give kind as "flemish" (a Flemish government body) or "local" (a local government).',
});
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

/** `POST /api/v1/admin/organisations`. */
export const OrganisationSchema = z
  .strictObject({
    id: required(OrganisationIdSchema, 'Give the organisation an id, e.g. gemeente-gent.'),
    name: OrganisationNameSchema,
    /** Its policy domain; absent or null: none given. */
    policyDomain: PolicyDomainSchema.nullable().optional(),
    /** Flemish or local government; absent or null: not given. */
    kind: OrganisationKindSchema.nullable().optional(),
  })
  .meta({ id: 'NewOrganisation' });
export type OrganisationInput = z.input<typeof OrganisationSchema>;

/** `PATCH /api/v1/admin/organisations/:id`: only the fields given change; null removes one. */
export const OrganisationUpdateSchema = z
  .strictObject({
    name: OrganisationNameSchema.optional(),
    policyDomain: PolicyDomainSchema.nullable().optional(),
    kind: OrganisationKindSchema.nullable().optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, {
    message: 'Give at least one field to change: name, policyDomain or kind.',
  })
  .meta({ id: 'OrganisationUpdate', minProperties: 1 });
export type OrganisationUpdate = z.infer<typeof OrganisationUpdateSchema>;

/** An organisation as the admin API answers it. */
export const AdminOrganisationSchema = z
  .object({
    id: OrganisationIdSchema,
    name: z.string(),
    policyDomain: z.string().nullable(),
    kind: OrganisationKindSchema.nullable(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof AdminOrganisationSchema>;

/** `POST /api/v1/admin/services`. */
export const ServiceSchema = z
  .strictObject({
    id: required(ServiceIdSchema, 'Give the service an id, e.g. omgevingsloket-aanvraag.'),
    name: ServiceNameSchema,
    organisationId: required(
      OrganisationIdSchema,
      'Give the organisationId of the organisation that owns the service.',
    ),
    /** Origins (scheme://host[:port]) whose pages may post feedback for this service. */
    allowedOrigins: AllowedOriginsSchema.default([]),
    active: z.boolean({ message: 'Give active as true or false.' }).default(true),
    /** The service's URI in the Flemish service catalogue (IPDC), when it has one. */
    publicServiceUri: PublicServiceUriSchema.nullable().optional(),
    /** Where citizens get help (https or tel:); null: the widget's default, the info line 1700. */
    helpUrl: HelpUrlSchema.nullable().optional(),
    /** The service's own reasons (1–6, each code once); null: the default list. */
    reasons: ServiceReasonsSchema.optional(),
    /** The satisfaction (share of 4 and 5) it aims at, 0–1; null: none. */
    target: ServiceTargetSchema.nullable().optional(),
  })
  .meta({ id: 'NewService' });
export type Service = z.infer<typeof ServiceSchema>;
export type ServiceInput = z.input<typeof ServiceSchema>;

/**
 * `PATCH /api/v1/admin/services/:id`: only the fields given change. Written out rather than
 * `ServiceSchema.partial()`, whose defaults would silently reset `allowedOrigins` and `active` on
 * every update that leaves them out. `allowedOrigins` replaces the whole list;
 * `publicServiceUri: null` removes the URI.
 */
export const ServiceUpdateSchema = z
  .strictObject({
    name: ServiceNameSchema.optional(),
    organisationId: OrganisationIdSchema.optional(),
    allowedOrigins: AllowedOriginsSchema.optional(),
    active: z.boolean({ message: 'Give active as true or false.' }).optional(),
    publicServiceUri: PublicServiceUriSchema.nullable().optional(),
    helpUrl: HelpUrlSchema.nullable().optional(),
    /** Replaces the whole list; null returns to the default list. */
    reasons: ServiceReasonsSchema.optional(),
    /** null removes the target. */
    target: ServiceTargetSchema.nullable().optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, {
    message:
      'Give at least one field to change: name, organisationId, allowedOrigins, active, publicServiceUri, helpUrl, reasons or target.',
  })
  .meta({ id: 'ServiceUpdate', minProperties: 1 });
export type ServiceUpdate = z.infer<typeof ServiceUpdateSchema>;

/** A service as the admin API answers it. */
export const AdminServiceSchema = z
  .object({
    id: ServiceIdSchema,
    name: z.string(),
    organisationId: OrganisationIdSchema,
    allowedOrigins: z.array(z.string()),
    active: z.boolean(),
    publicServiceUri: z.string().nullable(),
    helpUrl: z.string().nullable(),
    /** The service's own list; null: it offers the default list. */
    reasons: z.array(ReasonSchema).nullable(),
    /** The satisfaction it aims at (0–1), or null. */
    target: z.number().min(0).max(1).nullable(),
  })
  .meta({ id: 'AdminService' });
export type AdminService = z.infer<typeof AdminServiceSchema>;

/** `GET /api/v1/admin/services`: every service, or those of one organisation. */
export const AdminServiceQuerySchema = z.strictObject({
  organisationId: OrganisationIdSchema.optional(),
});

/** Names the audit keeps for the platform itself: no token is labelled as one of them. */
const PLATFORM_ACTORS = ['admin', 'cli', 'unsubscribe-link'];

/**
 * A token's label: what it is for, in words. Never an e-mail address or `admin`/`cli`, which
 * would read as a person or the platform wherever the label is shown (the audit names a token
 * `token:<id>` whatever its label); no control characters.
 */
const TokenLabelSchema = required(
  z
    .string()
    .trim()
    .min(1, 'Give the token a label.')
    .max(200)
    // eslint-disable-next-line no-control-regex
    .refine((label) => !/[\u0000-\u001f\u007f]/.test(label), {
      message: 'Write the label on one line, without control characters.',
    })
    .refine((label) => !label.includes('@'), {
      message:
        'Name what the token is for, e.g. "dashboard team omgeving" — not an e-mail address: a token is not a person.',
    })
    .refine((label) => !PLATFORM_ACTORS.includes(label.toLowerCase()), {
      message: `Name what the token is for, e.g. "dashboard team omgeving": ${PLATFORM_ACTORS.map((name) => `"${name}"`).join(', ')} name the platform itself.`,
    }),
  'Give the token a label, e.g. "dashboard team omgeving".',
);

/**
 * `POST /api/v1/admin/tokens`: role `provider` belongs to one organisation (its own services,
 * comments included); role `steering` sees the aggregates of every organisation, never comments,
 * and has no organisation; role `ingest` belongs to one organisation and only posts feedback for
 * its services (a contact centre's system after a call), past the per-address limit.
 */
export const TokenRequestSchema = z
  .discriminatedUnion(
    'role',
    [
      z.strictObject({
        label: TokenLabelSchema,
        role: z.literal('provider'),
        organisationId: required(
          OrganisationIdSchema,
          'Give the organisationId of the organisation this provider token belongs to.',
        ),
      }),
      z.strictObject({ label: TokenLabelSchema, role: z.literal('steering') }),
      z.strictObject({
        label: TokenLabelSchema,
        role: z.literal('ingest'),
        organisationId: required(
          OrganisationIdSchema,
          'Give the organisationId of the organisation whose services this ingest token posts for.',
        ),
      }),
    ],
    {
      error: (issue) =>
        issue.code === 'invalid_union'
          ? 'Give role "provider" or "ingest" (with organisationId) or "steering" (without organisationId).'
          : undefined,
    },
  )
  .meta({ id: 'TokenRequest' });
export type TokenRequest = z.infer<typeof TokenRequestSchema>;

/** A token's id, as the admin API lists it and revokes it (`DELETE /api/v1/admin/tokens/:id`). */
export const TokenIdSchema = z.uuid();

/** The answer to a token request: the token itself is shown this once and never again. */
export const TokenCreatedSchema = z
  .object({
    id: TokenIdSchema,
    token: z.string(),
  })
  .meta({ id: 'TokenCreated' });
export type TokenCreated = z.infer<typeof TokenCreatedSchema>;

/** A token as `GET /api/v1/admin/tokens` lists it: never the token, never its hash. */
export const TokenInfoSchema = z
  .object({
    id: TokenIdSchema,
    label: z.string(),
    role: TokenRoleSchema,
    organisationId: OrganisationIdSchema.nullable(),
    createdAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'TokenInfo' });
export type TokenInfo = z.infer<typeof TokenInfoSchema>;
