import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Explanation } from '@vo-feedback/shared';
import { MAX_EXPLANATION } from '@vo-feedback/shared/constants';
import type { ExplanationScope } from '../api.ts';
import { changeFailure } from '../change-failure.ts';
import type { DashboardContext } from '../context.ts';
import { inputs, states } from '../element.ts';
import { failureMessage, retryable } from '../errors.ts';
import { contextMoved, Loader } from '../loader.ts';
import { styles } from './vo-explanation.styles.ts';

/** How long typing must pause before the characters left are announced. */
const ANNOUNCE_AFTER_MS = 1000;

/**
 * The "explain" of comply-or-explain: a provider's explanation of a year's figures, for one
 * service (`scope="service"`, beside the key figures of the service report) or for the whole
 * organisation (`scope="organisation"`, with the annual report's hand-in). Plain text of at most
 * 5,000 characters; saving an empty text removes it. `GET` and `PUT
 * /api/v1/{services|organisations}/:id/explanations/:year`; steering tokens get nothing to edit.
 *
 * Accessibility criteria: a `<textarea>` with a visible `<label>` and the limit as its
 * description; the characters left are shown as you type and announced politely only once typing
 * pauses (as govuk-frontend's character count does), never on every keystroke; a text over the
 * limit is not sent, and the error says how to fix it and is tied to the field; loading, saving,
 * saved and failures are announced in status regions that are always rendered; who last saved and
 * when is said in words.
 *
 * @summary A provider's explanation of a year's figures.
 * @tagname vo-explanation
 */
export class VoExplanation extends LitElement {
  static override styles = styles;

  static override properties = {
    ...inputs('context'),
    scope: {},
    subjectId: { attribute: 'subject-id' },
    year: { type: Number },
    level: { type: Number },
    ...states('_explanation', '_text', '_error', '_saving', '_status', '_failed', '_tooLong'),
    ...states('_countAnnouncement'),
  };

  declare context: DashboardContext;
  /** Whose explanation: `service` or `organisation`. */
  declare scope: ExplanationScope;
  /** The service's or organisation's id. */
  declare subjectId: string;
  /** The year the explanation is about. */
  declare year: number;
  /** The heading level of the element's own heading: 2 (default) or 3. */
  declare level: 2 | 3;
  declare private _explanation: Explanation | undefined;
  declare private _text: string;
  declare private _error: unknown;
  declare private _saving: boolean;
  declare private _status: string;
  declare private _failed: boolean;
  declare private _tooLong: boolean;
  declare private _countAnnouncement: string;
  readonly #loader = new Loader(this);
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.scope = 'service';
    this.level = 2;
    this._explanation = undefined;
    this._text = '';
    this._error = undefined;
    this._saving = false;
    this._status = '';
    this._failed = false;
    this._tooLong = false;
    this._countAnnouncement = '';
  }

  override disconnectedCallback(): void {
    clearTimeout(this.#announceTimer);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const moved = contextMoved(changed, this.context);
    if (moved || changed.has('scope') || changed.has('subjectId') || changed.has('year')) {
      void this.#load();
    }
  }

  async #load() {
    // Explanations are the provider's: a steering token asks for nothing.
    if (this.context.role !== 'provider' || !this.subjectId || !this.year) return;
    const { api } = this.context;
    const { scope, subjectId, year } = this;
    this._explanation = undefined;
    this._error = undefined;
    this._status = '';
    this._failed = false;
    this._tooLong = false;
    await this.#loader.run((signal) => api.explanation(scope, subjectId, year, signal), {
      done: (explanation) => {
        this._explanation = explanation;
        this._text = explanation.text;
      },
      failed: (error) => {
        this._error = error;
      },
    });
  }

  #countText(): string {
    const { t, f } = this.context;
    const left = MAX_EXPLANATION - this._text.length;
    return left >= 0
      ? t.explanationLeft(left, f.integer(left))
      : t.explanationOver(-left, f.integer(-left));
  }

  #onInput = (event: Event) => {
    this._text = (event.target as HTMLTextAreaElement).value;
    if (this._tooLong && this._text.length <= MAX_EXPLANATION) this._tooLong = false;
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      this._countAnnouncement = this.#countText();
    }, ANNOUNCE_AFTER_MS);
  };

  #onSubmit = async (event: Event) => {
    event.preventDefault();
    if (this._saving || !this._explanation) return;
    const { t, f, api } = this.context;
    if (this._text.length > MAX_EXPLANATION) {
      this._tooLong = true;
      this._failed = true;
      this._status = `${t.explanationTooLong(f.integer(MAX_EXPLANATION))}`;
      await this.updateComplete;
      this.renderRoot.querySelector('textarea')?.focus();
      return;
    }
    const { scope, subjectId, year } = this;
    const text = this._text;
    this._saving = true;
    this._failed = false;
    this._status = t.saving;
    try {
      const saved = await api.saveExplanation(scope, subjectId, year, text);
      this._explanation = saved;
      this._text = saved.text;
      this._status = saved.text === '' ? t.explanationRemoved : t.explanationSaved;
    } catch (error) {
      this._failed = true;
      this._status = `${t.notSaved} ${changeFailure(t, error)}`;
    } finally {
      this._saving = false;
    }
  };

  override render() {
    const { t } = this.context;
    if (this.context.role !== 'provider') return nothing;
    const year = String(this.year);
    const heading =
      this.scope === 'service'
        ? t.explanationServiceHeading(year)
        : t.explanationOrganisationHeading(year);
    const loading = !this._explanation && this._error === undefined;
    return html`
      ${this.level === 3 ? html`<h3>${heading}</h3>` : html`<h2>${heading}</h2>`}
      <p>
        ${this.scope === 'service' ? t.explanationServiceIntro : t.explanationOrganisationIntro}
      </p>
      <p role="status" class="hint" data-status="load">${loading ? t.explanationLoading : ''}</p>
      ${this._error !== undefined ? this.#loadFailed() : nothing}
      ${this._explanation ? this.#form(this._explanation) : nothing}
    `;
  }

  #loadFailed() {
    const { t } = this.context;
    return html`<div class="message is-error">
      <p>${failureMessage(t, this._error)}</p>
      ${
        retryable(this._error)
          ? html`<button class="secondary" @click=${() => void this.#load()}>
              ${t.reload}<span class="visually-hidden">: ${t.explanationLabel}</span>
            </button>`
          : nothing
      }
    </div>`;
  }

  #form(explanation: Explanation) {
    const { t, f } = this.context;
    const over = this._text.length > MAX_EXPLANATION;
    const describedBy = this._tooLong ? 'explanation-error explanation-limit' : 'explanation-limit';
    return html`<form novalidate @submit=${this.#onSubmit}>
      <label for="explanation-text">${t.explanationLabel}</label>
      <p class="hint" id="explanation-limit">
        ${t.explanationLimit(f.integer(MAX_EXPLANATION))} ${t.explanationRemoveHint}
      </p>
      ${
        this._tooLong
          ? html`<p class="error" id="explanation-error">
              <span class="visually-hidden">${t.errorPrefix}</span>
              ${t.explanationTooLong(f.integer(MAX_EXPLANATION))}
            </p>`
          : nothing
      }
      <textarea
        id="explanation-text"
        rows="8"
        .value=${live(this._text)}
        aria-describedby=${describedBy}
        aria-invalid=${this._tooLong ? 'true' : 'false'}
        @input=${this.#onInput}
      ></textarea>
      <p class=${over ? 'count error' : 'count hint'} aria-hidden="true" data-count>
        ${this.#countText()}
      </p>
      <p class="visually-hidden" role="status" data-status="count">${this._countAnnouncement}</p>
      <p class="hint" data-last-saved>${this.#lastSaved(explanation)}</p>
      <button type="submit" aria-disabled=${this._saving ? 'true' : 'false'}>
        ${t.explanationSave}
      </button>
      <p role="status" data-status="save" class=${this._failed ? 'error' : 'hint'}>
        ${this._failed ? html`<span class="visually-hidden">${t.errorPrefix}</span> ` : nothing}${this._status}
      </p>
    </form>`;
  }

  #lastSaved(explanation: Explanation) {
    const { t, f } = this.context;
    if (explanation.updatedAt && explanation.updatedBy) {
      return t.explanationLastSaved(explanation.updatedBy, f.dateTime(explanation.updatedAt));
    }
    return explanation.text === '' ? t.explanationNone : '';
  }
}
