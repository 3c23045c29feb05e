import { LitElement, html } from 'lit';
import type { ServiceInfo } from '@vo-feedback/shared';
import type { DashboardContext } from '../context.ts';
import { inputs } from '../element.ts';
import { routeHash } from '../routes.ts';
import { styles } from './vo-organisation.styles.ts';

/**
 * "Organisatie beheren": a manager runs its own organisation — its services' settings, its
 * people and its tokens, each in a section of its own (`vo-service-settings`, `vo-people`,
 * `vo-tokens`) with its own status messages; its webhooks are on their own page. Anyone but a
 * signed-in manager is told who can do this, and nothing is asked.
 *
 * Accessibility criteria: one `h1` that takes focus after navigation, a section per part with
 * its `h2`; each section announces its own loading and changes.
 *
 * @summary A manager's page to run its organisation.
 * @tagname vo-organisation
 */
export class VoOrganisation extends LitElement {
  static override styles = styles;

  static override properties = { ...inputs('context', 'services') };

  declare context: DashboardContext;
  /** The services within reach: the organisation's (its name is theirs). */
  declare services: ServiceInfo[];

  constructor() {
    super();
    this.services = [];
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override render() {
    const { t, person } = this.context;
    if (person?.role !== 'manager') {
      return html`<h1 tabindex="-1">${t.manageHeading}</h1>
        <div class="message"><p>${t.manageNotManager}</p></div>`;
    }
    return html`
      <h1 tabindex="-1">${t.manageHeading}</h1>
      <p>${t.manageIntro(this.services[0]?.organisationName ?? t.manageYourOrganisation)}</p>
      <p>
        ${t.manageWebhooksPrefix}
        <a href=${routeHash({ view: 'webhooks' })}>${t.navWebhooks}</a>.
      </p>
      <vo-service-settings .context=${this.context}></vo-service-settings>
      <vo-people .context=${this.context}></vo-people>
      <vo-tokens .context=${this.context}></vo-tokens>
    `;
  }
}
