import { DEFAULT_REASONS, type ServiceConfig } from '@vo-feedback/shared';
import { notFound } from '../domain/problems.ts';
import type { Store } from '../domain/store.ts';

/**
 * What the widget needs to ask about an active service: where to get help (null: the widget's own
 * `help-url` or the info line 1700) and its reasons (its own list, or the default list). 404 for a
 * service that is unknown or inactive, as ingest answers.
 */
export async function serviceConfig(store: Store, serviceId: string): Promise<ServiceConfig> {
  const service = await store.getService(serviceId);
  if (!service?.active) {
    throw notFound(`There is no active service "${serviceId}".`, 'unknown-service');
  }
  return {
    serviceId: service.id,
    helpUrl: service.helpUrl ?? null,
    reasons: service.reasons ?? [...DEFAULT_REASONS],
  };
}

/** The reason codes a submission for this service may carry. */
export function reasonCodes(service: { reasons?: readonly { code: string }[] | null | undefined }) {
  return new Set((service.reasons ?? DEFAULT_REASONS).map((reason) => reason.code));
}
