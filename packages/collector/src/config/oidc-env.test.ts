import { describe, expect, it } from 'vitest';
import { configuredIssuer } from '../use-cases/oidc-issuer.ts';
import { ConfigError, hideSecrets, readEnv } from './env.ts';

// Signing in with OpenID Connect: the issuer, the client and PUBLIC_URL, together or not at all.

const SIGN_IN = {
  OIDC_ISSUER: 'https://login.example.be/realms/vo',
  OIDC_CLIENT_ID: 'vo-feedback',
  OIDC_CLIENT_SECRET: 'a-client-secret-of-the-issuer',
  PUBLIC_URL: 'https://feedback.example.be',
};

describe('the sign-in configuration', () => {
  it('is off without it, and read whole with it', () => {
    expect(readEnv({})).not.toHaveProperty('OIDC_ISSUER');
    expect(readEnv(SIGN_IN)).toMatchObject(SIGN_IN);
    // A test issuer on this machine may speak http.
    expect(readEnv({ ...SIGN_IN, OIDC_ISSUER: 'http://127.0.0.1:8080' }).OIDC_ISSUER).toBe(
      'http://127.0.0.1:8080',
    );
  });

  it.each([
    ['OIDC_CLIENT_ID', 'Set OIDC_CLIENT_ID too'],
    ['OIDC_CLIENT_SECRET', 'Set OIDC_CLIENT_SECRET too'],
    ['PUBLIC_URL', 'Set PUBLIC_URL too'],
    ['OIDC_ISSUER', 'Set OIDC_ISSUER too'],
  ])('names %s when it is missing from the others', (missing, message) => {
    const env: Record<string, string> = { ...SIGN_IN };
    delete env[missing];
    expect(() => readEnv(env)).toThrow(`Invalid configuration: ${missing}: ${message}`);
  });

  it('refuses a PUBLIC_URL over plain http elsewhere than this machine: the session would travel unencrypted', () => {
    for (const publicUrl of ['http://feedback.example.be', 'http://10.0.0.5:8787']) {
      expect(() => readEnv({ ...SIGN_IN, PUBLIC_URL: publicUrl }), publicUrl).toThrow(
        'Invalid configuration: PUBLIC_URL: Use an https PUBLIC_URL',
      );
    }
    expect(() => readEnv({ ...SIGN_IN, PUBLIC_URL: 'http://feedback.example.be' })).toThrow(
      ConfigError,
    );
    for (const publicUrl of ['http://localhost', 'http://127.0.0.1:8787', 'http://[::1]:8080']) {
      expect(readEnv({ ...SIGN_IN, PUBLIC_URL: publicUrl }).PUBLIC_URL, publicUrl).toBe(publicUrl);
    }
    // Without OpenID Connect, plain http stays allowed (the QR codes, the form's address).
    expect(readEnv({ PUBLIC_URL: 'http://feedback.example.be' }).PUBLIC_URL).toBe(
      'http://feedback.example.be',
    );
    // The app refuses it too, whoever builds it.
    expect(() =>
      configuredIssuer(
        { issuer: SIGN_IN.OIDC_ISSUER, clientId: 'c', clientSecret: 's' },
        'http://feedback.example.be',
      ),
    ).toThrow('Use an https PUBLIC_URL');
  });

  it('refuses an issuer over plain http elsewhere than this machine, and never prints the secret', () => {
    expect(() => readEnv({ ...SIGN_IN, OIDC_ISSUER: 'http://login.example.be' })).toThrow(
      'Invalid configuration: OIDC_ISSUER: Use an https issuer',
    );
    expect(hideSecrets('refused a-client-secret-of-the-issuer', SIGN_IN)).toBe('refused ***');
  });
});
