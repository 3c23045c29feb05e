import { html, nothing } from 'lit';
import type { Delivery, ServiceInfo, Webhook } from '@vo-feedback/shared';
import { inputs, states } from '../element.ts';
import { OrganisationSection } from '../organisation-section.ts';
import { copySecret, secretPanel } from '../secret-panel.ts';
import {
  receiverOf,
  webhookFieldErrors,
  webhookFromForm,
  type WebhookErrors,
} from '../webhook-draft.ts';
import { webhookForm, type Opened } from './templates.ts';
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
export class VoWebhooks extends OrganisationSection<Webhook> {
  static override styles = styles;

  static override properties = {
    ...OrganisationSection.properties,
    ...inputs('services'),
    ...states('_errors', '_secret', '_opened'),
  };

  /** The services within the token's reach: the organisation's, to filter a webhook by. */
  declare services: ServiceInfo[];
  declare private _errors: WebhookErrors;
  /** The secret of the webhook just added: shown until dismissed, never again. */
  declare private _secret: string;
  declare private _opened: Record<string, Opened>;

  constructor() {
    super();
    this.services = [];
    this._errors = {};
    this._secret = '';
    this._opened = {};
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override async fetchItems(signal: AbortSignal) {
    return (await this.context.api.webhooks(signal)).webhooks;
  }

  protected override get heading() {
    return this.context.t.webhooksHeading;
  }

  protected override reset() {
    this._secret = '';
    this._opened = {};
  }

  /** Webhooks are a provider's: a steering token asks for nothing. */
  protected override mayLoad() {
    return this.context.role === 'provider';
  }

  protected override itemSelector(id: string) {
    return `[data-webhook="${id}"]`;
  }

  protected override get removeSelector() {
    return 'button[data-delete]';
  }

  /** A person is signed in who is not a manager: the collector refuses them every change. */
  get #readOnly() {
    const { person } = this.context;
    return !!person && person.role !== 'manager';
  }

  #onAdd = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this._busy || this.#readOnly) return;
    const { t, api } = this.context;
    const form = event.target as HTMLFormElement;
    const read = webhookFromForm(new FormData(form), t);
    if ('errors' in read) return this.#showErrors(read.errors);
    this._errors = {};
    await this.change(
      'add',
      async () => {
        const created = await api.createWebhook(read.webhook);
        form.reset();
        this._secret = created.secret;
        this.announce(t.webhookAdded(receiverOf(read.webhook.url)));
        await this.focusOn('#secret-heading');
        // The answer holds the id and the secret; the list shows the webhook as the collector has it.
        await this.refresh();
      },
      async (error) => {
        const fields = webhookFieldErrors(error);
        if (fields) await this.#showErrors(fields);
        else this.announceFailure(error, `${t.notSaved} `);
        return true;
      },
    );
  };

  async #showErrors(errors: WebhookErrors) {
    const { t } = this.context;
    this._errors = errors;
    const first = errors.url ?? errors.events ?? errors.services;
    this.announce(`${t.errorPrefix} ${first}`, true);
    const target = errors.url ? '#webhook-url' : errors.events ? '#event-0' : '#service-0';
    await this.focusOn(target);
  }

  #copy = async () => {
    const { t } = this.context;
    await copySecret(this._secret, {
      copied: t.webhookCopied,
      failed: t.webhookCopyFailed,
      errorPrefix: t.errorPrefix,
      announce: (message, failed) => this.announce(message, failed),
      field: () => this.renderRoot.querySelector<HTMLInputElement>('#webhook-secret'),
    });
  };

  async #dismissSecret() {
    this._secret = '';
    this.announce('');
    await this.focusOn('#webhooks-list-heading');
  }

  async #delete(webhook: Webhook) {
    if (this.#readOnly) return;
    const { t, api } = this.context;
    await this.change(webhook.id, async () => {
      await api.deleteWebhook(webhook.id);
      this._items = (this._items ?? []).filter((w) => w.id !== webhook.id);
      this._confirming = '';
      this.announce(t.webhookDeleted(receiverOf(webhook.url)));
      await this.focusOn('#webhooks-list-heading');
    });
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
    if (this.#readOnly) return;
    const { t, api } = this.context;
    await this.change(delivery.id, async () => {
      await api.resendDelivery(webhook.id, delivery.id);
      this.announce(t.deliveryResent(t.webhookEvents[delivery.event]));
      await this.#loadDeliveries(webhook.id);
      // A resend enables a disabled webhook again: the list says so.
      await this.refresh();
    });
  }

  override render() {
    const { t } = this.context;
    if (this.context.role !== 'provider') {
      return html`<h1 tabindex="-1">${t.webhooksHeading}</h1>
        <div class="message"><p>${t.webhooksSteering}</p></div>`;
    }
    const readOnly = this.#readOnly;
    return html`
      <h1 tabindex="-1">${t.webhooksHeading}</h1>
      <p>${t.webhooksIntro}</p>
      ${readOnly ? html`<p data-read-only>${t.webhooksManagersOnly}</p>` : nothing}
      ${this.statuses(t.webhooksLoading)}
      ${
        this._secret
          ? secretPanel(this._secret, {
              ids: { heading: 'secret-heading', note: 'secret-note', field: 'webhook-secret' },
              texts: {
                heading: t.webhookSecretHeading,
                note: t.webhookSecretNote,
                label: t.webhookSecretLabel,
                copy: t.webhookCopy,
                done: t.webhookSecretDone,
              },
              level: 2,
              copy: () => void this.#copy(),
              dismiss: () => void this.#dismissSecret(),
            })
          : nothing
      }
      ${this._items ? this.#list(this._items) : nothing}
      ${
        this._items && !readOnly
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
            askDelete: () => void this.ask(id),
            confirmDelete: () => void this.#delete(webhook),
            cancelDelete: () => void this.cancel(id),
            resend: (delivery) => void this.#resend(webhook, delivery),
          },
    });
  }
}
