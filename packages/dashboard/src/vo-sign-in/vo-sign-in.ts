// Registration: defines <vo-sign-in> once.
import { define } from '../element.ts';
import { VoSignIn } from './vo-sign-in.component.ts';

export { VoSignIn };

declare global {
  interface HTMLElementTagNameMap {
    'vo-sign-in': VoSignIn;
  }
}

define('vo-sign-in', VoSignIn);
