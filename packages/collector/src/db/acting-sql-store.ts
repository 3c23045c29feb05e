import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { REDACTED_BY_PROVIDER } from '@vo-feedback/shared/constants';
import type {
  ActingStore,
  ActionRecord,
  AuditRecord,
  CommentRecord,
  ExplanationRecord,
  ExplanationScope,
  FrozenReportRecord,
  SubmissionRecord,
  TriageChangeRecord,
} from '../domain/acting-store.ts';
import type { FeedbackRecord } from '../domain/store.ts';
import { reportEvent } from '../domain/webhooks.ts';
import type { TriageStatus } from '@vo-feedback/shared';
import * as a from './acting-queries.ts';
import { isUniqueViolation } from './errors.ts';
import { enqueueIn, eraseFromOutbox, redactInOutbox } from './outbox.ts';
import {
  feedbackById,
  ADD_TO_CHANNEL_ROLLUP,
  ADD_TO_LANGUAGE_ROLLUP,
  ADD_TO_REASON_COUNT,
  ADD_TO_ROLLUP,
  ADD_TO_STEP_ROLLUP,
  RECOUNT_STEP_FIRST_SEEN,
} from './queries.ts';
import {
  channelDelta,
  languageDelta,
  reasonDeltas,
  rollupDelta,
  stepDelta,
  stepLeft,
  toFeedback,
  type FeedbackRow,
} from './records.ts';

/** What a transaction runs its statements on. */
export interface Executor {
  rows<R>(query: SQL): Promise<R[]>;
  run(query: SQL): Promise<number>;
  /** A statement of named placeholders (queries.ts `statement`) with its values; rows changed. */
  runNamed(query: SQL, named: object): Promise<number>;
}

/**
 * Acting on feedback, written once for SQLite and PostgreSQL on the shared queries
 * (acting-queries.ts). SqlStore extends it; a store gives `rows`, `run` and `transaction`.
 */
export abstract class ActingSqlStore implements ActingStore {
  protected abstract rows<R>(query: SQL): Promise<R[]>;
  /**
   * `rows` for a read of many rows whose columns are text and integers (every read of the rollups,
   * of one service or many, and the reports' theme counts): the same rows in the same order, which
   * a store may hand over in a cheaper way.
   */
  protected manyRows<R>(query: SQL): Promise<R[]> {
    return this.rows(query);
  }
  protected abstract run(query: SQL): Promise<number>;
  /**
   * Runs `work` in one transaction: its statements commit together or not at all. `work` may
   * await only the executor's methods.
   */
  protected abstract transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T>;
  /**
   * What a transaction appends to its read of a feedback row to lock it until the commit:
   * PostgreSQL's `for update`, so that an ingest update of the same id on another instance waits
   * (SQLite's transactions run one at a time: nothing).
   */
  protected abstract readonly lockRow: SQL;

  /** The triage and tags of these submissions, added to each. */
  protected async withTriage(
    records: FeedbackRecord[],
    on: Pick<Executor, 'rows'> = { rows: (query) => this.rows(query) },
  ): Promise<CommentRecord[]> {
    if (records.length === 0) return [];
    const ids = records.map((record) => record.id);
    const triage = new Map(
      (
        await on.rows<{ feedbackId: string; status: TriageStatus; note: string | null }>(
          a.triageOf(ids),
        )
      ).map((row) => [row.feedbackId, row]),
    );
    const tags = new Map<string, string[]>();
    for (const row of await on.rows<{ feedbackId: string; tag: string }>(a.tagsOf(ids))) {
      tags.set(row.feedbackId, [...(tags.get(row.feedbackId) ?? []), row.tag]);
    }
    return records.map((record) => ({
      ...record,
      status: triage.get(record.id)?.status ?? 'new',
      note: triage.get(record.id)?.note ?? null,
      tags: tags.get(record.id) ?? [],
    }));
  }

  /** A submission of this service with a comment, read in `tx`. */
  private async commentIn(
    tx: Executor,
    serviceId: string,
    feedbackId: string,
  ): Promise<FeedbackRecord | undefined> {
    const [row] = await tx.rows<FeedbackRow>(sql`${feedbackById(feedbackId)}${this.lockRow}`);
    if (!row || row.serviceId !== serviceId) return undefined;
    return toFeedback(row);
  }

  triage(
    serviceId: string,
    feedbackId: string,
    change: TriageChangeRecord,
    at: number,
  ): Promise<CommentRecord | undefined> {
    return this.transaction(async (tx) => {
      const record = await this.commentIn(tx, serviceId, feedbackId);
      if (!record || record.comment === null) return undefined;
      const [current] = await this.withTriage([record], tx);
      const status = change.status ?? current!.status;
      const note = change.note === undefined ? current!.note : change.note || null;
      await tx.run(a.upsertTriage(feedbackId, serviceId, status, note, at));
      if (change.tags !== undefined) {
        await tx.run(a.deleteTags(feedbackId));
        if (change.tags.length > 0) await tx.run(a.insertTags(feedbackId, serviceId, change.tags));
      }
      return (await this.withTriage([record], tx))[0];
    });
  }

  tagCounts(organisationId: string): Promise<{ tag: string; count: number }[]> {
    return this.rows(a.tagCounts(organisationId));
  }

  eraseFeedback(
    serviceId: string,
    feedbackId: string,
    at: number,
  ): Promise<FeedbackRecord | undefined> {
    return this.transaction(async (tx) => {
      const [row] = await tx.rows<
        FeedbackRow & { widget: boolean | number; commentPruned: boolean | number }
      >(sql`${feedbackById(feedbackId, { withErasure: true })}${this.lockRow}`);
      if (!row || row.serviceId !== serviceId) return undefined;
      const { commentPruned, ...stored } = row;
      const record = { ...toFeedback(stored), widget: Boolean(row.widget) };
      // The same deltas ingest adds, taken away: every rollup drops exactly this submission —
      // its comment too when retention removed the text but kept it in the count.
      const counted = commentPruned ? { ...record, comment: REDACTED_BY_PROVIDER } : record;
      await tx.runNamed(ADD_TO_ROLLUP, rollupDelta(counted, -1));
      await tx.runNamed(ADD_TO_CHANNEL_ROLLUP, channelDelta(record, -1));
      await tx.runNamed(ADD_TO_LANGUAGE_ROLLUP, languageDelta(record, -1));
      const step = stepDelta(record, -1);
      if (step) await tx.runNamed(ADD_TO_STEP_ROLLUP, step);
      // In ingest's order (reasons by code), so that the two never wait on each other in a circle.
      const reasons = reasonDeltas(record, -1).sort((x, y) => (x.reason < y.reason ? -1 : 1));
      for (const delta of reasons) await tx.runNamed(ADD_TO_REASON_COUNT, delta);
      await tx.run(a.deleteTags(feedbackId));
      await tx.run(a.deleteTriage(feedbackId));
      await tx.run(a.deleteFeedback(feedbackId));
      // Its step's first post may have been this one: no trace of it stays behind.
      const left = stepLeft(record);
      if (left) await tx.runNamed(RECOUNT_STEP_FIRST_SEEN, left);
      await tx.run(a.insertErased(feedbackId, serviceId, at));
      await eraseFromOutbox(tx, feedbackId);
      const { widget: _widget, ...erased } = record;
      return erased;
    });
  }

  async isErased(feedbackId: string): Promise<boolean> {
    return (await this.rows(a.erased(feedbackId))).length > 0;
  }

  redactComment(
    serviceId: string,
    feedbackId: string,
    text: string,
    replacement: string,
    at: number,
  ): Promise<{ record: CommentRecord; replaced: number } | undefined> {
    return this.transaction(async (tx) => {
      const record = await this.commentIn(tx, serviceId, feedbackId);
      if (!record || record.comment === null) return undefined;
      const parts = record.comment.split(text);
      const replaced = parts.length - 1;
      const redacted = { ...record, comment: parts.join(replacement) };
      if (replaced > 0) {
        redacted.redactions = record.redactions + replaced;
        redacted.updatedAt = at;
        const sentHash = createHash('sha256').update(record.comment).digest('hex');
        await tx.run(a.setComment(feedbackId, redacted.comment, redacted.redactions, at, sentHash));
        await redactInOutbox(tx, feedbackId, redacted.comment);
      }
      return { record: (await this.withTriage([redacted], tx))[0]!, replaced };
    });
  }

  async createAction(action: ActionRecord): Promise<void> {
    await this.run(a.insertAction(action));
  }

  async listActions(serviceId: string): Promise<ActionRecord[]> {
    return (await this.rows<a.ActionRow>(a.actions(serviceId))).map(a.toAction);
  }

  async getAction(serviceId: string, actionId: string): Promise<ActionRecord | undefined> {
    const [row] = await this.rows<a.ActionRow>(a.actions(serviceId, actionId));
    return row && a.toAction(row);
  }

  async updateAction(action: ActionRecord): Promise<void> {
    await this.run(a.updateAction(action));
  }

  async deleteAction(serviceId: string, actionId: string): Promise<boolean> {
    return (await this.run(a.deleteAction(serviceId, actionId))) > 0;
  }

  async setExplanation(explanation: ExplanationRecord): Promise<void> {
    const { scope, subjectId, year } = explanation;
    await this.run(
      explanation.text === ''
        ? a.deleteExplanation(scope, subjectId, year)
        : a.upsertExplanation(explanation),
    );
  }

  async explanations(
    scope: ExplanationScope,
    subjectIds: string[],
    year: number,
  ): Promise<ExplanationRecord[]> {
    if (subjectIds.length === 0) return [];
    return this.rows(a.explanations(scope, subjectIds, year));
  }

  async addReportSubmission(report: Omit<FrozenReportRecord, 'version'>): Promise<number> {
    // Two hand-ins at the same moment read the same next version; the primary key refuses the
    // second insert, which then reads again.
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.transaction(async (tx) => {
          const [{ version }] = (await tx.rows<{ version: number }>(
            a.nextVersion(report.organisationId, report.year),
          )) as [{ version: number }];
          await tx.run(a.insertSubmission({ ...report, version }));
          // `report.submitted` commits with the version it announces, or not at all.
          await enqueueIn(tx, reportEvent({ ...report, version }));
          return version;
        });
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  reportSubmissions(year: number, organisationId?: string): Promise<SubmissionRecord[]> {
    return this.rows(a.submissions(year, organisationId));
  }

  async reportSubmission(
    organisationId: string,
    year: number,
    version: number,
  ): Promise<FrozenReportRecord | undefined> {
    return (await this.rows<FrozenReportRecord>(a.submission(organisationId, year, version)))[0];
  }

  async recordAudit(entry: AuditRecord): Promise<void> {
    await this.run(a.insertAudit(entry));
  }

  async auditEntries(start: number, end: number, limit = 10_000): Promise<AuditRecord[]> {
    const rows = await this.rows<Omit<AuditRecord, 'details'> & { details: string }>(
      a.auditEntries(start, end, limit),
    );
    return rows.map((row) => ({
      ...row,
      details: JSON.parse(row.details) as Record<string, unknown>,
    }));
  }
}
