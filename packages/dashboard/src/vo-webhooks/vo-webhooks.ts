// Registration: defines <vo-webhooks> once.
import { define } from '../element.ts';
import { VoWebhooks } from './vo-webhooks.component.ts';

export { VoWebhooks };

declare global {
  interface HTMLElementTagNameMap {
    'vo-webhooks': VoWebhooks;
  }
}

define('vo-webhooks', VoWebhooks);
