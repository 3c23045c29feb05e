import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { seedDemo } from './use-cases/administration.ts';
import { openDatabase } from './db/open-store.ts';
import { isPostgresUrl } from './config/deps.ts';
import { ConfigError, hideSecrets, readEnv, withoutPassword } from './config/env.ts';
import { bufferedStdout, jsonLogger } from './config/logger.ts';
import { builtFrontEnds } from './config/paths.ts';
import { rateLimitersFor } from './http/rate-limit/choose.ts';
import { connectRedis, type RedisClient } from './http/rate-limit/redis.ts';
import { scheduleRetention } from './use-cases/retention.ts';
import { scheduleAlertChecks } from './use-cases/alert-schedule.ts';
import { httpSender } from './use-cases/webhook-sender.ts';
import { startWebhookWorker } from './use-cases/webhook-worker.ts';
import { startThemeIndexer } from './use-cases/theme-indexer.ts';
import { backgroundShare } from './use-cases/background-share.ts';
import { startMailDelivery } from './use-cases/mail-delivery.ts';

const stdout = bufferedStdout();
const logger = jsonLogger(stdout.write);

async function main(): Promise<void> {
  const env = readEnv();
  const { store, pgPool } = await openDatabase(env.DATABASE_URL);
  const publicPort = env.PORT;
  if (env.SEED_DEMO) {
    const origins = [`http://localhost:${publicPort}`, `http://127.0.0.1:${publicPort}`];
    if (!['127.0.0.1', 'localhost', '0.0.0.0', '::'].includes(env.HOST)) {
      origins.push(`http://${env.HOST}:${publicPort}`);
    }
    const token = await seedDemo(store, origins);
    if (token) {
      // Printed once, on purpose outside the JSON log: it is a secret the operator copies now.
      process.stdout.write(
        `\n  Demo seeded: organisation "demo", service "demo-dienst".\n` +
          `  Provider token (shown once, stored only as a hash):\n\n    ${token}\n\n` +
          `  Try: curl -H "Authorization: Bearer ${token}" http://localhost:${publicPort}/api/v1/services/demo-dienst/summary\n\n`,
      );
    }
  }
  const redis: RedisClient | undefined = env.REDIS_URL
    ? await connectRedisOrStop(env.REDIS_URL)
    : undefined;
  const rateLimiters = rateLimitersFor(env, { redis, onRedisError: logRedisError, pgPool });
  const app = createApp({
    store,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    ingestRateLimitPerMinute: env.INGEST_RATE_LIMIT_PER_MINUTE,
    trustProxy: env.TRUST_PROXY,
    rateLimiters,
    adminToken: env.ADMIN_TOKEN,
    metricsToken: env.METRICS_TOKEN,
    minPublicN: env.MIN_PUBLIC_N,
    publicUrl: env.PUBLIC_URL,
    reportDeadline: env.REPORT_DEADLINE,
    allowInsecureWebhooks: env.ALLOW_INSECURE_WEBHOOKS,
    // Checked together by readEnv: all three with PUBLIC_URL, or none.
    ...(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
      ? {
          oidc: {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
          },
        }
      : {}),
    staticDirs: builtFrontEnds(),
    logger,
  });
  // Comments older than RETENTION_DAYS are deleted shortly after start and then daily.
  const retention = scheduleRetention({ store, retentionDays: env.RETENTION_DAYS, logger });
  // Webhook deliveries from the outbox, in this process; finished ones are kept 30 days (or
  // RETENTION_DAYS, if shorter: a body may hold a comment).
  // Both workers yield to submissions: while requests keep the event loop busy, deliveries and
  // mail together take about a twentieth of it, and catch up when the load falls.
  const share = backgroundShare();
  const webhookSender = httpSender({ allowInsecure: env.ALLOW_INSECURE_WEBHOOKS });
  const webhooks = startWebhookWorker({
    store,
    send: webhookSender,
    logger,
    retryScale: env.WEBHOOK_RETRY_SCALE,
    keepMs: Math.min(30, env.RETENTION_DAYS) * 86_400_000,
    share,
  });
  // E-mail when SMTP_URL is set: digests on their Brussels schedule, alerts and notices, sent by
  // the mail worker of this process (each message once, whatever the number of instances).
  const mail = startMailDelivery({ env, store, logger, share });
  // Themes kept as counts for the annual report: new comments counted a little after ingest, at
  // the same yielding share.
  const themes = startThemeIndexer({ store, logger, share });
  // Alerts: a check a minute after start and then every hour (at most one alert per service, kind
  // and day, however many instances check).
  const alerts = scheduleAlertChecks({ store, minimum: env.MIN_PUBLIC_N, logger });
  const server = serve(
    {
      fetch: app.fetch,
      hostname: env.HOST,
      port: env.PORT,
      // Slow clients: headers within 10 s, the whole request within 30 s, checked every second,
      // so a slow-loris client holds a socket briefly and never a worker (there are none).
      serverOptions: {
        headersTimeout: 10_000,
        requestTimeout: 30_000,
        keepAliveTimeout: 5_000,
        connectionsCheckingInterval: 1_000,
      },
    },
    (info) => {
      logger.info('listening', {
        url: `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}`,
        database: env.DATABASE_URL.startsWith('file:') ? 'sqlite' : 'postgres',
        // Which database, never its password.
        databaseUrl: isPostgresUrl(env.DATABASE_URL)
          ? withoutPassword(env.DATABASE_URL)
          : env.DATABASE_URL,
        // Where mail goes, never its password; null: no mail is sent.
        smtpUrl: env.SMTP_URL ? withoutPassword(env.SMTP_URL) : null,
      });
    },
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    retention.stop();
    const alertsStopped = alerts.stop();
    const webhooksStopped = webhooks.stop();
    const mailStopped = mail.stop();
    const themesStopped = themes.stop();
    // A bounded drain: in-flight requests finish, then the database closes.
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      stdout.flush();
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close(async () => {
      // The attempts in flight are recorded before the database closes; one the drain cuts short
      // is made again when its lease has passed.
      await webhooksStopped;
      // Its kept connections to receivers, idle now.
      webhookSender.close();
      await mailStopped;
      await themesStopped;
      // A check in flight stops before its next service (what it raised is raised, in short
      // transactions) before the database closes.
      await alertsStopped;
      await redis?.close().catch(() => undefined);
      await store.close();
      logger.info('stopped');
      stdout.flush();
      process.exit(0);
    });
    // Keep-alive connections would hold close() open until their timeout: close each one as soon
    // as its request in flight has been answered.
    if ('closeIdleConnections' in server) {
      server.closeIdleConnections();
      setInterval(() => server.closeIdleConnections(), 50).unref();
    }
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** At most one log line every 10 s while Redis is away: its client retries far more often. */
let lastRedisError = 0;
function logRedisError(error: unknown): void {
  if (Date.now() - lastRedisError < 10_000) return;
  lastRedisError = Date.now();
  logger.error('rate limits unavailable (Redis); requests are let through', {
    error: error instanceof Error ? error.message : String(error),
  });
}

/** Redis at start: reachable within 10 s, or the start stops with a message naming REDIS_URL. */
async function connectRedisOrStop(url: string): Promise<RedisClient> {
  const connecting = connectRedis(url, logRedisError);
  const shown = withoutPassword(url);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ConfigError(`REDIS_URL: no Redis answered at ${shown} within 10 s.`)),
      10_000,
    );
  });
  try {
    return await Promise.race([connecting, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

main().catch((error: unknown) => {
  // A driver's message may quote what it was given: the configured secrets are masked.
  if (error instanceof ConfigError) {
    process.stderr.write(`${hideSecrets(error.message)}\n`);
  } else {
    logger.error('failed to start', {
      error: hideSecrets(error instanceof Error ? error.message : String(error)),
    });
  }
  stdout.flush();
  process.exit(1);
});
