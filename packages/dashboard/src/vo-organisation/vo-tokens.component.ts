import { html, nothing } from 'lit';
import type { TokenInfo } from '@vo-feedback/shared';
import { states } from '../element.ts';
import { describedBy, fieldError } from '../field-errors.ts';
import { figure } from '../figure.ts';
import type { TokenDraft } from '../organisation-api.ts';
import { OrganisationSection } from '../organisation-section.ts';
import { copySecret, secretPanel } from '../secret-panel.ts';
import { tokenFieldErrors, tokenFromForm, type TokenField } from './drafts.ts';
import { styles } from './vo-organisation.styles.ts';

type TokenErrors = Partial<Record<TokenField, string>>;
const ROLES = ['provider', 'ingest'] as const;

/**
 * "Tokens": the manager's organisation's tokens — each label with what it may do in words, when
 * it was made and whether it was revoked; a form to make one, after which the token is shown this
 * once with a copy button; revocation after an in-page confirmation. `GET`/`POST
 * /api/v1/admin/tokens`, `DELETE …/:id`, which the collector keeps within the manager's
 * organisation.
 *
 * Accessibility criteria: a section with its own heading and status regions; what a token may do
 * is a radio group in a fieldset, each choice explained; errors say how to fix them, sit next to
 * their field and take focus; the new token is a labelled read-only field under a heading that
 * takes focus, with a copy button and the note that it is not shown again; revocation asks first,
 * in the page, with focus on the question.
 *
 * @summary The tokens of a manager's organisation.
 * @tagname vo-tokens
 */
export class VoTokens extends OrganisationSection<TokenInfo> {
  static override styles = styles;

  static override properties = {
    ...OrganisationSection.properties,
    ...states('_errors', '_secret'),
  };

  declare private _errors: TokenErrors;
  /** The token just made: shown until dismissed, never again. */
  declare private _secret: string;

  constructor() {
    super();
    this._errors = {};
    this._secret = '';
  }

  protected override fetchItems(signal: AbortSignal) {
    return this.context.api.organisation.tokens(signal);
  }

  protected override get heading() {
    return this.context.t.tokensHeading;
  }

  protected override reset() {
    this._errors = {};
    this._secret = '';
  }

  #onAdd = async (event: SubmitEvent) => {
    event.preventDefault();
    const { t, api } = this.context;
    const form = event.target as HTMLFormElement;
    const read = tokenFromForm(new FormData(form), t);
    if ('errors' in read) return this.#showErrors(read.errors);
    this._errors = {};
    const draft: TokenDraft = read.value;
    await this.change(
      'add',
      async () => {
        const created = await api.organisation.createToken(draft);
        form.reset();
        this._secret = created.token;
        this.announce(t.tokenAdded(draft.label));
        await this.focusOn('#token-secret-heading');
        // The answer holds the id and the token; the list shows it as the collector has it.
        await this.refresh();
      },
      async (error) => {
        const fields = tokenFieldErrors(error);
        if (fields) await this.#showErrors(fields);
        return fields !== undefined;
      },
    );
  };

  async #showErrors(errors: TokenErrors) {
    const { t } = this.context;
    this._errors = errors;
    this.announce(`${t.errorPrefix} ${errors.label ?? errors.role}`, true);
    await this.focusOn(errors.label ? '#token-label' : '#token-role-provider');
  }

  #copy = async () => {
    const { t } = this.context;
    await copySecret(this._secret, {
      copied: t.tokenCopied,
      failed: t.tokenCopyFailed,
      errorPrefix: t.errorPrefix,
      announce: (message, failed) => this.announce(message, failed),
      field: () => this.renderRoot.querySelector<HTMLInputElement>('#token-secret'),
    });
  };

  #dismiss = async () => {
    this._secret = '';
    this.announce('');
    await this.focusOn('#tokens-heading');
  };

  async #revoke(token: TokenInfo) {
    const { t, api } = this.context;
    await this.change(token.id, async () => {
      await api.organisation.revokeToken(token.id);
      const revokedAt = new Date().toISOString();
      this._items = (this._items ?? []).map((item) =>
        item.id === token.id ? { ...item, revokedAt } : item,
      );
      this._confirming = '';
      this.announce(t.tokenRevoked(token.label));
      await this.refresh();
      await this.focusOn(`[data-item="${token.id}"] h3`);
    });
  }

  override render() {
    const { t } = this.context;
    return html`<section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading" tabindex="-1">${t.tokensHeading}</h2>
      <p>${t.tokensIntro}</p>
      ${this.statuses(t.tokensLoading)} ${this._secret ? this.#secretPanel() : nothing}
      ${this._items ? this.#list(this._items) : nothing} ${this._items ? this.#form() : nothing}
    </section>`;
  }

  #secretPanel() {
    const { t } = this.context;
    return secretPanel(this._secret, {
      ids: { heading: 'token-secret-heading', note: 'token-secret-note', field: 'token-secret' },
      texts: {
        heading: t.tokenSecretHeading,
        note: t.tokenSecretNote,
        label: t.tokenSecretLabel,
        copy: t.tokenCopy,
        done: t.tokenSecretDone,
      },
      level: 3,
      copy: this.#copy,
      dismiss: this.#dismiss,
    });
  }

  #list(tokens: TokenInfo[]) {
    const { t } = this.context;
    if (tokens.length === 0) {
      return html`<div class="message is-empty" data-empty><p>${t.tokensEmpty}</p></div>`;
    }
    return html`<ul class="items">
      ${tokens.map((token) => this.#token(token))}
    </ul>`;
  }

  #token(token: TokenInfo) {
    const { t, f } = this.context;
    const status = token.revokedAt ? t.tokenRevokedOn(f.dateTime(token.revokedAt)) : t.tokenActive;
    return html`<li class=${token.revokedAt ? 'item revoked' : 'item'} data-item=${token.id}>
      <h3 tabindex="-1">${token.label}</h3>
      <dl class="facts">
        ${figure(t.tokenRoleTerm, 'role', t.tokenRoles[token.role])}
        ${figure(t.tokenCreatedTerm, 'created', f.dateTime(token.createdAt))}
        ${figure(t.tokenStatusTerm, 'status', status)}
      </dl>
      ${
        token.revokedAt
          ? nothing
          : html`<button
              class="secondary"
              data-remove
              aria-expanded=${this._confirming === token.id ? 'true' : 'false'}
              @click=${() => void this.ask(token.id)}
            >
              ${t.tokenRevoke}<span class="visually-hidden">: ${token.label}</span>
            </button>`
      }
      ${this.confirmation(
        token.id,
        t.tokenRevokeQuestion(token.label),
        [t.tokenRevokeYes, t.tokenRevokeNo],
        () => void this.#revoke(token),
      )}
    </li>`;
  }

  #form() {
    const { t } = this.context;
    const errors = this._errors;
    return html`<form novalidate @submit=${this.#onAdd}>
      <h3>${t.tokenAddHeading}</h3>
      <div class="field">
        <label for="token-label">${t.tokenNameLabel}</label>
        <p class="hint" id="token-label-hint">${t.tokenNameHint}</p>
        ${fieldError('token-label-error', errors.label, t.errorPrefix)}
        <input
          id="token-label"
          name="label"
          type="text"
          autocomplete="off"
          maxlength="200"
          aria-describedby=${describedBy(errors.label, 'token-label-error', 'token-label-hint')}
          aria-invalid=${errors.label ? 'true' : 'false'}
        />
      </div>
      <fieldset aria-describedby=${describedBy(errors.role, 'token-role-error')}>
        <legend>${t.tokenRoleLegend}</legend>
        ${fieldError('token-role-error', errors.role, t.errorPrefix)}
        <ul class="choices">
          ${ROLES.map(
            (role) =>
              html`<li class="check">
                <input
                  id=${`token-role-${role}`}
                  name="role"
                  type="radio"
                  value=${role}
                  aria-describedby=${`token-role-${role}-hint`}
                />
                <label for=${`token-role-${role}`}>${t.tokenRoles[role]}</label>
                <p class="hint" id=${`token-role-${role}-hint`}>${t.tokenRoleHints[role]}</p>
              </li>`,
          )}
        </ul>
      </fieldset>
      <button type="submit" aria-disabled=${this._busy ? 'true' : 'false'}>${t.tokenAdd}</button>
    </form>`;
  }
}
