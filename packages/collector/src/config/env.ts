import { z } from 'zod';
import { isLoopbackHttp } from '../domain/loopback.ts';

// The only place that reads process.env. Every variable is checked here, once, at start; an
// invalid value stops the start with one message that names the variable.

const flag = z.enum(['0', '1'], { message: 'Use 0 or 1.' }).transform((value) => value === '1');
const count = (min: number) =>
  z.coerce
    .number({ message: 'Use a whole number.' })
    .int('Use a whole number.')
    .min(min, `Use a whole number of at least ${min}.`);
/** A bearer token the operator chooses (ADMIN_TOKEN, METRICS_TOKEN). */
const secretToken = z
  .string()
  .min(24, 'Use at least 24 random characters (e.g. openssl rand -base64 32).')
  .optional();

const EnvSchema = z.object({
  PORT: count(0).max(65535, 'Use a port from 0 to 65535.').default(8787),
  HOST: z.string().min(1, 'Give an address to listen on, e.g. 127.0.0.1.').default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:.+|:memory:|postgres(ql)?:\/\/.+)$/,
      'Use file:./path/to/db.sqlite for SQLite or postgres://user@host/db for PostgreSQL.',
    )
    .default('file:./data/vo-feedback.sqlite'),
  ADMIN_TOKEN: secretToken,
  // Turns GET /metrics on (Prometheus), answered only with this bearer token.
  METRICS_TOKEN: secretToken,
  SEED_DEMO: flag.default(false),
  MIN_PUBLIC_N: count(1).default(10),
  RETENTION_DAYS: count(1).default(730),
  RATE_LIMIT_PER_MINUTE: count(0).default(20),
  // Submissions per ingest token per minute (a contact centre's system); 0 turns the limit off.
  INGEST_RATE_LIMIT_PER_MINUTE: count(0).default(600),
  // The number of reverse proxies in front; the client address is read that many entries from
  // the right of X-Forwarded-For (1: the entry the one proxy appended).
  TRUST_PROXY: count(0).default(0),
  // The collector's public base URL (https://feedback.example.be), for the hosted page's QR codes
  // and the form's thank-you address; without it, the request's own origin.
  PUBLIC_URL: z
    .url({ message: 'Use the public base URL, e.g. https://feedback.example.be.' })
    .regex(/^https?:\/\/[^/?#]+\/?$/, 'Give the origin only, e.g. https://feedback.example.be.')
    .transform((url) => url.replace(/\/$/, ''))
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'Use redis://host:6379 (or rediss:// for TLS).')
    .optional(),
  // The last day (MM-DD of the following year) to hand in a year's annual report on time.
  REPORT_DEADLINE: z
    .string()
    .regex(/^\d\d-\d\d$/, 'Use MM-DD, e.g. 03-31.')
    .refine(isDayOfEveryYear, 'Use a day every year has, from 01-01 to 12-31 (not 02-29).')
    .default('03-31'),
  // Webhooks to http and to private addresses (tests, an internal network); off: https to public
  // addresses only, checked when a webhook is created and again at every attempt.
  ALLOW_INSECURE_WEBHOOKS: flag.default(false),
  // For tests: the webhook retry schedule (5 s … 10 h) times this factor, e.g. 0.001.
  WEBHOOK_RETRY_SCALE: z.coerce
    .number({ message: 'Use a number greater than 0 and at most 1, e.g. 0.001.' })
    .gt(0, 'Use a number greater than 0 and at most 1, e.g. 0.001.')
    .max(1, 'Use a number greater than 0 and at most 1, e.g. 0.001.')
    .default(1),
  // E-mail (digests, alerts, notices) through this SMTP server; without it no mail is sent.
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^\s/?#]+\/?$/,
      'Use smtp://host:25 (smtps://host:465 for TLS), with user:password@ before the host if the server asks for them.',
    )
    .optional(),
  // The sender of every mail: an address, or a name and an address.
  MAIL_FROM: z
    .string()
    .trim()
    .regex(
      /^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
      'Use an address, e.g. feedback@vlaanderen.be, or "Feedback Vlaanderen <feedback@vlaanderen.be>".',
    )
    .optional(),
  // Signing people in to the dashboard with OpenID Connect: the issuer identifier (its discovery
  // document is at OIDC_ISSUER/.well-known/openid-configuration) and this collector's client there.
  // https only; http only to this machine (a local test issuer).
  OIDC_ISSUER: z
    .url({ message: 'Use the issuer identifier, e.g. https://login.example.be/realms/vo.' })
    .refine(
      (url) => /^https:\/\//.test(url) || isLoopbackHttp(url),
      'Use an https issuer, e.g. https://login.example.be/realms/vo (http only on localhost).',
    )
    .optional(),
  OIDC_CLIENT_ID: z
    .string()
    .trim()
    .min(1, 'Give the client id registered at the issuer.')
    .optional(),
  OIDC_CLIENT_SECRET: z
    .string()
    .min(8, 'Give the client secret the issuer issued for this client.')
    .optional(),
});

/** The configuration with the rules that tie variables together. */
const CheckedEnvSchema = EnvSchema.superRefine(mailNeeds).superRefine(signInNeeds);

/** OpenID Connect takes OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and PUBLIC_URL together. */
function signInNeeds(env: Record<string, unknown>, context: z.RefinementCtx): void {
  const names = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'];
  const given = names.filter((name) => env[name] !== undefined);
  if (given.length === 0) return;
  for (const name of [...names, 'PUBLIC_URL']) {
    if (env[name] !== undefined) continue;
    context.addIssue({
      code: 'custom',
      path: [name],
      message: `Set ${name} too: ${given.join(' and ')} ${given.length === 1 ? 'is' : 'are'} set, and signing in with OpenID Connect needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and PUBLIC_URL (its redirect URI is PUBLIC_URL/auth/callback).`,
    });
  }
  // The session cookie and the sign-in cross the network: https, except on this machine.
  const publicUrl = env.PUBLIC_URL;
  if (
    typeof publicUrl === 'string' &&
    !/^https:\/\//.test(publicUrl) &&
    !isLoopbackHttp(publicUrl)
  ) {
    context.addIssue({
      code: 'custom',
      path: ['PUBLIC_URL'],
      message:
        'Use an https PUBLIC_URL, e.g. https://feedback.example.be: signing in with OpenID Connect is on, and over plain http the session cookie and the sign-in would travel unencrypted (http only on localhost).',
    });
  }
}

/** With SMTP_URL, a sender (MAIL_FROM) and PUBLIC_URL: every mail links back to the collector. */
function mailNeeds(
  env: {
    SMTP_URL?: string | undefined;
    MAIL_FROM?: string | undefined;
    PUBLIC_URL?: string | undefined;
  },
  context: z.RefinementCtx,
): void {
  if (env.SMTP_URL === undefined) return;
  if (env.MAIL_FROM === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['MAIL_FROM'],
      message: 'Give the sender of the mails (e.g. feedback@vlaanderen.be): SMTP_URL is set.',
    });
  }
  if (env.PUBLIC_URL === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['PUBLIC_URL'],
      message:
        'Give the public base URL (e.g. https://feedback.example.be): SMTP_URL is set, and every mail links to the collector.',
    });
  }
}

/** Whether `MM-DD` is a day of every year: a real date, and not 29 February. */
function isDayOfEveryYear(monthDay: string): boolean {
  const month = Number(monthDay.slice(0, 2));
  const day = Number(monthDay.slice(3, 5));
  // 2001 has no 29 February: a day that exists in it exists in every year.
  const date = new Date(Date.UTC(2001, month - 1, day));
  return month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads and checks the configuration; throws a ConfigError naming the first bad variable and its
 * rule. The value is never repeated: it may be a secret (a token, a password in a URL).
 */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const defined = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = CheckedEnvSchema.safeParse(defined);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0]);
  throw new ConfigError(`Invalid configuration: ${name}: ${issue.message}`);
}

/** A URL as it may be shown: its password replaced by ***; something that is no URL, not at all. */
export function withoutPassword(url: string): string {
  try {
    const shown = new URL(url);
    if (shown.password) shown.password = '***';
    return shown.toString();
  } catch {
    return '(not shown)';
  }
}

/**
 * A message as it may be printed: the configured secrets (ADMIN_TOKEN, METRICS_TOKEN,
 * OIDC_CLIENT_SECRET, the passwords in DATABASE_URL, REDIS_URL and SMTP_URL) replaced by ***,
 * should an error have quoted one.
 */
export function hideSecrets(
  message: string,
  source: Record<string, string | undefined> = process.env,
): string {
  const secrets = new Set<string>();
  if (source.ADMIN_TOKEN) secrets.add(source.ADMIN_TOKEN);
  if (source.OIDC_CLIENT_SECRET) secrets.add(source.OIDC_CLIENT_SECRET);
  if (source.METRICS_TOKEN) secrets.add(source.METRICS_TOKEN);
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL']) {
    const url = source[name];
    if (!url) continue;
    try {
      const password = new URL(url).password;
      if (!password) continue;
      secrets.add(password);
      secrets.add(decodeURIComponent(password));
    } catch {
      // Not a URL: nothing to pick a password out of.
    }
  }
  let shown = message;
  // The longest first, so that a password that contains another is replaced whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= 3) shown = shown.split(secret).join('***');
  }
  return shown;
}
