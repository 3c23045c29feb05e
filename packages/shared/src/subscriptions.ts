import { z } from 'zod';
import { ServiceIdSchema } from './common.ts';
import { SUBSCRIPTION_FREQUENCIES } from './constants.ts';

// E-mail subscriptions: a staff member of an organisation (never a citizen) gets a weekly or
// monthly digest of its services' figures, or its alerts only, through the collector's SMTP
// server. Every mail carries a one-click unsubscribe link (RFC 8058).

/** At most this many subscriptions per organisation, and services in one subscription. */
export const MAX_SUBSCRIPTIONS = 200;
export const MAX_SUBSCRIPTION_SERVICES = 100;

export const SubscriptionFrequencySchema = z.enum(SUBSCRIPTION_FREQUENCIES, {
  message: 'Use weekly, monthly or alerts.',
});
export type SubscriptionFrequency = z.infer<typeof SubscriptionFrequencySchema>;

const ADDRESS = 'Give an e-mail address of a staff member, e.g. team.loket@gent.be.';

/** A staff member's address: trimmed and lower-cased, so that one person is one address. */
export const SubscriptionEmailSchema = z
  .string({ message: ADDRESS })
  .trim()
  .toLowerCase()
  .max(254, 'Give an e-mail address of at most 254 characters.')
  .regex(z.regexes.email, ADDRESS);

/** `POST /api/v1/subscriptions`. */
export const SubscriptionCreateSchema = z
  .strictObject({
    email: SubscriptionEmailSchema,
    frequency: SubscriptionFrequencySchema,
    /** Only these services of the organisation; absent: all of them, also those added later. */
    serviceIds: z
      .array(ServiceIdSchema, { message: 'Give the services as a list of service ids.' })
      .min(1, 'Give at least one service, or leave serviceIds out for all of them.')
      .max(MAX_SUBSCRIPTION_SERVICES, `Give at most ${MAX_SUBSCRIPTION_SERVICES} services.`)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'Give each service once.' })
      .optional(),
  })
  .meta({ id: 'SubscriptionCreate' });
export type SubscriptionCreate = z.input<typeof SubscriptionCreateSchema>;

/** A subscription as its organisation sees it; never the secret of its unsubscribe link. */
export const SubscriptionSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    frequency: SubscriptionFrequencySchema,
    /** null: every service of the organisation. */
    serviceIds: z.array(ServiceIdSchema).nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Subscription' });
export type Subscription = z.infer<typeof SubscriptionSchema>;

/** `GET /api/v1/subscriptions`: the organisation's subscriptions, oldest first. */
export const SubscriptionListSchema = z
  .object({ subscriptions: z.array(SubscriptionSchema) })
  .meta({ id: 'SubscriptionList' });
export type SubscriptionList = z.infer<typeof SubscriptionListSchema>;
