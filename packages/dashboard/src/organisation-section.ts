// What the views with a list of an organisation's things share — the three sections of
// "Organisatie beheren" (services, people, tokens), the e-mail subscriptions and the webhooks:
// loading their list, their two status regions, focus on purpose, one change at a time, and the
// in-page confirmation before a removal.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { changeFailure } from './change-failure.ts';
import type { DashboardContext } from './context.ts';
import { inputs, states } from './element.ts';
import { failureMessage, retryable } from './errors.ts';
import { contextMoved, Loader } from './loader.ts';

/**
 * A section with a list of `T`: it loads when the context moves (when `mayLoad`: a manager, by
 * default), says so in its own status regions and offers to load again after a failure.
 */
export abstract class OrganisationSection<T> extends LitElement {
  static override properties = {
    ...inputs('context'),
    ...states('_items', '_error', '_busy', '_status', '_failed', '_confirming'),
  };

  declare context: DashboardContext;
  declare protected _items: T[] | undefined;
  declare protected _error: unknown;
  /** What is being sent: `add`, or the id of what is being changed or removed. */
  declare protected _busy: string;
  declare protected _status: string;
  declare protected _failed: boolean;
  /** The id of the item whose removal waits for an answer to the question. */
  declare protected _confirming: string;
  readonly #loader = new Loader(this);

  constructor() {
    super();
    this._items = undefined;
    this._error = undefined;
    this._busy = '';
    this._status = '';
    this._failed = false;
    this._confirming = '';
  }

  /** The section's list, as the collector answers it. */
  protected abstract fetchItems(signal: AbortSignal): Promise<T[]>;
  /** The section's heading, for the button that loads again. */
  protected abstract get heading(): string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (contextMoved(changed, this.context)) {
      this.announce('');
      this.reset();
      void this.load();
    }
  }

  /** Forgets what the previous context left (errors of a form, a secret). */
  protected reset(): void {}

  /** Whether this context asks for the list: a manager's only, by default; anyone else not. */
  protected mayLoad(): boolean {
    return this.context.person?.role === 'manager';
  }

  /** The selector of item `id` in the list. */
  protected itemSelector(id: string): string {
    return `[data-item="${id}"]`;
  }

  /** The selector, within an item, of the button that asks to remove it. */
  protected get removeSelector(): string {
    return 'button[data-remove]';
  }

  protected async load() {
    if (!this.mayLoad()) return;
    this._error = undefined;
    this._items = undefined;
    this._confirming = '';
    await this.#loader.run((signal) => this.fetchItems(signal), {
      done: (items) => {
        this._items = items;
      },
      failed: (error) => {
        this._error = error;
      },
    });
  }

  /** Reads the list again after a change, quietly: a failure leaves the list as it was. */
  protected async refresh() {
    try {
      this._items = await this.fetchItems(new AbortController().signal);
    } catch {
      // the change itself was announced; the list stays as it was
    }
  }

  protected announce(message: string, failed = false) {
    this._failed = failed;
    this._status = message;
  }

  /** Announces that a change failed: the collector's reason, or what happened and what to do. */
  protected announceFailure(error: unknown, prefix = '') {
    const { t } = this.context;
    this.announce(`${t.errorPrefix} ${prefix}${changeFailure(t, error)}`, true);
  }

  protected async focusOn(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /**
   * Sends one change (`busy` names it) and announces the outcome: `done` says what happened
   * and where focus goes; a failure is announced as such, or handed to `refused` first.
   */
  protected async change(
    busy: string,
    send: () => Promise<void>,
    refused?: (error: unknown) => Promise<boolean>,
  ) {
    if (this._busy) return;
    this._busy = busy;
    this.announce(this.context.t.saving);
    try {
      await send();
    } catch (error) {
      if (!(await refused?.(error))) this.announceFailure(error);
    } finally {
      this._busy = '';
    }
  }

  /** The two status regions: loading, then the outcome of the last change. */
  protected statuses(loading: string) {
    const waiting = this._items === undefined && this._error === undefined;
    // No whitespace inside a status: `:empty` then drops its margin when there is nothing to say.
    const tone = this._failed ? 'error' : 'hint';
    return html`<p role="status" class="hint" data-status="load">${waiting ? loading : ''}</p>
      ${this._error !== undefined ? this.#failed() : nothing}
      <p role="status" data-status="change" class=${tone}>${this._status}</p>`;
  }

  #failed() {
    const { t } = this.context;
    return html`<div class="message is-error">
      <p>${failureMessage(t, this._error)}</p>
      ${
        retryable(this._error)
          ? html`<button class="secondary" data-reload @click=${() => void this.load()}>
              ${t.reload}<span class="visually-hidden">: ${this.heading}</span>
            </button>`
          : nothing
      }
    </div>`;
  }

  /** Asks before removing `id`: the question takes focus; yes removes, no returns to `back`. */
  protected async ask(id: string) {
    this._confirming = id;
    await this.focusOn(`${this.itemSelector(id)} .confirm p`);
  }

  protected async cancel(id: string) {
    this._confirming = '';
    await this.focusOn(`${this.itemSelector(id)} ${this.removeSelector}`);
  }

  protected confirmation(
    id: string,
    question: string,
    [yes, no]: [string, string],
    remove: () => void,
  ) {
    if (this._confirming !== id) return nothing;
    const questionId = `confirm-${id}`;
    return html`<div class="confirm" role="group" aria-labelledby=${questionId}>
      <p id=${questionId} tabindex="-1">${question}</p>
      <div class="buttons">
        <button data-confirm aria-disabled=${this._busy ? 'true' : 'false'} @click=${remove}>
          ${yes}
        </button>
        <button class="secondary" data-cancel @click=${() => void this.cancel(id)}>${no}</button>
      </div>
    </div>`;
  }
}
