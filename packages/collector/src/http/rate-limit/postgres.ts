import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { brusselsDay } from '../../domain/time.ts';
import { clientKey, decide, type RateDecision, type RateLimiterFactory } from './memory.ts';

const ALLOWED: RateDecision = { allowed: true, retryAfterSeconds: 0 };

/**
 * Rate limits shared by every instance on one PostgreSQL: a client throttled on one instance is
 * throttled on all. Counts live one minute per keyed hash; the key of the hash is random, made by
 * the first instance each Brussels day, and deleted the next day — no address is ever stored.
 */
export function pgRateLimiters(pool: pg.Pool): RateLimiterFactory {
  let salt: { day: string; value: string } | undefined;
  let lastSweep = 0;

  async function saltFor(day: string): Promise<string> {
    if (salt?.day === day) return salt.value;
    await pool.query(
      'insert into rate_limit_salts (day, salt) values ($1, $2) on conflict (day) do nothing',
      [day, randomBytes(32).toString('base64url')],
    );
    const { rows } = await pool.query<{ salt: string }>(
      'select salt from rate_limit_salts where day = $1',
      [day],
    );
    await pool.query('delete from rate_limit_salts where day < $1', [day]);
    salt = { day, value: rows[0]!.salt };
    return salt.value;
  }

  return (scope, limitPerMinute, now) => ({
    async hit(address) {
      if (limitPerMinute <= 0) return ALLOWED;
      const at = now();
      const windowStart = at - (at % 60_000);
      const key = clientKey(await saltFor(brusselsDay(at)), scope, address);
      const { rows } = await pool.query<{ count: number }>(
        `insert into rate_limits (key, window_start, count) values ($1, $2, 1)
         on conflict (key, window_start) do update set count = rate_limits.count + 1
         returning count`,
        [key, windowStart],
      );
      if (at - lastSweep > 60_000) {
        // Past windows are forgotten: each instance sweeps at most once a minute.
        lastSweep = at;
        await pool.query('delete from rate_limits where window_start < $1', [windowStart - 60_000]);
      }
      return decide(rows[0]!.count, limitPerMinute, windowStart, at);
    },
  });
}
