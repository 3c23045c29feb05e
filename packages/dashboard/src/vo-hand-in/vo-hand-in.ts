// Registration: defines <vo-hand-in> once.
import { define } from '../element.ts';
import { VoHandIn } from './vo-hand-in.component.ts';

export { VoHandIn };

declare global {
  interface HTMLElementTagNameMap {
    'vo-hand-in': VoHandIn;
  }
}

define('vo-hand-in', VoHandIn);
