import { css } from 'lit';
import { editorStyles, sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  editorStyles,
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
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 12em), 1fr));
      gap: 0.5em 1em;
      margin: 0 0 0.75em;
    }
    .facts dt {
      font-weight: 700;
    }
    .facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    /* An item without a button ends with its facts: no gap under them. */
    .subscription > .facts:last-child {
      margin-bottom: 0;
    }
    /* The ticked services, under their choice: indented as its part. */
    .picked {
      margin: 0 0 1em;
      padding-inline-start: 1em;
      border-inline-start: 4px solid var(--_border);
    }
    .picked fieldset {
      margin: 0;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
      margin: 0 0 1em;
    }
    .field .hint,
    .field .error {
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
