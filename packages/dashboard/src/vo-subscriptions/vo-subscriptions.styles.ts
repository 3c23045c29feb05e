import { css } from 'lit';
import { editorStyles, factsStyles, sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  editorStyles,
  factsStyles,
  css`
    h3 {
      margin: 0 0 0.25em;
      font-size: 1em;
      overflow-wrap: anywhere;
    }
    .subscriptions,
    .choices {
      margin: 0 0 1em;
      padding: 0;
      list-style: none;
    }
    .subscription {
      margin: 0 0 1em;
      padding: 0.75em;
      border-inline-start: 4px solid var(--_accent);
      background: var(--_bg);
    }
    .facts dd {
      overflow-wrap: anywhere;
    }
    /* An item without a button ends with its facts: no gap under them. */
    .subscription > .facts:last-child {
      margin-bottom: 0;
    }
    .picked fieldset {
      margin: 0;
    }
    input[type='email'] {
      width: 100%;
    }
    label {
      overflow-wrap: anywhere;
    }
  `,
];
