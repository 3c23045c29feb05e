import { css } from 'lit';
import { chartStyles } from '../chart.ts';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  chartStyles,
  css`
    /* Side by side when both fit, the table under the chart when not: a wider table (extra
       columns) needs more room before it moves beside the chart. */
    .layout {
      display: flex;
      flex-wrap: wrap;
      gap: 1.5em 2em;
      align-items: flex-start;
    }
    .chart {
      flex: 1 1 18em;
      min-width: 0;
      padding-top: 2em;
    }
    .chart-width {
      height: 0;
    }
    .table-scroll {
      flex: 1 1 20em;
    }
    .layout.wide .table-scroll {
      flex-basis: 30em;
    }
    .layout.wider .table-scroll {
      flex-basis: 42em;
    }
    text {
      font-size: 1em;
    }
    text.value {
      font-variant-numeric: tabular-nums;
    }
    .track {
      fill: var(--_bg);
      stroke: var(--_border);
    }
    .bar {
      fill: var(--_bar);
    }
    @media (forced-colors: active) {
      .track {
        fill: Canvas;
        stroke: CanvasText;
      }
      .bar {
        fill: Highlight;
      }
    }
  `,
];
