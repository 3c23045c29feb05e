import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  css`
    .services {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 20em), 1fr));
      gap: 1em;
      margin: 0 0 2em;
      padding: 0;
      list-style: none;
    }
    .card {
      padding: 1em;
      border: 1px solid var(--_border);
      border-top: 4px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .card h2,
    .card h3 {
      font-size: 1.125em;
    }
    .tag {
      display: inline-block;
      margin: 0 0 0.5em;
      padding: 0 0.5em;
      border: 1px solid var(--_input);
      border-radius: var(--_radius);
      font-size: 0.875em;
    }
    .figures {
      margin: 0;
    }
    .figures div {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 1em;
      padding: 0.25em 0;
      border-bottom: 1px solid var(--_border);
    }
    .figures div:last-child {
      display: block;
      border-bottom: 0;
    }
    dt {
      font-weight: 700;
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .arrow {
      display: inline-block;
      min-width: 1.2em;
      font-weight: 700;
      font-size: 1.25em;
      line-height: 1;
    }
    .arrow.up {
      color: var(--_success);
    }
    .arrow.down {
      color: var(--_error);
    }
    .uncertain {
      display: block;
      color: var(--_muted);
      font-size: 0.9375em;
    }
    .organisation {
      margin-bottom: 1em;
    }
    .organisation-name {
      margin: -0.25em 0 0.5em;
      color: var(--_muted);
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 1em 1.5em;
      align-items: flex-end;
      margin: 0 0 1em;
    }
    .control {
      display: flex;
      flex: 1 1 16em;
      flex-direction: column;
      gap: 0.25em;
      min-width: 0;
    }
    .control .hint {
      margin: 0;
    }
    .control input,
    .control select {
      width: 100%;
    }
    .sub {
      display: block;
      color: var(--_muted);
      font-size: 0.9375em;
    }
    .few {
      margin-inline-start: 0.35em;
    }
  `,
];
