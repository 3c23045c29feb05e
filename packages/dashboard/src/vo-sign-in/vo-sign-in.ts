// Registration: defines <vo-sign-in> once.
import { VoSignIn } from './vo-sign-in.component.ts';

export { VoSignIn };

declare global {
  interface HTMLElementTagNameMap {
    'vo-sign-in': VoSignIn;
  }
}

if (!customElements.get('vo-sign-in')) customElements.define('vo-sign-in', VoSignIn);
