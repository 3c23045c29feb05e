import { html } from 'lit';

/**
 * One figure of a description list (`dl`): its term, and its value marked `data-figure` with the
 * figure's name, by which styles and tests find it.
 */
export function figure(term: string, name: string, value: unknown) {
  return html`<div>
    <dt>${term}</dt>
    <dd data-figure=${name}>${value}</dd>
  </div>`;
}
