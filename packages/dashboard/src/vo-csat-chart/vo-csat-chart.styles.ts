import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  css`
    .chart {
      min-width: 0;
      margin-bottom: 1.5em;
    }
    svg {
      display: block;
      overflow: visible;
      font-family: var(--_font);
    }
    text {
      fill: var(--_text);
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
      text,
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
