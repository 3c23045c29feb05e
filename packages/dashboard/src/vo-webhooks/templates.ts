// The webhooks view's larger templates, as functions of what they show: the form to add a
// webhook and the list of one webhook's deliveries (one webhook is in webhook-item.ts; the new
// secret in ../secret-panel.ts). The element keeps the state and the events.
import { html, nothing } from 'lit';
import type { Delivery, ServiceInfo } from '@vo-feedback/shared';
import { WEBHOOK_EVENTS } from '@vo-feedback/shared/constants';
import { failureMessage } from '../errors.ts';
import { describedBy, fieldError } from '../field-errors.ts';
import { figure } from '../figure.ts';
import type { Formats } from '../format.ts';
import type { Messages } from '../i18n/catalogs.ts';
import type { WebhookErrors } from '../webhook-draft.ts';

/** A webhook's opened deliveries: loading (no list yet), loaded, or failed. */
export interface Opened {
  deliveries?: Delivery[];
  error?: unknown;
}

/**
 * The deliveries of one webhook, each with its button to send it again — unless there is no
 * `resend`: then they are shown read-only.
 */
export function deliveriesList(
  t: Messages,
  f: Formats,
  open: Opened,
  { busy, resend }: { busy: boolean; resend?: ((delivery: Delivery) => void) | undefined },
) {
  if (open.error !== undefined) {
    return html`<p class="error">${failureMessage(t, open.error)}</p>`;
  }
  if (!open.deliveries) return html`<p class="hint">${t.deliveriesLoading}</p>`;
  if (open.deliveries.length === 0) return html`<p>${t.deliveriesEmpty}</p>`;
  return html`<ul class="delivery-list">
    ${open.deliveries.map((delivery) => {
      const event = t.webhookEvents[delivery.event];
      const response = delivery.lastStatusCode ?? delivery.lastError ?? t.deliveryNoResponse;
      return html`<li class="delivery" data-delivery=${delivery.id}>
        <h4>${event} · ${f.dateTime(delivery.createdAt)}</h4>
        <dl class="facts">
          ${figure(t.deliveryStatus, 'status', t.deliveryStatuses[delivery.status])}
          ${figure(t.deliveryAttempts, 'attempts', f.integer(delivery.attempts))}
          ${figure(t.deliveryLastResponse, 'response', response)}
          ${
            delivery.nextAttemptAt
              ? figure(t.deliveryNextAttempt, 'next', f.dateTime(delivery.nextAttemptAt))
              : nothing
          }
          ${
            delivery.deliveredAt
              ? figure(t.deliveryDeliveredAt, 'delivered', f.dateTime(delivery.deliveredAt))
              : nothing
          }
        </dl>
        ${
          resend
            ? html`<button
                class="secondary"
                data-resend
                aria-disabled=${busy ? 'true' : 'false'}
                @click=${() => resend(delivery)}
              >
                ${t.deliveryResend}<span class="visually-hidden">: ${event}</span>
              </button>`
            : nothing
        }
      </li>`;
    })}
  </ul>`;
}

/** The form to add a webhook; each error sits next to its field and names how to fix it. */
export function webhookForm(
  t: Messages,
  {
    errors,
    services,
    busy,
    submit,
  }: {
    errors: WebhookErrors;
    services: readonly ServiceInfo[];
    busy: boolean;
    submit: (event: SubmitEvent) => void;
  },
) {
  return html`<form novalidate @submit=${submit}>
    <h2>${t.webhookAddHeading}</h2>
    <div class="field">
      <label for="webhook-url">${t.webhookUrl}</label>
      <p class="hint" id="webhook-url-hint">${t.webhookUrlHint}</p>
      ${fieldError('webhook-url-error', errors.url, t.errorPrefix)}
      <input
        id="webhook-url"
        name="url"
        type="url"
        autocomplete="off"
        spellcheck="false"
        aria-describedby=${describedBy(errors.url, 'webhook-url-error', 'webhook-url-hint')}
        aria-invalid=${errors.url ? 'true' : 'false'}
      />
    </div>
    <fieldset aria-describedby=${describedBy(errors.events, 'events-error')}>
      <legend>${t.webhookEventsLegend}</legend>
      ${fieldError('events-error', errors.events, t.errorPrefix)}
      <ul class="choices">
        ${WEBHOOK_EVENTS.map(
          (event, index) =>
            html`<li class="check">
              <input id=${`event-${index}`} name="events" type="checkbox" value=${event} />
              <label for=${`event-${index}`}>${t.webhookEvents[event]}</label>
            </li>`,
        )}
      </ul>
    </fieldset>
    <fieldset aria-describedby=${describedBy(errors.services, 'services-error', 'services-hint')}>
      <legend>${t.webhookServicesLegend}</legend>
      <p class="hint" id="services-hint">${t.webhookServicesHint}</p>
      ${fieldError('services-error', errors.services, t.errorPrefix)}
      <ul class="choices">
        ${services.map(
          (service, index) =>
            html`<li class="check">
              <input
                id=${`service-${index}`}
                name="serviceIds"
                type="checkbox"
                value=${service.id}
              />
              <label for=${`service-${index}`}>${service.name}</label>
            </li>`,
        )}
      </ul>
    </fieldset>
    <div class="check">
      <input
        id="webhook-comment"
        name="includeComment"
        type="checkbox"
        aria-describedby="comment-hint"
      />
      <label for="webhook-comment">${t.webhookIncludeComment}</label>
      <p class="hint" id="comment-hint">${t.webhookIncludeCommentHint}</p>
    </div>
    <button type="submit" aria-disabled=${busy ? 'true' : 'false'}>${t.webhookAdd}</button>
  </form>`;
}
