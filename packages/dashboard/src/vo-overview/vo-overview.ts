// Registration: defines <vo-overview> once.
import { define } from '../element.ts';
import { VoOverview } from './vo-overview.component.ts';

export { VoOverview };

declare global {
  interface HTMLElementTagNameMap {
    'vo-overview': VoOverview;
  }
}

define('vo-overview', VoOverview);
