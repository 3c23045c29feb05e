import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  css`
    legend {
      margin-bottom: 0.5em;
    }
    .presets {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
    .option {
      display: flex;
      align-items: center;
      gap: 0.5em;
      min-height: 44px;
      padding: 0.25em 0.75em;
      border: 1px solid var(--_input);
      border-radius: var(--_radius);
      background: var(--_surface);
      font-weight: 400;
      cursor: pointer;
    }
    .option:has(:checked) {
      border-color: var(--_action);
      box-shadow: inset 0 0 0 1px var(--_action);
      background: #e4ebf5;
    }
    .option input {
      width: 1.25em;
      height: 1.25em;
      min-height: 0;
      margin: 0;
      accent-color: var(--_action);
    }
    .dates {
      display: flex;
      flex-wrap: wrap;
      gap: 1em;
      margin-top: 1em;
    }
    .field label {
      display: block;
      margin-bottom: 0.25em;
    }
    .field .error {
      margin: 0 0 0.25em;
    }
    @media (forced-colors: active) {
      .option:has(:checked) {
        outline: 2px solid Highlight;
      }
    }
  `,
];
