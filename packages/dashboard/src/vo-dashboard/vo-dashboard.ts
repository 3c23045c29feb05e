// Registration: defines <vo-dashboard> once.
import { VoDashboard } from './vo-dashboard.component.ts';

export { VoDashboard };

declare global {
  interface HTMLElementTagNameMap {
    'vo-dashboard': VoDashboard;
  }
}

if (!customElements.get('vo-dashboard')) customElements.define('vo-dashboard', VoDashboard);
