import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';

export const styles = [
  tokens,
  sharedStyles,
  css`
    .downloads {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      margin: 0 0 0.5em;
      padding: 0;
      list-style: none;
    }
    .icon {
      flex: none;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
  `,
];
