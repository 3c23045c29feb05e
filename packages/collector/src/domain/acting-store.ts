import type { ActionStatus, TriageStatus } from '@vo-feedback/shared';
import type { FeedbackRecord } from './store.ts';

// What the store keeps of a provider acting on its feedback: triage, erasure, improvement actions,
// explanations, handed-in reports and the audit. Part of the Store interface (store.ts).

/** A comment's triage; a comment nobody touched is `new`, without tags or note. */
export interface TriageRecord {
  status: TriageStatus;
  tags: string[];
  note: string | null;
}

/** A submission with a comment as the provider's listing reads it. */
export type CommentRecord = FeedbackRecord & TriageRecord;

/** A triage change: only the fields given change; `note: null` removes the note. */
export interface TriageChangeRecord {
  status?: TriageStatus | undefined;
  tags?: string[] | undefined;
  note?: string | null | undefined;
}

export interface ActionRecord {
  id: string;
  serviceId: string;
  title: string;
  description: string | null;
  status: ActionStatus;
  public: boolean;
  themes: string[];
  feedbackIds: string[];
  /** YYYY-MM-DD or null. */
  plannedOn: string | null;
  doneOn: string | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

export type ExplanationScope = 'service' | 'organisation';

export interface ExplanationRecord {
  scope: ExplanationScope;
  subjectId: string;
  year: number;
  text: string;
  updatedAt: number;
  updatedBy: string;
}

/** A handed-in annual report, without its frozen bodies. */
export interface SubmissionRecord {
  organisationId: string;
  year: number;
  version: number;
  submittedAt: number;
  submittedBy: string;
  sha256: string;
}

/** A handed-in annual report with its frozen JSON and HTML, byte for byte. */
export interface FrozenReportRecord extends SubmissionRecord {
  json: string;
  html: string;
}

export interface AuditRecord {
  id: string;
  at: number;
  actor: string;
  action: string;
  target: string;
  /** Field names, statuses, counts: never a comment, a note or another free text. */
  details: Record<string, unknown>;
}

export interface ActingStore {
  /**
   * Changes the triage of a submission of `serviceId` that has a comment; the submission with its
   * new triage, or undefined when there is no such comment.
   */
  triage(
    serviceId: string,
    feedbackId: string,
    change: TriageChangeRecord,
    at: number,
  ): Promise<CommentRecord | undefined>;
  /** The tags in use on the comments of an organisation's services, most used first. */
  tagCounts(organisationId: string): Promise<{ tag: string; count: number }[]>;

  /**
   * Erasure: deletes a submission of `serviceId`, its triage and tags, and takes it out of every
   * rollup, in one transaction, and remembers its id so that a replay stores nothing. The record
   * deleted, or undefined when there is none.
   */
  eraseFeedback(
    serviceId: string,
    feedbackId: string,
    at: number,
  ): Promise<FeedbackRecord | undefined>;
  /** True when the id was erased: a replay of it must store nothing. */
  isErased(feedbackId: string): Promise<boolean>;
  /**
   * Replaces every occurrence of `text` in the comment of a submission of `serviceId` by
   * `replacement`; the submission and how many were replaced, or undefined when it has no comment.
   */
  redactComment(
    serviceId: string,
    feedbackId: string,
    text: string,
    replacement: string,
    at: number,
  ): Promise<{ record: CommentRecord; replaced: number } | undefined>;

  createAction(action: ActionRecord): Promise<void>;
  /** The actions of a service, newest first. */
  listActions(serviceId: string): Promise<ActionRecord[]>;
  getAction(serviceId: string, actionId: string): Promise<ActionRecord | undefined>;
  /** Stores the whole record as given (the use case merges a change into it). */
  updateAction(action: ActionRecord): Promise<void>;
  deleteAction(serviceId: string, actionId: string): Promise<boolean>;

  /** Sets an explanation; an empty text removes it. */
  setExplanation(explanation: ExplanationRecord): Promise<void>;
  /** The explanations of a year for these subjects of a scope. */
  explanations(
    scope: ExplanationScope,
    subjectIds: string[],
    year: number,
  ): Promise<ExplanationRecord[]>;

  /**
   * Freezes a report as the organisation's next version for the year (1, 2, …), atomically: two
   * hand-ins at once get two versions. The version it got.
   */
  addReportSubmission(report: Omit<FrozenReportRecord, 'version'>): Promise<number>;
  /** The versions of a year, of one organisation or all, oldest first. */
  reportSubmissions(year: number, organisationId?: string): Promise<SubmissionRecord[]>;
  reportSubmission(
    organisationId: string,
    year: number,
    version: number,
  ): Promise<FrozenReportRecord | undefined>;

  recordAudit(entry: AuditRecord): Promise<void>;
  /** The audit entries at or after `start` and before `end` (ms), oldest first, at most `limit`. */
  auditEntries(start: number, end: number, limit?: number): Promise<AuditRecord[]>;
}
