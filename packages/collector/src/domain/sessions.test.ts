import { describe, expect, it } from 'vitest';
import {
  cookieNames,
  hasEnded,
  loginCookiePath,
  safeReturnPath,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
} from './sessions.ts';

describe('safeReturnPath', () => {
  it('keeps a path of the dashboard as it came', () => {
    for (const path of ['/dashboard', '/dashboard/', '/dashboard/#/webhooks', '/dashboard/?x=1']) {
      expect(safeReturnPath(path)).toBe(path);
    }
  });

  it('falls back to the dashboard for control characters, other sites and other paths', () => {
    for (const path of [
      '/dashboard/\0',
      '/dashboard/a\r\nSet-Cookie: x=1',
      '/dashboard/\t',
      '/dashboard/\x7f',
      '/dashboard/ a',
      '/dashboard/é',
      '/dashboard/\\evil.example',
      '//evil.example/dashboard/',
      'https://evil.example/dashboard/',
      '/dashboard/../api/v1/me',
      '/dashboard/%2e%2e/api/v1/me',
      '/dashboardx',
      '/api/v1/me',
      `/dashboard/${'a'.repeat(512)}`,
      '',
      null,
      undefined,
    ]) {
      expect(safeReturnPath(path), JSON.stringify(path)).toBe('/dashboard/');
    }
  });
});

describe('hasEnded', () => {
  const opened = Date.UTC(2026, 5, 15, 8);
  it('ends a session idle for 8 hours, or opened 12 hours ago however busy', () => {
    expect(hasEnded({ createdAt: opened, lastSeenAt: opened }, opened + SESSION_IDLE_MS - 1)).toBe(
      false,
    );
    expect(hasEnded({ createdAt: opened, lastSeenAt: opened }, opened + SESSION_IDLE_MS)).toBe(
      true,
    );
    const busy = { createdAt: opened, lastSeenAt: opened + SESSION_MAX_MS - 60_000 };
    expect(hasEnded(busy, opened + SESSION_MAX_MS - 1)).toBe(false);
    expect(hasEnded(busy, opened + SESSION_MAX_MS)).toBe(true);
  });
});

describe('the cookies', () => {
  it('are __Host- under https (the sign-in cookie on Path=/ as the prefix demands), plain over http', () => {
    expect(cookieNames(true)).toEqual({ session: '__Host-vo-session', login: '__Host-vo-login' });
    expect(loginCookiePath(true)).toBe('/');
    expect(cookieNames(false)).toEqual({ session: 'vo-session', login: 'vo-login' });
    expect(loginCookiePath(false)).toBe('/auth');
  });
});
