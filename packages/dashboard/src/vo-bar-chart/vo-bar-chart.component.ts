import { LitElement, html, svg, nothing, type TemplateResult } from 'lit';
import { chartImage, chartTable } from '../chart.ts';
import { ChartSize } from '../chart-size.ts';
import { inputs } from '../element.ts';
import type { Formats } from '../format.ts';
import { textMeasurer, wrapText } from '../text-lines.ts';
import { styles } from './vo-bar-chart.styles.ts';

/** One bar: its label, its count, and further cells for the table only. */
export interface Bar {
  label: string;
  value: number;
  /**
   * The bar's share when it is not its part of the bars' sum: a reason ticked among several is a
   * share of the answers that could tick it, and the shares then add up to more than 100 %.
   * Null: no share (the dash).
   */
  share?: number | null;
  /** Extra table cells, in the order of `extraHeaders` (text, or text with a note beside it). */
  extra?: (string | TemplateResult)[];
}

/** Each bar's share: its own when it has one, else its part of the sum of the bars. */
function sharesOf(bars: Bar[]): (number | null)[] {
  const total = bars.reduce((sum, bar) => sum + bar.value, 0);
  return bars.map((bar) =>
    bar.share !== undefined ? bar.share : total === 0 ? null : bar.value / total,
  );
}

let nextId = 0;

/**
 * A horizontal bar chart in SVG, hand-drawn, with the same figures in a data table beside it.
 * Each bar shows its count and share (its part of the sum of the bars, or the share it brings
 * along) beside its label, which wraps onto more lines when it is long; the table is the
 * accessible form of the chart and carries any extra columns.
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

  // The width is read from an empty line above the chart, not from the chart's box: a wrapped
  // label makes the chart taller when it gets narrower, and a ResizeObserver that saw its own
  // element change size while it reported would report "loop completed" errors.
  readonly #size = new ChartSize(this, '.chart-width');
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
    const extras = this.extraHeaders.length;
    return html`<div class="layout ${extras > 2 ? 'wide wider' : extras > 0 ? 'wide' : ''}">
      <div class="chart">
        <div class="chart-width"></div>
        ${this.#chart()}
      </div>
      ${this.#table()}
    </div>`;
  }

  #chart() {
    const { width, em } = this.#size;
    const f = this.formats;
    const shares = sharesOf(this.bars);
    const max = Math.max(1, ...this.bars.map((bar) => bar.value));
    const measure = textMeasurer(`${em}px ${getComputedStyle(this).fontFamily}`);
    const row = Math.round(em * 3);
    const line = Math.round(em * 1.25);
    const barHeight = Math.round(em * 1.1);
    let top = 0;
    const rows = this.bars.map((bar, index) => {
      const value = `${f.integer(bar.value)} (${f.percent(shares[index])})`;
      // The label beside its value, on as many lines as it needs: a reason can be a sentence.
      const lines = wrapText(bar.label, width - measure(value) - em * 0.75, measure);
      const rowTop = top;
      const barTop = rowTop + em * 1.4 + (lines.length - 1) * line;
      const length = (bar.value / max) * width;
      top += row + (lines.length - 1) * line;
      return svg`<g>
        <text class="label" x="0" y=${rowTop + em * 1.05}>${lines.map((text, n) => svg`<tspan x="0" dy=${n === 0 ? 0 : line}>${text}</tspan>`)}</text>
        <text class="value" x=${width} y=${rowTop + em * 1.05} text-anchor="end">${value}</text>
        <rect class="track" x="0" y=${barTop} width=${width} height=${barHeight}></rect>
        ${bar.value > 0 ? svg`<rect class="bar" x="0" y=${barTop} width=${Math.max(2, length)} height=${barHeight}></rect>` : nothing}
      </g>`;
    });
    return chartImage(this.#id, width, top, this.description, rows);
  }

  #table() {
    const shares = sharesOf(this.bars);
    const f = this.formats;
    return chartTable(
      this.#id,
      this.caption,
      [this.labelHeader, this.valueHeader, this.shareHeader, ...this.extraHeaders],
      this.bars.map(
        (bar, index) =>
          html`<tr>
            <th scope="row">${bar.label}</th>
            <td class="number">${f.integer(bar.value)}</td>
            <td class="number">${f.percent(shares[index])}</td>
            ${(bar.extra ?? []).map((cell) => html`<td class="number">${cell}</td>`)}
          </tr>`,
      ),
    );
  }
}
