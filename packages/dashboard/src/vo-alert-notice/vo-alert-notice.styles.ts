import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  css`
    :host {
      display: block;
    }
    :host([state='loading']),
    :host([state='none']) {
      display: none;
    }
    /* Marked by its heading's word "Alarm" and a symbol, the thick edge only adds to them. */
    .notice {
      margin: 0 0 1em;
      padding: 0.75em 1em;
      border: 2px solid var(--_error-border);
      border-inline-start-width: 8px;
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    h2 {
      display: flex;
      gap: 0.4em;
      align-items: baseline;
      margin: 0 0 0.5em;
      font-size: 1.125em;
    }
    .symbol {
      color: var(--_error);
    }
    .notice p {
      margin: 0 0 0.5em;
    }
    .notice p:last-child {
      margin-bottom: 0;
    }
    .raised {
      color: var(--_muted);
      font-size: 0.9375em;
    }
    .failed {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: center;
      margin: 0 0 1em;
      color: var(--_muted);
    }
    .failed p {
      margin: 0;
    }
    @media (forced-colors: active) {
      .notice {
        border-color: CanvasText;
      }
    }
  `,
];
