import type { ServiceRecord, Store } from '../domain/store.ts';

interface Snapshot {
  services: Map<string, ServiceRecord>;
  origins: Set<string>;
  at: number;
}

/**
 * The services as ingest sees them: each active service by id, and the union of their allowed
 * origins for CORS preflights (which carry no body and so no service id). Cached briefly, so that
 * a busy ingest path does not read the services table per request (a query per submission cost
 * more than the insert), while several instances still see an admin change within seconds; this
 * instance's own admin changes invalidate it at once.
 */
export class ServiceDirectory {
  private snapshot: Snapshot | undefined;
  private loading: Promise<Snapshot> | undefined;

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly ttlMs = 5_000,
  ) {}

  async allowedOrigins(): Promise<Set<string>> {
    return (await this.current()).origins;
  }

  /** The active service with this id, or undefined when it is unknown or inactive. */
  async activeService(id: string): Promise<ServiceRecord | undefined> {
    const snapshot = await this.current();
    const service = snapshot.services.get(id);
    // A service created a moment ago (on another instance, or by the CLI) is found at once: an
    // unknown id reloads the directory, at most once a second so that a flood of made-up ids
    // cannot turn into a query each.
    if (service || this.now() - snapshot.at < 1_000) return service;
    this.invalidate();
    return (await this.current()).services.get(id);
  }

  invalidate(): void {
    this.snapshot = undefined;
  }

  private async current(): Promise<Snapshot> {
    const now = this.now();
    if (this.snapshot && now - this.snapshot.at <= this.ttlMs) return this.snapshot;
    // One load for all the requests that find the cache stale at the same moment.
    this.loading ??= this.store
      .listServices()
      .then((all) => {
        const active = all.filter((s) => s.active);
        this.snapshot = {
          services: new Map(active.map((s) => [s.id, s])),
          origins: new Set(active.flatMap((s) => s.allowedOrigins)),
          at: now,
        };
        return this.snapshot;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
