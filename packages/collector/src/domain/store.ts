import type {
  Channel,
  Language,
  OrganisationKind,
  Outcome,
  Reason,
  SubmissionStatus,
  TokenRole,
  TriageStatus,
} from '@vo-feedback/shared';
import type {
  ChannelRollup,
  LanguageRollup,
  MonthlyImpressions,
  MonthlyRollup,
  ReasonCount,
  StepRollup,
} from './aggregation.ts';
import type { ActingStore, CommentRecord } from './acting-store.ts';
import type { WebhookStore } from './webhook-store.ts';
import type { MailStore } from './mail-store.ts';
import type { AlertStore } from './alert-store.ts';
import type { PeopleStore } from './people-store.ts';
import type { ThemeStore } from './theme-store.ts';

// The one interface between the use cases and the database. The SQLite and PostgreSQL stores of
// the database layer implement it; nothing above this file knows which one runs.

export interface OrganisationRecord {
  id: string;
  name: string;
  /** Its policy domain ("Omgeving"); null or absent: none given. */
  policyDomain?: string | null | undefined;
  /** Flemish or local government; null or absent: not given. */
  kind?: OrganisationKind | null | undefined;
}

export interface ServiceRecord {
  id: string;
  name: string;
  organisationId: string;
  allowedOrigins: string[];
  active: boolean;
  publicServiceUri: string | null;
  /** Where citizens get help (https or tel:); null or absent: the widget's default. */
  helpUrl?: string | null | undefined;
  /** The service's own reasons; null or absent: the default list. */
  reasons?: Reason[] | null | undefined;
  /** The satisfaction (share of 4 and 5, 0–1) it aims at; null or absent: none. */
  target?: number | null | undefined;
}

export interface TokenRecord {
  id: string;
  label: string;
  role: TokenRole;
  organisationId: string | null;
  hash: string;
  createdAt: number;
  revokedAt: number | null;
}

/** A service's rollups over a period, as the single-service readers of Store give them. */
export interface ServiceRollups {
  monthly: MonthlyRollup[];
  /** The counts of `monthly` summed over the whole period, per outcome (their month is ''). */
  outcomes: MonthlyRollup[];
  channels: ChannelRollup[];
  languages: LanguageRollup[];
  steps: StepRollup[];
  reasons: ReasonCount[];
  impressions: MonthlyImpressions[];
}

export type RollupKind = keyof ServiceRollups;

/** A submission as it is stored: redacted, with the day it counts in. */
export interface FeedbackRecord {
  id: string;
  serviceId: string;
  rating: number;
  comment: string | null;
  lang: Language;
  outcome: Outcome | null;
  step: string | null;
  page: string | null;
  redactions: number;
  day: string;
  createdAt: number;
  updatedAt: number;
  channel: Channel;
  /** Reason codes; empty with a rating of 4 or 5 (reasons count only with 1–3). */
  reasons: string[];
}

/** A stored submission as ingest reads and writes it: the record and who sent it. */
export interface IngestedFeedback extends FeedbackRecord {
  /**
   * The widget sent it (JSON from a page of an allowed origin): what the response rate counts,
   * since only the widget's answers follow its impressions. Set by the first post and kept.
   */
  widget: boolean;
}

/** The content of a submission: what a replay must match to be `unchanged`. */
export type FeedbackContent = Pick<
  FeedbackRecord,
  | 'serviceId'
  | 'rating'
  | 'comment'
  | 'lang'
  | 'outcome'
  | 'step'
  | 'page'
  | 'redactions'
  | 'reasons'
>;

/**
 * An incoming submission. Optional fields that are `undefined` were absent from the request: an
 * update keeps their stored values (a late replay without the comment does not erase it).
 */
export interface IncomingFeedback {
  id: string;
  serviceId: string;
  rating: number;
  comment?: string | undefined;
  lang: Language;
  outcome?: Outcome | undefined;
  step?: string | undefined;
  page?: string | undefined;
  redactions: number;
  receivedAt: number;
  /** The widget sent it; absent: another channel (the form, a system), not in the response rate. */
  widget?: boolean | undefined;
  /** Absent: `web` on a first post; an update keeps the first post's channel. */
  channel?: Channel | undefined;
  /** Absent: an update keeps the stored reasons. Dropped with a rating of 4 or 5. */
  reasons?: string[] | undefined;
}

export type IngestResult =
  { status: SubmissionStatus } | { status: 'conflict'; reason: 'other-service' | 'window-closed' };

/** How long after its first post a submission may still be changed. */
export const UPDATE_WINDOW_MS = 30 * 60 * 1000;

/**
 * The database cannot take work right now (busy beyond its timeout, disk full, I/O error, read
 * only, unreachable). Routes answer 503 with Retry-After: the widget keeps the submission and
 * retries, and the collector recovers without a restart once the cause goes.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`database unavailable: ${reason}`, options);
  }
}

/**
 * Every method rejects with a StoreUnavailableError when the database cannot take work; other
 * errors (a broken rule of the schema, such as a key that exists already) pass as they come.
 */
export interface Store
  extends ActingStore, WebhookStore, MailStore, AlertStore, PeopleStore, ThemeStore {
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** True when the database has no organisation yet (a new installation). */
  isEmpty(): Promise<boolean>;

  createOrganisation(organisation: OrganisationRecord): Promise<void>;
  listOrganisations(): Promise<OrganisationRecord[]>;
  getOrganisation(id: string): Promise<OrganisationRecord | undefined>;
  /** Sets the fields given; the organisation as it is now, or undefined when there is none. */
  updateOrganisation(
    id: string,
    changes: Partial<Omit<OrganisationRecord, 'id'>>,
  ): Promise<OrganisationRecord | undefined>;
  createService(service: ServiceRecord): Promise<void>;
  updateService(
    id: string,
    changes: Partial<Omit<ServiceRecord, 'id'>>,
  ): Promise<ServiceRecord | undefined>;
  getService(id: string): Promise<ServiceRecord | undefined>;
  /** Every service, or those of one organisation. */
  listServices(organisationId?: string): Promise<ServiceRecord[]>;

  createToken(token: TokenRecord): Promise<void>;
  findTokenByHash(hash: string): Promise<TokenRecord | undefined>;
  listTokens(): Promise<TokenRecord[]>;
  /** Marks a token revoked; false when there is no such token. */
  revokeToken(id: string, at: number): Promise<boolean>;

  /** Stores, updates or recognises a submission and keeps the rollups consistent, atomically. */
  ingest(incoming: IncomingFeedback): Promise<IngestResult>;
  getFeedback(id: string): Promise<FeedbackRecord | undefined>;
  /**
   * Retention: removes the comment text of submissions first posted before `before` (ms since the
   * epoch). The row, its rating and every rollup count (the comment count included) stay: the
   * aggregates are kept, only the text goes. Returns how many comments were removed.
   */
  pruneComments(before: number): Promise<number>;
  recordImpression(serviceId: string, day: string): Promise<void>;

  /** Rollups of a service for days in [from, to], summed per month and outcome by the database. */
  monthlyRollups(serviceId: string, from: string, to: string): Promise<MonthlyRollup[]>;
  /** Ratings of a service for days in [from, to], summed per channel. */
  channelRollups(serviceId: string, from: string, to: string): Promise<ChannelRollup[]>;
  /** Ratings of a service for days in [from, to], summed per language. */
  languageRollups(serviceId: string, from: string, to: string): Promise<LanguageRollup[]>;
  /**
   * Ratings and outcomes of a service for days in [from, to], summed per step, in journey order:
   * by the first post at each step.
   */
  stepRollups(serviceId: string, from: string, to: string): Promise<StepRollup[]>;
  /** How often each reason was ticked for a service on days in [from, to]. */
  reasonCounts(serviceId: string, from: string, to: string): Promise<ReasonCount[]>;
  /** Impressions of a service for days in [from, to], summed per month. */
  monthlyImpressions(serviceId: string, from: string, to: string): Promise<MonthlyImpressions[]>;
  /**
   * The rollups above of several services for days in [from, to], each kind read in one query for
   * them all (a report of many services). Every service asked for has an entry.
   */
  serviceRollups<K extends RollupKind>(
    serviceIds: readonly string[],
    from: string,
    to: string,
    kinds: readonly K[],
  ): Promise<Map<string, Pick<ServiceRollups, K>>>;

  /**
   * Submissions of a service that have a comment, newest first (createdAt, then id, descending),
   * first posted in [start, end), strictly after the `before` position: one page of the listing.
   */
  listComments(query: CommentQuery): Promise<CommentRecord[]>;
  /**
   * Every submission of a service first posted in [start, end), in pages of at most `pageSize`
   * rows read one query at a time (keyset on createdAt and a unique tiebreaker), so that an
   * export of a million rows holds one page in memory. Oldest first unless `newestFirst`.
   */
  feedbackPages(query: FeedbackPagesQuery): AsyncIterable<FeedbackRecord[]>;

  /** Counts for monitoring (GET /metrics), read at each scrape. */
  operationalCounts(): Promise<OperationalCounts>;
  /**
   * Calls `observer` after each ingest transaction: a group commit of many submissions on
   * SQLite, one submission on PostgreSQL. Returns how to stop.
   */
  observeIngestBatches(observer: IngestBatchObserver): () => void;
}

/** Counts an operator watches: no id, nothing personal. */
export interface OperationalCounts {
  /** Webhook deliveries by status: pending (the backlog), delivered, failed. */
  webhookDeliveries: Record<string, number>;
  /** Submissions whose webhook events are not in the outbox yet (SQLite: sqlite-fanout.ts). */
  webhookSubmissionsWaiting: number;
  /** Digest e-mails sent: the mail outbox's rows of kind `digest` with status `sent`. */
  digestsSent: number;
}

/** Told how many submissions one ingest transaction wrote and how long it took (seconds). */
export type IngestBatchObserver = (size: number, seconds: number) => void;

/** A position in a listing ordered by (createdAt, id). */
export interface FeedbackPosition {
  createdAt: number;
  id: string;
}

export interface CommentQuery {
  serviceId: string;
  /** Instants in ms since the epoch: `start` inclusive, `end` exclusive. */
  start: number;
  end: number;
  rating?: number | undefined;
  /** An outcome, or null for submissions without one. Undefined: any. */
  outcome?: Outcome | null | undefined;
  /** Only comments with this triage status (`new`: also those nobody triaged). */
  status?: TriageStatus | undefined;
  /** Only comments with this tag. */
  tag?: string | undefined;
  /** Only rows that come after this position in the newest-first order. */
  before?: FeedbackPosition | undefined;
  limit: number;
}

export interface FeedbackPagesQuery {
  serviceId: string;
  start: number;
  end: number;
  /** Default 1000. */
  pageSize?: number;
  /** Only submissions with a comment. */
  withComment?: boolean;
  newestFirst?: boolean;
}
