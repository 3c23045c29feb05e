// Registration: defines <vo-bar-chart> once.
import { VoBarChart } from './vo-bar-chart.component.ts';

export { VoBarChart };

declare global {
  interface HTMLElementTagNameMap {
    'vo-bar-chart': VoBarChart;
  }
}

if (!customElements.get('vo-bar-chart')) customElements.define('vo-bar-chart', VoBarChart);
