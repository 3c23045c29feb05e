// The tools at the right of the dashboard's banner: the language, and once signed in who is
// signed in (a person by their e-mail address, a token by its role) with the sign-out button.
import { html, nothing } from 'lit';
import type { Role, SignedInPerson } from '@vo-feedback/shared';
import { catalogs, LANGUAGES, type Language, type Messages } from '../i18n/catalogs.ts';

export interface BannerState {
  language: Language;
  onLanguage: (event: Event) => void;
  /** Undefined before signing in. */
  signedIn?: { person: SignedInPerson | null; role: Role; onSignOut: () => void } | undefined;
}

export function bannerTools(t: Messages, state: BannerState) {
  const { signedIn } = state;
  const who = signedIn?.person
    ? t.signedInAsPerson(signedIn.person.email)
    : signedIn?.role === 'steering'
      ? t.signedInAsSteering
      : t.signedInAsProvider;
  return html`<div class="tools">
    <label class="language">
      <span>${t.language}</span>
      <select id="language" @change=${state.onLanguage}>
        ${LANGUAGES.map(
          (language) =>
            html`<option
              value=${language}
              lang=${language}
              ?selected=${language === state.language}
            >
              ${catalogs[language].languageName}
            </option>`,
        )}
      </select>
    </label>
    ${
      signedIn
        ? html`<span class="role">${who}</span>
            <button class="secondary" @click=${signedIn.onSignOut}>${t.signOut}</button>`
        : nothing
    }
  </div>`;
}
