import { describe, expect, it } from 'vitest';
import { ConfigError, hideSecrets, readEnv } from './env.ts';

// E-mail's configuration: SMTP_URL is optional (without it no mail is sent); with it, MAIL_FROM
// and PUBLIC_URL are required (every mail has a sender and links to the collector), and its
// password is masked wherever a message could quote it.

const MAIL = {
  SMTP_URL: 'smtp://collector:m4il-s3cret@mail.internal:25',
  MAIL_FROM: 'Feedback Vlaanderen <feedback@vlaanderen.be>',
  PUBLIC_URL: 'https://feedback.example.be',
};

function refusal(source: Record<string, string>): string {
  try {
    readEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('the e-mail configuration', () => {
  it('is off without SMTP_URL, and complete with it', () => {
    expect(readEnv({}).SMTP_URL).toBeUndefined();
    expect(readEnv({}).MAIL_FROM).toBeUndefined();
    expect(readEnv(MAIL)).toMatchObject(MAIL);
    expect(readEnv({ ...MAIL, SMTP_URL: 'smtps://mail.example.be:465' }).SMTP_URL).toBe(
      'smtps://mail.example.be:465',
    );
    expect(readEnv({ ...MAIL, MAIL_FROM: 'feedback@vlaanderen.be' }).MAIL_FROM).toBe(
      'feedback@vlaanderen.be',
    );
  });

  it.each([
    [{ ...MAIL, SMTP_URL: 'http://mail.internal' }, 'SMTP_URL', /smtp:\/\/host:25/],
    [{ ...MAIL, SMTP_URL: 'mail.internal:25' }, 'SMTP_URL', /smtp:\/\/host:25/],
    [{ ...MAIL, MAIL_FROM: 'feedback' }, 'MAIL_FROM', /feedback@vlaanderen\.be/],
    [{ SMTP_URL: MAIL.SMTP_URL, PUBLIC_URL: MAIL.PUBLIC_URL }, 'MAIL_FROM', /SMTP_URL is set/],
    [{ SMTP_URL: MAIL.SMTP_URL, MAIL_FROM: MAIL.MAIL_FROM }, 'PUBLIC_URL', /SMTP_URL is set/],
  ])('refuses %j, naming %s', (source, name, rule) => {
    const message = refusal(source as Record<string, string>);
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${name}: `));
    expect(message).toMatch(rule);
    expect(message).not.toContain('m4il-s3cret');
  });

  it('masks the SMTP password in any message', () => {
    expect(hideSecrets('535 auth failed for collector:m4il-s3cret', MAIL)).toBe(
      '535 auth failed for collector:***',
    );
  });
});
