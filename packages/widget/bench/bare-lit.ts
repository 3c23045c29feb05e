// The baseline of the first-render benchmark: the smallest useful Lit element, bundled the same
// way as the widget (one minified ES file with Lit inside).
import { LitElement, css, html } from 'lit';

class BareLit extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  override render() {
    return html`<p>Hallo</p>`;
  }
}

customElements.define('bare-lit', BareLit);
