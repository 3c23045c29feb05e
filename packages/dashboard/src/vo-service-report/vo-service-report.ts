// Registration: defines <vo-service-report> once.
import { VoServiceReport } from './vo-service-report.component.ts';

export { VoServiceReport };

declare global {
  interface HTMLElementTagNameMap {
    'vo-service-report': VoServiceReport;
  }
}

if (!customElements.get('vo-service-report')) {
  customElements.define('vo-service-report', VoServiceReport);
}
