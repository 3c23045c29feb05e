// The views of an organisation's own business, which the shell shows by route: its webhooks, its
// e-mail subscriptions and, for a manager, the page that runs it. Each element says itself what
// it shows to a token or person that may not use it, and then asks for nothing.
import { html } from 'lit';
import type { ServiceInfo } from '@vo-feedback/shared';
import type { DashboardContext } from '../context.ts';
import type { Route } from '../routes.ts';

/**
 * The organisation view of `route`, or undefined when the route is another view's.
 * `servicesChanged` reads the shell's service list again (a manager added a service).
 */
export function organisationView(
  route: Route,
  context: DashboardContext,
  services: ServiceInfo[],
  servicesChanged: () => void,
) {
  if (route.view === 'webhooks') {
    return html`<vo-webhooks data-view .context=${context} .services=${services}></vo-webhooks>`;
  }
  if (route.view === 'subscriptions') {
    return html`<vo-subscriptions
      data-view
      .context=${context}
      .services=${services}
    ></vo-subscriptions>`;
  }
  if (route.view === 'manage') {
    return html`<vo-organisation
      data-view
      .context=${context}
      .services=${services}
      @vo-services-changed=${servicesChanged}
    ></vo-organisation>`;
  }
  return undefined;
}
