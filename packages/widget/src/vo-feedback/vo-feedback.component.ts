import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { SubmissionInput } from '@vo-feedback/shared';
// Types for the public API come from the zod-free constants, so the element's declarations do not
// pull the whole contract (and zod) into a consumer's type check.
import {
  LANGUAGES,
  MAX_COMMENT_LENGTH,
  MAX_STEP_LENGTH,
  OUTCOMES,
  type Language,
  type Outcome,
} from '@vo-feedback/shared/constants';
import { deliver, sendImpression, uuidv7, type DeliveryResult } from '../delivery.ts';
import type { Messages } from '../i18n/nl.ts';
import { catalogs, loadCatalog } from '../i18n/load.ts';
import { ReactiveElement } from '../reactive-element.ts';
import { loadConfig, type ServiceConfig } from '../service-config.ts';
import { styles } from './vo-feedback.styles.ts';

/** Detail of `vo-feedback-rated`. */
export interface VoFeedbackRatedDetail {
  serviceId: string;
  /** 1 (very dissatisfied) to 5 (very satisfied). */
  rating: number;
}

/** Detail of `vo-feedback-submitted`. */
export interface VoFeedbackSubmittedDetail extends VoFeedbackRatedDetail {
  hasComment: boolean;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vo-feedback-rated': CustomEvent<VoFeedbackRatedDetail>;
    'vo-feedback-submitted': CustomEvent<VoFeedbackSubmittedDetail>;
  }
}

type View = 'comment' | 'thanks';
/** The message in the status region, by catalog key. */
type Note = '' | 'sending' | 'rated' | 'queued' | 'failed';

// The widget's own script origin is the default collector: the collector serves the bundle.
const scriptOrigin = new URL(import.meta.url).origin;

/**
 * The feedback question a citizen sees at the end of an online transaction: how satisfied they are
 * on a five-point scale, then, optionally, what could be better.
 *
 * Accessibility criteria (WCAG 2.2 AA, tested in a real browser):
 * - native radios in a fieldset whose legend is the question; each option has a visible text label;
 * - one explicit button records the rating; an empty choice gives an error that says how to fix it,
 *   is tied to the group (`aria-describedby`) and takes focus to the first option;
 * - focus moves on purpose: to the comment field after rating, to the thank-you heading at the end;
 * - the status and the character count are announced from live regions that are always rendered;
 * - every string, visible or spoken, comes from the language's catalog, and `lang` is set on the
 *   content so screen readers pronounce it right; a catalog other than Dutch is loaded before the
 *   content is rendered, so nothing is shown or read in another language meanwhile;
 * - targets are at least 44 px high, the focus ring is 3 px with a 2 px offset, the layout reflows
 *   at 320 px, and forced colours and reduced motion are respected.
 *
 * @summary A five-point satisfaction question with an optional comment, sent to the vo-feedback collector.
 * @tagname vo-feedback
 *
 * @fires {CustomEvent<VoFeedbackRatedDetail>} vo-feedback-rated - The rating is recorded (sent, or kept on the device to send later).
 * @fires {CustomEvent<VoFeedbackSubmittedDetail>} vo-feedback-submitted - The citizen finished: the thank-you is shown.
 *
 * @csspart base - The box around the whole widget.
 * @csspart heading - The heading (its level follows `heading-level`).
 * @csspart option - Each of the five answer options (a label around its radio), and each reason (a label around its checkbox).
 * @csspart help - The box that says, on a thank-you after a bad experience, where to get help instead.
 * @csspart textarea - The comment field.
 * @csspart button - The send buttons.
 * @csspart status - The status message (sending, sent, saved for later, failed).
 *
 * @cssproperty --vo-feedback-font-family - Font stack. Default: 'Flanders Art Sans', Arial, sans-serif.
 * @cssproperty --vo-feedback-color-text - Text colour. Default: #333332.
 * @cssproperty --vo-feedback-color-background - Background of the box. Default: #f7f9fc.
 * @cssproperty --vo-feedback-color-surface - Background of options and the comment field. Default: #fff.
 * @cssproperty --vo-feedback-color-accent - The accent bar; never text or a control's edge. Default: #ffed00.
 * @cssproperty --vo-feedback-color-action - Buttons, links, the chosen option. Default: #0055cc.
 * @cssproperty --vo-feedback-color-action-hover - Buttons and links on hover. Default: #003b8e.
 * @cssproperty --vo-feedback-color-on-action - Text on buttons. Default: #fff.
 * @cssproperty --vo-feedback-color-selected - Background of the chosen option. Default: #e4ebf5.
 * @cssproperty --vo-feedback-color-focus - The focus ring. Default: #0055cc.
 * @cssproperty --vo-feedback-color-border - Edge of the box. Default: #cfd5dd.
 * @cssproperty --vo-feedback-color-input-border - Edge of options and the comment field (keep 3:1). Default: #687483.
 * @cssproperty --vo-feedback-color-error - Error text. Default: #bc3136.
 * @cssproperty --vo-feedback-color-error-border - Error edge. Default: #d2373c.
 * @cssproperty --vo-feedback-color-success - Confirmation text. Default: #007a37.
 * @cssproperty --vo-feedback-radius - Corner radius. Default: 3px.
 */
export class VoFeedback extends ReactiveElement {
  static override styles = styles;

  static override properties = {
    serviceId: { attribute: 'service-id' },
    endpoint: {},
    lang: { reflect: true },
    outcome: {},
    step: {},
    privacyUrl: { attribute: 'privacy-url' },
    helpUrl: { attribute: 'help-url' },
    headingLevel: { attribute: 'heading-level', type: Number },
    _view: { state: true },
    _note: { state: true },
    _error: { state: true },
    _length: { state: true },
    _config: { state: true },
  };

  /** The service's id at the collector (required): lowercase letters, digits and `-`, 2–64 characters. */
  declare serviceId: string;
  /** Base URL of the collector. Default: the origin this script was loaded from. */
  declare endpoint: string | undefined;
  /** End state of the journey: `completed`, `rejected`, `error` or `info`. Sent with the answer. */
  declare outcome: Outcome | undefined;
  /** Free label of the journey step, at most 64 characters. Sent with the answer. */
  declare step: string | undefined;
  /** Link to the service's privacy statement, shown beside the comment field. */
  declare privacyUrl: string | undefined;
  /**
   * Where a citizen gets help instead (an https: or tel: URL), named with the promise that feedback
   * is anonymous and gets no answer. Default: the service's `helpUrl` at the collector, else the
   * free Flemish info line 1700 (`tel:1700`).
   */
  declare helpUrl: string | undefined;
  /** Level of the widget's heading, 2–6, to fit the host page's outline. Default: 2. */
  declare headingLevel: number | undefined;

  // Reactive state (@internal: not part of the API). No initial values: a class field would hide the accessors, and undefined
  // reads as the first step, no message, no error, an empty comment.
  /** @internal */
  declare private _view: View | undefined;
  /** @internal */
  declare private _note: Note | undefined;
  /** @internal */
  declare private _error: 'chooseRating' | 'tooLong' | undefined;
  /** @internal */
  declare private _length: number | undefined;
  /** @internal */
  declare private _config: ServiceConfig | undefined;

  #id = '';
  #rating = 0;
  #busy = false;
  #countTimer: ReturnType<typeof setTimeout> | undefined;
  /** The catalog this element waits for before it renders its content. */
  #waiting: Promise<unknown> | undefined;

  protected override willUpdate(): void {
    const lang = this.#language();
    if (catalogs[lang]) return;
    const waiting = loadCatalog(lang).then(() => {
      if (this.#waiting == waiting) this.#waiting = undefined;
      this.requestUpdate();
    });
    this.#waiting = waiting;
  }

  /** Resolves once the content is rendered in its language, not while the catalog is loading. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#waiting) {
      await this.#waiting;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override updated(): void {
    // After every update, so that a service-id set late still counts; sendImpression keeps it to
    // one per page view. In a later task: sendBeacon costs a few milliseconds that the first
    // render need not wait for.
    if (this.serviceId) setTimeout(sendImpression, 0, this.#endpoint(), this.serviceId);
  }

  /** The language used: `lang` here or on the nearest ancestor, else nl ("nl-BE" counts as nl). */
  #language(): Language {
    // The property first: set from script, it reaches the attribute only after this render.
    const code = (this.lang || this.closest('[lang]')?.getAttribute('lang'))
      ?.slice(0, 2)
      .toLowerCase();
    const lang = LANGUAGES.find((l) => l === code) ?? 'nl';
    // A catalog replaced by Dutch: the content, its lang and the answer's lang all say nl.
    const t = catalogs[lang];
    return t && t == catalogs.nl ? 'nl' : lang;
  }

  #endpoint(): string {
    return (this.endpoint || scriptOrigin).replace(/\/+$/, '');
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.shadowRoot!.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Posts the answer so far under this page view's one id; the collector updates it in place. */
  async #send(comment?: string, reasons?: string[]): Promise<DeliveryResult> {
    this.#busy = true;
    this._note = 'sending';
    this.#id ||= uuidv7();
    const submission: SubmissionInput = {
      id: this.#id,
      serviceId: this.serviceId,
      rating: this.#rating,
      lang: this.#language(),
      // The path only: a query string or fragment may carry a case number or a name.
      page: location.pathname,
    };
    if (comment) submission.comment = comment;
    if (reasons?.length) submission.reasons = reasons;
    if (this.outcome && OUTCOMES.includes(this.outcome)) submission.outcome = this.outcome;
    const step = this.step?.trim().slice(0, MAX_STEP_LENGTH);
    if (step) submission.step = step;
    const result = await deliver(`${this.#endpoint()}/api/v1/feedback`, submission);
    this.#busy = false;
    this._note = result === 'sent' ? 'rated' : result;
    return result;
  }

  /** One form for both steps: the rating first, then the comment. */
  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.#busy) return;
    const form = new FormData(event.target as HTMLFormElement);
    if (!this._view) {
      const rating = Number(form.get('rating'));
      if (!rating) {
        this._error = 'chooseRating';
        return this.#focus('input');
      }
      this._error = undefined;
      this.#rating = rating;
      // The reasons are asked after a rating of 1 to 3 only; the help link is the service's unless
      // the page gives its own: the configuration is fetched when one of the two is needed.
      const [result] = await Promise.all([
        this.#send(),
        (rating < 4 || !this.helpUrl) && this.#load(),
      ]);
      if (result === 'failed') return;
      this.dispatchEvent(
        new CustomEvent<VoFeedbackRatedDetail>('vo-feedback-rated', {
          detail: { serviceId: this.serviceId, rating },
          bubbles: true,
          composed: true,
        }),
      );
      this._view = 'comment';
      // The first field of the new step: the first reason, else the comment.
      return this.#focus('input,textarea');
    }
    const comment = String(form.get('comment')).trim();
    if (comment.length > MAX_COMMENT_LENGTH) {
      this._error = 'tooLong';
      return this.#focus('textarea');
    }
    this._error = undefined;
    const reasons = form.getAll('reasons') as string[];
    if ((comment || reasons.length) && (await this.#send(comment, reasons)) === 'failed') return;
    // The heading now thanks the citizen; the status keeps only what they still need to know.
    if (this._note === 'rated') this._note = '';
    this.dispatchEvent(
      new CustomEvent<VoFeedbackSubmittedDetail>('vo-feedback-submitted', {
        detail: { serviceId: this.serviceId, rating: this.#rating, hasComment: !!comment },
        bubbles: true,
        composed: true,
      }),
    );
    this._view = 'thanks';
    return this.#focus('#heading');
  }

  /** The service's configuration (help link, reasons), fetched once per page. */
  async #load(): Promise<void> {
    this._config ??= await loadConfig(this.#endpoint(), this.serviceId);
  }

  /** A rating chosen: the service's help link is fetched, unless the page gives its own. */
  #onChange = () => this._view || this.helpUrl || this.#load();

  #onInput(event: InputEvent): void {
    const length = (event.target as HTMLTextAreaElement).value.length;
    // The count is a polite live region: it changes after a pause in typing, so a screen reader
    // says it once, not at every key.
    clearTimeout(this.#countTimer);
    this.#countTimer = setTimeout(() => (this._length = length), 500);
  }

  /** Where to get help instead: the attribute, else the service's, else the info line 1700. */
  // The spaces are inside the text, not text nodes of their own: Chromium drops a space-only node
  // from a description ("metde gratis infolijn").
  #help(t: Messages, before: string): TemplateResult {
    const url = this.helpUrl || this._config?.helpUrl || 'tel:1700';
    return html`${before}<a href=${url}>${url == 'tel:1700' ? t.line : t.contact}</a>.`;
  }

  /** Anonymous, no answer, and where to get help instead. */
  #promise(t: Messages): TemplateResult {
    return this.#help(t, `${t.promise} ${t.help} `);
  }

  #errorMessage(t: Messages, text: string): TemplateResult {
    return html`<p id="error" class="error"><span class="sr-only">${t.error} </span>${text}</p>`;
  }

  #ratingFields(t: Messages): TemplateResult {
    const error = this._error === 'chooseRating';
    return html`<fieldset aria-describedby=${error ? 'error' : nothing}>
      <legend>${t.question}</legend>
      ${error ? this.#errorMessage(t, t.chooseRating) : nothing}
      <div class="options">
        ${t.ratings.map(
          (label, i) =>
            html`<label part="option"
              ><input type="radio" name="rating" value=${i + 1} />${label}</label
            >`,
        )}
      </div>
    </fieldset>`;
  }

  #commentFields(t: Messages, lang: Language): TemplateResult {
    const error = this._error === 'tooLong';
    const left = MAX_COMMENT_LENGTH - (this._length ?? 0);
    const reasons = this.#rating < 4 ? this._config?.reasons : undefined;
    return html`${
        reasons?.length
          ? html`<fieldset>
              <legend>${t.reasons}</legend>
              <div class="reasons">
                ${reasons.map(
                  ({ code, labels }) =>
                    html`<label part="option"
                      ><input type="checkbox" name="reasons" value=${code} />${labels[lang]}</label
                    >`,
                )}
              </div>
            </fieldset>`
          : nothing
      }<label for="comment">${t.comment}</label>
      <p id="hint">${t.hint} ${t.kept}</p>
      ${error ? this.#errorMessage(t, t.tooLong) : nothing}
      <textarea
        id="comment"
        name="comment"
        part="textarea"
        rows="5"
        aria-describedby=${error ? 'error hint count' : 'hint count'}
        aria-invalid=${error ? 'true' : nothing}
        @input=${this.#onInput}
      ></textarea>
      <p id="count" class=${left < 0 ? 'error' : ''} aria-live="polite">
        ${`${left < 0 ? t.over : t.left} ${Math.abs(left).toLocaleString(lang)}`}
      </p>
      ${this.privacyUrl ? html`<p><a href=${this.privacyUrl}>${t.privacy}</a></p>` : nothing}`;
  }

  protected override render(): TemplateResult {
    const lang = this.#language();
    const t = catalogs[lang];
    // Until its catalog is there, the element shows what it showed before it ran (its light DOM:
    // the no-JavaScript form, or nothing), so no other language is seen or spoken meanwhile and
    // the layout changes once, as it always did.
    if (!t) return html`<slot></slot>`;
    const view = this._view;
    const level = this.headingLevel!;
    // After a bad experience the thank-you says again, in a box, where to get help instead.
    const box =
      view == 'thanks' && (this.#rating < 3 || (!!this.outcome && this.outcome != 'completed'));
    // role="heading" rather than <h2>–<h6>: a tag name cannot be a binding without lit's
    // static-html module, and five templates cost more of the size budget than this.
    return html`<section part="base" class="base" lang=${lang} aria-labelledby="heading">
      <div
        id="heading"
        role="heading"
        aria-level=${level >= 2 && level <= 6 ? level : 2}
        part="heading"
        tabindex="-1"
        aria-describedby=${box ? 'box' : nothing}
      >
        ${view == 'thanks' ? t.thanks : t.heading}
      </div>
      ${box ? html`<p id="box" part="help">${this.#promise(t)}</p>` : nothing}
      <p role="status" part="status" class=${this._note}>
        ${this._note && t[this._note]}${this._note == 'failed' ? this.#help(t, ' ') : nothing}
      </p>
      ${
        view == 'thanks'
          ? nothing
          : html`<form novalidate @submit=${this.#onSubmit} @change=${this.#onChange}>
              ${view ? this.#commentFields(t, lang) : this.#ratingFields(t)}
              <p id="promise">${this.#promise(t)}</p>
              <button part="button">${view ? t.sendComment : t.send}</button>
            </form>`
      }
    </section>`;
  }
}
