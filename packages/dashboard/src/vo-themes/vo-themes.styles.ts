import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  css`
    .themes {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      margin: 0 0 1em;
      padding: 0;
      list-style: none;
    }
    .theme {
      font-weight: 400;
    }
    .count {
      min-width: 1.75em;
      padding: 0 0.4em;
      border-radius: 1em;
      background: #e4ebf5;
      color: var(--_text);
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    @media (forced-colors: active) {
      .count {
        border: 1px solid ButtonText;
      }
    }
  `,
];
