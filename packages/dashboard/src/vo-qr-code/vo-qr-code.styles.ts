import { css } from 'lit';
import { downloadStyles } from '../download.ts';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  downloadStyles,
  css`
    /* The code beside its controls when both fit, above them when not. */
    .layout {
      display: flex;
      flex-wrap: wrap;
      gap: 1em 2em;
      align-items: flex-start;
    }
    .code {
      flex: none;
      width: min(100%, 12em);
      margin: 0;
    }
    /* The QR code keeps its own black on white in every colour scheme: a scanner needs it. */
    .code img {
      display: block;
      width: 100%;
      height: auto;
      aspect-ratio: 1;
      border: 1px solid var(--_border);
      background: #fff;
      forced-color-adjust: none;
    }
    .code.stale img {
      opacity: 0.6;
    }
    .placeholder {
      aspect-ratio: 1;
      border: 1px dashed var(--_border);
      background: var(--_bg);
    }
    .controls {
      flex: 1 1 16em;
      min-width: 0;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
      margin-bottom: 1em;
    }
    .field select {
      align-self: flex-start;
    }
    .address {
      font-family: ui-monospace, 'Courier New', monospace;
      overflow-wrap: anywhere;
    }
    .status:empty {
      margin: 0;
    }
    @media (forced-colors: active) {
      .code img {
        border-color: CanvasText;
      }
    }
  `,
];
