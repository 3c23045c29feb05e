import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  css`
    .back {
      margin-bottom: 0.5em;
    }
    vo-period-picker {
      margin-bottom: 0.5em;
    }
    .period-status {
      font-weight: 700;
    }
    .key-figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 13em), 1fr));
      gap: 1em;
      margin: 0;
    }
    .key-figures div {
      padding: 0.75em;
      border-inline-start: 4px solid var(--_accent);
      background: var(--_bg);
    }
    dt {
      font-size: 0.9375em;
    }
    dd {
      margin: 0.25em 0 0;
      font-size: 1.75em;
      font-weight: 700;
      line-height: 1.2;
      font-variant-numeric: tabular-nums;
    }
    dd .sub {
      display: block;
      margin-top: 0.25em;
      font-size: 0.5em;
      font-weight: 400;
      color: var(--_muted);
    }
    dd .few {
      margin-inline-start: 0.5em;
      font-size: 0.5em;
      vertical-align: middle;
    }
    .stale {
      opacity: 0.6;
    }
    @media (forced-colors: active) {
      .key-figures div {
        border: 1px solid CanvasText;
      }
    }
  `,
];
