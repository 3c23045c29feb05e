import { css } from 'lit';
import { editorStyles, sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  editorStyles,
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
    /* Not by colour alone: the sentence says what is wrong and what to do. */
    .warning {
      padding-inline-start: 0.5em;
      border-inline-start: 4px solid var(--_error-border);
      font-weight: 700;
    }
    .secret {
      margin: 0 0 1.5em;
      padding: 0.75em;
      border: 3px solid var(--_text);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .secret h2 {
      margin-top: 0;
    }
    .secret input {
      font-family: ui-monospace, monospace;
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
    input:not([type='checkbox']) {
      width: 100%;
    }
  `,
];
