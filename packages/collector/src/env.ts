import { z } from 'zod';

// The only place that reads process.env. Every variable is checked here, once, at start; an
// invalid value stops the start with one message that names the variable.

const flag = z.enum(['0', '1'], { message: 'Use 0 or 1.' }).transform((value) => value === '1');
const count = (min: number) =>
  z.coerce
    .number({ message: 'Use a whole number.' })
    .int('Use a whole number.')
    .min(min, `Use a whole number of at least ${min}.`);

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
  ADMIN_TOKEN: z
    .string()
    .min(24, 'Use at least 24 random characters (e.g. openssl rand -base64 32).')
    .optional(),
  SEED_DEMO: flag.default(false),
  MIN_PUBLIC_N: count(1).default(10),
  RETENTION_DAYS: count(1).default(730),
  RATE_LIMIT_PER_MINUTE: count(0).default(20),
  TRUST_PROXY: flag.default(false),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'Use redis://host:6379 (or rediss:// for TLS).')
    .optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and checks the configuration; throws a ConfigError naming the first bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const defined = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = EnvSchema.safeParse(defined);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0]);
  throw new ConfigError(
    `Invalid configuration: ${name}=${JSON.stringify(source[name] ?? '')}: ${issue.message}`,
  );
}
