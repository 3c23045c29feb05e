import { LitElement, html, svg, nothing } from 'lit';
import { chartImage, chartTable } from '../chart.ts';
import { ChartSize } from '../chart-size.ts';
import { inputs } from '../element.ts';
import type { Formats } from '../format.ts';
import { styles } from './vo-bar-chart.styles.ts';

/** One bar: its label, its count, and further cells for the table only. */
export interface Bar {
  label: string;
  value: number;
  /** Extra table cells, in the order of `extraHeaders`. */
  extra?: string[];
}

let nextId = 0;

/**
 * A horizontal bar chart in SVG, hand-drawn, with the same figures in a data table beside it.
 * Each bar shows its count and share; the table is the accessible form of the chart and carries
 * any extra columns.
 *
 * Accessibility criteria: the SVG is one image with a text alternative that points to the table;
 * the table has a caption, column headers and row headers; bars keep their shape and a visible
 * label in forced colours.
 *
 * @summary A bar chart with its data table.
 * @tagname vo-bar-chart
 */
export class VoBarChart extends LitElement {
  static override styles = styles;

  static override properties = {
    ...inputs('bars', 'formats', 'extraHeaders'),
    description: {},
    caption: {},
    labelHeader: { attribute: 'label-header' },
    valueHeader: { attribute: 'value-header' },
    shareHeader: { attribute: 'share-header' },
  };

  /** The bars, top to bottom. */
  declare bars: Bar[];
  declare formats: Formats;
  /** The chart's text alternative. */
  declare description: string;
  /** The table's caption. */
  declare caption: string;
  declare labelHeader: string;
  declare valueHeader: string;
  declare shareHeader: string;
  declare extraHeaders: string[];

  readonly #size = new ChartSize(this, '.chart');
  readonly #id = `bar-chart-${nextId++}`;

  constructor() {
    super();
    this.bars = [];
    this.extraHeaders = [];
    this.description = '';
    this.caption = '';
    this.labelHeader = '';
    this.valueHeader = '';
    this.shareHeader = '';
  }

  override render() {
    return html`<div class="layout ${this.extraHeaders.length > 0 ? 'wide' : ''}">
      <div class="chart">${this.#chart()}</div>
      ${this.#table()}
    </div>`;
  }

  #chart() {
    const { width, em } = this.#size;
    const total = this.bars.reduce((sum, bar) => sum + bar.value, 0);
    const max = Math.max(1, ...this.bars.map((bar) => bar.value));
    const row = Math.round(em * 3);
    const barHeight = Math.round(em * 1.1);
    const height = row * this.bars.length;
    return chartImage(
      this.#id,
      width,
      height,
      this.description,
      this.bars.map((bar, index) => {
        const top = index * row;
        const length = (bar.value / max) * width;
        const share = total === 0 ? null : bar.value / total;
        return svg`<g>
          <text class="label" x="0" y=${top + em * 1.05}>${bar.label}</text>
          <text class="value" x=${width} y=${top + em * 1.05} text-anchor="end">${this.formats.integer(bar.value)} (${this.formats.percent(share)})</text>
          <rect class="track" x="0" y=${top + em * 1.4} width=${width} height=${barHeight}></rect>
          ${bar.value > 0 ? svg`<rect class="bar" x="0" y=${top + em * 1.4} width=${Math.max(2, length)} height=${barHeight}></rect>` : nothing}
        </g>`;
      }),
    );
  }

  #table() {
    const total = this.bars.reduce((sum, bar) => sum + bar.value, 0);
    const f = this.formats;
    return chartTable(
      this.#id,
      this.caption,
      [this.labelHeader, this.valueHeader, this.shareHeader, ...this.extraHeaders],
      this.bars.map(
        (bar) =>
          html`<tr>
            <th scope="row">${bar.label}</th>
            <td class="number">${f.integer(bar.value)}</td>
            <td class="number">${f.percent(total === 0 ? null : bar.value / total)}</td>
            ${(bar.extra ?? []).map((cell) => html`<td class="number">${cell}</td>`)}
          </tr>`,
      ),
    );
  }
}
