import { createHmac, randomBytes } from 'node:crypto';
import { brusselsDay } from '../../domain/time.ts';

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the client may try again; 0 when allowed. */
  retryAfterSeconds: number;
}

/** Counts a client's requests in fixed one-minute windows. */
export interface RateLimiter {
  hit(address: string): Promise<RateDecision>;
}

/**
 * Where the counts live: this process (one instance) or a store shared by every instance. The
 * `scope` keeps the submission and impression limits apart.
 */
export type RateLimiterFactory = (
  scope: string,
  limitPerMinute: number,
  now: () => number,
) => RateLimiter;

const ALLOWED: RateDecision = { allowed: true, retryAfterSeconds: 0 };

/** The decision for the `count`-th request in the window that starts at `windowStart`. */
export function decide(
  count: number,
  limit: number,
  windowStart: number,
  now: number,
): RateDecision {
  if (count <= limit) return ALLOWED;
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart + 60_000 - now) / 1000)),
  };
}

/** The client's key: a keyed hash of its address, never the address. */
export function clientKey(salt: Buffer | string, scope: string, address: string): string {
  return createHmac('sha256', salt).update(`${scope}\n${address}`).digest('base64url').slice(0, 22);
}

/**
 * Fixed one-minute windows per client, in memory. The client is known only by a keyed hash of its
 * address; the key is random, lives only in this process and is replaced every Brussels day, so
 * no address and no linkable identifier is ever kept.
 */
export class MemoryRateLimiter implements RateLimiter {
  private salt = randomBytes(32);
  private saltDay = '';
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly scope: string,
    private readonly limitPerMinute: number,
    private readonly now: () => number,
  ) {}

  async hit(address: string): Promise<RateDecision> {
    if (this.limitPerMinute <= 0) return ALLOWED;
    const now = this.now();
    const day = brusselsDay(now);
    if (day !== this.saltDay) {
      this.salt = randomBytes(32);
      this.saltDay = day;
      this.counts.clear();
    }
    const windowStart = now - (now % 60_000);
    if (windowStart !== this.windowStart) {
      // A new minute forgets every client: memory stays bounded by one minute's clients.
      this.windowStart = windowStart;
      this.counts.clear();
    }
    const key = clientKey(this.salt, this.scope, address);
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return decide(count, this.limitPerMinute, windowStart, now);
  }
}

export const memoryRateLimiters: RateLimiterFactory = (scope, limit, now) =>
  new MemoryRateLimiter(scope, limit, now);
