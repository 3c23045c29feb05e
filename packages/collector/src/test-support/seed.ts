import type { OrganisationRecord, ServiceRecord, Store } from '../domain/store.ts';

/** A service of the organisation being seeded: its id and name, and anything else to override. */
export type ServiceSeed = Pick<ServiceRecord, 'id' | 'name'> &
  Partial<Omit<ServiceRecord, 'id' | 'name' | 'organisationId'>>;

/**
 * An organisation and its services, written straight to the store: active, no allowed origins and
 * no public service URI unless the seed says otherwise.
 */
export async function seedOrganisation(
  store: Store,
  organisation: OrganisationRecord,
  services: readonly ServiceSeed[] = [],
): Promise<void> {
  await store.createOrganisation(organisation);
  for (const service of services) {
    await store.createService({
      allowedOrigins: [],
      active: true,
      publicServiceUri: null,
      ...service,
      organisationId: organisation.id,
    });
  }
}
