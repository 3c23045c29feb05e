// The document's title for the view that shows: screen readers announce it after a navigation.
import type { Role, ServiceInfo } from '@vo-feedback/shared';
import type { Messages } from '../i18n/catalogs.ts';
import type { Route } from '../routes.ts';

export function documentTitle(
  t: Messages,
  state: { signedIn: boolean; route: Route; services: ServiceInfo[] | undefined; role: Role },
): string {
  const { route } = state;
  if (!state.signedIn) return `${t.signInHeading} – ${t.appName}`;
  if (route.view === 'service') {
    const service = state.services?.find((s) => s.id === route.serviceId);
    return `${service?.name ?? route.serviceId} – ${t.appName}`;
  }
  if (route.view === 'overview') return `${t.overviewHeading} – ${t.appName}`;
  if (route.view === 'webhooks') return `${t.webhooksHeading} – ${t.appName}`;
  if (route.view === 'subscriptions') return `${t.subscriptionsHeading} – ${t.appName}`;
  if (route.view === 'manage') return `${t.manageHeading} – ${t.appName}`;
  const heading = state.role === 'steering' ? t.steeringServicesHeading : t.providerServicesHeading;
  return `${heading} – ${t.appName}`;
}
