import { REDACTED_BY_PROVIDER, type TagSuggestions, type TriageChange } from '@vo-feedback/shared';
import type { CommentRecord } from '../domain/acting-store.ts';
import type { FeedbackRecord, Store } from '../domain/store.ts';
import { notFound, ProblemError } from '../domain/problems.ts';
import { recordAudit } from './audit.ts';
import { forgetServiceThemes } from './theme-cache.ts';

// A provider acting on one submission of its service: triage (status, tags, note), erasure of the
// whole submission and redaction of text in its comment. Each change is recorded in the audit with
// ids, field names, statuses, tag names and counts — never the comment, the note or the text
// removed. The caller has checked that the actor may act on the service.

/** Who acts on which submission, and when (ms since the epoch). */
export interface FeedbackAct {
  serviceId: string;
  feedbackId: string;
  /** Who acts: `person:<e-mail>` or `token:<id>` (domain/actors.ts). */
  actor: string;
  now: number;
}

/**
 * The 404 for a submission that is not there, or (for triage and redaction) has no comment: the
 * detail says which, so that a provider knows whether to look further. A submission of another
 * service is not there.
 */
async function missing(store: Store, act: FeedbackAct, needsComment: boolean) {
  const record = await store.getFeedback(act.feedbackId);
  if (record && record.serviceId === act.serviceId && needsComment && record.comment === null) {
    return notFound(
      'This submission has no comment (a rating alone, or its text was removed after the retention period); only comments can be triaged or redacted.',
      'no-comment',
    );
  }
  return notFound(
    `There is no submission with this id in service "${act.serviceId}"; it may have been erased, which cannot be undone.`,
    'unknown-feedback',
  );
}

/** Changes the triage of a comment; only the fields given change. Throws 404. */
export async function triageComment(
  store: Store,
  act: FeedbackAct,
  change: TriageChange,
): Promise<CommentRecord> {
  const record = await store.triage(act.serviceId, act.feedbackId, change, act.now);
  if (!record) throw await missing(store, act, true);
  const changed = (['status', 'tags', 'note'] as const).filter((field) => field in change);
  await recordAudit(
    store,
    {
      actor: act.actor,
      action: 'feedback.triaged',
      target: `feedback:${act.feedbackId}`,
      // Neither the note nor the tags (text a provider typed, a name perhaps) go in: `changed`
      // says what changed, `tags` how many there are now.
      details: {
        serviceId: act.serviceId,
        changed,
        status: record.status,
        tags: record.tags.length,
      },
    },
    act.now,
  );
  return record;
}

/**
 * The tags in use on the comments of an organisation, most used first, to suggest while tagging.
 * The comments' themes are not mixed in: the dashboard loads them already and can offer both.
 */
export async function tagSuggestions(
  store: Store,
  organisationId: string,
): Promise<TagSuggestions> {
  return { tags: await store.tagCounts(organisationId) };
}

/**
 * Erasure (a data-subject request): the submission, its triage and tags are deleted and every
 * figure drops it at once (the store corrects the rollups in the same transaction); its id is
 * remembered, so that a replay of it stores nothing. Throws 404.
 */
export async function eraseSubmission(store: Store, act: FeedbackAct): Promise<FeedbackRecord> {
  const record = await store.eraseFeedback(act.serviceId, act.feedbackId, act.now);
  if (!record) throw await missing(store, act, false);
  // Themes cached for a report were counted with this comment.
  forgetServiceThemes(store, act.serviceId);
  await recordAudit(
    store,
    {
      actor: act.actor,
      action: 'feedback.erased',
      target: `feedback:${act.feedbackId}`,
      details: { serviceId: act.serviceId, rating: record.rating },
    },
    act.now,
  );
  return record;
}

/**
 * Replaces every occurrence of `text` in a comment by `[verwijderd]` (exactly as written: case,
 * accents and spaces count). The figures do not change. Throws 404, or 422 `text-not-found` when
 * the text does not occur.
 */
export async function redactCommentText(
  store: Store,
  act: FeedbackAct,
  text: string,
): Promise<CommentRecord> {
  const result = await store.redactComment(
    act.serviceId,
    act.feedbackId,
    text,
    REDACTED_BY_PROVIDER,
    act.now,
  );
  if (!result) throw await missing(store, act, true);
  if (result.replaced === 0) {
    throw new ProblemError(
      422,
      'text-not-found',
      'The text does not occur in this comment; it is compared exactly as written (case, accents and spaces count). Copy it from the comment as the listing shows it. Nothing was changed.',
    );
  }
  forgetServiceThemes(store, act.serviceId);
  await recordAudit(
    store,
    {
      actor: act.actor,
      action: 'feedback.redacted',
      target: `feedback:${act.feedbackId}`,
      details: { serviceId: act.serviceId, replaced: result.replaced },
    },
    act.now,
  );
  return result.record;
}
