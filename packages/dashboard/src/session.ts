// The token lives in sessionStorage only: it survives a reload of this tab, never reaches another
// tab or a later browser session, and sign-out removes it.

const TOKEN_KEY = 'vo-dashboard-token';
const LANGUAGE_KEY = 'vo-dashboard-language';

// Storage can refuse (private mode, quota, storage disabled): then nothing is kept, and the
// session lasts until reload.
function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // not kept
  }
}

export const storedToken = (): string | null => read(TOKEN_KEY);
export const storeToken = (token: string): void => write(TOKEN_KEY, token);
export const forgetToken = (): void => write(TOKEN_KEY, null);

/** The chosen language is a preference, not a secret; it lives as long as the tab too. */
export const storedLanguage = (): string | null => read(LANGUAGE_KEY);
export const storeLanguage = (language: string): void => write(LANGUAGE_KEY, language);
