// The dashboard's navigation between its views: the services, the overview of them side by side
// and, for a provider, its organisation's webhooks and e-mail subscriptions, and for a manager the
// page that runs the organisation. A list of links; the current view's link says so with
// aria-current, and in a heavier underline (not by colour alone).
import { css, html } from 'lit';
import type { Role, SignedInPerson } from '@vo-feedback/shared';
import type { Messages } from '../i18n/catalogs.ts';
import { routeHash, type Route } from '../routes.ts';

export function navigation(
  t: Messages,
  route: Route,
  role: Role,
  person: SignedInPerson | null = null,
) {
  // A service's report belongs under the services.
  const current = route.view === 'service' ? 'services' : route.view;
  const links = [
    { view: 'services', label: t.navServices, href: routeHash({ view: 'services' }) },
    { view: 'overview', label: t.navOverview, href: routeHash({ view: 'overview' }) },
    // Steering has no webhooks nor subscriptions: the collector refuses them, so no link.
    ...(role === 'provider'
      ? [
          { view: 'webhooks', label: t.navWebhooks, href: routeHash({ view: 'webhooks' }) },
          {
            view: 'subscriptions',
            label: t.navSubscriptions,
            href: routeHash({ view: 'subscriptions' }),
          },
        ]
      : []),
    // A manager (who reads as a provider) runs the organisation too.
    ...(person?.role === 'manager'
      ? [{ view: 'manage', label: t.navManage, href: routeHash({ view: 'manage' }) }]
      : []),
  ];
  return html`<nav class="navigation" aria-label=${t.navigation}>
    <ul>
      ${links.map(
        (link) =>
          html`<li>
            <a
              href=${link.href}
              data-nav=${link.view}
              aria-current=${link.view === current ? 'page' : 'false'}
              >${link.label}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}

export const navigationStyles = css`
  .navigation {
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
  }
  .navigation ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5em;
    max-width: 72em;
    margin: 0 auto;
    padding: 0 clamp(0.5em, 2.5vw, 1.5em);
    list-style: none;
  }
  .navigation a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding-block: 0.25em;
    border-bottom: 4px solid transparent;
    font-weight: 700;
    text-decoration: none;
  }
  .navigation a:hover {
    text-decoration: underline;
  }
  .navigation a[aria-current='page'] {
    border-bottom-color: var(--_text);
    color: var(--_text);
  }
  @media (forced-colors: active) {
    .navigation a[aria-current='page'] {
      border-bottom-color: CanvasText;
    }
  }
`;
