// Registration: defines <vo-subscriptions> once.
import { define } from '../element.ts';
import { VoSubscriptions } from './vo-subscriptions.component.ts';

export { VoSubscriptions };

declare global {
  interface HTMLElementTagNameMap {
    'vo-subscriptions': VoSubscriptions;
  }
}

define('vo-subscriptions', VoSubscriptions);
