import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  css`
    .themes {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 15em), 1fr));
      gap: 1em;
      margin: 0 0 1em;
      padding: 0;
      list-style: none;
    }
    .theme-item {
      min-width: 0;
    }
    .theme {
      justify-content: space-between;
      width: 100%;
      font-weight: 400;
      text-align: start;
    }
    .details {
      margin: 0.35em 0 0;
      color: var(--_text);
      font-size: 0.9375em;
    }
    .details > span {
      display: block;
    }
    .sort {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 0.75em;
      margin: 0 0 0.5em;
    }
    .stale {
      opacity: 0.6;
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
