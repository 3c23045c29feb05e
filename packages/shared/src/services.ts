import { z } from 'zod';
import { RoleSchema } from './admin.ts';
import { OrganisationIdSchema, ServiceIdSchema } from './common.ts';
import { SignedInPersonSchema } from './people.ts';
import { ReasonSchema } from './reasons.ts';

// What a provider or steering token learns about itself and the services within its reach.

/** One service as `GET /api/v1/services` lists it: no allowed origins, those are admin business. */
export const ServiceInfoSchema = z
  .object({
    id: ServiceIdSchema,
    name: z.string(),
    organisationId: OrganisationIdSchema,
    /** The organisation's name, as the dashboard groups and searches services by it. */
    organisationName: z.string(),
    /** An inactive service refuses new feedback; its figures stay readable. */
    active: z.boolean(),
    /** The service's URI in the Flemish service catalogue (IPDC), when it has one. */
    publicServiceUri: z.string().nullable(),
  })
  .meta({ id: 'ServiceInfo' });
export type ServiceInfo = z.infer<typeof ServiceInfoSchema>;

/** `GET /api/v1/services`: the token's organisation's services, or every service for steering. */
export const ServiceListSchema = z.array(ServiceInfoSchema).meta({ id: 'ServiceList' });
export type ServiceList = z.infer<typeof ServiceListSchema>;

/**
 * `GET /api/v1/me`: the token's role, so that a client knows it before asking for anything it may
 * not see. A steering token belongs to no organisation: both organisation fields are null. A
 * person signed in with OpenID Connect reads as its role says (a manager as a provider of its
 * organisation); `person` names them and their own role, null for a token.
 */
export const MeSchema = z
  .object({
    role: RoleSchema,
    organisationId: OrganisationIdSchema.nullable(),
    organisationName: z.string().nullable(),
    /**
     * MIN_PUBLIC_N: a share or satisfaction counted on fewer answers than this is uncertain, and
     * the dashboard says "weinig antwoorden" beside it.
     */
    minimumN: z.number().int().positive(),
    /** The signed-in person (`manager` runs the organisation too); null for a bearer token. */
    person: SignedInPersonSchema.nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

/**
 * `GET /api/v1/public/services/:serviceId/config`: what the widget needs to ask well, public and
 * cacheable. `helpUrl` null: the widget's own `help-url`, or the info line 1700. `reasons`: the
 * service's own list, or the default list.
 */
export const ServiceConfigSchema = z
  .object({
    serviceId: ServiceIdSchema,
    helpUrl: z.string().nullable(),
    reasons: z.array(ReasonSchema),
  })
  .meta({ id: 'ServiceConfig' });
export type ServiceConfig = z.infer<typeof ServiceConfigSchema>;
