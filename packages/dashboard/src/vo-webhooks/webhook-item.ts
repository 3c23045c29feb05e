// One webhook of the webhooks view, as a function of what it shows: the receiver, its warnings,
// its facts, the deliveries disclosure and — for whoever may change it — the delete button with
// its in-page question and the resend buttons. The element keeps the state and the events.
import { html, nothing } from 'lit';
import type { Delivery, ServiceInfo, Webhook } from '@vo-feedback/shared';
import { figure } from '../figure.ts';
import type { Formats } from '../format.ts';
import type { Messages } from '../i18n/catalogs.ts';
import { receiverOf } from '../webhook-draft.ts';
import { deliveriesList, type Opened } from './templates.ts';

/** What one webhook's template needs beside the webhook. */
export interface WebhookItemState {
  services: readonly ServiceInfo[];
  /** Its deliveries, when their disclosure is open. */
  open: Opened | undefined;
  /** Whether a change is being sent. */
  busy: boolean;
  /** Whether its deletion waits for an answer to the question. */
  confirming: boolean;
}

/** What one webhook's buttons do; without `changes`, it is shown read-only. */
export interface WebhookItemActions {
  toggleDeliveries: () => void;
  changes?:
    | {
        askDelete: () => void;
        confirmDelete: () => void;
        cancelDelete: () => void;
        resend: (delivery: Delivery) => void;
      }
    | undefined;
}

export function webhookItem(
  t: Messages,
  f: Formats,
  webhook: Webhook,
  { services, open, busy, confirming }: WebhookItemState,
  { toggleDeliveries, changes }: WebhookItemActions,
) {
  const { id } = webhook;
  const receiver = receiverOf(webhook.url);
  const names = webhook.serviceIds?.map(
    (serviceId) => services.find((s) => s.id === serviceId)?.name ?? serviceId,
  );
  const events = webhook.events.map((event) => t.webhookEvents[event]).join(', ');
  return html`<li class="webhook" data-webhook=${id}>
    <h3>${receiver}</h3>
    ${
      webhook.disabledAt
        ? html`<p class="warning" data-disabled>
            ${t.webhookDisabled(f.dateTime(webhook.disabledAt), webhook.disabledReason ?? '')}
          </p>`
        : webhook.failingSince
          ? html`<p class="warning" data-failing>
              ${t.webhookFailingSince(f.dateTime(webhook.failingSince))}
            </p>`
          : nothing
    }
    <dl class="facts">
      ${figure(t.webhookEventsTerm, 'events', events)}
      ${figure(t.webhookServicesTerm, 'services', names?.join(', ') ?? t.webhookAllServices)}
      ${figure(
        t.webhookCommentTerm,
        'comment',
        webhook.includeComment ? t.webhookWithComment : t.webhookWithoutComment,
      )}
    </dl>
    <div class="buttons">
      <button
        class="secondary"
        data-deliveries
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${`deliveries-${id}`}
        @click=${toggleDeliveries}
      >
        ${t.deliveries}<span class="visually-hidden"> ${t.deliveriesOf(receiver)}</span>
      </button>
      ${
        changes
          ? html`<button
              class="secondary"
              data-delete
              aria-expanded=${confirming ? 'true' : 'false'}
              @click=${changes.askDelete}
            >
              ${t.webhookDelete}<span class="visually-hidden"> ${receiver}</span>
            </button>`
          : nothing
      }
    </div>
    ${changes && confirming ? confirmDelete(t, webhook, receiver, busy, changes) : nothing}
    <div id=${`deliveries-${id}`} class="deliveries" ?hidden=${!open}>
      ${open ? deliveriesList(t, f, open, { busy, resend: changes?.resend }) : nothing}
    </div>
  </li>`;
}

/** The in-page question before a webhook is deleted, with focus put on it by the element. */
function confirmDelete(
  t: Messages,
  webhook: Webhook,
  receiver: string,
  busy: boolean,
  { confirmDelete: yes, cancelDelete: no }: NonNullable<WebhookItemActions['changes']>,
) {
  const id = `confirm-${webhook.id}`;
  return html`<div class="confirm" role="group" aria-labelledby=${id}>
    <p id=${id} tabindex="-1">${t.webhookDeleteQuestion(receiver)}</p>
    <div class="buttons">
      <button data-confirm aria-disabled=${busy ? 'true' : 'false'} @click=${yes}>
        ${t.webhookDeleteYes}
      </button>
      <button class="secondary" data-cancel @click=${no}>${t.webhookDeleteNo}</button>
    </div>
  </div>`;
}
