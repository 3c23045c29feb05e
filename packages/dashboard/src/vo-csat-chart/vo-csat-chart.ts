// Registration: defines <vo-csat-chart> once.
import { VoCsatChart } from './vo-csat-chart.component.ts';

export { VoCsatChart };

declare global {
  interface HTMLElementTagNameMap {
    'vo-csat-chart': VoCsatChart;
  }
}

if (!customElements.get('vo-csat-chart')) customElements.define('vo-csat-chart', VoCsatChart);
