import { z } from 'zod';
import { OrganisationIdSchema, ServiceIdSchema } from './common.ts';

export const ROLES = ['provider', 'steering'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** An origin as a browser sends it: scheme, host and optional port, nothing else. */
export const OriginSchema = z
  .string()
  .regex(
    /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i,
    'Give an origin as scheme://host[:port], e.g. https://www.vlaanderen.be, without a path.',
  );

export const OrganisationSchema = z.strictObject({
  id: OrganisationIdSchema,
  name: z.string().trim().min(1, 'Give the organisation a name.').max(200),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const ServiceSchema = z.strictObject({
  id: ServiceIdSchema,
  name: z.string().trim().min(1, 'Give the service a name.').max(200),
  organisationId: OrganisationIdSchema,
  allowedOrigins: z.array(OriginSchema).max(50).default([]),
  active: z.boolean().default(true),
  /** The service's URI in the Flemish service catalogue (IPDC), when it has one. */
  publicServiceUri: z.url().optional(),
});
export type Service = z.infer<typeof ServiceSchema>;
export type ServiceInput = z.input<typeof ServiceSchema>;

export const ServiceUpdateSchema = ServiceSchema.omit({ id: true }).partial();
export type ServiceUpdate = z.infer<typeof ServiceUpdateSchema>;

export const TokenRequestSchema = z
  .strictObject({
    label: z.string().trim().min(1, 'Give the token a label.').max(200),
    role: RoleSchema,
    organisationId: OrganisationIdSchema.optional(),
  })
  .refine((t) => (t.role === 'provider') === (t.organisationId !== undefined), {
    message: 'Give organisationId for role provider, and none for role steering.',
    path: ['organisationId'],
  });
export type TokenRequest = z.infer<typeof TokenRequestSchema>;
