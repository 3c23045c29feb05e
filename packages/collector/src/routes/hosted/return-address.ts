import type { ServiceRecord } from '../../domain/store.ts';

// Where the no-JavaScript form's thank-you page (on the collector) leads back to: shared by the
// form, which redirects there, and the page, which checks the address again (anyone can type it).

/** The collector's own thank-you page of a service. */
export function thankYouPath(serviceId: string): string {
  return `/f/${encodeURIComponent(serviceId)}/bedankt`;
}

/** The page `address`, only when the service allows its origin (never an open link); else none. */
export function returnAddress(
  address: string | undefined,
  service: ServiceRecord,
): string | undefined {
  if (!address) return undefined;
  try {
    const url = new URL(address);
    return service.allowedOrigins.includes(url.origin) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
