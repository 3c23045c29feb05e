import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { FeedbackItem } from '@vo-feedback/shared';
import type { DashboardContext } from '../context.ts';
import { inputs, states } from '../element.ts';
import { failureMessage, retryable } from '../errors.ts';
import { contextMoved, Loader } from '../loader.ts';
import type { Period } from '../period.ts';
import { matches } from '../text-match.ts';
import { filterForm, filterFromForm, type CommentFilter } from './comment-filter.ts';
import { commentItem } from './comment-item.ts';
import { CommentTriage } from './comment-triage.ts';
import { triageBar } from './triage-bar.ts';
import { styles } from './vo-comments.styles.ts';

export type { FeedbackErasedDetail, RoleDiscoveredDetail } from '../events.ts';
export type { CommentFilter };

const PAGE = 20;
/** With a text filter, pages are read in bulk and filtered here (the API has no text search). */
const SCAN_PAGE = 200;
/** …but one press of "more" reads at most this many comments before it shows what it found. */
const SCAN_BUDGET = 2000;

/**
 * The comments of a service and period, newest first, filterable by rating, outcome, triage
 * status, tag and text, and paginated with the API's cursor. Comments are untrusted text: they are
 * rendered only through Lit's text bindings, so markup and `javascript:` links in them stay inert
 * characters.
 *
 * The API filters on rating, outcome, status and tag; the text filter reads pages and keeps the
 * comments that contain the words, so a theme opens exactly the comments that mention it.
 *
 * Triage (the provider's work on its comments; steering never sees a comment): each comment shows
 * its status in words, its tags and its internal note. Comments are selected with a checkbox each
 * (or all shown at once) and changed together from the action bar: a status, a tag added or
 * taken away — one `PATCH` per comment, a few at a time. Under each comment, disclosure buttons
 * open one tool at a time: the internal note, removing a piece of text (it becomes
 * `[verwijderd]`) and erasing the whole answer, after a confirmation in the page.
 *
 * Accessibility criteria: the filter and the action bar are forms with labelled native controls
 * and explicit buttons; a checkbox's name says which comment it selects (its date and first
 * words); the tools are buttons with `aria-expanded`; the count, progress and the result of every
 * action are announced in one status region, and a failure says what to do; focus stays on the
 * button that acted, moves into a tool when it opens and back to its button when it closes
 * (Escape closes it too); after "more", focus moves to the first new comment, and after an
 * erasure to the next comment; each comment is a list item with its rating in words.
 *
 * @summary The comment listing of a service, with its triage.
 * @tagname vo-comments
 * @fires {CustomEvent<RoleDiscoveredDetail>} vo-role-discovered - The collector refused comments to this token: it is a steering token.
 * @fires {CustomEvent<FeedbackErasedDetail>} vo-feedback-erased - An answer was erased: every figure of the service changed.
 */
export class VoComments extends LitElement {
  static override styles = styles;

  static override properties = {
    ...inputs('context', 'period', 'filter'),
    serviceId: { attribute: 'service-id' },
    ...states('_items', '_cursor', '_loading', '_error', '_announcement', '_failed'),
    ...states('_tags', '_terms'),
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
  /** The announcement is a failure: shown as an error. */
  declare private _failed: boolean;
  /** The organisation's tags in use, most used first: the tag filter and the suggestions. */
  declare private _tags: string[];
  /** The period's themes, suggested as tags too. */
  declare private _terms: string[];
  readonly #loader = new Loader(this, { steeringWhenRefused: true });
  readonly #suggestions = new Loader(this);
  /** The selection, the action bar and the tools under each comment (comment-triage.ts). */
  readonly #triage = new CommentTriage(this, {
    items: () => this._items,
    show: (items) => {
      this._items = items;
    },
    say: (message, failed) => this.#say(message, failed),
    tagAdded: (tag) => {
      if (!this._tags.includes(tag)) this._tags = [...this._tags, tag];
    },
  });

  constructor() {
    super();
    this.filter = { rating: '', outcome: '', text: '' };
    this._items = [];
    this._cursor = undefined;
    this._loading = false;
    this._error = undefined;
    this._announcement = '';
    this._failed = false;
    this._tags = [];
    this._terms = [];
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const moved = contextMoved(changed, this.context);
    if (moved || changed.has('serviceId') || changed.has('period') || changed.has('filter')) {
      this._items = [];
      this._cursor = undefined;
      this.#triage.reset();
      void this.#load(false);
    }
    if (moved || changed.has('serviceId') || changed.has('period')) void this.#loadSuggestions();
  }

  /**
   * The tags to filter on and to suggest: the organisation's tags, and the period's themes. Both
   * only help, so a failure leaves them out and says nothing.
   */
  async #loadSuggestions() {
    if (this.context.role !== 'provider') return;
    const { api } = this.context;
    const { serviceId, period } = this;
    await this.#suggestions.run(
      (signal) =>
        Promise.all([
          api.tags(serviceId, signal).then(
            (answer) => answer.tags.map(({ tag }) => tag),
            () => [],
          ),
          api.themes(serviceId, period, signal).then(
            (themes) => [...themes.pairs, ...themes.words].map(({ term }) => term),
            () => [],
          ),
        ]),
      {
        done: ([tags, terms]) => {
          this._tags = tags;
          this._terms = terms;
        },
        failed: () => undefined,
      },
    );
  }

  /** Announces `message` in the status region; `failed` shows it as an error. */
  #say(message: string, failed = false) {
    this._announcement = message;
    this._failed = failed;
  }

  async #load(more: boolean) {
    // A steering token never asks for a comment.
    if (this.context.role !== 'provider') return;
    this._loading = true;
    this._error = undefined;
    this.#say(this.context.t.loadingComments);
    const stopped = () => {
      this._loading = false;
      this.#say('');
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
    const { rating, outcome, text, status, tag } = this.filter;
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
          status: status || undefined,
          tag: tag || undefined,
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
    this.#say(
      more
        ? `${t.loadedMore(f.integer(found.length))} ${t.commentsShown(shown)}`
        : this._items.length === 0 && this._cursor === null
          ? t.commentsEmpty
          : t.commentsShown(shown),
    );
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
    this.filter = filterFromForm(event.target as HTMLFormElement);
  };

  #clearFilter = () => {
    this.filter = { rating: '', outcome: '', text: '', status: '', tag: '' };
  };

  override render() {
    const { t } = this.context;
    return html`
      <h2 id="comments-heading" tabindex="-1">${t.commentsHeading}</h2>
      <p>${t.commentsIntro}</p>
      ${filterForm(t, this.filter, this._tags, {
        apply: this.#applyFilter,
        clear: this.#clearFilter,
      })}
      <p class=${this._failed ? 'status error' : 'status'} role="status">
        ${this._failed ? html`<span class="visually-hidden">${t.errorPrefix}</span> ` : nothing}${this._announcement}
      </p>
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
          : html`${
                this._items.length > 0
                  ? triageBar(this.context, this.#triage, this._items, {
                      tags: this._tags,
                      terms: this._terms,
                    })
                  : nothing
              }
              <ol class="comments" aria-labelledby="comments-heading">
                ${this._items.map((item, index) =>
                  commentItem(this.context, this.#triage, item, index),
                )}
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
}
