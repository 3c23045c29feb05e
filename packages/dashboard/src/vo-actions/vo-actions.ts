// Registration: defines <vo-actions> once.
import { define } from '../element.ts';
import { VoActions } from './vo-actions.component.ts';

export { VoActions };

declare global {
  interface HTMLElementTagNameMap {
    'vo-actions': VoActions;
  }
}

define('vo-actions', VoActions);
