import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { FeedbackItem, Outcome } from '@vo-feedback/shared';
import { OUTCOMES } from '@vo-feedback/shared/constants';
import type { DashboardContext } from '../context.ts';
import { inputs, states } from '../element.ts';
import { failureMessage, retryable } from '../errors.ts';
import { contextMoved, Loader } from '../loader.ts';
import type { Period } from '../period.ts';
import { matches } from '../text-match.ts';
import { styles } from './vo-comments.styles.ts';

export type { RoleDiscoveredDetail } from '../events.ts';

/** The comment filter as the form holds it. */
export interface CommentFilter {
  rating: string;
  outcome: Outcome | 'unknown' | '';
  text: string;
}

const PAGE = 20;
/** With a text filter, pages are read in bulk and filtered here (the API has no text search). */
const SCAN_PAGE = 200;
/** …but one press of "more" reads at most this many comments before it shows what it found. */
const SCAN_BUDGET = 2000;

/**
 * The comments of a service and period, newest first, filterable by rating, outcome and text, and
 * paginated with the API's cursor. Comments are untrusted text: they are rendered only through
 * Lit's text bindings, so markup and `javascript:` links in them stay inert characters.
 *
 * The API filters on rating and outcome; the text filter reads pages and keeps the comments that
 * contain the words, so a theme opens exactly the comments that mention it.
 *
 * Accessibility criteria: the filter is a form with labelled native controls and an explicit
 * button; the count and progress are announced in a status region; after "more", focus moves to
 * the first new comment; each comment is a list item with its rating in words.
 *
 * @summary The comment listing of a service.
 * @tagname vo-comments
 * @fires {CustomEvent<RoleDiscoveredDetail>} vo-role-discovered - The collector refused comments to this token: it is a steering token.
 */
export class VoComments extends LitElement {
  static override styles = styles;

  static override properties = {
    ...inputs('context', 'period', 'filter'),
    serviceId: { attribute: 'service-id' },
    ...states('_items', '_cursor', '_loading', '_error', '_announcement'),
  };

  declare context: DashboardContext;
  declare serviceId: string;
  declare period: Period;
  /** The applied filter; a theme sets its text. */
  declare filter: CommentFilter;
  declare private _items: FeedbackItem[];
  /** The cursor of the next page, null at the end, undefined before the first page. */
  declare private _cursor: string | null | undefined;
  declare private _loading: boolean;
  declare private _error: unknown;
  declare private _announcement: string;
  readonly #loader = new Loader(this, { steeringWhenRefused: true });

  constructor() {
    super();
    this.filter = { rating: '', outcome: '', text: '' };
    this._items = [];
    this._cursor = undefined;
    this._loading = false;
    this._error = undefined;
    this._announcement = '';
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const moved = contextMoved(changed, this.context);
    if (moved || changed.has('serviceId') || changed.has('period') || changed.has('filter')) {
      this._items = [];
      this._cursor = undefined;
      void this.#load(false);
    }
  }

  async #load(more: boolean) {
    // A steering token never asks for a comment.
    if (this.context.role !== 'provider') return;
    this._loading = true;
    this._error = undefined;
    this._announcement = this.context.t.loadingComments;
    const stopped = () => {
      this._loading = false;
      this._announcement = '';
    };
    // Comments are refused to steering tokens: the loader then switches the dashboard to
    // aggregates only.
    await this.#loader.run((signal) => this.#read(signal), {
      done: (found) => this.#show(found, more),
      failed: (error) => {
        stopped();
        this._error = error;
      },
      refused: stopped,
    });
  }

  /**
   * Reads pages from the cursor on: one page, or with a text filter as many as it takes to find a
   * page of matching comments (within the scan budget).
   */
  async #read(signal: AbortSignal): Promise<FeedbackItem[]> {
    const { rating, outcome, text } = this.filter;
    const scanning = text.trim() !== '';
    const found: FeedbackItem[] = [];
    let cursor = this._cursor ?? undefined;
    let read = 0;
    for (;;) {
      const page = await this.context.api.feedback(
        this.serviceId,
        {
          from: this.period.from,
          to: this.period.to,
          rating: rating || undefined,
          outcome: outcome || undefined,
          limit: scanning ? SCAN_PAGE : PAGE,
          cursor: cursor ?? undefined,
        },
        signal,
      );
      read += page.items.length;
      found.push(...(scanning ? page.items.filter((i) => matches(i.comment, text)) : page.items));
      cursor = page.nextCursor ?? undefined;
      if (page.nextCursor === null) {
        this._cursor = null;
        break;
      }
      this._cursor = page.nextCursor;
      if (!scanning || found.length >= PAGE || read >= SCAN_BUDGET) break;
    }
    return found;
  }

  async #show(found: FeedbackItem[], more: boolean) {
    const { t, f } = this.context;
    const firstNew = this._items.length;
    this._items = more ? [...this._items, ...found] : found;
    this._loading = false;
    const shown = f.integer(this._items.length);
    this._announcement = more
      ? `${t.loadedMore(f.integer(found.length))} ${t.commentsShown(shown)}`
      : this._items.length === 0 && this._cursor === null
        ? t.commentsEmpty
        : t.commentsShown(shown);
    if (more) {
      // Focus goes to the first new comment; with none new and no more to load, to the heading
      // (the button that had focus is gone).
      await this.updateComplete;
      const target =
        found.length > 0
          ? this.renderRoot.querySelector<HTMLElement>(`li[data-index="${firstNew}"]`)
          : this._cursor === null
            ? this.renderRoot.querySelector<HTMLElement>('h2')
            : null;
      target?.focus();
    }
  }

  #applyFilter = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.filter = {
      rating: String(data.get('rating') ?? ''),
      outcome: String(data.get('outcome') ?? '') as CommentFilter['outcome'],
      text: String(data.get('text') ?? '').trim(),
    };
  };

  #clearFilter = () => {
    this.filter = { rating: '', outcome: '', text: '' };
  };

  override render() {
    const { t } = this.context;
    return html`
      <h2 id="comments-heading" tabindex="-1">${t.commentsHeading}</h2>
      <p>${t.commentsIntro}</p>
      ${this.#form()}
      <p class="status" role="status">${this._announcement}</p>
      ${
        this._error !== undefined
          ? html`<div class="message is-error">
              <p>${failureMessage(t, this._error)}</p>
              ${
                retryable(this._error)
                  ? html`<button
                      class="secondary"
                      @click=${() => void this.#load(this._items.length > 0)}
                    >
                      ${t.retry}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${
        this._items.length === 0 && !this._loading && this._error === undefined
          ? html`<div class="message is-empty"><p>${t.commentsEmpty}</p></div>`
          : html`<ol class="comments" aria-labelledby="comments-heading">
              ${this._items.map((item, index) => this.#comment(item, index))}
            </ol>`
      }
      ${
        this._cursor
          ? html`<button
              class="secondary more"
              aria-disabled=${this._loading ? 'true' : 'false'}
              @click=${() => {
                if (!this._loading) void this.#load(true);
              }}
            >
              ${t.loadMore}
            </button>`
          : nothing
      }
      ${this._cursor === null && this._items.length > 0 ? html`<p class="hint">${t.commentsAll}</p>` : nothing}
    `;
  }

  #form() {
    const { t } = this.context;
    const { rating, outcome, text } = this.filter;
    return html`<form class="filter" @submit=${this.#applyFilter}>
      <fieldset>
        <legend>${t.filterLegend}</legend>
        <div class="fields">
          <div class="field">
            <label for="filter-rating">${t.rating}</label>
            <select id="filter-rating" name="rating">
              <option value="" ?selected=${rating === ''}>${t.allRatings}</option>
              ${t.ratings.map(
                (label, index) =>
                  html`<option value=${index + 1} ?selected=${rating === String(index + 1)}>
                    ${index + 1} – ${label}
                  </option>`,
              )}
            </select>
          </div>
          <div class="field">
            <label for="filter-outcome">${t.outcome}</label>
            <select id="filter-outcome" name="outcome">
              <option value="" ?selected=${outcome === ''}>${t.allOutcomes}</option>
              ${[...OUTCOMES, 'unknown' as const].map(
                (value) =>
                  html`<option value=${value} ?selected=${outcome === value}>
                    ${t.outcomes[value]}
                  </option>`,
              )}
            </select>
          </div>
          <div class="field grow">
            <label for="filter-text">${t.textFilter}</label>
            <input id="filter-text" name="text" type="search" .value=${text} />
          </div>
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit">${t.applyFilter}</button>
        ${
          rating || outcome || text
            ? html`<button type="button" class="secondary" @click=${this.#clearFilter}>
                ${t.clearFilter}
              </button>`
            : nothing
        }
      </div>
    </form>`;
  }

  #comment(item: FeedbackItem, index: number) {
    const { t, f } = this.context;
    return html`<li class="comment" data-index=${index} tabindex="-1">
      <p class="meta">
        <span class="rating rating-${item.rating}"
          >${item.rating} – ${t.ratings[item.rating - 1]}</span
        >
        <span
          >${t.received}:
          <time datetime=${item.createdAt}>${f.dateTime(item.createdAt)}</time></span
        >
        <span>${t.outcome}: ${t.outcomes[item.outcome ?? 'unknown']}</span>
        ${item.step ? html`<span>${t.step}: ${item.step}</span>` : nothing}
      </p>
      <p class="text" lang=${item.lang}>${item.comment}</p>
    </li>`;
  }
}
