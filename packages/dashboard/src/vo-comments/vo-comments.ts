// Registration: defines <vo-comments> once.
import { VoComments } from './vo-comments.component.ts';

export { VoComments };

declare global {
  interface HTMLElementTagNameMap {
    'vo-comments': VoComments;
  }
}

if (!customElements.get('vo-comments')) customElements.define('vo-comments', VoComments);
