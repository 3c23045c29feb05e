// Registration: defines <vo-period-picker> once.
import { VoPeriodPicker } from './vo-period-picker.component.ts';

export { VoPeriodPicker };

declare global {
  interface HTMLElementTagNameMap {
    'vo-period-picker': VoPeriodPicker;
  }
}

if (!customElements.get('vo-period-picker')) {
  customElements.define('vo-period-picker', VoPeriodPicker);
}
