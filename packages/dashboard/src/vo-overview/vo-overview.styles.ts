import { css } from 'lit';
import { downloadStyles } from '../download.ts';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  downloadStyles,
  css`
    .years {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5em;
    }
    .years legend {
      margin-bottom: 0.25em;
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      min-height: 44px;
      font-weight: 400;
    }
    .choice input {
      flex: none;
      width: 1.5em;
      height: 1.5em;
      min-height: 0;
      margin: 0;
      accent-color: var(--_action);
    }
    .period-status {
      font-weight: 700;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 1em 1.5em;
      margin: 0 0 0.5em;
    }
    .control {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
      min-width: 0;
      max-width: 100%;
    }
    .control.search {
      flex: 1 1 18em;
    }
    .control .hint {
      margin: 0;
    }
    .control input {
      width: 100%;
    }
    .table-scroll {
      margin: 0 0 1.5em;
    }
    /* Eleven columns: a little smaller and tighter than other tables, so that they fit beside
       each other on a laptop; narrower screens scroll the region. */
    table {
      font-size: 0.875em;
    }
    th,
    td {
      padding: 0.4em 0.3em;
    }
    th:first-child,
    td:first-child {
      padding-inline-start: 0;
    }
    td[data-cell='topReason'] {
      min-width: 6.5em;
    }
    thead th,
    thead th.number {
      vertical-align: bottom;
      white-space: normal;
    }
    th .label {
      display: block;
    }
    .sub {
      display: block;
      font-size: 0.875em;
      font-weight: 400;
      color: var(--_muted);
    }
    button.sort {
      display: inline-flex;
      align-items: flex-end;
      gap: 0.35em;
      min-height: 44px;
      padding: 0.25em 0;
      border: 0;
      background: none;
      color: var(--_action);
      text-align: start;
    }
    th.number button.sort {
      justify-content: flex-end;
      text-align: end;
    }
    button.sort:hover {
      background: none;
      color: var(--_hover);
      text-decoration: underline;
    }
    .arrow {
      flex: none;
      color: var(--_text);
    }
    tbody th {
      font-weight: 400;
    }
    tbody th a {
      font-weight: 700;
    }
    .words {
      white-space: normal;
    }
    .status .symbol {
      font-weight: 700;
    }
    .flags {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .flags li {
      width: fit-content;
      margin: 0 0 0.2em;
      padding: 0 0.35em;
      border: 1px solid var(--_input);
      border-radius: var(--_radius);
    }
    /* An alert: its words say so; the thicker edge and the symbol only add to them. */
    .flags li.alert {
      border: 2px solid var(--_error-border);
      font-weight: 700;
    }
    .flags li.alert .symbol {
      color: var(--_error);
    }
    tr.group th {
      padding-top: 1em;
      border-bottom: 2px solid var(--_text);
      background: var(--_bg);
      text-align: start;
    }
    tr.group .domain {
      margin-inline-end: 0.5em;
      font-weight: 700;
    }
    .flag-meanings {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr));
      gap: 0.5em 1.5em;
      margin: 0;
    }
    .flag-meanings dt {
      font-weight: 700;
    }
    .flag-meanings dd {
      margin: 0;
    }
    .stale {
      opacity: 0.6;
    }
    @media (forced-colors: active) {
      button.sort {
        border: 0;
        color: LinkText;
      }
      .flags li,
      tr.group th {
        border: 1px solid CanvasText;
      }
    }
  `,
];
