// Registration: defines <vo-alert-notice> once.
import { define } from '../element.ts';
import { VoAlertNotice } from './vo-alert-notice.component.ts';

export { VoAlertNotice };

declare global {
  interface HTMLElementTagNameMap {
    'vo-alert-notice': VoAlertNotice;
  }
}

define('vo-alert-notice', VoAlertNotice);
