import { html, nothing } from 'lit';
import type { ServiceInfo, Subscription } from '@vo-feedback/shared';
import { inputs, states } from '../element.ts';
import { figure } from '../figure.ts';
import { OrganisationSection } from '../organisation-section.ts';
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
export class VoSubscriptions extends OrganisationSection<Subscription> {
  static override styles = styles;

  static override properties = {
    ...OrganisationSection.properties,
    ...inputs('services'),
    ...states('_errors', '_chosen'),
  };

  /** The services within reach (the organisation's), to name and to choose from. */
  declare services: ServiceInfo[];
  declare private _errors: SubscriptionErrors;
  /** Whether the form asks for the ticked services only. */
  declare private _chosen: boolean;

  constructor() {
    super();
    this.services = [];
    this._errors = {};
    this._chosen = false;
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override async fetchItems(signal: AbortSignal) {
    return (await this.context.api.organisation.subscriptions(signal)).subscriptions;
  }

  protected override get heading() {
    return this.context.t.subscriptionsHeading;
  }

  protected override reset() {
    this._errors = {};
  }

  /** Subscriptions are an organisation's: a steering token asks for nothing. */
  protected override mayLoad() {
    return this.context.role === 'provider';
  }

  protected override itemSelector(id: string) {
    return `[data-subscription="${id}"]`;
  }

  protected override get removeSelector() {
    return 'button[data-delete]';
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
    await this.change(
      'add',
      async () => {
        const created = await api.organisation.createSubscription(read.subscription);
        form.reset();
        this._chosen = false;
        this._items = [...(this._items ?? []).filter((s) => s.id !== created.id), created];
        this.announce(t.subscriptionAdded(created.email, this.#what(created)));
        await this.focusOn(`${this.itemSelector(created.id)} h3`);
      },
      async (error) => {
        const fields = subscriptionFieldErrors(error);
        if (fields) await this.#showErrors(fields);
        else this.announceFailure(error, `${t.notSaved} `);
        return true;
      },
    );
  };

  async #showErrors(errors: SubscriptionErrors) {
    const { t } = this.context;
    this._errors = errors;
    const first = SUBSCRIPTION_FIELDS.find((field) => errors[field]);
    if (!first) return;
    this.announce(`${t.errorPrefix} ${errors[first]}`, true);
    await this.focusOn(FIELD_TARGETS[first]);
  }

  async #delete(subscription: Subscription) {
    const { t, api } = this.context;
    await this.change(subscription.id, async () => {
      await api.organisation.deleteSubscription(subscription.id);
      this._items = (this._items ?? []).filter((s) => s.id !== subscription.id);
      this._confirming = '';
      this.announce(t.subscriptionDeleted(subscription.email, this.#what(subscription)));
      await this.focusOn('#subscriptions-list-heading');
    });
  }

  override render() {
    const { t } = this.context;
    if (this.context.role !== 'provider') {
      return html`<h1 tabindex="-1">${t.subscriptionsHeading}</h1>
        <div class="message"><p>${t.subscriptionsSteering}</p></div>`;
    }
    return html`
      <h1 tabindex="-1">${t.subscriptionsHeading}</h1>
      <p>${t.subscriptionsIntro}</p>
      <p data-digest>${t.subscriptionsDigest}</p>
      ${this.statuses(t.subscriptionsLoading)} ${this._items ? this.#list(this._items) : nothing}
      ${
        this._items
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
        @click=${() => void this.ask(id)}
      >
        ${t.subscriptionDelete}<span class="visually-hidden"
          >: ${t.subscriptionOf(email, what)}</span
        >
      </button>
      ${this.confirmation(
        id,
        t.subscriptionDeleteQuestion(email, what),
        [t.subscriptionDeleteYes, t.subscriptionDeleteNo],
        () => void this.#delete(subscription),
      )}
    </li>`;
  }
}
