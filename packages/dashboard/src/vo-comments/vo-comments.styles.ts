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

    /* Triage */
    .pick {
      display: flex;
      align-items: center;
      gap: 0.5em;
      margin: 0 0 0.25em;
    }
    /* 24 px at the least (WCAG 2.5.8), with the label as a larger target beside it. */
    .pick input {
      flex: none;
      width: 1.5em;
      height: 1.5em;
      min-height: 0;
      margin: 0;
      accent-color: var(--_action);
    }
    .pick label {
      font-weight: 400;
      cursor: pointer;
    }
    .bar {
      margin: 0 0 1em;
      padding: 1em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
    }
    .bar legend {
      float: left;
      width: 100%;
      margin-bottom: 0.5em;
    }
    .bar legend + * {
      clear: both;
    }
    .bar-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 1em 2em;
    }
    .bar-action {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5em;
      min-width: 0;
      max-width: 100%;
    }
    /* The hint wraps under its label instead of pushing the button away. */
    .bar-action .field {
      max-width: min(100%, 17em);
    }
    .bar-action .hint {
      margin: 0;
      font-size: 0.9375em;
    }
    .bar-action input {
      width: 16em;
    }
    .label {
      font-weight: 700;
    }
    .triage strong {
      color: var(--_text);
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25em 0.5em;
      margin: 0.5em 0 0;
      font-size: 0.9375em;
    }
    .tags ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 0.5em;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .tag {
      padding: 0 0.5em;
      border: 1px solid var(--_input);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .note {
      margin: 0.5em 0 0;
      padding: 0.5em 0.75em;
      border-inline-start: 4px solid var(--_action);
      background: var(--_bg);
    }
    .note p {
      margin: 0;
    }
    .note-label {
      font-weight: 700;
      font-size: 0.9375em;
    }
    .note-text {
      white-space: pre-wrap;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      margin: 0.5em 0 0;
    }
    button.tool {
      min-height: 2.25em;
      padding: 0.25em 0.75em;
      font-weight: 400;
    }
    button.tool[aria-expanded='true'] {
      background: #e4ebf5;
    }
    .tool-panel {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
      margin: 0.5em 0 0;
      padding: 0.75em 1em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
    }
    .tool-panel .hint,
    .tool-panel .error {
      margin: 0;
    }
    .tool-panel .actions {
      margin-top: 0.5em;
    }
    .tool-panel textarea,
    .tool-panel input {
      width: 100%;
    }
    textarea {
      max-width: 100%;
      padding: 0.4em 0.5em;
      border: 1px solid var(--_input);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      font: inherit;
      resize: vertical;
    }
    .confirm {
      border-inline-start: 6px solid var(--_error-border);
    }
    .confirm p {
      margin: 0;
    }
    .question {
      font-weight: 700;
    }
    button.danger {
      background: var(--_error);
      border-color: var(--_error);
      color: var(--_on-action);
    }
    button.danger:hover {
      background: #8f2428;
      border-color: #8f2428;
    }
    @media (forced-colors: active) {
      .tag,
      .note,
      .tool-panel {
        border: 1px solid CanvasText;
      }
      button.tool[aria-expanded='true'] {
        border-width: 3px;
      }
    }
  `,
];
