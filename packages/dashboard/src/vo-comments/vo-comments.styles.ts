import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  css`
    .filter {
      margin-bottom: 1em;
      padding: 1em;
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 1em;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
      min-width: 0;
      max-width: 100%;
    }
    .field.grow {
      flex: 1 1 14em;
    }
    .field select {
      max-width: 100%;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
    .status:empty {
      margin: 0;
    }
    .comments {
      margin: 0 0 1em;
      padding: 0;
      list-style: none;
    }
    .comment {
      padding: 0.75em 0;
      border-bottom: 1px solid var(--_border);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1.25em;
      margin: 0 0 0.25em;
      color: var(--_muted);
      font-size: 0.9375em;
    }
    .rating {
      color: var(--_text);
      font-weight: 700;
    }
    .text {
      margin: 0;
      white-space: pre-wrap;
    }
  `,
];
