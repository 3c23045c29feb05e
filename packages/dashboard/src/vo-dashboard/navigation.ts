// The dashboard's navigation between its views: the services, the overview of them side by side
// and, for a provider, its organisation's webhooks. A list of links; the current view's link says so with aria-current, and in a heavier
// underline (not by colour alone).
import { css, html } from 'lit';
import type { Role } from '@vo-feedback/shared';
import type { Messages } from '../i18n/catalogs.ts';
import { routeHash, type Route } from '../routes.ts';

export function navigation(t: Messages, route: Route, role: Role) {
  // A service's report belongs under the services.
  const current = route.view === 'service' ? 'services' : route.view;
  const links = [
    { view: 'services', label: t.navServices, href: routeHash({ view: 'services' }) },
    { view: 'overview', label: t.navOverview, href: routeHash({ view: 'overview' }) },
    // Steering has no webhooks: the collector refuses them, so the link is not offered.
    ...(role === 'provider'
      ? [{ view: 'webhooks', label: t.navWebhooks, href: routeHash({ view: 'webhooks' }) }]
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
