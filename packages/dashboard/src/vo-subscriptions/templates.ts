// The subscriptions view's form, as a function of what it shows: the address, what it gets and
// about which services. The element keeps the state and the events.
import { html, nothing } from 'lit';
import type { ServiceInfo } from '@vo-feedback/shared';
import { SUBSCRIPTION_FREQUENCIES } from '@vo-feedback/shared/constants';
import { describedBy, fieldError } from '../field-errors.ts';
import type { Messages } from '../i18n/catalogs.ts';
import type { SubscriptionErrors } from './subscription-draft.ts';

export interface SubscriptionFormState {
  errors: SubscriptionErrors;
  services: readonly ServiceInfo[];
  /** Whether "only the services I tick" is chosen: the checkboxes show. */
  chosen: boolean;
  busy: boolean;
  submit: (event: SubmitEvent) => void;
  choose: (chosen: boolean) => void;
}

/** The form to subscribe an address; each error sits next to its field and says how to fix it. */
export function subscriptionForm(
  t: Messages,
  { errors, services, chosen, busy, submit, choose }: SubscriptionFormState,
) {
  return html`<form novalidate @submit=${submit}>
    <h2>${t.subscriptionAddHeading}</h2>
    <div class="field">
      <label for="subscription-email">${t.subscriptionEmail}</label>
      <p class="hint" id="subscription-email-hint">${t.subscriptionEmailHint}</p>
      ${fieldError('subscription-email-error', errors.email, t.errorPrefix)}
      <input
        id="subscription-email"
        name="email"
        type="email"
        autocomplete="off"
        spellcheck="false"
        aria-describedby=${describedBy(
          errors.email,
          'subscription-email-error',
          'subscription-email-hint',
        )}
        aria-invalid=${errors.email ? 'true' : 'false'}
      />
    </div>
    <fieldset aria-describedby=${describedBy(errors.frequency, 'frequency-error')}>
      <legend>${t.subscriptionFrequencyLegend}</legend>
      ${fieldError('frequency-error', errors.frequency, t.errorPrefix)}
      <ul class="choices">
        ${SUBSCRIPTION_FREQUENCIES.map(
          (frequency) =>
            html`<li class="check">
              <input
                id=${`frequency-${frequency}`}
                name="frequency"
                type="radio"
                value=${frequency}
                aria-describedby=${`frequency-${frequency}-hint`}
              />
              <label for=${`frequency-${frequency}`}>
                ${capitalised(t.subscriptionFrequencies[frequency])}
              </label>
              <p class="hint" id=${`frequency-${frequency}-hint`}>
                ${t.subscriptionFrequencyHints[frequency]}
              </p>
            </li>`,
        )}
      </ul>
    </fieldset>
    <fieldset aria-describedby=${describedBy(errors.services, 'services-error')}>
      <legend>${t.subscriptionServicesLegend}</legend>
      ${fieldError('services-error', errors.services, t.errorPrefix)}
      <ul class="choices">
        <li class="check">
          <input
            id="services-all"
            name="services"
            type="radio"
            value="all"
            checked
            @change=${() => choose(false)}
          />
          <label for="services-all">${t.subscriptionServicesAll}</label>
        </li>
        ${
          services.length > 0
            ? html`<li class="check">
                <input
                  id="services-chosen"
                  name="services"
                  type="radio"
                  value="chosen"
                  aria-controls="services-picked"
                  @change=${() => choose(true)}
                />
                <label for="services-chosen">${t.subscriptionServicesChosen}</label>
              </li>`
            : nothing
        }
      </ul>
      <div id="services-picked" class="picked" ?hidden=${!chosen}>
        ${
          chosen
            ? html`<fieldset>
                <legend>${t.subscriptionServicesPick}</legend>
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
              </fieldset>`
            : nothing
        }
      </div>
    </fieldset>
    <button type="submit" aria-disabled=${busy ? 'true' : 'false'}>${t.subscriptionAdd}</button>
  </form>`;
}

/** "wekelijks overzicht" as a choice of its own: "Wekelijks overzicht". */
function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
