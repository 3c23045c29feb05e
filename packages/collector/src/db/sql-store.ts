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
  ServiceRecord,
  Store,
  TokenRecord,
} from '../domain/store.ts';
import type { CommentRecord } from '../domain/acting-store.ts';
import { PeopleSqlStore } from './people-sql-store.ts';
import * as q from './queries.ts';
import * as m from './metrics-queries.ts';
import {
  channelRollupOf,
  languageRollupOf,
  monthlyRollupOf,
  stepRollupOf,
  toFeedback,
  toService,
  type ChannelRow,
  type FeedbackRow,
  type LanguageRow,
  type MonthlyRow,
  type ServiceRow,
  type StepRow,
} from './records.ts';

/**
 * What SQLite and PostgreSQL do alike, written once on the shared queries (queries.ts). A store
 * gives the two ways to run a query and what only it does: ingest (SQLite's group commit,
 * PostgreSQL's row locks across instances), pruning, and the export pages on its own order.
 */
export abstract class SqlStore extends PeopleSqlStore implements Store {
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
    if (Object.keys(changes).length > 0) await this.run(q.updateService(id, changes));
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
    return (await this.rows<MonthlyRow>(q.monthlyRollups(serviceId, from, to))).map(
      monthlyRollupOf,
    );
  }

  monthlyImpressions(serviceId: string, from: string, to: string): Promise<MonthlyImpressions[]> {
    return this.rows(q.monthlyImpressions(serviceId, from, to));
  }

  async listComments(query: CommentQuery): Promise<CommentRecord[]> {
    return this.withTriage((await this.rows<FeedbackRow>(q.comments(query))).map(toFeedback));
  }

  async channelRollups(serviceId: string, from: string, to: string): Promise<ChannelRollup[]> {
    return (await this.rows<ChannelRow>(q.channelRollups(serviceId, from, to))).map(
      channelRollupOf,
    );
  }

  async languageRollups(serviceId: string, from: string, to: string): Promise<LanguageRollup[]> {
    return (await this.rows<LanguageRow>(q.languageRollups(serviceId, from, to))).map(
      languageRollupOf,
    );
  }

  async stepRollups(serviceId: string, from: string, to: string): Promise<StepRollup[]> {
    return (await this.rows<StepRow>(q.stepRollups(serviceId, from, to))).map(stepRollupOf);
  }

  reasonCounts(serviceId: string, from: string, to: string): Promise<ReasonCount[]> {
    return this.rows(q.reasonCounts(serviceId, from, to));
  }

  async operationalCounts(): Promise<OperationalCounts> {
    const deliveries = await this.rows<m.CountRow & { status: string }>(m.deliveriesByStatus());
    const [digests] = await this.rows<m.CountRow>(m.digestsSent());
    return {
      webhookDeliveries: Object.fromEntries(deliveries.map((r) => [r.status, Number(r.count)])),
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
