// Registration: defines <vo-bar-chart> once.
import { define } from '../element.ts';
import { VoBarChart } from './vo-bar-chart.component.ts';

export { VoBarChart };

declare global {
  interface HTMLElementTagNameMap {
    'vo-bar-chart': VoBarChart;
  }
}

define('vo-bar-chart', VoBarChart);
