// Registration: defines <vo-dashboard> once.
import { define } from '../element.ts';
import { VoDashboard } from './vo-dashboard.component.ts';

export { VoDashboard };

declare global {
  interface HTMLElementTagNameMap {
    'vo-dashboard': VoDashboard;
  }
}

define('vo-dashboard', VoDashboard);
