import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  css`
    section {
      max-width: 36em;
    }
    label {
      display: block;
      margin-bottom: 0.25em;
    }
    input {
      display: block;
      width: 100%;
      font-family: ui-monospace, Consolas, monospace;
    }
    .actions {
      margin-top: 1em;
    }
  `,
];
