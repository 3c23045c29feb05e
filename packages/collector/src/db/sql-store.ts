import type { SQL } from 'drizzle-orm';
import type {
  ChannelRollup,
  LanguageRollup,
  MonthlyImpressions,
  MonthlyRollup,
  ReasonCount,
  StepRollup,
} from '../domain/aggregation.ts';
import type {
  CommentQuery,
  FeedbackPagesQuery,
  FeedbackRecord,
  IncomingFeedback,
  IngestBatchObserver,
  IngestResult,
  OperationalCounts,
  OrganisationRecord,
  RollupKind,
  ServiceRecord,
  ServiceRollups,
  Store,
  TokenRecord,
} from '../domain/store.ts';
import type { CommentRecord } from '../domain/acting-store.ts';
import { ThemeSqlStore } from './theme-sql-store.ts';
import * as q from './queries.ts';
import * as m from './metrics-queries.ts';
import {
  channelRollupOf,
  languageRollupOf,
  monthlyRollupOf,
  stepRollupOf,
  toFeedback,
  toService,
  type FeedbackRow,
  type ServiceRow,
} from './records.ts';

/** Each kind of rollup: its query for a list of services, and the record of one of its rows. */
const ROLLUP_READERS: Record<
  RollupKind,
  {
    query: (serviceIds: readonly string[], from: string, to: string) => SQL;
    of: (row: never) => unknown;
  }
> = {
  monthly: { query: q.monthlyRollups, of: monthlyRollupOf },
  outcomes: { query: q.outcomeRollups, of: monthlyRollupOf },
  channels: { query: q.channelRollups, of: channelRollupOf },
  languages: { query: q.languageRollups, of: languageRollupOf },
  steps: { query: q.stepRollups, of: stepRollupOf },
  reasons: { query: q.reasonCounts, of: ({ reason, count }: ReasonCount) => ({ reason, count }) },
  impressions: {
    query: q.monthlyImpressions,
    of: ({ month, count }: MonthlyImpressions) => ({ month, count }),
  },
};

/**
 * What SQLite and PostgreSQL do alike, written once on the shared queries (queries.ts). A store
 * gives the two ways to run a query and what only it does: ingest (SQLite's group commit,
 * PostgreSQL's row locks across instances), pruning, and the export pages on its own order.
 */
export abstract class SqlStore extends ThemeSqlStore implements Store {
  /** Runs a query; its rows. Rejects with StoreUnavailableError when the database cannot answer. */
  protected abstract override rows<R>(query: SQL): Promise<R[]>;
  /** Runs a statement; how many rows it changed. Rejects as `rows` does. */
  protected abstract override run(query: SQL): Promise<number>;

  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;
  abstract ingest(incoming: IncomingFeedback): Promise<IngestResult>;
  abstract pruneComments(before: number): Promise<number>;
  abstract feedbackPages(query: FeedbackPagesQuery): AsyncIterable<FeedbackRecord[]>;

  async isEmpty(): Promise<boolean> {
    return (await this.rows(q.anyOrganisation())).length === 0;
  }

  async createOrganisation(organisation: OrganisationRecord): Promise<void> {
    await this.run(q.insertOrganisation(organisation, Date.now()));
  }

  listOrganisations(): Promise<OrganisationRecord[]> {
    return this.rows(q.organisations());
  }

  async getOrganisation(id: string): Promise<OrganisationRecord | undefined> {
    return (await this.rows<OrganisationRecord>(q.organisations(id)))[0];
  }

  async updateOrganisation(
    id: string,
    changes: Partial<Omit<OrganisationRecord, 'id'>>,
  ): Promise<OrganisationRecord | undefined> {
    if (Object.keys(changes).length > 0) await this.run(q.updateOrganisation(id, changes));
    return this.getOrganisation(id);
  }

  async createService(service: ServiceRecord): Promise<void> {
    await this.run(q.insertService(service, Date.now()));
  }

  async updateService(
    id: string,
    changes: Partial<Omit<ServiceRecord, 'id'>>,
  ): Promise<ServiceRecord | undefined> {
    const moved =
      changes.organisationId !== undefined &&
      changes.organisationId !== (await this.getService(id))?.organisationId;
    if (moved) {
      // Moved to another organisation: the waiting webhook events of its submissions are its old
      // organisation's, written first.
      await this.transaction(async (tx) => {
        await this.writeWaitingEventsIn(tx);
        await tx.run(q.updateService(id, changes));
      });
    } else if (Object.keys(changes).length > 0) await this.run(q.updateService(id, changes));
    return this.getService(id);
  }

  async getService(id: string): Promise<ServiceRecord | undefined> {
    const [row] = await this.rows<ServiceRow>(q.services({ id }));
    return row && toService(row);
  }

  async listServices(organisationId?: string): Promise<ServiceRecord[]> {
    return (await this.rows<ServiceRow>(q.services({ organisationId }))).map(toService);
  }

  async createToken(token: TokenRecord): Promise<void> {
    await this.run(q.insertToken(token));
  }

  async findTokenByHash(hash: string): Promise<TokenRecord | undefined> {
    return (await this.rows<TokenRecord>(q.tokens({ hash })))[0];
  }

  listTokens(): Promise<TokenRecord[]> {
    return this.rows(q.tokens());
  }

  async revokeToken(id: string, at: number): Promise<boolean> {
    if ((await this.run(q.revokeToken(id, at))) > 0) return true;
    // Revoked before: still a token that exists.
    return (await this.rows(q.tokens({ id }))).length > 0;
  }

  async getFeedback(id: string): Promise<FeedbackRecord | undefined> {
    const [row] = await this.rows<FeedbackRow>(q.feedbackById(id));
    return row && toFeedback(row);
  }

  async recordImpression(serviceId: string, day: string): Promise<void> {
    await this.run(q.recordImpression(serviceId, day));
  }

  async monthlyRollups(serviceId: string, from: string, to: string): Promise<MonthlyRollup[]> {
    return (await this.oneService(serviceId, from, to, 'monthly')).monthly;
  }

  async monthlyImpressions(
    serviceId: string,
    from: string,
    to: string,
  ): Promise<MonthlyImpressions[]> {
    return (await this.oneService(serviceId, from, to, 'impressions')).impressions;
  }

  async listComments(query: CommentQuery): Promise<CommentRecord[]> {
    return this.withTriage((await this.rows<FeedbackRow>(q.comments(query))).map(toFeedback));
  }

  async channelRollups(serviceId: string, from: string, to: string): Promise<ChannelRollup[]> {
    return (await this.oneService(serviceId, from, to, 'channels')).channels;
  }

  async languageRollups(serviceId: string, from: string, to: string): Promise<LanguageRollup[]> {
    return (await this.oneService(serviceId, from, to, 'languages')).languages;
  }

  async stepRollups(serviceId: string, from: string, to: string): Promise<StepRollup[]> {
    return (await this.oneService(serviceId, from, to, 'steps')).steps;
  }

  async reasonCounts(serviceId: string, from: string, to: string): Promise<ReasonCount[]> {
    return (await this.oneService(serviceId, from, to, 'reasons')).reasons;
  }

  private async oneService<K extends RollupKind>(
    serviceId: string,
    from: string,
    to: string,
    kind: K,
  ): Promise<Pick<ServiceRollups, K>> {
    return (await this.serviceRollups([serviceId], from, to, [kind])).get(serviceId)!;
  }

  async serviceRollups<K extends RollupKind>(
    serviceIds: readonly string[],
    from: string,
    to: string,
    kinds: readonly K[],
  ): Promise<Map<string, Pick<ServiceRollups, K>>> {
    const result = new Map(serviceIds.map((id) => [id, {} as Record<RollupKind, unknown[]>]));
    for (const kind of kinds) {
      for (const entry of result.values()) entry[kind] = [];
      if (serviceIds.length === 0) continue;
      const { query, of } = ROLLUP_READERS[kind];
      for (const row of await this.manyRows<{ serviceId: string }>(query(serviceIds, from, to))) {
        result.get(row.serviceId)?.[kind].push(of(row as never));
      }
    }
    return result as unknown as Map<string, Pick<ServiceRollups, K>>;
  }

  async operationalCounts(): Promise<OperationalCounts> {
    const deliveries = await this.rows<m.CountRow & { status: string }>(m.deliveriesByStatus());
    const [digests] = await this.rows<m.CountRow>(m.digestsSent());
    return {
      webhookDeliveries: Object.fromEntries(deliveries.map((r) => [r.status, Number(r.count)])),
      webhookSubmissionsWaiting: await this.countWaitingSubmissions(),
      digestsSent: Number(digests?.count ?? 0),
    };
  }

  private readonly ingestObservers = new Set<IngestBatchObserver>();

  observeIngestBatches(observer: IngestBatchObserver): () => void {
    this.ingestObservers.add(observer);
    return () => this.ingestObservers.delete(observer);
  }

  /** For a store's ingest: one transaction committed `size` submissions in `seconds`. */
  protected ingestBatchCommitted(size: number, seconds: number): void {
    for (const observer of this.ingestObservers) observer(size, seconds);
  }
}
