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
    /* The issuer's sign-in is a link (it navigates away) with the look of the main button. */
    a.button {
      text-decoration: none;
    }
    a.button:hover {
      color: var(--_on-action);
      background: var(--_hover);
      border-color: var(--_hover);
    }
  `,
];
