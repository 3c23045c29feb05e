import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  css`
    label {
      display: block;
      margin-bottom: 0.25em;
    }
    textarea {
      display: block;
      width: 100%;
      min-height: 8em;
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
    .count {
      margin: 0.25em 0 0.5em;
    }
    [role='status']:empty {
      margin: 0;
    }
  `,
];
