// Registration: defines <vo-service-report> once.
import { define } from '../element.ts';
import { VoServiceReport } from './vo-service-report.component.ts';

export { VoServiceReport };

declare global {
  interface HTMLElementTagNameMap {
    'vo-service-report': VoServiceReport;
  }
}

define('vo-service-report', VoServiceReport);
