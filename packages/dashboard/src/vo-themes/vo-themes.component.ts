import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { Theme, Themes } from '@vo-feedback/shared';
import type { DashboardContext } from '../context.ts';
import { inputs, states } from '../element.ts';
import { failureMessage, retryable } from '../errors.ts';
import { emit } from '../events.ts';
import { contextMoved, Loader } from '../loader.ts';
import type { Period } from '../period.ts';
import { styles } from './vo-themes.styles.ts';

export type { ThemeSelectDetail } from '../events.ts';

/**
 * The most frequent words and word pairs in a period's comments, each a button that opens the
 * comments mentioning it. Pairs come first: "te lang", "werkt niet" say more than single words.
 *
 * Accessibility criteria: themes are real buttons in lists under their own headings; each names
 * its count in words for screen readers; loading and errors are announced.
 *
 * @summary The themes of a service's comments.
 * @tagname vo-themes
 * @fires {CustomEvent<ThemeSelectDetail>} vo-theme-select - A theme was chosen: show its comments.
 * @fires {CustomEvent<RoleDiscoveredDetail>} vo-role-discovered - The collector refused comments to this token.
 */
export class VoThemes extends LitElement {
  static override styles = styles;

  static override properties = {
    ...inputs('context', 'period'),
    serviceId: { attribute: 'service-id' },
    ...states('_themes', '_error'),
  };

  declare context: DashboardContext;
  declare serviceId: string;
  declare period: Period;
  declare private _themes: Themes | undefined;
  declare private _error: unknown;
  readonly #loader = new Loader(this, { steeringWhenRefused: true });

  constructor() {
    super();
    this._themes = undefined;
    this._error = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (contextMoved(changed, this.context) || changed.has('serviceId') || changed.has('period')) {
      void this.#load();
    }
  }

  async #load() {
    if (this.context.role !== 'provider') return;
    this._themes = undefined;
    this._error = undefined;
    const { api } = this.context;
    await this.#loader.run((signal) => api.themes(this.serviceId, this.period, signal), {
      done: (themes) => {
        this._themes = themes;
      },
      failed: (error) => {
        this._error = error;
      },
    });
  }

  #select(term: string) {
    emit(this, 'vo-theme-select', { term });
  }

  override render() {
    const { t } = this.context;
    return html`
      <h2>${t.themesHeading}</h2>
      <p>${t.themesIntro}</p>
      <p role="status" class="hint">
        ${this._themes === undefined && this._error === undefined ? t.loadingThemes : ''}
      </p>
      ${
        this._error !== undefined
          ? html`<div class="message is-error">
              <p>${failureMessage(t, this._error)}</p>
              ${
                retryable(this._error)
                  ? html`<button class="secondary" @click=${() => void this.#load()}>
                      ${t.retry}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${this._themes ? this.#themes(this._themes) : nothing}
    `;
  }

  #themes(themes: Themes) {
    const { t } = this.context;
    if (themes.words.length === 0 && themes.pairs.length === 0) {
      return html`<div class="message is-empty"><p>${t.themesEmpty}</p></div>`;
    }
    return html`${this.#list(t.themePairs, themes.pairs)} ${this.#list(t.themeWords, themes.words)}`;
  }

  #list(heading: string, list: Theme[]) {
    if (list.length === 0) return nothing;
    const { t, f } = this.context;
    return html`<h3>${heading}</h3>
      <ul class="themes">
        ${list.map(
          (theme) =>
            html`<li>
              <button
                class="secondary theme"
                data-term=${theme.term}
                @click=${() => this.#select(theme.term)}
              >
                <span>${theme.term}</span>
                <span class="count"
                  >${f.integer(theme.count)}<span class="visually-hidden">
                    ${t.themeComments}</span
                  ></span
                >
              </button>
            </li>`,
        )}
      </ul>`;
  }
}
