// The bundle entry: defines <vo-feedback> once, and delivers answers that waited on this device.
import { flushQueue } from '../delivery.ts';
import { VoFeedback } from './vo-feedback.component.ts';

export { VoFeedback };
export type { VoFeedbackRatedDetail, VoFeedbackSubmittedDetail } from './vo-feedback.component.ts';

declare global {
  interface HTMLElementTagNameMap {
    'vo-feedback': VoFeedback;
  }
}

// Guarded: a page may load the script twice (a CMS block and a template), which must not throw.
if (!customElements.get('vo-feedback')) customElements.define('vo-feedback', VoFeedback);

// "Sent on the next page load or `online` event": loading this module is the page load. The
// first flush waits for the next task, so that the first read of localStorage (slow in a fresh
// page) does not delay the widget's first render.
addEventListener('online', () => void flushQueue());
setTimeout(flushQueue);
