// The token lives in sessionStorage only: it survives a reload of this tab, never reaches another
// tab or a later browser session, and sign-out removes it.

const TOKEN_KEY = 'vo-dashboard-token';
const LANGUAGE_KEY = 'vo-dashboard-language';

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string): void {
  try {
    sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage refused (private mode quota): the session then lasts until reload.
  }
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // nothing stored
  }
}

/** The chosen language is a preference, not a secret; it lives as long as the tab too. */
export function storedLanguage(): string | null {
  try {
    return sessionStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

export function storeLanguage(language: string): void {
  try {
    sessionStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // not kept
  }
}
