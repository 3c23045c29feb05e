import type { Channel } from '@vo-feedback/shared';

/**
 * The channels of the contract, in its order (CHANNELS in packages/shared). Written out here
 * because that module also builds zod schemas, which the dashboard does not bundle; the
 * vo-qr-code test checks that the two lists are the same.
 */
export const CHANNELS: readonly Channel[] = ['web', 'phone', 'counter', 'chat', 'email', 'letter'];
