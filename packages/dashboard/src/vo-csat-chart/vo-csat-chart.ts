// Registration: defines <vo-csat-chart> once.
import { define } from '../element.ts';
import { VoCsatChart } from './vo-csat-chart.component.ts';

export { VoCsatChart };

declare global {
  interface HTMLElementTagNameMap {
    'vo-csat-chart': VoCsatChart;
  }
}

define('vo-csat-chart', VoCsatChart);
