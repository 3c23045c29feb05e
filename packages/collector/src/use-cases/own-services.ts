import { invalid } from '../domain/problems.ts';
import type { Store } from '../domain/store.ts';

/**
 * Refuses (400, an error per id under `serviceIds.<i>`, in their order) the ids of a body's
 * service filter that are no services of the organisation; paused (inactive) ones are its own.
 * The organisation's services are read once, whatever the number of ids.
 */
export async function requireOwnServices(
  store: Store,
  organisationId: string,
  serviceIds: readonly string[],
): Promise<void> {
  const own = new Set((await store.listServices(organisationId)).map((service) => service.id));
  const errors = serviceIds.flatMap((id, i) =>
    own.has(id)
      ? []
      : [
          {
            path: `serviceIds.${i}`,
            message: `Your organisation has no service ${id}; see GET /api/v1/services.`,
          },
        ],
  );
  if (errors.length) throw invalid('The body is not valid; see errors.', errors);
}
