import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { Delivery, ServiceInfo, Webhook } from '@vo-feedback/shared';
import { changeFailure } from '../change-failure.ts';
import type { DashboardContext } from '../context.ts';
import { inputs, states } from '../element.ts';
import { failureMessage, retryable } from '../errors.ts';
import { contextMoved, Loader } from '../loader.ts';
import {
  receiverOf,
  webhookFieldErrors,
  webhookFromForm,
  type WebhookErrors,
} from '../webhook-draft.ts';
import { secretPanel, webhookForm, type Opened } from './templates.ts';
import { styles } from './vo-webhooks.styles.ts';
import { webhookItem } from './webhook-item.ts';

/**
 * "Webhooks": the provider's organisation's webhooks — the receiver's host and path, the events
 * in words, the services, whether the comment is sent and why one is disabled; a form to add one,
 * after which its secret is shown this once; delete after an in-page confirmation; per webhook
 * its recent deliveries behind a disclosure, each resent with one button. Steering has no
 * webhooks: it is told so and nothing is asked. A person signed in who is not a manager of the
 * organisation sees the webhooks and their deliveries read-only, told that a manager changes them:
 * the collector refuses them the changes (403 `not-a-manager`). A token and a manager may change
 * them. `GET`/`POST /api/v1/webhooks`, `DELETE …/:id`, `GET …/:id/deliveries`,
 * `POST …/deliveries/:deliveryId/resend`.
 *
 * Accessibility criteria: native, labelled controls, the events and services in fieldsets with a
 * legend; errors say how to fix them (the collector's own field messages when it refuses), sit
 * next to their field and take focus; the outcome of every change is announced in a status region
 * that is always rendered; the new secret is a labelled read-only field under a heading that takes
 * focus, with a copy button and the note that it is not shown again; delete asks first, in the
 * page, with focus on the question; the deliveries are a disclosure button with `aria-expanded`.
 *
 * @summary An organisation's webhooks and their deliveries.
 * @tagname vo-webhooks
 */
export class VoWebhooks extends LitElement {
  static override styles = styles;

  static override properties = {
    ...inputs('context', 'services'),
    ...states('_webhooks', '_error', '_busy', '_status', '_failed', '_confirming', '_errors'),
    ...states('_secret', '_opened'),
  };

  declare context: DashboardContext;
  /** The services within the token's reach: the organisation's, to filter a webhook by. */
  declare services: ServiceInfo[];
  declare private _webhooks: Webhook[] | undefined;
  declare private _error: unknown;
  /** What is being sent: `add`, or the id of the webhook or delivery being changed. */
  declare private _busy: string;
  declare private _status: string;
  declare private _failed: boolean;
  /** The id of the webhook whose deletion waits for an answer to the question. */
  declare private _confirming: string;
  declare private _errors: WebhookErrors;
  /** The secret of the webhook just added: shown until dismissed, never again. */
  declare private _secret: string;
  declare private _opened: Record<string, Opened>;
  readonly #loader = new Loader(this);

  constructor() {
    super();
    this.services = [];
    this._webhooks = undefined;
    this._error = undefined;
    this._busy = '';
    this._status = '';
    this._failed = false;
    this._confirming = '';
    this._errors = {};
    this._secret = '';
    this._opened = {};
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (contextMoved(changed, this.context)) {
      this.#announce('');
      this._secret = '';
      this._opened = {};
      void this.#load();
    }
  }

  /** A person is signed in who is not a manager: the collector refuses them every change. */
  get #readOnly() {
    const { person } = this.context;
    return !!person && person.role !== 'manager';
  }

  async #load() {
    // Webhooks are a provider's: a steering token asks for nothing.
    if (this.context.role !== 'provider') return;
    const { api } = this.context;
    this._error = undefined;
    this._webhooks = undefined;
    this._confirming = '';
    await this.#loader.run((signal) => api.webhooks(signal), {
      done: ({ webhooks }) => {
        this._webhooks = webhooks;
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

  #onAdd = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this._busy || this.#readOnly) return;
    const { t, api } = this.context;
    const form = event.target as HTMLFormElement;
    const read = webhookFromForm(new FormData(form), t);
    if ('errors' in read) return this.#showErrors(read.errors);
    this._errors = {};
    this._busy = 'add';
    this.#announce(t.saving);
    try {
      const created = await api.createWebhook(read.webhook);
      form.reset();
      this._secret = created.secret;
      this.#announce(t.webhookAdded(receiverOf(read.webhook.url)));
      await this.#focus('#secret-heading');
      // The answer holds the id and the secret; the list shows the webhook as the collector has it.
      const list = await api.webhooks().catch(() => undefined);
      if (list) this._webhooks = list.webhooks;
    } catch (error) {
      const fields = webhookFieldErrors(error);
      if (fields) await this.#showErrors(fields);
      else this.#announce(`${t.errorPrefix} ${t.notSaved} ${changeFailure(t, error)}`, true);
    } finally {
      this._busy = '';
    }
  };

  async #showErrors(errors: WebhookErrors) {
    const { t } = this.context;
    this._errors = errors;
    const first = errors.url ?? errors.events ?? errors.services;
    this.#announce(`${t.errorPrefix} ${first}`, true);
    const target = errors.url ? '#webhook-url' : errors.events ? '#event-0' : '#service-0';
    await this.#focus(target);
  }

  #copy = async () => {
    const { t } = this.context;
    try {
      await navigator.clipboard.writeText(this._secret);
      this.#announce(t.webhookCopied);
    } catch {
      this.#announce(`${t.errorPrefix} ${t.webhookCopyFailed}`, true);
      this.renderRoot.querySelector<HTMLInputElement>('#webhook-secret')?.select();
    }
  };

  async #dismissSecret() {
    this._secret = '';
    this.#announce('');
    await this.#focus('#webhooks-list-heading');
  }

  async #askDelete(webhook: Webhook) {
    this._confirming = webhook.id;
    await this.#focus(`[data-webhook="${webhook.id}"] .confirm p`);
  }

  async #cancelDelete(webhook: Webhook) {
    this._confirming = '';
    await this.#focus(`[data-webhook="${webhook.id}"] button[data-delete]`);
  }

  async #delete(webhook: Webhook) {
    if (this._busy || this.#readOnly) return;
    const { t, api } = this.context;
    this._busy = webhook.id;
    this.#announce(t.saving);
    try {
      await api.deleteWebhook(webhook.id);
      this._webhooks = (this._webhooks ?? []).filter((w) => w.id !== webhook.id);
      this._confirming = '';
      this.#announce(t.webhookDeleted(receiverOf(webhook.url)));
      await this.#focus('#webhooks-list-heading');
    } catch (error) {
      this.#announce(`${t.errorPrefix} ${changeFailure(t, error)}`, true);
    } finally {
      this._busy = '';
    }
  }

  async #toggleDeliveries(webhook: Webhook) {
    const { [webhook.id]: open, ...others } = this._opened;
    if (open) {
      this._opened = others;
      return;
    }
    await this.#loadDeliveries(webhook.id);
  }

  async #loadDeliveries(id: string) {
    this._opened = { ...this._opened, [id]: {} };
    let opened: Opened;
    try {
      opened = { deliveries: (await this.context.api.deliveries(id)).deliveries };
    } catch (error) {
      opened = { error };
    }
    // Closed while it loaded: stays closed.
    if (this._opened[id]) this._opened = { ...this._opened, [id]: opened };
  }

  async #resend(webhook: Webhook, delivery: Delivery) {
    if (this._busy || this.#readOnly) return;
    const { t, api } = this.context;
    this._busy = delivery.id;
    this.#announce(t.saving);
    try {
      await api.resendDelivery(webhook.id, delivery.id);
      this.#announce(t.deliveryResent(t.webhookEvents[delivery.event]));
      await this.#loadDeliveries(webhook.id);
      // A resend enables a disabled webhook again: the list says so.
      const list = await api.webhooks().catch(() => undefined);
      if (list) this._webhooks = list.webhooks;
    } catch (error) {
      this.#announce(`${t.errorPrefix} ${changeFailure(t, error)}`, true);
    } finally {
      this._busy = '';
    }
  }

  override render() {
    const { t } = this.context;
    if (this.context.role !== 'provider') {
      return html`<h1 tabindex="-1">${t.webhooksHeading}</h1>
        <div class="message"><p>${t.webhooksSteering}</p></div>`;
    }
    const loading = this._webhooks === undefined && this._error === undefined;
    const readOnly = this.#readOnly;
    // No whitespace around a status: `:empty` then drops its margin when there is nothing to say.
    return html`
      <h1 tabindex="-1">${t.webhooksHeading}</h1>
      <p>${t.webhooksIntro}</p>
      ${readOnly ? html`<p data-read-only>${t.webhooksManagersOnly}</p>` : nothing}
      <p role="status" class="hint" data-status="load">${loading ? t.webhooksLoading : ''}</p>
      ${this._error !== undefined ? this.#failed() : nothing}
      <p role="status" data-status="change" class=${this._failed ? 'error' : 'hint'}>
        ${this._status}
      </p>
      ${
        this._secret
          ? secretPanel(t, this._secret, {
              copy: () => void this.#copy(),
              dismiss: () => void this.#dismissSecret(),
            })
          : nothing
      }
      ${this._webhooks ? this.#list(this._webhooks) : nothing}
      ${
        this._webhooks && !readOnly
          ? webhookForm(t, {
              errors: this._errors,
              services: this.services,
              busy: this._busy !== '',
              submit: (event) => void this.#onAdd(event),
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
              ${t.reload}<span class="visually-hidden">: ${t.webhooksHeading}</span>
            </button>`
          : nothing
      }
    </div>`;
  }

  #list(webhooks: Webhook[]) {
    const { t } = this.context;
    return html`<h2 id="webhooks-list-heading" tabindex="-1">${t.webhooksListHeading}</h2>
      ${
        webhooks.length === 0
          ? html`<div class="message is-empty" data-no-webhooks>
              <p>${this.#readOnly ? t.webhooksNone : t.webhooksEmpty}</p>
            </div>`
          : html`<ul class="webhooks">
              ${webhooks.map((webhook) => this.#webhook(webhook))}
            </ul>`
      }`;
  }

  #webhook(webhook: Webhook) {
    const { t, f } = this.context;
    const { id } = webhook;
    const state = {
      services: this.services,
      open: this._opened[id],
      busy: this._busy !== '',
      confirming: this._confirming === id,
    };
    return webhookItem(t, f, webhook, state, {
      toggleDeliveries: () => void this.#toggleDeliveries(webhook),
      changes: this.#readOnly
        ? undefined
        : {
            askDelete: () => void this.#askDelete(webhook),
            confirmDelete: () => void this.#delete(webhook),
            cancelDelete: () => void this.#cancelDelete(webhook),
            resend: (delivery) => void this.#resend(webhook, delivery),
          },
    });
  }
}
