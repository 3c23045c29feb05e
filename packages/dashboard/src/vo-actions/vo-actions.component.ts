import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Action, ActionStatus, ServiceInfo } from '@vo-feedback/shared';
import { ACTION_STATUSES } from '@vo-feedback/shared/constants';
import { draftFromForm, themeChoices, type DraftErrors } from '../action-draft.ts';
import { changeFailure } from '../change-failure.ts';
import type { DashboardContext } from '../context.ts';
import { inputs, states } from '../element.ts';
import { failureMessage, isAbort, retryable } from '../errors.ts';
import { describedBy, fieldError } from '../field-errors.ts';
import { figure } from '../figure.ts';
import { contextMoved, Loader } from '../loader.ts';
import type { Period } from '../period.ts';
import { styles } from './vo-actions.styles.ts';

/**
 * "Wat we verbeteren": a service's improvement actions, with their status, dates, whether they
 * are public and the themes that led to them; a form to add one; each action's status changed in
 * place and an action deleted after an in-page confirmation. Public actions that are done appear
 * on /transparantie as "Dankzij uw feedback …". For the service's provider only: steering tokens
 * see nothing here and nothing is asked for them. `GET`/`POST
 * /api/v1/services/:id/actions`, `PATCH`/`DELETE …/actions/:actionId`.
 *
 * Accessibility criteria: native, labelled controls (the status selects named by their action);
 * a form whose errors say how to fix them, sit next to their field and take focus; the outcome of
 * every change is announced in a status region that is always rendered, and a refused change
 * says the collector's reason; delete asks first, in the page, with focus on the question, and
 * focus returns to the action (cancel), to the list's heading (deleted) or to the new action
 * (added).
 *
 * @summary A service's improvement actions.
 * @tagname vo-actions
 */
export class VoActions extends LitElement {
  static override styles = styles;

  static override properties = {
    ...inputs('context', 'service', 'period'),
    ...states('_actions', '_themes', '_error', '_busy', '_status', '_failed', '_confirming'),
    ...states('_errors'),
  };

  declare context: DashboardContext;
  /** The service whose actions these are. */
  declare service: ServiceInfo;
  /** The period whose themes are offered to link a new action to. */
  declare period: Period | undefined;
  declare private _actions: Action[] | undefined;
  declare private _themes: string[];
  declare private _error: unknown;
  /** What is being sent: `add`, or the id of the action being changed or deleted. */
  declare private _busy: string;
  declare private _status: string;
  declare private _failed: boolean;
  /** The id of the action whose deletion waits for an answer to the question. */
  declare private _confirming: string;
  declare private _errors: DraftErrors;
  readonly #loader = new Loader(this);

  constructor() {
    super();
    this.period = undefined;
    this._actions = undefined;
    this._themes = [];
    this._error = undefined;
    this._busy = '';
    this._status = '';
    this._failed = false;
    this._confirming = '';
    this._errors = {};
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (contextMoved(changed, this.context) || changed.has('service') || changed.has('period')) {
      // A message about the previous service or period ("De actie … is toegevoegd.", a refused
      // title) would read as one about what is shown now.
      this.#announce('');
      this._errors = {};
      void this.#load();
    }
  }

  async #load() {
    // Actions are the provider's: a steering token asks for nothing.
    if (this.context.role !== 'provider') return;
    const { api } = this.context;
    const { id } = this.service;
    const period = this.period;
    this._error = undefined;
    this._actions = undefined;
    this._confirming = '';
    await this.#loader.run(
      async (signal) => {
        // The themes only suggest links: without them the form still works.
        const themes = period
          ? api.themes(id, period, signal).catch((error: unknown) => {
              if (isAbort(error)) throw error;
              return undefined;
            })
          : Promise.resolve(undefined);
        const [list, found] = await Promise.all([api.actions(id, signal), themes]);
        return { actions: list.actions, themes: found };
      },
      {
        done: ({ actions, themes }) => {
          this._actions = actions;
          this._themes = themeChoices(themes);
        },
        failed: (error) => {
          this._error = error;
        },
      },
    );
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
    if (this._busy) return;
    const { t, api } = this.context;
    const form = event.target as HTMLFormElement;
    const read = draftFromForm(new FormData(form), t);
    this._errors = 'errors' in read ? read.errors : {};
    if ('errors' in read) {
      const { title, description } = read.errors;
      this.#announce(`${t.errorPrefix} ${title ?? description}`, true);
      await this.#focus(title ? '#action-title' : '#action-description');
      return;
    }
    const { draft } = read;
    this._busy = 'add';
    this.#announce(t.saving);
    try {
      const action = await api.createAction(this.service.id, draft);
      this._actions = [action, ...(this._actions ?? [])];
      form.reset();
      this.#announce(t.actionAdded(action.title));
      await this.#focus(`[data-action="${action.id}"] h4`);
    } catch (error) {
      this.#announce(`${t.errorPrefix} ${t.notSaved} ${changeFailure(t, error)}`, true);
    } finally {
      this._busy = '';
    }
  };

  async #changeStatus(action: Action, event: Event) {
    const { t, api } = this.context;
    const select = event.target as HTMLSelectElement;
    const status = select.value as ActionStatus;
    this._busy = action.id;
    this.#announce(t.saving);
    try {
      const changed = await api.changeAction(this.service.id, action.id, { status });
      this._actions = (this._actions ?? []).map((a) => (a.id === changed.id ? changed : a));
      this.#announce(t.actionStatusChanged(changed.title, t.actionStatuses[changed.status]));
    } catch (error) {
      // The select shows the status the collector still holds.
      select.value = action.status;
      this.#announce(`${t.errorPrefix} ${t.notSaved} ${changeFailure(t, error)}`, true);
    } finally {
      this._busy = '';
    }
  }

  async #askDelete(action: Action) {
    this._confirming = action.id;
    await this.#focus(`[data-action="${action.id}"] .confirm p`);
  }

  async #cancelDelete(action: Action) {
    this._confirming = '';
    await this.#focus(`[data-action="${action.id}"] button[data-delete]`);
  }

  async #delete(action: Action) {
    if (this._busy) return;
    const { t, api } = this.context;
    this._busy = action.id;
    this.#announce(t.saving);
    try {
      await api.deleteAction(this.service.id, action.id);
      this._actions = (this._actions ?? []).filter((a) => a.id !== action.id);
      this._confirming = '';
      this.#announce(t.actionDeleted(action.title));
      await this.#focus('#actions-list-heading');
    } catch (error) {
      this.#announce(`${t.errorPrefix} ${changeFailure(t, error)}`, true);
    } finally {
      this._busy = '';
    }
  }

  override render() {
    if (this.context.role !== 'provider') return nothing;
    const { t } = this.context;
    const loading = this._actions === undefined && this._error === undefined;
    const statusClass = this._failed ? 'error' : 'hint';
    // No whitespace around a status: `:empty` then drops its margin when there is nothing to say.
    return html`
      <h2>${t.actionsHeading}</h2>
      <p>${t.actionsIntro}</p>
      <p role="status" class="hint" data-status="load">${loading ? t.actionsLoading : ''}</p>
      ${
        this._error !== undefined
          ? html`<div class="message is-error">
              <p>${failureMessage(t, this._error)}</p>
              ${
                retryable(this._error)
                  ? html`<button class="secondary" @click=${() => void this.#load()}>
                      ${t.reload}<span class="visually-hidden">: ${t.actionsHeading}</span>
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${this._actions ? this.#list(this._actions) : nothing}
      <p role="status" data-status="change" class=${statusClass}>${this._status}</p>
      ${this._actions ? this.#form() : nothing}
    `;
  }

  #list(actions: Action[]) {
    const { t } = this.context;
    return html`<h3 id="actions-list-heading" tabindex="-1">${t.actionsListHeading}</h3>
      ${
        actions.length === 0
          ? html`<div class="message is-empty" data-no-actions><p>${t.actionsEmpty}</p></div>`
          : html`<ul class="actions">
              ${actions.map((action) => this.#action(action))}
            </ul>`
      }`;
  }

  #action(action: Action) {
    const { t, f } = this.context;
    const id = action.id;
    return html`<li class="action" data-action=${id}>
      <h4 tabindex="-1">${action.title}</h4>
      ${action.description ? html`<p class="description">${action.description}</p>` : nothing}
      <dl class="facts">
        ${action.plannedOn ? figure(t.actionPlannedOn, 'planned', f.day(action.plannedOn)) : nothing}
        ${action.doneOn ? figure(t.actionDoneOn, 'done', f.day(action.doneOn)) : nothing}
        ${figure(t.actionPublic, 'public', action.public ? t.actionPublicYes : t.actionPublicNo)}
        ${
          action.themes.length > 0
            ? figure(t.actionThemes, 'themes', action.themes.join(', '))
            : nothing
        }
      </dl>
      <div class="controls">
        <div class="field">
          <label for=${`status-${id}`}
            >${t.actionStatus}
            <span class="visually-hidden">${t.actionOf(action.title)}</span></label
          >
          <select
            id=${`status-${id}`}
            .value=${live(action.status)}
            @change=${(event: Event) => void this.#changeStatus(action, event)}
          >
            ${ACTION_STATUSES.map(
              (status) =>
                html`<option value=${status} ?selected=${status === action.status}>
                  ${t.actionStatuses[status]}
                </option>`,
            )}
          </select>
        </div>
        <button
          class="secondary"
          data-delete
          aria-expanded=${this._confirming === id ? 'true' : 'false'}
          @click=${() => void this.#askDelete(action)}
        >
          ${t.actionDelete}<span class="visually-hidden"> ${action.title}</span>
        </button>
      </div>
      ${this._confirming === id ? this.#confirm(action) : nothing}
    </li>`;
  }

  #confirm(action: Action) {
    const { t } = this.context;
    return html`<div class="confirm" role="group" aria-labelledby=${`confirm-${action.id}`}>
      <p id=${`confirm-${action.id}`} tabindex="-1">${t.actionDeleteQuestion(action.title)}</p>
      <div class="buttons">
        <button
          data-confirm
          aria-disabled=${this._busy ? 'true' : 'false'}
          @click=${() => void this.#delete(action)}
        >
          ${t.actionDeleteYes}
        </button>
        <button class="secondary" data-cancel @click=${() => void this.#cancelDelete(action)}>
          ${t.actionDeleteNo}
        </button>
      </div>
    </div>`;
  }

  #form() {
    const { t } = this.context;
    const errors = this._errors;
    return html`<form novalidate @submit=${this.#onAdd}>
      <h3>${t.actionAddHeading}</h3>
      <div class="field">
        <label for="action-title">${t.actionTitle}</label>
        <p class="hint" id="action-title-hint">${t.actionTitleHint}</p>
        ${fieldError('action-title-error', errors.title, t.errorPrefix)}
        <input
          id="action-title"
          name="title"
          autocomplete="off"
          aria-describedby=${describedBy(errors.title, 'action-title-error', 'action-title-hint')}
          aria-invalid=${errors.title ? 'true' : 'false'}
        />
      </div>
      <div class="field">
        <label for="action-description">${t.actionDescription} ${t.notRequired}</label>
        ${fieldError('action-description-error', errors.description, t.errorPrefix)}
        <textarea
          id="action-description"
          name="description"
          rows="3"
          aria-describedby=${describedBy(errors.description, 'action-description-error')}
          aria-invalid=${errors.description ? 'true' : 'false'}
        ></textarea>
      </div>
      <div class="field">
        <label for="action-status">${t.actionStatus}</label>
        <select id="action-status" name="status">
          ${ACTION_STATUSES.map(
            (status) => html`<option value=${status}>${t.actionStatuses[status]}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="action-planned">${t.actionPlannedOn} ${t.notRequired}</label>
        <input id="action-planned" name="plannedOn" type="date" />
      </div>
      <div class="check">
        <input id="action-public" name="public" type="checkbox" aria-describedby="public-hint" />
        <label for="action-public">${t.actionPublicLabel}</label>
        <p class="hint" id="public-hint">${t.actionPublicHint}</p>
      </div>
      ${this.#themeChoices()}
      <button type="submit" aria-disabled=${this._busy ? 'true' : 'false'}>${t.actionAdd}</button>
    </form>`;
  }

  #themeChoices() {
    if (this._themes.length === 0) return nothing;
    const { t } = this.context;
    return html`<fieldset aria-describedby="themes-hint">
      <legend>${t.actionThemesLegend} ${t.notRequired}</legend>
      <p class="hint" id="themes-hint">${t.actionThemesHint}</p>
      <ul class="choices">
        ${this._themes.map(
          (theme, index) =>
            html`<li class="check">
              <input id=${`theme-${index}`} name="themes" type="checkbox" value=${theme} />
              <label for=${`theme-${index}`}>${theme}</label>
            </li>`,
        )}
      </ul>
    </fieldset>`;
  }
}
