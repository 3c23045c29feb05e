// Registration: defines <vo-explanation> once.
import { define } from '../element.ts';
import { VoExplanation } from './vo-explanation.component.ts';

export { VoExplanation };

declare global {
  interface HTMLElementTagNameMap {
    'vo-explanation': VoExplanation;
  }
}

define('vo-explanation', VoExplanation);
