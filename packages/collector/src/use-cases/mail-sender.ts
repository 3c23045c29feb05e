import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { MAIL_TIMEOUT_MS } from '../domain/mail.ts';

// One message through the SMTP server of SMTP_URL, with nodemailer: a pool of two connections,
// kept while messages come and closed with the worker. The password in the URL never appears in
// what a failure says (it is logged and stored as the message's last error).

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface MailSender {
  /** Resolves once the server accepted the message; rejects with what went wrong. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The password of an SMTP URL, as written and decoded: what an error must never show. */
function secretsOf(url: string): string[] {
  try {
    const password = new URL(url).password;
    return password ? [password, decodeURIComponent(password)].filter((s) => s.length >= 3) : [];
  } catch {
    return [];
  }
}

/** An error as it may be logged and stored: one line, without the password. */
export function mailError(error: unknown, secrets: readonly string[] = []): string {
  const e = error as { code?: string; responseCode?: number; message?: string };
  let text = error instanceof Error ? (e.message ?? String(error)) : String(error);
  if (e.code && !text.startsWith(e.code)) text = `${e.code}: ${text}`;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    text = text.split(secret).join('***');
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}

/**
 * Whether the connection must be encrypted before anything is sent: an smtp:// URL with a user or
 * password would otherwise log in in the clear when a server (or someone between) offers no
 * STARTTLS. smtps:// is encrypted from the start; without credentials, STARTTLS stays opportunistic.
 */
export function requiresStartTls(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'smtp:' && (parsed.username !== '' || parsed.password !== '');
  } catch {
    return false;
  }
}

/**
 * Sends from `from` through the server of `url` (smtp:// or smtps://). With credentials on
 * smtp://, STARTTLS is required; `?requireTLS=false` in the URL (a relay on the same host that
 * offers none) turns that off, as every setting of the URL's query overrides these.
 */
export function smtpSender(options: { url: string; from: string }): MailSender {
  const secrets = secretsOf(options.url);
  // The URL's own settings (host, port, TLS, user, its query) override these, which fill in the rest.
  const settings: SMTPPool.Options & { url: string } = {
    url: options.url,
    requireTLS: requiresStartTls(options.url),
    pool: true,
    maxConnections: 2,
    connectionTimeout: MAIL_TIMEOUT_MS,
    greetingTimeout: MAIL_TIMEOUT_MS,
    socketTimeout: MAIL_TIMEOUT_MS,
    // Nothing of a message (addresses, figures) in nodemailer's own log.
    logger: false,
  };
  const transport = nodemailer.createTransport(settings);
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from: options.from, ...mail });
      } catch (error) {
        throw new Error(mailError(error, secrets));
      }
    },
    close() {
      transport.close();
    },
  };
}
