import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A real SMTP server in the test process (smtp-server), on 127.0.0.1: what the collector sends is
// received over SMTP as any mail server would, and parsed with mailparser as a mail client would.

export interface ReceivedMail {
  /** The envelope's recipients. */
  to: string[];
  /** The message as it was sent. */
  raw: string;
  parsed: ParsedMail;
  /** A header's value as written (`List-Unsubscribe-Post`), or undefined. */
  header(name: string): string | undefined;
}

export interface SmtpTestServer {
  /** `smtp://127.0.0.1:<port>`, or with `user:password@` when the server asks for them. */
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Resolves once `count` messages have arrived (or rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/**
 * Starts the server. `refuse` answers a message's data with that SMTP error instead of accepting
 * it; `auth` asks for a user and password (and refuses any other).
 */
export async function startSmtpServer(
  options: {
    port?: number;
    refuse?: () => { code: number; message: string } | undefined;
    auth?: { user: string; password: string };
  } = {},
): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    logger: false,
    // Plain SMTP on loopback: no STARTTLS certificate to trust, and AUTH over it when asked.
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === options.auth?.user && auth.password === options.auth?.password) {
        callback(null, { user: auth.username });
      } else {
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const refusal = options.refuse?.();
        if (refusal) {
          callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              parsed,
              header: (name) =>
                parsed.headerLines
                  .find((line) => line.key === name.toLowerCase())
                  ?.line.slice(name.length + 1)
                  .trim(),
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const credentials = options.auth
    ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.password)}@`
    : '';
  return {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    port,
    received,
    async waitFor(count, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} mails, ${received.length} arrived within ${ms} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
