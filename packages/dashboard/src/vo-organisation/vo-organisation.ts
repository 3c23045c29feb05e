// Registration: defines <vo-organisation> and its three sections once.
import { define } from '../element.ts';
import { VoOrganisation } from './vo-organisation.component.ts';
import { VoPeople } from './vo-people.component.ts';
import { VoServiceSettings } from './vo-service-settings.component.ts';
import { VoTokens } from './vo-tokens.component.ts';

export { VoOrganisation, VoPeople, VoServiceSettings, VoTokens };

declare global {
  interface HTMLElementTagNameMap {
    'vo-organisation': VoOrganisation;
    'vo-service-settings': VoServiceSettings;
    'vo-people': VoPeople;
    'vo-tokens': VoTokens;
  }
}

define('vo-service-settings', VoServiceSettings);
define('vo-people', VoPeople);
define('vo-tokens', VoTokens);
define('vo-organisation', VoOrganisation);
