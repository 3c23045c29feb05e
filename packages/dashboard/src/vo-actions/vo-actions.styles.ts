import { css } from 'lit';
import { editorStyles, factsStyles, sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  editorStyles,
  factsStyles,
  css`
    h4 {
      margin: 0 0 0.25em;
      font-size: 1em;
    }
    .actions,
    .choices {
      margin: 0 0 1em;
      padding: 0;
      list-style: none;
    }
    .action {
      margin: 0 0 1em;
      padding: 0.75em;
      border-inline-start: 4px solid var(--_accent);
      background: var(--_bg);
    }
    .description {
      white-space: pre-line;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5em 1em;
    }
    .controls .field {
      margin: 0;
    }
    .field select,
    .field input[type='date'] {
      align-self: flex-start;
    }
    /* On a date field's calendar button Chromium matches neither :focus nor :focus-visible on
       the field itself; :focus-within does, so the ring stays on every stop inside it. */
    input[type='date']:focus-within {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    input:not([type='checkbox']),
    textarea {
      width: 100%;
    }
    textarea {
      min-height: 5em;
      padding: 0.5em;
      border: 1px solid var(--_input);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      font: inherit;
      resize: vertical;
    }
    textarea[aria-invalid='true'] {
      border: 2px solid var(--_error-border);
    }
  `,
];
