// Every colour and the font are --vo-feedback-* tokens with the Flemish value as fallback, written
// out at each use (tokens.ts lists them; a test keeps the two equal). An indirection through
// private custom properties would cost bytes of the 10 KB budget. A plain string (the tag only
// marks it for minify-templates.ts): the element adopts it as one constructed stylesheet.
const css = String.raw;
export const styles = css`
  :host {
    display: block;
    /* Our colours are light: native controls must not turn dark on a dark-scheme device. */
    color-scheme: light;
  }
  :host([hidden]) {
    display: none;
  }
  /* Inherited properties are set here, not on :host, where any host-page rule would win. */
  .base {
    padding: 1.25em;
    border: 1px solid var(--vo-feedback-color-border, #cfd5dd);
    border-top: 6px solid var(--vo-feedback-color-accent, #ffed00);
    background: var(--vo-feedback-color-background, #f7f9fc);
    color: var(--vo-feedback-color-text, #333332);
    font: 1em/1.5 var(--vo-feedback-font-family, 'Flanders Art Sans', Arial, sans-serif);
    overflow-wrap: break-word;
  }
  [part='heading'] {
    margin: 0 0 0.75em;
    font-size: 1.375em;
    font-weight: 700;
    line-height: 1.25;
  }
  p,
  fieldset {
    margin: 0 0 1em;
  }
  fieldset {
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend,
  label[for] {
    display: block;
    padding: 0;
    margin-bottom: 0.5em;
    font-weight: 700;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .reasons {
    display: grid;
    gap: 0.5em;
  }
  /* The scale reads in order: one row where the five fit (48em), else one column, never 2-2-1.
     Below 48em each option's basis is huge, so each takes a line; above, it is 0, so all share one. */
  [part='option'] {
    flex: 1 1 calc((48em - 100%) * 999);
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 44px;
    padding: 0.5em 0.75em;
    cursor: pointer;
  }
  [part='option'],
  textarea {
    border: 1px solid var(--vo-feedback-color-input-border, #687483);
    border-radius: 3px;
    background: #fff;
  }
  [part='option']:has(:checked) {
    border-color: var(--vo-feedback-color-action, #0055cc);
    box-shadow: inset 0 0 0 1px var(--vo-feedback-color-action, #0055cc);
    background: #e4ebf5;
  }
  input {
    flex: none;
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    accent-color: var(--vo-feedback-color-action, #0055cc);
  }
  textarea {
    display: block;
    box-sizing: border-box;
    width: 100%;
    min-height: 8em;
    margin-bottom: 0.25em;
    padding: 0.5em;
    color: inherit;
    font: inherit;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--vo-feedback-color-error, #bc3136);
  }
  .error,
  .failed {
    color: var(--vo-feedback-color-error, #bc3136);
  }
  /* An edge, not only a colour: in forced colours an error must not look like the question. */
  .error {
    padding-left: 0.5em;
    border-left: 4px solid var(--vo-feedback-color-error, #bc3136);
  }
  [part='help'] {
    padding: 0.75em 1em;
    border: 2px solid var(--vo-feedback-color-action, #0055cc);
    border-radius: 3px;
    background: #fff;
  }
  .rated {
    color: var(--vo-feedback-color-success, #007a37);
  }
  .error,
  [role='status'] {
    font-weight: 700;
  }
  button {
    min-height: 44px;
    padding: 0.5em 1.5em;
    /* Transparent until forced colours paint it, so the button keeps an edge there. */
    border: 2px solid transparent;
    border-radius: 3px;
    background: var(--vo-feedback-color-action, #0055cc);
    color: #fff;
    font: inherit;
    font-weight: 700;
  }
  button:hover {
    background: var(--vo-feedback-color-action-hover, #003b8e);
  }
  a {
    color: var(--vo-feedback-color-action, #0055cc);
  }
  :focus-visible {
    outline: 3px solid var(--vo-feedback-color-focus, #0055cc);
    outline-offset: 2px;
  }
  [role='status']:empty {
    margin: 0;
  }
  .sr-only {
    position: absolute;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
