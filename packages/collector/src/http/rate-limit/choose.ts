import type pg from 'pg';
import { isPostgresUrl } from '../../config/deps.ts';
import type { Env } from '../../config/env.ts';
import { memoryRateLimiters, type RateLimiterFactory } from './memory.ts';
import { pgRateLimiters } from './postgres.ts';
import { redisRateLimiters, type RedisClient } from './redis.ts';

/** What the configured rate limits count in, once it is connected. */
export interface RateLimitBackends {
  /** The client of REDIS_URL. */
  redis?: RedisClient | undefined;
  /** Hears of Redis's errors (the limit lets requests through meanwhile). */
  onRedisError?: (error: unknown) => void;
  /** The pool of the PostgreSQL database that DATABASE_URL names. */
  pgPool?: pg.Pool | undefined;
}

/**
 * Where rate limits count, chosen from the configuration: in Redis when REDIS_URL is set; in the
 * PostgreSQL database of DATABASE_URL, where several instances count each client together;
 * otherwise in this process's memory (one instance on SQLite).
 */
export function rateLimitersFor(
  env: Pick<Env, 'DATABASE_URL' | 'REDIS_URL'>,
  backends: RateLimitBackends = {},
): RateLimiterFactory {
  if (env.REDIS_URL) {
    if (!backends.redis) throw new Error('REDIS_URL is set: connect to it first.');
    return redisRateLimiters(backends.redis, { onError: backends.onRedisError });
  }
  if (isPostgresUrl(env.DATABASE_URL)) {
    if (!backends.pgPool) throw new Error('DATABASE_URL names PostgreSQL: open it first.');
    return pgRateLimiters(backends.pgPool);
  }
  return memoryRateLimiters;
}
