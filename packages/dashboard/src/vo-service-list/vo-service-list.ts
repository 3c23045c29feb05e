// Registration: defines <vo-service-list> once.
import { VoServiceList } from './vo-service-list.component.ts';

export { VoServiceList };

declare global {
  interface HTMLElementTagNameMap {
    'vo-service-list': VoServiceList;
  }
}

if (!customElements.get('vo-service-list')) customElements.define('vo-service-list', VoServiceList);
