// Which services the list shows, and in which order: the search over service and organisation
// names, and the orders a steering member compares services by. Pure, so it is tested alone.
import type { ServiceInfo, Summary } from '@vo-feedback/shared';
import type { ServiceSort } from '../i18n/overview/nl.ts';
import { searchable } from '../text-match.ts';

export type { ServiceSort };

/** The orders the list offers, as its sort control lists them. */
export const SERVICE_SORTS: readonly ServiceSort[] = ['name', 'responses', 'csat', 'trend'];

/** This year's figures of one service beside the same stretch of last year. */
export interface YearFigures {
  current: Summary;
  previous: Summary;
}

/** A service's figures as the list knows them: loaded, failed, or not there yet. */
export type Loaded = YearFigures | { error: unknown } | undefined;

/**
 * The change in satisfaction against last year, rounded to the precision shown (0.1 percentage
 * point), so that an arrow or an order never contradicts the number; null without both figures.
 */
export function csatChange({ current, previous }: YearFigures): number | null {
  if (current.csat === null || previous.csat === null) return null;
  return Math.round((current.csat - previous.csat) * 1000) / 1000;
}

/**
 * The services whose name or organisation's name contains `query` (any part of a word; case,
 * accents and punctuation do not count), in their given order.
 */
export function matchingServices(services: readonly ServiceInfo[], query: string): ServiceInfo[] {
  const wanted = searchable(query).trim();
  if (wanted === '') return [...services];
  return services.filter((service) =>
    [service.name, service.organisationName].some((name) => searchable(name).includes(wanted)),
  );
}

/** A figure to order by, or null when the service has none (yet): those go last. */
function key(sort: Exclude<ServiceSort, 'name'>, loaded: Loaded): number | null {
  if (!loaded || 'error' in loaded) return null;
  if (sort === 'responses') return -loaded.current.responses;
  if (sort === 'csat') return loaded.current.csat;
  return csatChange(loaded);
}

/**
 * The services in the order `sort` asks: by organisation name and then service name; most
 * responses first; lowest satisfaction first; strongest fall first. Those without the figure go
 * last; equal figures by name.
 */
export function sortServices(
  services: readonly ServiceInfo[],
  figures: ReadonlyMap<string, Loaded>,
  sort: ServiceSort,
  locale: string,
): ServiceInfo[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byName = (a: ServiceInfo, b: ServiceInfo) =>
    collator.compare(a.organisationName, b.organisationName) ||
    collator.compare(a.name, b.name) ||
    collator.compare(a.id, b.id);
  if (sort === 'name') return [...services].sort(byName);
  return [...services].sort((a, b) => {
    const x = key(sort, figures.get(a.id));
    const y = key(sort, figures.get(b.id));
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return x - y || byName(a, b);
  });
}

/** The services grouped by organisation, in the order given: one group per organisation name. */
export function byOrganisation(services: readonly ServiceInfo[]): ServiceInfo[][] {
  const groups = new Map<string, ServiceInfo[]>();
  for (const service of services) {
    const group = groups.get(service.organisationId) ?? [];
    group.push(service);
    groups.set(service.organisationId, group);
  }
  return [...groups.values()];
}
