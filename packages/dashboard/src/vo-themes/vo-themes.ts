// Registration: defines <vo-themes> once.
import { define } from '../element.ts';
import { VoThemes } from './vo-themes.component.ts';

export { VoThemes };

declare global {
  interface HTMLElementTagNameMap {
    'vo-themes': VoThemes;
  }
}

define('vo-themes', VoThemes);
