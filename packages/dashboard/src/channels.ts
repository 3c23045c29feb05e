// The channels of the contract, from its zod-free constants (the dashboard bundles no zod).
export { CHANNELS } from '@vo-feedback/shared/constants';
