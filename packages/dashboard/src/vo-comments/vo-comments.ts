// Registration: defines <vo-comments> once.
import { define } from '../element.ts';
import { VoComments } from './vo-comments.component.ts';

export { VoComments };

declare global {
  interface HTMLElementTagNameMap {
    'vo-comments': VoComments;
  }
}

define('vo-comments', VoComments);
