import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { Theme, Themes, ThemeSort } from '@vo-feedback/shared';
import type { DashboardContext } from '../context.ts';
import { inputs, states } from '../element.ts';
import { failureMessage, retryable } from '../errors.ts';
import { emit } from '../events.ts';
import { fewAnswersNote } from '../few-answers.ts';
import { contextMoved, Loader } from '../loader.ts';
import type { Period } from '../period.ts';
import { styles } from './vo-themes.styles.ts';

export type { ThemeSelectDetail } from '../events.ts';

/** The orders the collector offers (THEME_SORTS), as the sort control lists them. */
const SORTS: readonly ThemeSort[] = ['count', 'lowShare', 'change'];

/** A whole number with its sign: "+3", "-1", "0". */
function signed(f: DashboardContext['f'], value: number): string {
  return value > 0 ? `+${f.integer(value)}` : f.integer(value);
}

/**
 * The most frequent words and word pairs in a period's comments, each a button that opens the
 * comments mentioning it, with the share of those comments rated 1–2, the change against the
 * previous period of the same length, and the forms counted together under it. Pairs come first:
 * "te lang", "werkt niet" say more than single words. A sort control asks the collector for
 * another order (`sort=count|lowShare|change`).
 *
 * Accessibility criteria: themes are real buttons in lists under their own headings; each names
 * its count in words and is described by its figures, which are text (never a colour alone); the
 * sort control is a labelled native select; loading, errors and a new order are announced.
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
    ...states('_themes', '_error', '_sort', '_loading', '_announcement'),
  };

  declare context: DashboardContext;
  declare serviceId: string;
  declare period: Period;
  declare private _themes: Themes | undefined;
  declare private _error: unknown;
  declare private _sort: ThemeSort;
  declare private _loading: boolean;
  /** Said once a new order has arrived. */
  declare private _announcement: string;
  readonly #loader = new Loader(this, { steeringWhenRefused: true });

  constructor() {
    super();
    this._themes = undefined;
    this._error = undefined;
    this._sort = 'count';
    this._loading = false;
    this._announcement = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (contextMoved(changed, this.context) || changed.has('serviceId') || changed.has('period')) {
      void this.#load();
    }
  }

  /**
   * Loads the themes in the chosen order. A new order (`resorted`) keeps the list it replaces on
   * screen until the answer comes, so the page does not jump under the sort control.
   */
  async #load(resorted = false) {
    if (this.context.role !== 'provider') return;
    if (!resorted) this._themes = undefined;
    this._error = undefined;
    this._announcement = '';
    this._loading = true;
    const { api } = this.context;
    const sort = this._sort;
    await this.#loader.run((signal) => api.themes(this.serviceId, this.period, signal, sort), {
      done: (themes) => {
        this._themes = themes;
        this._loading = false;
        const { t } = this.context;
        if (resorted) this._announcement = t.themesSorted(t.themeSorts[sort]);
      },
      failed: (error) => {
        this._themes = undefined;
        this._error = error;
        this._loading = false;
      },
    });
  }

  #onSort = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value as ThemeSort;
    if (!SORTS.includes(value) || value === this._sort) return;
    this._sort = value;
    void this.#load(true);
  };

  #select(term: string) {
    emit(this, 'vo-theme-select', { term });
  }

  override render() {
    const { t } = this.context;
    const themes = this._themes;
    const empty = themes !== undefined && themes.words.length + themes.pairs.length === 0;
    return html`
      <h2>${t.themesHeading}</h2>
      <p>${t.themesIntro}</p>
      ${themes && !empty ? this.#compared(themes) : nothing}
      ${empty ? nothing : this.#sortControl()}
      <p role="status" class="hint">${this._loading ? t.loadingThemes : this._announcement}</p>
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

  /** What the figures of each theme are, and the period `change` compares with. */
  #compared(themes: Themes) {
    const { t, f } = this.context;
    const { previous } = themes;
    return html`<p data-previous>
      ${t.themesCompared(f.day(previous.from), f.day(previous.to), f.integer(previous.comments))}
    </p>`;
  }

  #sortControl() {
    const { t } = this.context;
    return html`<div class="sort">
      <label for="theme-sort">${t.themeSortLabel}</label>
      <select id="theme-sort" @change=${this.#onSort}>
        ${SORTS.map(
          (sort) =>
            html`<option value=${sort} ?selected=${sort === this._sort}>
              ${t.themeSorts[sort]}
            </option>`,
        )}
      </select>
    </div>`;
  }

  #themes(themes: Themes) {
    const { t } = this.context;
    if (themes.words.length === 0 && themes.pairs.length === 0) {
      return html`<div class="message is-empty"><p>${t.themesEmpty}</p></div>`;
    }
    return html`<div class=${this._loading ? 'stale' : ''}>
      ${this.#list('pairs', t.themePairs, themes)} ${this.#list('words', t.themeWords, themes)}
    </div>`;
  }

  #list(kind: 'pairs' | 'words', heading: string, themes: Themes) {
    const list = themes[kind];
    if (list.length === 0) return nothing;
    const { t, f } = this.context;
    return html`<h3>${heading}</h3>
      <ul class="themes" data-kind=${kind}>
        ${list.map((theme, index) => {
          const details = `${kind}-${index}-details`;
          return html`<li class="theme-item">
            <button
              class="secondary theme"
              data-term=${theme.term}
              aria-describedby=${details}
              @click=${() => this.#select(theme.term)}
            >
              <span>${theme.term}</span>
              <span class="count"
                >${f.integer(theme.count)}<span class="visually-hidden">
                  ${t.themeComments}</span
                ></span
              >
            </button>
            <p class="details" id=${details}>
              <span data-figure="low-share"
                >${t.themeLowShare(f.percent(theme.lowShare))}${fewAnswersNote(
                  this.context,
                  theme.count,
                )}</span
              >
              <span data-figure="change">${this.#change(theme, themes)}</span>
              ${
                theme.forms.length > 1
                  ? html`<span data-figure="forms">${t.themeForms(theme.forms.join(', '))}</span>`
                  : nothing
              }
            </p>
          </li>`;
        })}
      </ul>`;
  }

  /** The change in words: signed, new (absent before), or no comparison at all. */
  #change(theme: Theme, themes: Themes): string {
    const { t, f } = this.context;
    if (theme.change === null) return t.themeNoComparison;
    // The whole count is new: the previous period, which had comments, had none with it.
    if (theme.change === theme.count && themes.previous.comments > 0) return t.themeNew;
    return t.themeChange(signed(f, theme.change));
  }
}
