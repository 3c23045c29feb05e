import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import type { Query } from './api.ts';
import type { DashboardContext } from './context.ts';
import { failureMessage } from './errors.ts';

/** One file an element offers: a button that fetches `path` with `query`. */
export interface Download {
  /** Tells the buttons apart (`data-download`). */
  id: string;
  label: string;
  path: string;
  query: Query;
  /** The name to save under when the collector gives none. */
  fallbackName: string;
}

/**
 * An element's download buttons and the status region that reports on them: the element owns one
 * and renders its two parts where they read best; the state lives here and asks the element to
 * re-render when it changes. Each file is fetched with the token in the `Authorization` header
 * (`DashboardApi.download`), one at a time: while one is under way the buttons are
 * `aria-disabled` and a second press does nothing.
 *
 * Accessibility criteria: real buttons that name their file; progress, success and failure are
 * announced in a status region that is always rendered, and a failure says what to do.
 */
export class DownloadButtons {
  /** The id of the download under way, or empty. */
  #busy = '';
  #status = '';
  #failed = false;

  constructor(private readonly host: ReactiveControllerHost & { context: DashboardContext }) {}

  async #download(download: Download) {
    if (this.#busy) return;
    const { t, api } = this.host.context;
    this.#busy = download.id;
    this.#failed = false;
    this.#status = t.downloading;
    this.host.requestUpdate();
    try {
      const name = await api.download(download.path, download.query, download.fallbackName);
      this.#status = t.downloaded(name);
    } catch (error) {
      this.#failed = true;
      this.#status = `${t.downloadFailed} ${failureMessage(t, error)}`;
    } finally {
      this.#busy = '';
      this.host.requestUpdate();
    }
  }

  /** The buttons, in a list. */
  buttons(downloads: Download[]) {
    return html`<ul class="downloads">
      ${downloads.map(
        (download) =>
          html`<li>
            <button
              class="secondary"
              data-download=${download.id}
              aria-disabled=${this.#busy ? 'true' : 'false'}
              @click=${() => void this.#download(download)}
            >
              <svg class="icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
                <path d="M8 1v9m-4-4 4 4 4-4M2 14h12" />
              </svg>
              ${download.label}
            </button>
          </li>`,
      )}
    </ul>`;
  }

  /** The status region (`data-status="download"`): render it always, wherever it reads best. */
  status() {
    const { t } = this.host.context;
    return html`<p role="status" data-status="download" class=${this.#failed ? 'error' : 'hint'}>
      ${this.#failed ? html`<span class="visually-hidden">${t.errorPrefix}</span> ` : nothing}${this.#status}
    </p>`;
  }
}

/** The styles of {@link DownloadButtons}: a wrapping row of buttons with a download icon. */
export const downloadStyles = css`
  .downloads {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0 0 0.5em;
    padding: 0;
    list-style: none;
  }
  .icon {
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;
