// Registration: defines <vo-downloads> once.
import { define } from '../element.ts';
import { VoDownloads } from './vo-downloads.component.ts';

export { VoDownloads };

declare global {
  interface HTMLElementTagNameMap {
    'vo-downloads': VoDownloads;
  }
}

define('vo-downloads', VoDownloads);
