import type { Store } from '../domain/store.ts';
import type { Logger } from './logger.ts';
import type { RateLimiterFactory } from '../http/rate-limit/memory.ts';
import type { CollectorMetrics } from '../http/metrics.ts';
import type { SessionSettings } from '../http/session.ts';
import type { IdentityProvider } from '../use-cases/sign-in.ts';

/** What the app needs from the outside world; tests pass their own. */
export interface AppDeps {
  store: Store;
  /** Milliseconds since the epoch; tests move time with it. */
  now?: () => number;
  /** Submissions per client per minute; 0 turns the limit off. Default 20. */
  rateLimitPerMinute?: number;
  /** Submissions per ingest token per minute; 0 turns the limit off. Default 600. */
  ingestRateLimitPerMinute?: number;
  /**
   * How many reverse proxies are in front: the client is that many X-Forwarded-For entries from
   * the right. 0 (default): the socket's peer. `true` means 1.
   */
  trustProxy?: number | boolean;
  /** Where rate-limit counts live; default: this process's memory. */
  rateLimiters?: RateLimiterFactory;
  /** Enables the admin API when set. */
  adminToken?: string;
  /** Suppression threshold of public statistics. Default 10. */
  minPublicN?: number;
  /** Folders of the built front-ends; a route is absent when its folder is not given. */
  staticDirs?: { widget?: string; demo?: string; dashboard?: string };
  logger?: Logger;
  /** The collector's public base URL, without a trailing slash; default: the request's origin. */
  publicUrl?: string;
  /** The last day (`MM-DD` of the following year) to hand in an annual report on time. Default 03-31. */
  reportDeadline?: string;
  /** Webhooks may go to http and private addresses (ALLOW_INSECURE_WEBHOOKS). Default false. */
  allowInsecureWebhooks?: boolean;
  /** GET /metrics answers this bearer token (METRICS_TOKEN); unset: 404, nothing counted. */
  metricsToken?: string | undefined;
  /**
   * Signing people in with OpenID Connect (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET); needs
   * `publicUrl`. Without it the dashboard signs in with tokens only.
   */
  oidc?: { issuer: string; clientId: string; clientSecret: string };
}

export interface Config {
  store: Store;
  now: () => number;
  rateLimitPerMinute: number;
  /** Submissions per ingest token per minute (0: no limit); default 600. */
  ingestRateLimitPerMinute?: number | undefined;
  /** Reverse proxies in front (0: none). */
  trustProxy: number;
  rateLimiters: RateLimiterFactory;
  adminToken: string | undefined;
  minPublicN: number;
  staticDirs: { widget?: string; demo?: string; dashboard?: string };
  logger: Logger;
  /** The collector's public base URL; undefined: the request's own origin. */
  publicUrl?: string | undefined;
  /** The last day (`MM-DD` of the following year) to hand in an annual report; default 03-31. */
  reportDeadline?: string | undefined;
  /** Webhooks may go to http and private addresses (ALLOW_INSECURE_WEBHOOKS). */
  allowInsecureWebhooks?: boolean | undefined;
  /** The bearer token of GET /metrics; undefined: metrics are off. */
  metricsToken?: string | undefined;
  /** What /metrics reports, counted while metrics are on. */
  metrics?: CollectorMetrics | undefined;
  /** The OpenID Connect issuer people sign in at; undefined: sign-in with tokens only. */
  identityProvider?: IdentityProvider | undefined;
  /** The session cookie's name and checks (Secure under an https PUBLIC_URL). */
  sessions: SessionSettings;
}

/** DATABASE_URL names a PostgreSQL database; otherwise SQLite (`file:…` or `:memory:`). */
export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//.test(databaseUrl);
}
