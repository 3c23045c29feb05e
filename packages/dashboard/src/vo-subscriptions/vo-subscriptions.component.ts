import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { ServiceInfo, Subscription } from '@vo-feedback/shared';
import { changeFailure } from '../change-failure.ts';
import type { DashboardContext } from '../context.ts';
import { inputs, states } from '../element.ts';
import { failureMessage, retryable } from '../errors.ts';
import { figure } from '../figure.ts';
import { contextMoved, Loader } from '../loader.ts';
import {
  SUBSCRIPTION_FIELDS,
  subscriptionFieldErrors,
  subscriptionFromForm,
  type SubscriptionErrors,
} from './subscription-draft.ts';
import { subscriptionForm } from './templates.ts';
import { styles } from './vo-subscriptions.styles.ts';

/** Where focus goes for a field's error. */
const FIELD_TARGETS = {
  email: '#subscription-email',
  frequency: '#frequency-weekly',
  services: '#service-0',
} as const;

/**
 * "Meldingen per e-mail": who in the organisation gets its figures by e-mail — each address with
 * what it gets (a weekly or monthly digest, or alarms only) and about which services, in words;
 * a form to subscribe an address; unsubscribing after an in-page confirmation. One sentence says
 * what a digest holds: figures, never the text of a comment, and an unsubscribe link in every
 * mail. For a provider or manager of the organisation; steering is told so and nothing is asked.
 * `GET`/`POST /api/v1/subscriptions`, `DELETE …/:id`.
 *
 * Accessibility criteria: native, labelled controls; what an address gets is a radio group and
 * the services a choice between all and the ticked ones, each in a fieldset with a legend; errors
 * say how to fix them (the collector's own field messages when it refuses), sit next to their
 * field and take focus; the outcome of every change is announced in a status region that is
 * always rendered; unsubscribing asks first, in the page, with focus on the question, and focus
 * returns to the button (no), to the list's heading (done) or to the new subscription (added).
 *
 * @summary An organisation's e-mail subscriptions.
 * @tagname vo-subscriptions
 */
export class VoSubscriptions extends LitElement {
  static override styles = styles;

  static override properties = {
    ...inputs('context', 'services'),
    ...states('_subscriptions', '_error', '_busy', '_status', '_failed', '_confirming'),
    ...states('_errors', '_chosen'),
  };

  declare context: DashboardContext;
  /** The services within reach (the organisation's), to name and to choose from. */
  declare services: ServiceInfo[];
  declare private _subscriptions: Subscription[] | undefined;
  declare private _error: unknown;
  /** What is being sent: `add`, or the id of the subscription being deleted. */
  declare private _busy: string;
  declare private _status: string;
  declare private _failed: boolean;
  /** The id of the subscription whose deletion waits for an answer to the question. */
  declare private _confirming: string;
  declare private _errors: SubscriptionErrors;
  /** Whether the form asks for the ticked services only. */
  declare private _chosen: boolean;
  readonly #loader = new Loader(this);

  constructor() {
    super();
    this.services = [];
    this._subscriptions = undefined;
    this._error = undefined;
    this._busy = '';
    this._status = '';
    this._failed = false;
    this._confirming = '';
    this._errors = {};
    this._chosen = false;
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (contextMoved(changed, this.context)) {
      this.#announce('');
      this._errors = {};
      void this.#load();
    }
  }

  async #load() {
    // Subscriptions are an organisation's: a steering token asks for nothing.
    if (this.context.role !== 'provider') return;
    const { api } = this.context;
    this._error = undefined;
    this._subscriptions = undefined;
    this._confirming = '';
    await this.#loader.run((signal) => api.organisation.subscriptions(signal), {
      done: ({ subscriptions }) => {
        this._subscriptions = subscriptions;
      },
      failed: (error) => {
        this._error = error;
      },
    });
  }

  #announce(message: string, failed = false) {
    this._failed = failed;
    this._status = message;
  }

  async #focus(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** What a subscription gets, and about which services, in words. */
  #what(subscription: Pick<Subscription, 'frequency'>): string {
    return this.context.t.subscriptionFrequencies[subscription.frequency];
  }

  #serviceNames(subscription: Subscription): string {
    const { t } = this.context;
    if (subscription.serviceIds === null) return t.subscriptionAllServices;
    return subscription.serviceIds
      .map((id) => this.services.find((s) => s.id === id)?.name ?? id)
      .join(', ');
  }

  #onAdd = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this._busy) return;
    const { t, api } = this.context;
    const form = event.target as HTMLFormElement;
    const read = subscriptionFromForm(new FormData(form), t);
    if ('errors' in read) return this.#showErrors(read.errors);
    this._errors = {};
    this._busy = 'add';
    this.#announce(t.saving);
    try {
      const created = await api.organisation.createSubscription(read.subscription);
      form.reset();
      this._chosen = false;
      this._subscriptions = [
        ...(this._subscriptions ?? []).filter((s) => s.id !== created.id),
        created,
      ];
      this.#announce(t.subscriptionAdded(created.email, this.#what(created)));
      await this.#focus(`[data-subscription="${created.id}"] h3`);
    } catch (error) {
      const fields = subscriptionFieldErrors(error);
      if (fields) await this.#showErrors(fields);
      else this.#announce(`${t.errorPrefix} ${t.notSaved} ${changeFailure(t, error)}`, true);
    } finally {
      this._busy = '';
    }
  };

  async #showErrors(errors: SubscriptionErrors) {
    const { t } = this.context;
    this._errors = errors;
    const first = SUBSCRIPTION_FIELDS.find((field) => errors[field]);
    if (!first) return;
    this.#announce(`${t.errorPrefix} ${errors[first]}`, true);
    await this.#focus(FIELD_TARGETS[first]);
  }

  async #askDelete(subscription: Subscription) {
    this._confirming = subscription.id;
    await this.#focus(`[data-subscription="${subscription.id}"] .confirm p`);
  }

  async #cancelDelete(subscription: Subscription) {
    this._confirming = '';
    await this.#focus(`[data-subscription="${subscription.id}"] button[data-delete]`);
  }

  async #delete(subscription: Subscription) {
    if (this._busy) return;
    const { t, api } = this.context;
    this._busy = subscription.id;
    this.#announce(t.saving);
    try {
      await api.organisation.deleteSubscription(subscription.id);
      this._subscriptions = (this._subscriptions ?? []).filter((s) => s.id !== subscription.id);
      this._confirming = '';
      this.#announce(t.subscriptionDeleted(subscription.email, this.#what(subscription)));
      await this.#focus('#subscriptions-list-heading');
    } catch (error) {
      this.#announce(`${t.errorPrefix} ${changeFailure(t, error)}`, true);
    } finally {
      this._busy = '';
    }
  }

  override render() {
    const { t } = this.context;
    if (this.context.role !== 'provider') {
      return html`<h1 tabindex="-1">${t.subscriptionsHeading}</h1>
        <div class="message"><p>${t.subscriptionsSteering}</p></div>`;
    }
    const loading = this._subscriptions === undefined && this._error === undefined;
    const tone = this._failed ? 'error' : 'hint';
    // No whitespace around a status: `:empty` then drops its margin when there is nothing to say.
    return html`
      <h1 tabindex="-1">${t.subscriptionsHeading}</h1>
      <p>${t.subscriptionsIntro}</p>
      <p data-digest>${t.subscriptionsDigest}</p>
      <p role="status" class="hint" data-status="load">${loading ? t.subscriptionsLoading : ''}</p>
      ${this._error !== undefined ? this.#failed() : nothing}
      <p role="status" data-status="change" class=${tone}>${this._status}</p>
      ${this._subscriptions ? this.#list(this._subscriptions) : nothing}
      ${
        this._subscriptions
          ? subscriptionForm(t, {
              errors: this._errors,
              services: this.services,
              chosen: this._chosen,
              busy: this._busy !== '',
              submit: (event) => void this.#onAdd(event),
              choose: (chosen) => (this._chosen = chosen),
            })
          : nothing
      }
    `;
  }

  #failed() {
    const { t } = this.context;
    return html`<div class="message is-error">
      <p>${failureMessage(t, this._error)}</p>
      ${
        retryable(this._error)
          ? html`<button class="secondary" @click=${() => void this.#load()}>
              ${t.reload}<span class="visually-hidden">: ${t.subscriptionsHeading}</span>
            </button>`
          : nothing
      }
    </div>`;
  }

  #list(subscriptions: Subscription[]) {
    const { t } = this.context;
    return html`<h2 id="subscriptions-list-heading" tabindex="-1">${t.subscriptionsListHeading}</h2>
      ${
        subscriptions.length === 0
          ? html`<div class="message is-empty" data-no-subscriptions>
              <p>${t.subscriptionsEmpty}</p>
            </div>`
          : html`<ul class="subscriptions">
              ${subscriptions.map((subscription) => this.#subscription(subscription))}
            </ul>`
      }`;
  }

  #subscription(subscription: Subscription) {
    const { t, f } = this.context;
    const { id, email } = subscription;
    const what = this.#what(subscription);
    return html`<li class="subscription" data-subscription=${id}>
      <h3 tabindex="-1">${email}</h3>
      <dl class="facts">
        ${figure(t.subscriptionWhatTerm, 'what', what)}
        ${figure(t.subscriptionServicesTerm, 'services', this.#serviceNames(subscription))}
        ${figure(t.subscriptionSinceTerm, 'since', f.dateTime(subscription.createdAt))}
      </dl>
      <button
        class="secondary"
        data-delete
        aria-expanded=${this._confirming === id ? 'true' : 'false'}
        @click=${() => void this.#askDelete(subscription)}
      >
        ${t.subscriptionDelete}<span class="visually-hidden"
          >: ${t.subscriptionOf(email, what)}</span
        >
      </button>
      ${this._confirming === id ? this.#confirm(subscription, what) : nothing}
    </li>`;
  }

  #confirm(subscription: Subscription, what: string) {
    const { t } = this.context;
    const id = `confirm-${subscription.id}`;
    return html`<div class="confirm" role="group" aria-labelledby=${id}>
      <p id=${id} tabindex="-1">${t.subscriptionDeleteQuestion(subscription.email, what)}</p>
      <div class="buttons">
        <button
          data-confirm
          aria-disabled=${this._busy ? 'true' : 'false'}
          @click=${() => void this.#delete(subscription)}
        >
          ${t.subscriptionDeleteYes}
        </button>
        <button class="secondary" data-cancel @click=${() => void this.#cancelDelete(subscription)}>
          ${t.subscriptionDeleteNo}
        </button>
      </div>
    </div>`;
  }
}
