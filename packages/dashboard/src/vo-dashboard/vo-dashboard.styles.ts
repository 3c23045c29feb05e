import { css } from 'lit';
import { sharedStyles } from '../shared.styles.ts';
import { tokens } from '../tokens.ts';
import { navigationStyles } from './navigation.ts';

export const styles = [
  tokens,
  sharedStyles,
  navigationStyles,
  css`
    :host {
      min-height: 100vh;
      background: var(--_bg);
      color-scheme: light;
    }
    .skip {
      position: absolute;
      inset-inline-start: 0.5em;
      top: -10em;
      z-index: 2;
      padding: 0.75em 1em;
      background: var(--_surface);
      font-weight: 700;
    }
    .skip:focus {
      top: 0.5em;
    }
    .banner {
      background: var(--_surface);
      border-top: 6px solid var(--_accent);
      border-bottom: 1px solid var(--_border);
    }
    .banner-inner,
    main {
      max-width: 72em;
      margin: 0 auto;
      padding-inline: clamp(0.5em, 2.5vw, 1.5em);
    }
    .banner-inner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5em 1.5em;
      padding-block: 0.75em;
    }
    .brand {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 0.5em;
      margin: 0;
    }
    .brand-name {
      font-weight: 700;
      font-size: 1.25em;
    }
    .brand-app {
      color: var(--_muted);
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1em;
    }
    .language {
      display: flex;
      align-items: center;
      gap: 0.5em;
    }
    .role {
      color: var(--_muted);
    }
    main {
      display: block;
      padding-block: 1.5em 3em;
    }
    main:focus {
      outline: none;
    }
  `,
];
