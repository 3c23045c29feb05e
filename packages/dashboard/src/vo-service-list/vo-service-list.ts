// Registration: defines <vo-service-list> once.
import { define } from '../element.ts';
import { VoServiceList } from './vo-service-list.component.ts';

export { VoServiceList };

declare global {
  interface HTMLElementTagNameMap {
    'vo-service-list': VoServiceList;
  }
}

define('vo-service-list', VoServiceList);
