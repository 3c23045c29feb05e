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
    .years {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 1.5em;
    }
    .years legend {
      margin-bottom: 0.25em;
    }
    .year {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      min-height: 44px;
      font-weight: 400;
    }
    .year input {
      width: 1.5em;
      height: 1.5em;
      min-height: 0;
      margin: 0;
      accent-color: var(--_action);
    }
    .explanation {
      margin: 0 0 1.5em;
      padding: 0 0 0.5em;
      border-bottom: 1px solid var(--_border);
    }
    .versions {
      margin: 0 0 1em;
      padding: 0;
      list-style: none;
    }
    .version {
      margin: 0 0 1em;
      padding: 0.75em;
      border-inline-start: 4px solid var(--_accent);
      background: var(--_bg);
    }
    .fingerprint {
      grid-column: 1 / -1;
    }
    code {
      font-family: ui-monospace, 'Courier New', monospace;
    }
    .hash {
      display: block;
      overflow-wrap: anywhere;
    }
    summary {
      cursor: pointer;
      color: var(--_action);
      text-decoration: underline;
    }
    .year-overview {
      margin: 0 0 1.5em;
    }
    /* The clip of .visually-hidden text in a cell is absolutely positioned: without this it
       escapes the scrolling region and widens the page. */
    .table-scroll {
      position: relative;
    }
    /* One line per cell: a date wrapped over three lines made every row three lines tall. The
       table scrolls inside its region instead. */
    .year-overview th,
    .year-overview td {
      white-space: nowrap;
    }
    .symbol {
      display: inline-block;
      min-width: 1.2em;
      font-weight: 700;
    }
    .submitted .symbol {
      color: var(--_success);
    }
    .late .symbol {
      color: var(--_error);
    }
    .missing .symbol {
      color: var(--_muted);
    }
  `,
];
