import { css } from 'lit';
import { chartStyles } from '../chart.ts';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  chartStyles,
  css`
    .chart {
      min-width: 0;
      margin-bottom: 1.5em;
    }
    text {
      font-size: 0.875em;
    }
    .year {
      fill: var(--_muted);
    }
    .grid {
      stroke: var(--_border);
    }
    .band {
      fill: var(--_band);
      stroke: none;
    }
    .line {
      fill: none;
      stroke: var(--_bar);
      stroke-width: 2.5;
    }
    .point {
      fill: var(--_bar);
      stroke: var(--_surface);
      stroke-width: 1.5;
    }
    @media (forced-colors: active) {
      .year {
        fill: CanvasText;
      }
      .grid {
        stroke: GrayText;
      }
      .band {
        fill: none;
        stroke: CanvasText;
        stroke-dasharray: 4 3;
      }
      .line {
        stroke: Highlight;
      }
      .point {
        fill: Highlight;
        stroke: Canvas;
      }
    }
  `,
];
