// Registration: defines <vo-qr-code> once.
import { define } from '../element.ts';
import { VoQrCode } from './vo-qr-code.component.ts';

export { VoQrCode };

declare global {
  interface HTMLElementTagNameMap {
    'vo-qr-code': VoQrCode;
  }
}

define('vo-qr-code', VoQrCode);
