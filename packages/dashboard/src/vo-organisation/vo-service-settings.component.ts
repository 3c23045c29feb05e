import { html, nothing } from 'lit';
import type { AdminService } from '@vo-feedback/shared';
import { states } from '../element.ts';
import { emit } from '../events.ts';
import { describedBy, fieldError } from '../field-errors.ts';
import { figure } from '../figure.ts';
import { OrganisationSection } from '../organisation-section.ts';
import { serviceFieldErrors, serviceFromForm, type NewServiceField } from './drafts.ts';
import { reasonEditor } from './reason-editor.ts';
import {
  emptyReason,
  MAX_OWN_REASONS,
  reasonDrafts,
  settingsChanges,
  settingsFieldErrors,
  type ReasonDraft,
  type SettingsErrors,
} from './service-settings.ts';
import { styles } from './vo-organisation.styles.ts';

type NewServiceErrors = Partial<Record<NewServiceField, string>>;

/** Detail of `vo-services-changed`: a service was added to the organisation. */
export interface ServicesChangedDetail {
  serviceId: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vo-services-changed': CustomEvent<ServicesChangedDetail>;
  }
}

/**
 * "Diensten": the services of the manager's organisation with their settings in words — which
 * websites may send feedback, where citizens find help, which reasons the widget offers after a
 * low score — each changed in a panel under the service; and a form to add a service. `GET`/`POST
 * /api/v1/admin/services`, `PATCH …/:id`, which the collector keeps within the organisation.
 * Fires `vo-services-changed` when a service was added, so the shell reads its list again.
 *
 * Accessibility criteria: a section with its own heading and status regions; the panel opens
 * from a button with `aria-expanded`, its first field takes focus, and saving or cancelling
 * returns focus to that button; the reasons are a choice between the default list and an own
 * list, each own reason a fieldset with a labelled field per language (marked with its `lang`);
 * errors say how to fix them, sit next to their field and take focus.
 *
 * @summary The services of a manager's organisation and their settings.
 * @tagname vo-service-settings
 * @fires vo-services-changed - A service was added.
 */
export class VoServiceSettings extends OrganisationSection<AdminService> {
  static override styles = styles;

  static override properties = {
    ...OrganisationSection.properties,
    ...states('_editing', '_reasons', '_errors', '_addErrors'),
  };

  /** The id of the service whose settings panel is open. */
  declare private _editing: string;
  /** The open panel's own reasons, or null for the default list. */
  declare private _reasons: ReasonDraft[] | null;
  declare private _errors: SettingsErrors;
  declare private _addErrors: NewServiceErrors;

  constructor() {
    super();
    this._editing = '';
    this._reasons = null;
    this._errors = {};
    this._addErrors = {};
  }

  protected override fetchItems(signal: AbortSignal) {
    return this.context.api.organisation.services(signal);
  }

  protected override get heading() {
    return this.context.t.servicesSettingsHeading;
  }

  protected override reset() {
    this._editing = '';
    this._errors = {};
    this._addErrors = {};
  }

  async #open(service: AdminService) {
    this._editing = service.id;
    this._reasons = service.reasons ? reasonDrafts(service.reasons) : null;
    this._errors = {};
    this.announce('');
    await this.focusOn('#settings-origins');
  }

  async #close(service: AdminService) {
    this._editing = '';
    this._errors = {};
    await this.focusOn(`[data-item="${service.id}"] button[data-edit]`);
  }

  /** The own list starts from the reasons the widget offers now: the default list's. */
  async #chooseReasons(service: AdminService, own: boolean) {
    if (!own) {
      this._reasons = null;
      return;
    }
    if (this._reasons) return;
    this._reasons = [emptyReason()];
    try {
      const config = await this.context.api.serviceConfig(service.id);
      if (this._editing === service.id && this._reasons?.length === 1 && !this._reasons[0]!.code) {
        this._reasons = reasonDrafts(config.reasons.slice(0, MAX_OWN_REASONS));
      }
    } catch {
      // an empty reason to fill in, then
    }
  }

  async #addReason() {
    const reasons = [...(this._reasons ?? []), emptyReason()];
    this._reasons = reasons;
    this.announce(this.context.t.reasonAdded(reasons.length));
    await this.focusOn(`#reason-${reasons.length - 1}-code`);
  }

  async #removeReason(index: number) {
    const reasons = (this._reasons ?? []).filter((_, i) => i !== index);
    this._reasons = reasons;
    this.announce(this.context.t.reasonRemoved(index + 1));
    await this.focusOn(`#reason-${Math.min(index, reasons.length - 1)}-code`);
  }

  async #save(service: AdminService, event: SubmitEvent) {
    event.preventDefault();
    const { t, api } = this.context;
    const read = settingsChanges(
      service,
      new FormData(event.target as HTMLFormElement),
      this._reasons,
      t,
    );
    if ('errors' in read) return this.#showErrors(read.errors, read.focus);
    this._errors = {};
    if (Object.keys(read.changes).length === 0) {
      this.announce(t.serviceUnchanged(service.name));
      return this.#close(service);
    }
    await this.change(
      service.id,
      async () => {
        const saved = await api.organisation.changeService(service.id, read.changes);
        this._items = (this._items ?? []).map((s) => (s.id === saved.id ? saved : s));
        this.announce(t.serviceSaved(saved.name));
        await this.#close(saved);
      },
      async (error) => {
        const fields = settingsFieldErrors(error);
        if (fields) {
          const focus = fields.origins
            ? 'settings-origins'
            : fields.helpUrl
              ? 'settings-help'
              : 'reasons-own';
          await this.#showErrors(fields, focus);
        }
        return fields !== undefined;
      },
    );
  }

  async #showErrors(errors: SettingsErrors, focus: string) {
    this._errors = errors;
    const first = errors.origins ?? errors.helpUrl ?? errors.reasons;
    this.announce(`${this.context.t.errorPrefix} ${first}`, true);
    await this.focusOn(`#${focus}`);
  }

  #onAdd = async (event: SubmitEvent) => {
    event.preventDefault();
    const { t, api } = this.context;
    const form = event.target as HTMLFormElement;
    const read = serviceFromForm(new FormData(form), t);
    if ('errors' in read) return this.#showAddErrors(read.errors);
    this._addErrors = {};
    const draft = read.value;
    await this.change(
      'add',
      async () => {
        const added = await api.organisation.addService(draft);
        form.reset();
        this._items = [...(this._items ?? []), added].sort((a, b) => a.id.localeCompare(b.id));
        this.announce(t.serviceAdded(added.name));
        emit(this, 'vo-services-changed', { serviceId: added.id });
        await this.focusOn(`[data-item="${added.id}"] h3`);
      },
      async (error) => {
        const fields = serviceFieldErrors(error);
        if (fields) await this.#showAddErrors(fields);
        return fields !== undefined;
      },
    );
  };

  async #showAddErrors(errors: NewServiceErrors) {
    this._addErrors = errors;
    const first = (['name', 'id', 'origins'] as const).find((field) => errors[field])!;
    this.announce(`${this.context.t.errorPrefix} ${errors[first]}`, true);
    await this.focusOn(`#new-service-${first}`);
  }

  override render() {
    const { t } = this.context;
    return html`<section aria-labelledby="services-heading">
      <h2 id="services-heading" tabindex="-1">${t.servicesSettingsHeading}</h2>
      <p>${t.servicesSettingsIntro}</p>
      ${this.statuses(t.servicesSettingsLoading)} ${this._items ? this.#list(this._items) : nothing}
      ${this._items ? this.#addForm() : nothing}
    </section>`;
  }

  #list(services: AdminService[]) {
    const { t } = this.context;
    if (services.length === 0) {
      return html`<div class="message is-empty" data-empty><p>${t.servicesSettingsEmpty}</p></div>`;
    }
    return html`<ul class="items">
      ${services.map((service) => this.#service(service))}
    </ul>`;
  }

  #service(service: AdminService) {
    const { t, language } = this.context;
    const open = this._editing === service.id;
    const reasons = service.reasons
      ? service.reasons.map((reason) => reason.labels[language]).join('; ')
      : t.serviceReasonsDefault;
    return html`<li class="item" data-item=${service.id}>
      <h3 tabindex="-1">${service.name}</h3>
      <dl class="facts">
        ${figure(t.serviceIdTerm, 'id', html`<code>${service.id}</code>`)}
        ${figure(t.serviceStatusTerm, 'status', service.active ? t.serviceActive : t.serviceInactive)}
        ${figure(
          t.serviceOriginsTerm,
          'origins',
          service.allowedOrigins.length > 0
            ? service.allowedOrigins.join(', ')
            : t.serviceNoOrigins,
        )}
        ${figure(t.serviceHelpTerm, 'help', service.helpUrl ?? t.serviceHelpDefault)}
        ${figure(t.serviceReasonsTerm, 'reasons', reasons)}
      </dl>
      <button
        class="secondary"
        data-edit
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${`settings-${service.id}`}
        @click=${() => void (open ? this.#close(service) : this.#open(service))}
      >
        ${t.serviceEdit}<span class="visually-hidden">: ${service.name}</span>
      </button>
      <div id=${`settings-${service.id}`} ?hidden=${!open}>
        ${open ? this.#panel(service) : nothing}
      </div>
    </li>`;
  }

  #panel(service: AdminService) {
    const { t, language } = this.context;
    const errors = this._errors;
    const headingId = `settings-heading-${service.id}`;
    return html`<form
      class="panel settings"
      novalidate
      aria-labelledby=${headingId}
      @submit=${(event: SubmitEvent) => void this.#save(service, event)}
    >
      <h4 id=${headingId}>${t.serviceEditHeading(service.name)}</h4>
      <div class="field">
        <label for="settings-origins">${t.serviceOrigins}</label>
        <p class="hint" id="settings-origins-hint">${t.serviceOriginsHint}</p>
        ${fieldError('settings-origins-error', errors.origins, t.errorPrefix)}
        <textarea
          id="settings-origins"
          name="allowedOrigins"
          rows="3"
          spellcheck="false"
          autocomplete="off"
          aria-describedby=${describedBy(errors.origins, 'settings-origins-error', 'settings-origins-hint')}
          aria-invalid=${errors.origins ? 'true' : 'false'}
          .value=${service.allowedOrigins.join('\n')}
        ></textarea>
      </div>
      <div class="field">
        <label for="settings-help">${t.serviceHelpUrl}</label>
        <p class="hint" id="settings-help-hint">${t.serviceHelpUrlHint}</p>
        ${fieldError('settings-help-error', errors.helpUrl, t.errorPrefix)}
        <input
          id="settings-help"
          name="helpUrl"
          type="text"
          inputmode="url"
          spellcheck="false"
          autocomplete="off"
          aria-describedby=${describedBy(errors.helpUrl, 'settings-help-error', 'settings-help-hint')}
          aria-invalid=${errors.helpUrl ? 'true' : 'false'}
          .value=${service.helpUrl ?? ''}
        />
      </div>
      ${reasonEditor(t, {
        language,
        reasons: this._reasons,
        error: errors.reasons,
        choose: (own) => void this.#chooseReasons(service, own),
        add: () => void this.#addReason(),
        remove: (index) => void this.#removeReason(index),
      })}
      <div class="buttons">
        <button type="submit" aria-disabled=${this._busy ? 'true' : 'false'}>
          ${t.serviceSave}<span class="visually-hidden">: ${service.name}</span>
        </button>
        <button
          type="button"
          class="secondary"
          data-cancel
          @click=${() => void this.#close(service)}
        >
          ${t.serviceCancel}
        </button>
      </div>
    </form>`;
  }

  #addForm() {
    const { t } = this.context;
    const errors = this._addErrors;
    const id = (field: NewServiceField) => `new-service-${field}`;
    return html`<form novalidate @submit=${this.#onAdd}>
      <h3>${t.serviceAddHeading}</h3>
      <div class="field">
        <label for=${id('name')}>${t.serviceName}</label>
        ${fieldError(`${id('name')}-error`, errors.name, t.errorPrefix)}
        <input
          id=${id('name')}
          name="name"
          type="text"
          autocomplete="off"
          maxlength="200"
          aria-describedby=${describedBy(errors.name, `${id('name')}-error`)}
          aria-invalid=${errors.name ? 'true' : 'false'}
        />
      </div>
      <div class="field">
        <label for=${id('id')}>${t.serviceNewId}</label>
        <p class="hint" id=${`${id('id')}-hint`}>${t.serviceNewIdHint}</p>
        ${fieldError(`${id('id')}-error`, errors.id, t.errorPrefix)}
        <input
          id=${id('id')}
          name="id"
          type="text"
          autocomplete="off"
          spellcheck="false"
          maxlength="64"
          aria-describedby=${describedBy(errors.id, `${id('id')}-error`, `${id('id')}-hint`)}
          aria-invalid=${errors.id ? 'true' : 'false'}
        />
      </div>
      <div class="field">
        <label for=${id('origins')}>${t.serviceOrigins}</label>
        <p class="hint" id=${`${id('origins')}-hint`}>${t.serviceOriginsHint}</p>
        ${fieldError(`${id('origins')}-error`, errors.origins, t.errorPrefix)}
        <textarea
          id=${id('origins')}
          name="allowedOrigins"
          rows="3"
          spellcheck="false"
          autocomplete="off"
          aria-describedby=${describedBy(errors.origins, `${id('origins')}-error`, `${id('origins')}-hint`)}
          aria-invalid=${errors.origins ? 'true' : 'false'}
        ></textarea>
      </div>
      <button type="submit" aria-disabled=${this._busy ? 'true' : 'false'}>${t.serviceAdd}</button>
    </form>`;
  }
}
