import { css } from 'lit';
import { editorStyles, factsStyles, sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  editorStyles,
  factsStyles,
  css`
    h3,
    h4 {
      margin: 0 0 0.25em;
      font-size: 1em;
      overflow-wrap: anywhere;
    }
    .webhooks,
    .delivery-list,
    .choices {
      margin: 0 0 1em;
      padding: 0;
      list-style: none;
    }
    .webhook {
      margin: 0 0 1em;
      padding: 0.75em;
      border-inline-start: 4px solid var(--_accent);
      background: var(--_bg);
    }
    .delivery {
      margin: 0 0 0.75em;
      padding: 0.5em 0 0.75em;
      border-bottom: 1px solid var(--_border);
    }
    .deliveries {
      margin-top: 0.75em;
    }
    .facts dd {
      overflow-wrap: anywhere;
    }
    /* Not by colour alone: the sentence says what is wrong and what to do. */
    .warning {
      padding-inline-start: 0.5em;
      border-inline-start: 4px solid var(--_error-border);
      font-weight: 700;
    }
    .secret h2 {
      margin-top: 0;
    }
    input:not([type='checkbox']) {
      width: 100%;
    }
  `,
];
