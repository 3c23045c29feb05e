import { createHmac, randomBytes } from 'node:crypto';
import { brusselsDay } from './domain/time.ts';

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the client may try again; 0 when allowed. */
  retryAfterSeconds: number;
}

/**
 * Fixed one-minute windows per client, in memory. The client is known only by a keyed hash of its
 * address; the key is random, lives only in this process and is replaced every Brussels day, so
 * no address and no linkable identifier is ever kept.
 */
export class RateLimiter {
  private salt = randomBytes(32);
  private saltDay = '';
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly now: () => number,
  ) {}

  hit(address: string): RateDecision {
    if (this.limitPerMinute <= 0) return { allowed: true, retryAfterSeconds: 0 };
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
    const key = createHmac('sha256', this.salt).update(address).digest('base64url').slice(0, 22);
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= this.limitPerMinute) return { allowed: true, retryAfterSeconds: 0 };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((windowStart + 60_000 - now) / 1000)),
    };
  }
}
