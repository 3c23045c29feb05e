import { LitElement, html, nothing } from 'lit';
import { ApiError, DashboardApi } from '../api.ts';
import { inputs, states } from '../element.ts';
import { failureMessage } from '../errors.ts';
import { emit } from '../events.ts';
import type { Messages } from '../i18n/catalogs.ts';
import { SIGN_IN_URL } from '../sign-in-api.ts';
import { styles } from './vo-sign-in.styles.ts';

export type { SignedInDetail } from '../events.ts';

/**
 * Sign-in. Where the collector signs people in with OpenID Connect (`oidc`), one "Aanmelden" link
 * to the issuer (through /auth/login): people sign in as themselves, and their actions carry
 * their name. Otherwise a provider or steering token, checked against the collector
 * (`GET /api/v1/services`) before anything is kept; a wrong one gets a message that says what to do.
 *
 * Accessibility criteria: a labelled field with its hint and error tied to it (`aria-describedby`),
 * `aria-invalid` on error, focus back to the field after an error, progress in a status region;
 * the sign-in link is a link (it navigates), described by its hint, with the button's look.
 *
 * @summary The sign-in form of the dashboard.
 * @tagname vo-sign-in
 * @fires {CustomEvent<SignedInDetail>} vo-signed-in - The collector accepted the token.
 */
export class VoSignIn extends LitElement {
  static override styles = styles;

  static override properties = {
    ...inputs('messages', 'connect', 'oidc'),
    ...states('_error', '_busy'),
  };

  /** The language's catalog. */
  declare messages: Messages;
  /** The collector signs people in with OpenID Connect: no token field, the issuer's sign-in. */
  declare oidc: boolean;
  /** The API a token opens: the collector's, unless a test gives another. */
  declare connect: (token: string) => Pick<DashboardApi, 'services'>;
  declare private _error: string;
  declare private _busy: boolean;

  constructor() {
    super();
    this._error = '';
    this._busy = false;
    this.oidc = false;
    this.connect = (token) => new DashboardApi(token);
  }

  /** Moves focus to the heading (after a navigation or sign-out). */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  #submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this._busy) return;
    const t = this.messages;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#token')!;
    const token = input.value.trim();
    if (!token) {
      this._error = t.tokenMissing;
      input.focus();
      return;
    }
    this._busy = true;
    this._error = '';
    try {
      const services = await this.connect(token).services();
      input.value = '';
      emit(this, 'vo-signed-in', { token, services });
    } catch (error) {
      this._error =
        error instanceof ApiError && error.kind === 'unauthorized'
          ? t.tokenWrong
          : failureMessage(t, error);
      await this.updateComplete;
      input.focus();
    } finally {
      this._busy = false;
    }
  };

  override render() {
    const t = this.messages;
    if (this.oidc) {
      return html`
        <section class="panel" aria-labelledby="sign-in-heading">
          <h1 id="sign-in-heading" tabindex="-1">${t.signInHeading}</h1>
          <p>${t.oidcSignInIntro}</p>
          <p id="oidc-hint" class="hint">${t.oidcSignInHint}</p>
          <div class="actions">
            <a class="button" href=${SIGN_IN_URL} aria-describedby="oidc-hint">${t.oidcSignIn}</a>
          </div>
        </section>
      `;
    }
    const describedBy = this._error ? 'token-error token-hint' : 'token-hint';
    return html`
      <section class="panel" aria-labelledby="sign-in-heading">
        <h1 id="sign-in-heading" tabindex="-1">${t.signInHeading}</h1>
        <p>${t.signInIntro}</p>
        <form @submit=${this.#submit} novalidate>
          <label for="token">${t.tokenLabel}</label>
          <p id="token-hint" class="hint">${t.tokenHint}</p>
          ${
            this._error
              ? html`<p id="token-error" class="error">
                  <span class="visually-hidden">${t.errorPrefix}</span> ${this._error}
                </p>`
              : nothing
          }
          <input
            id="token"
            name="token"
            type="password"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            aria-describedby=${describedBy}
            aria-invalid=${this._error ? 'true' : 'false'}
          />
          <div class="actions">
            <button type="submit" ?disabled=${this._busy}>${t.signIn}</button>
          </div>
        </form>
        <p role="status" class="hint">${this._busy ? t.signingIn : ''}</p>
      </section>
    `;
  }
}
