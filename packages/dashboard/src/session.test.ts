import { afterEach, describe, expect, it } from 'vitest';
import { forgetToken, storedLanguage, storedToken, storeLanguage, storeToken } from './session.ts';

describe('session storage', () => {
  afterEach(() => sessionStorage.clear());

  it('keeps the token and the language in sessionStorage, and forgets the token', () => {
    expect(storedToken()).toBeNull();
    storeToken('abc');
    storeLanguage('fr');
    expect(sessionStorage.getItem('vo-dashboard-token')).toBe('abc');
    expect([storedToken(), storedLanguage()]).toEqual(['abc', 'fr']);
    forgetToken();
    expect([storedToken(), storedLanguage()]).toEqual([null, 'fr']);
  });
});
