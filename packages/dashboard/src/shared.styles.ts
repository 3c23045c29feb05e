import { css } from 'lit';

/**
 * What every element of the dashboard shares: type, links, buttons, form fields, tables, the
 * focus ring (3 px, 2 px offset) and forced-colours fallbacks. Sizes are em so 400 % zoom and a
 * larger default font size reflow instead of clipping.
 */
export const sharedStyles = css`
  :host {
    display: block;
    color: var(--_text);
    font-family: var(--_font);
    line-height: 1.5;
    overflow-wrap: break-word;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 0.5em;
  }
  h1 {
    font-size: 1.75em;
  }
  h2 {
    font-size: 1.375em;
  }
  h3 {
    font-size: 1.125em;
  }
  p {
    margin: 0 0 1em;
  }
  a {
    color: var(--_action);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:hover {
    color: var(--_hover);
    text-decoration-thickness: 2px;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* Headings take focus on purpose after a navigation; the ring would only distract there. */
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 44px;
    padding: 0.5em 1em;
    border: 2px solid var(--_action);
    border-radius: var(--_radius);
    background: var(--_action);
    color: var(--_on-action);
    font: inherit;
    font-weight: 700;
    line-height: 1.25;
    text-align: center;
    cursor: pointer;
  }
  button:hover {
    background: var(--_hover);
    border-color: var(--_hover);
  }
  button.secondary {
    background: var(--_surface);
    color: var(--_action);
  }
  button.secondary:hover {
    background: #e4ebf5;
    color: var(--_hover);
  }
  button.link {
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_action);
    font-weight: 400;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  button[disabled],
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  label,
  legend {
    font-weight: 700;
  }
  input,
  select {
    min-height: 44px;
    max-width: 100%;
    padding: 0.4em 0.5em;
    border: 1px solid var(--_input);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--_error-border);
  }
  legend {
    padding: 0;
  }
  fieldset {
    margin: 0 0 1em;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .hint {
    color: var(--_muted);
    margin: 0 0 0.5em;
  }
  .error {
    color: var(--_error);
    font-weight: 700;
  }
  /* "weinig antwoorden" beside a figure: a word in a thin frame, never a colour alone. */
  .few {
    display: inline-block;
    padding: 0 0.35em;
    border: 1px solid var(--_input);
    border-radius: var(--_radius);
    color: var(--_text);
    font-size: 0.875em;
    font-weight: 400;
    line-height: 1.4;
    white-space: nowrap;
  }
  /* In a table, under the figure: the columns stay narrow enough to fit beside a chart. */
  td .few {
    display: block;
    width: fit-content;
    margin: 0.15em 0 0 auto;
  }
  .panel {
    margin: 0 0 1.5em;
    padding: clamp(0.75em, 2.5vw, 1.25em);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /* Wide tables scroll inside their own focusable region (WCAG 1.4.10 allows it for data tables). */
  .table-scroll {
    max-width: 100%;
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-bottom: 0.5em;
  }
  th,
  td {
    padding: 0.4em 0.6em;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  td.number,
  th.number {
    text-align: end;
    white-space: nowrap;
  }
  thead th {
    border-bottom: 2px solid var(--_text);
  }
  .message {
    margin: 0 0 1em;
    padding: 0.75em 1em;
    border-inline-start: 6px solid var(--_border);
    background: var(--_bg);
  }
  .message.is-error {
    border-inline-start-color: var(--_error-border);
  }
  .message.is-empty {
    border-inline-start-color: var(--_accent);
  }
  .message p:last-child {
    margin-bottom: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
  @media (forced-colors: active) {
    button,
    .button {
      border: 2px solid ButtonText;
    }
    .message {
      border: 1px solid CanvasText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/**
 * The editing panels' pieces (actions, webhooks, subscriptions, organisation, hand-in): a checkbox
 * beside its label with its hint under it, a field (label, hint, control, error) in a column, the
 * choices a choice opens indented under it, an in-page confirmation, a new secret shown once, a row
 * of buttons, and a status paragraph that takes no room empty.
 */
export const editorStyles = css`
  /* A checkbox beside its label, its hint under the label. */
  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25em 0.6em;
    align-items: start;
    margin: 0 0 0.75em;
  }
  .check input {
    width: 1.5em;
    height: 1.5em;
    min-height: 0;
    margin: 0.1em 0 0;
    accent-color: var(--_action);
  }
  .check .hint {
    grid-column: 2;
    margin: 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    margin: 0 0 1em;
  }
  .field .hint,
  .field .error {
    margin: 0;
  }
  /* What a choice opens (services, own reasons), under it: indented as its part. */
  .picked {
    margin: 0 0 1em;
    padding-inline-start: 1em;
    border-inline-start: 4px solid var(--_border);
  }
  .confirm {
    margin-top: 0.75em;
    padding: 0.75em;
    border: 2px solid var(--_error-border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* A new secret (a token, a webhook's signing key): shown once, so framed to stand out. */
  .secret {
    margin: 0 0 1.5em;
    padding: 0.75em;
    border: 3px solid var(--_text);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .secret input {
    font-family: ui-monospace, monospace;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  [role='status']:empty {
    margin: 0;
  }
`;

/**
 * A list of facts about an item (a `dl class="facts"`): term above value, in as many columns as
 * fit, never narrower than 12em.
 */
export const factsStyles = css`
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12em), 1fr));
    gap: 0.5em 1em;
    margin: 0 0 0.75em;
  }
  .facts dt {
    font-weight: 700;
  }
  .facts dd {
    margin: 0;
  }
`;
