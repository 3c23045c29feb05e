import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { Channel, ServiceInfo } from '@vo-feedback/shared';
import { servicePath } from '../api.ts';
import { CHANNELS } from '@vo-feedback/shared/constants';
import type { DashboardContext } from '../context.ts';
import { DownloadButtons, type Download } from '../download.ts';
import { inputs, states } from '../element.ts';
import { failureMessage, retryable } from '../errors.ts';
import { contextMoved, Loader } from '../loader.ts';
import { styles } from './vo-qr-code.styles.ts';

/** The code on screen and the channel it was made for. */
interface Code {
  channel: Channel;
  svg: string;
}

/**
 * The QR code of a service's hosted feedback page (`/f/<serviceId>?channel=<channel>`) for the
 * channel where it will hang or be printed, the address it opens, and two downloads: the A4
 * poster (HTML) and the code itself (SVG). For the service's provider only: the collector refuses
 * both routes to steering tokens. The code is fetched with the token in the `Authorization`
 * header and shown as a `data:` image, so the token never appears in a URL.
 *
 * Accessibility criteria: the channel is a native `<select>` with a visible `<label>`; the image's
 * text alternative names the address it opens, which is also shown as text; the downloads are
 * real buttons that name their format; loading, the code shown, downloads and failures are
 * announced in status regions that are always rendered, and a failure says what to do.
 *
 * @summary The QR code and printable poster of a service.
 * @tagname vo-qr-code
 */
export class VoQrCode extends LitElement {
  static override styles = styles;

  static override properties = {
    ...inputs('context', 'service'),
    channel: {},
    ...states('_code', '_loading', '_error'),
  };

  declare context: DashboardContext;
  /** The service whose hosted page the code opens. */
  declare service: ServiceInfo;
  /** The channel the code is for (the hosted page posts with it); `counter` by default. */
  declare channel: Channel;
  declare private _code: Code | undefined;
  declare private _loading: boolean;
  declare private _error: unknown;
  readonly #loader = new Loader(this);
  readonly #downloads = new DownloadButtons(this);

  constructor() {
    super();
    this.channel = 'counter';
    this._code = undefined;
    this._loading = false;
    this._error = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('service')) this._code = undefined;
    if (contextMoved(changed, this.context) || changed.has('service') || changed.has('channel')) {
      void this.#load();
    }
  }

  async #load() {
    const { api } = this.context;
    const { id } = this.service;
    const channel = this.channel;
    this._loading = true;
    this._error = undefined;
    await this.#loader.run((signal) => api.qrCode(id, channel, signal), {
      done: (svg) => {
        this._code = { channel, svg };
        this._loading = false;
      },
      failed: (error) => {
        this._code = undefined;
        this._error = error;
        this._loading = false;
      },
    });
  }

  #onChannel(event: Event) {
    this.channel = (event.target as HTMLSelectElement).value as Channel;
  }

  /** The poster and the code for the channel chosen now. */
  #offered(): Download[] {
    const { t } = this.context;
    const { id } = this.service;
    const channel = this.channel;
    return [
      {
        id: 'poster',
        label: t.posterDownload,
        path: servicePath(id, 'poster'),
        query: { channel },
        fallbackName: `affiche-${id}-${channel}.html`,
      },
      {
        id: 'qr-svg',
        label: t.qrDownload,
        path: servicePath(id, 'qr.svg'),
        query: { channel },
        fallbackName: `qr-${id}-${channel}.svg`,
      },
    ];
  }

  override render() {
    const { t, api } = this.context;
    const address = api.hostedPageAddress(this.service.id, this.channel);
    return html`
      <h2>${t.qrHeading}</h2>
      <p>${t.qrIntro}</p>
      <div class="layout">
        ${this.#image()}
        <div class="controls">
          <div class="field">
            <label for="qr-channel">${t.qrChannel}</label>
            <select id="qr-channel" @change=${this.#onChannel}>
              ${CHANNELS.map(
                (channel) =>
                  html`<option value=${channel} ?selected=${channel === this.channel}>
                    ${t.channels[channel]}
                  </option>`,
              )}
            </select>
          </div>
          <p>${t.qrAddress}: <span class="address" data-address>${address}</span></p>
          <p role="status" class=${this._error === undefined ? 'status hint' : 'status error'}>
            ${this.#codeStatus()}
          </p>
          ${
            this._error !== undefined && retryable(this._error)
              ? html`<p>
                  <button class="secondary" @click=${() => void this.#load()}>${t.retry}</button>
                </p>`
              : nothing
          }
          ${this.#downloads.buttons(this.#offered())}
          <p class="hint">${t.posterHint}</p>
          ${this.#downloads.status()}
        </div>
      </div>
    `;
  }

  #image() {
    const { t, api } = this.context;
    const code = this._code;
    if (!code) return html`<div class="code placeholder"></div>`;
    // The SVG comes from the collector, which made it with the qrcode library; as an image it
    // cannot run script, and the page's CSP allows data: images.
    return html`<figure class=${this._loading ? 'code stale' : 'code'}>
      <img
        src=${`data:image/svg+xml,${encodeURIComponent(code.svg)}`}
        alt=${t.qrAlt(api.hostedPageAddress(this.service.id, code.channel))}
        data-channel=${code.channel}
      />
    </figure>`;
  }

  #codeStatus() {
    const { t } = this.context;
    if (this._loading) return t.qrLoading;
    if (this._error !== undefined) {
      return html`<span class="visually-hidden">${t.errorPrefix}</span> ${t.qrFailed}
        ${failureMessage(t, this._error)}`;
    }
    return this._code ? t.qrShown(t.channels[this._code.channel]) : '';
  }
}
