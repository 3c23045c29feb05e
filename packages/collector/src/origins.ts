import type { Store } from './db/store.ts';

/**
 * The union of the allowed origins of all active services, for CORS preflights (which carry no
 * body and so no service id). Cached briefly: several instances see an admin change within
 * seconds, and a busy ingest path does not read the services table per request.
 */
export class OriginRegistry {
  private cached: { origins: Set<string>; at: number } | undefined;

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly ttlMs = 5_000,
  ) {}

  async allowedOrigins(): Promise<Set<string>> {
    const now = this.now();
    if (!this.cached || now - this.cached.at > this.ttlMs) {
      const services = await this.store.listServices();
      const origins = new Set(services.filter((s) => s.active).flatMap((s) => s.allowedOrigins));
      this.cached = { origins, at: now };
    }
    return this.cached.origins;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
