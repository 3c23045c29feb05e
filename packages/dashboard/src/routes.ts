import { isDay, type Period } from './period.ts';

// Hash routes: the collector serves static files only, so every view lives behind /dashboard/#…
// and a reload or a shared link opens the same view (the token is never part of it).

export type Route =
  | { view: 'services' }
  | { view: 'overview' }
  | { view: 'webhooks' }
  | { view: 'subscriptions' }
  | { view: 'manage' }
  | { view: 'service'; serviceId: string; period: Period | undefined };

/** The overview of every service side by side ("Overzicht"). */
const OVERVIEW_HASH = '#/overzicht';
/** The organisation's webhooks (providers only). */
const WEBHOOKS_HASH = '#/webhooks';
/** The organisation's e-mail subscriptions (providers and managers). */
const SUBSCRIPTIONS_HASH = '#/meldingen';
/** Running the organisation: its services, people and tokens (managers only). */
const MANAGE_HASH = '#/beheer';

export function parseRoute(hash: string): Route {
  if (hash === OVERVIEW_HASH) return { view: 'overview' };
  if (hash === WEBHOOKS_HASH) return { view: 'webhooks' };
  if (hash === SUBSCRIPTIONS_HASH) return { view: 'subscriptions' };
  if (hash === MANAGE_HASH) return { view: 'manage' };
  const match = /^#\/services\/([^?/]+)(?:\?(.*))?$/.exec(hash);
  if (!match) return { view: 'services' };
  let serviceId: string;
  try {
    serviceId = decodeURIComponent(match[1]!);
  } catch {
    return { view: 'services' };
  }
  const params = new URLSearchParams(match[2] ?? '');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const period = isDay(from) && isDay(to) && from <= to ? { from, to } : undefined;
  return { view: 'service', serviceId, period };
}

export function routeHash(route: Route): string {
  if (route.view === 'services') return '#/';
  if (route.view === 'overview') return OVERVIEW_HASH;
  if (route.view === 'webhooks') return WEBHOOKS_HASH;
  if (route.view === 'subscriptions') return SUBSCRIPTIONS_HASH;
  if (route.view === 'manage') return MANAGE_HASH;
  const base = `#/services/${encodeURIComponent(route.serviceId)}`;
  return route.period ? `${base}?from=${route.period.from}&to=${route.period.to}` : base;
}
