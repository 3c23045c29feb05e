import type { Language } from '@vo-feedback/shared/constants';

/** What the collector says about a service (`GET /api/v1/public/services/:id/config`). */
export interface ServiceConfig {
  helpUrl: string | null;
  reasons: { code: string; labels: Record<Language, string> }[];
}
const configs: Record<string, Promise<ServiceConfig | undefined>> = {};

/**
 * The service's help link and reasons, fetched once per page and only when needed (a plain GET
 * without credentials, which the browser may cache). A failed fetch resolves to undefined and is
 * asked again by the next widget that needs it.
 */
export const loadConfig = (
  endpoint: string,
  serviceId: string,
  url = `${endpoint}/api/v1/public/services/${serviceId}/config`,
) =>
  (configs[url] ??= fetch(url, { credentials: 'omit' })
    .then((response) => (response.ok ? response.json() : Promise.reject()))
    .catch(() => void delete configs[url]));
