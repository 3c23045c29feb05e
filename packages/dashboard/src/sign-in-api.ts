// Signing in as a person with OpenID Connect, as the dashboard asks the collector about it:
// whether it is on and who is signed in (GET /auth/session), and signing out (POST
// /auth/logout). Signing in itself is a navigation to /auth/login: the issuer's pages are not
// ours to fetch.
import type { AuthSession, SignedOut } from '@vo-feedback/shared';
import { ApiError } from './api.ts';

/** Where the browser goes to sign in at the issuer; it comes back to the dashboard. */
export const SIGN_IN_URL = '/auth/login';

/** The state of sign-in; a collector that cannot tell (offline, older) is taken to have it off. */
export async function authSession(signal?: AbortSignal): Promise<AuthSession> {
  try {
    const response = await fetch('/auth/session', {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { accept: 'application/json' },
      ...(signal ? { signal } : {}),
    });
    if (!response.ok) return { oidc: false, person: null, csrfToken: null };
    return (await response.json()) as AuthSession;
  } catch (error) {
    if (signal?.aborted) throw error;
    return { oidc: false, person: null, csrfToken: null };
  }
}

/**
 * Ends the session at the collector; answers where the browser goes next (the issuer's
 * end-session page, which signs out there too, or the dashboard).
 */
export async function signOutSession(csrfToken: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch('/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
    });
  } catch (error) {
    throw new ApiError('network', 0, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    throw new ApiError(response.status === 403 ? 'forbidden' : 'server', response.status, '');
  }
  return ((await response.json()) as SignedOut).next;
}
