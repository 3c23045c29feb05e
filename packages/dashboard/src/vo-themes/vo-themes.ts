// Registration: defines <vo-themes> once.
import { VoThemes } from './vo-themes.component.ts';

export { VoThemes };

declare global {
  interface HTMLElementTagNameMap {
    'vo-themes': VoThemes;
  }
}

if (!customElements.get('vo-themes')) customElements.define('vo-themes', VoThemes);
