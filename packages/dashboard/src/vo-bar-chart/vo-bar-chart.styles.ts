import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  css`
    .layout {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 20em), 1fr));
      gap: 1.5em 2em;
      align-items: start;
    }
    .chart {
      min-width: 0;
      padding-top: 2em;
    }
    svg {
      display: block;
      overflow: visible;
      font-family: var(--_font);
    }
    text {
      fill: var(--_text);
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
      text {
        fill: CanvasText;
      }
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
