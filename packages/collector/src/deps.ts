import type { Store } from './db/store.ts';
import type { Logger } from './logger.ts';
import type { RateLimiterFactory } from './rate-limit.ts';

/** What the app needs from the outside world; tests pass their own. */
export interface AppDeps {
  store: Store;
  /** Milliseconds since the epoch; tests move time with it. */
  now?: () => number;
  /** Submissions per client per minute; 0 turns the limit off. Default 20. */
  rateLimitPerMinute?: number;
  /** Read the client address from the first X-Forwarded-For hop. */
  trustProxy?: boolean;
  /** Where rate-limit counts live; default: this process's memory. */
  rateLimiters?: RateLimiterFactory;
  /** Enables the admin API when set. */
  adminToken?: string;
  /** Suppression threshold of public statistics. Default 10. */
  minPublicN?: number;
  /** Folders of the built front-ends; a route is absent when its folder is not given. */
  staticDirs?: { widget?: string; demo?: string; dashboard?: string };
  logger?: Logger;
}

export interface Config {
  store: Store;
  now: () => number;
  rateLimitPerMinute: number;
  trustProxy: boolean;
  rateLimiters: RateLimiterFactory;
  adminToken: string | undefined;
  minPublicN: number;
  staticDirs: { widget?: string; demo?: string; dashboard?: string };
  logger: Logger;
}
