// Registration: defines <vo-downloads> once.
import { VoDownloads } from './vo-downloads.component.ts';

export { VoDownloads };

declare global {
  interface HTMLElementTagNameMap {
    'vo-downloads': VoDownloads;
  }
}

if (!customElements.get('vo-downloads')) customElements.define('vo-downloads', VoDownloads);
