import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, DashboardApi } from './api.ts';
import { authSession, signOutSession } from './sign-in-api.ts';

// How the dashboard calls the collector in a person's session: the cookie goes along by itself
// (same origin), no bearer token, and every change carries the session's CSRF token. The real
// collector and issuer are exercised end to end in e2e/sign-in.test.ts.

const calls: { url: string; init: RequestInit }[] = [];

function answer(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  calls.length = 0;
});

describe('the API in a person’s session', () => {
  it('sends the cookie, never a bearer token, and the CSRF token with every change only', async () => {
    answer(200, { id: 'x' });
    const api = new DashboardApi({ csrfToken: 'csrf-123' });
    await api.json('/me');
    await api.send('PATCH', '/services/a/feedback/b', { status: 'read' });
    await api.erase('a', 'b');
    const [read, change, erase] = calls.map((call) => ({
      credentials: call.init.credentials,
      headers: call.init.headers as Record<string, string>,
    }));
    expect(read!.credentials).toBe('same-origin');
    expect(read!.headers).not.toHaveProperty('authorization');
    expect(read!.headers).not.toHaveProperty('x-csrf-token');
    expect(change!.headers['x-csrf-token']).toBe('csrf-123');
    expect(change!.headers).not.toHaveProperty('authorization');
    expect(erase!.headers['x-csrf-token']).toBe('csrf-123');
  });

  it('with a token, sends the bearer token and no cookie', async () => {
    answer(200, {});
    await new DashboardApi('vof_token').send('POST', '/webhooks', {});
    expect(calls[0]!.init.credentials).toBe('omit');
    expect(calls[0]!.init.headers).toMatchObject({ authorization: 'Bearer vof_token' });
    expect(calls[0]!.init.headers).not.toHaveProperty('x-csrf-token');
  });

  it('reads the state of sign-in, taking a collector that cannot tell to have it off', async () => {
    const state = { oidc: true, person: { email: 'an@org-a.be', role: 'manager' }, csrfToken: 'c' };
    answer(200, state);
    expect(await authSession()).toEqual(state);
    expect(calls[0]!.url).toBe('/auth/session');
    expect(calls[0]!.init.credentials).toBe('same-origin');
    answer(404, {});
    expect(await authSession()).toEqual({ oidc: false, person: null, csrfToken: null });
  });

  it('signs out with the CSRF token and answers where the browser goes next', async () => {
    answer(200, { next: 'https://issuer.example/session/end?id_token_hint=x' });
    expect(await signOutSession('csrf-123')).toBe(
      'https://issuer.example/session/end?id_token_hint=x',
    );
    expect(calls[0]!.url).toBe('/auth/logout');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.headers).toMatchObject({ 'x-csrf-token': 'csrf-123' });
    answer(403, { detail: 'csrf' });
    await expect(signOutSession('wrong')).rejects.toBeInstanceOf(ApiError);
  });
});
