// Registration: defines <vo-period-picker> once.
import { define } from '../element.ts';
import { VoPeriodPicker } from './vo-period-picker.component.ts';

export { VoPeriodPicker };

declare global {
  interface HTMLElementTagNameMap {
    'vo-period-picker': VoPeriodPicker;
  }
}

define('vo-period-picker', VoPeriodPicker);
