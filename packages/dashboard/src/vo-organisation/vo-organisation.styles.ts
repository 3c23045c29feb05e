import { css } from 'lit';
import { editorStyles, factsStyles, sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

/** The manager's page and its three sections: lists of items, forms, panels, a new secret. */
export const styles = [
  tokens,
  sharedStyles,
  editorStyles,
  factsStyles,
  css`
    section {
      margin: 0 0 2em;
    }
    h3,
    h4 {
      margin: 0 0 0.25em;
      font-size: 1em;
      overflow-wrap: anywhere;
    }
    form > h3,
    form > h4 {
      margin-bottom: 0.75em;
      font-size: 1.125em;
    }
    .items,
    .choices {
      margin: 0 0 1em;
      padding: 0;
      list-style: none;
    }
    .item {
      margin: 0 0 1em;
      padding: 0.75em;
      border-inline-start: 4px solid var(--_accent);
      background: var(--_bg);
    }
    /* A revoked token: said in words ("Ingetrokken op …"), the bar only repeats it. */
    .item.revoked {
      border-inline-start-color: var(--_border);
    }
    .facts dd {
      overflow-wrap: anywhere;
    }
    /* An item without a button ends with its facts: no gap under them. */
    .item > .facts:last-child {
      margin-bottom: 0;
    }
    .settings {
      margin: 0.75em 0 0;
    }
    .reason {
      margin: 0 0 1em;
      padding: 0.75em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    code {
      font-family: ui-monospace, monospace;
    }
    input:not([type='checkbox'], [type='radio']),
    textarea {
      width: 100%;
    }
    textarea {
      min-height: 44px;
      max-width: 100%;
      padding: 0.4em 0.5em;
      border: 1px solid var(--_input);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      font: inherit;
    }
    textarea[aria-invalid='true'] {
      border: 2px solid var(--_error-border);
    }
    label {
      overflow-wrap: anywhere;
    }
  `,
];
