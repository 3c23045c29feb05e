import { randomBytes } from 'node:crypto';
import { createClient } from '@redis/client';
import { brusselsDay } from '../../domain/time.ts';
import { clientKey, decide, type RateDecision, type RateLimiterFactory } from './memory.ts';

const ALLOWED: RateDecision = { allowed: true, retryAfterSeconds: 0 };

/**
 * A client for REDIS_URL that fails fast instead of queueing: while Redis is away, a command is
 * refused at once (no offline queue) or after a second, and the client reconnects in the
 * background with a backoff of at most 5 s.
 */
function newClient(url: string) {
  return createClient({
    url,
    disableOfflineQueue: true,
    commandOptions: { timeout: 1_000 },
    socket: {
      connectTimeout: 5_000,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5_000),
    },
  });
}

export type RedisClient = ReturnType<typeof newClient>;

/** Connects to REDIS_URL; `onError` hears of every connection error after that. */
export async function connectRedis(
  url: string,
  onError: (error: Error) => void = () => undefined,
): Promise<RedisClient> {
  const client = newClient(url);
  // Without a listener, a lost connection would be an unhandled 'error' event: the process ends.
  client.on('error', onError);
  await client.connect();
  return client;
}

/**
 * Rate limits in Redis, shared by every instance that uses it (REDIS_URL): per client key and
 * clock minute, INCR and PEXPIRE in one transaction, so a count lives two minutes at most. The
 * client key is a keyed hash of the address (rate-limit.ts); its key is random, made each
 * Brussels day by the first instance (SET NX) and expiring after two days — no address is stored.
 *
 * When Redis cannot answer, the limit lets the request through (and reports it to `onError`):
 * an outage of the limiter must not stop citizens' feedback.
 */
export function redisRateLimiters(
  client: RedisClient,
  options: { prefix?: string; onError?: (error: unknown) => void } = {},
): RateLimiterFactory {
  const prefix = options.prefix ?? 'vo-feedback:rate:';
  let salt: { day: string; value: string } | undefined;

  async function saltFor(day: string): Promise<string> {
    if (salt?.day === day) return salt.value;
    const key = `${prefix}salt:${day}`;
    await client.set(key, randomBytes(32).toString('base64url'), {
      condition: 'NX',
      expiration: { type: 'EX', value: 2 * 24 * 60 * 60 },
    });
    const value = await client.get(key);
    if (value === null) throw new Error('the rate-limit key vanished');
    salt = { day, value };
    return value;
  }

  return (scope, limitPerMinute, now) => ({
    async hit(address) {
      if (limitPerMinute <= 0) return ALLOWED;
      const at = now();
      const windowStart = at - (at % 60_000);
      try {
        const key = `${prefix}${clientKey(await saltFor(brusselsDay(at)), scope, address)}:${windowStart}`;
        const [count] = await client.multi().incr(key).pExpire(key, 120_000).exec();
        return decide(Number(count), limitPerMinute, windowStart, at);
      } catch (error) {
        options.onError?.(error);
        return ALLOWED;
      }
    },
  });
}
