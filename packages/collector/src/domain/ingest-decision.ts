import { createHash } from 'node:crypto';
import type {
  FeedbackContent,
  FeedbackRecord,
  IncomingFeedback,
  IngestedFeedback,
  IngestResult,
} from './store.ts';
import { UPDATE_WINDOW_MS } from './store.ts';
import { brusselsDay } from './time.ts';

export type IngestDecision =
  | { result: IngestResult & { status: 'stored' | 'updated' }; record: IngestedFeedback }
  | { result: IngestResult & { status: 'unchanged' | 'conflict' } };

function contentOf(record: FeedbackRecord): FeedbackContent {
  const { serviceId, rating, comment, lang, outcome, step, page, redactions, reasons } = record;
  return { serviceId, rating, comment, lang, outcome, step, page, redactions, reasons };
}

/**
 * Reasons say what went wrong: they count only with a rating of 1–3. With 4 or 5 none are stored
 * (the contract's choice: a satisfied citizen's ticks would skew the share of the unsatisfied).
 */
export function reasonsFor(rating: number, reasons: readonly string[]): string[] {
  return rating <= 3 ? [...reasons] : [];
}

const sameReasons = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((code, index) => code === b[index]);

function sameContent(a: FeedbackContent, b: FeedbackContent): boolean {
  return (
    a.serviceId === b.serviceId &&
    a.rating === b.rating &&
    a.comment === b.comment &&
    a.lang === b.lang &&
    a.outcome === b.outcome &&
    a.step === b.step &&
    a.page === b.page &&
    sameReasons(a.reasons, b.reasons)
  );
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What to do with a submission given what is stored under its id — the idempotency rules of the
 * contract, shared by every store:
 * - new id: store it;
 * - same id for another service: conflict;
 * - fields present replace the stored ones, absent optional fields are kept; if that changes
 *   nothing the answer is `unchanged` at any time (retries are always safe);
 * - a real change within 30 minutes of the first post is an update, after it a conflict.
 */
export function decideIngest(
  existing: (IngestedFeedback & { commentHash?: string | null | undefined }) | undefined,
  sent: IncomingFeedback,
): IngestDecision {
  // A provider removed text from the stored comment: a replay of the comment as it was sent is
  // the same submission (its text must not come back), not a change.
  const incoming: IncomingFeedback =
    existing?.commentHash &&
    sent.comment !== undefined &&
    hashOf(sent.comment) === existing.commentHash
      ? { ...sent, comment: undefined }
      : sent;
  if (!existing) {
    return {
      result: { status: 'stored' },
      record: {
        id: incoming.id,
        serviceId: incoming.serviceId,
        rating: incoming.rating,
        comment: incoming.comment || null,
        lang: incoming.lang,
        outcome: incoming.outcome ?? null,
        step: incoming.step || null,
        page: incoming.page ?? null,
        redactions: incoming.redactions,
        day: brusselsDay(incoming.receivedAt),
        createdAt: incoming.receivedAt,
        updatedAt: incoming.receivedAt,
        widget: incoming.widget ?? false,
        channel: incoming.channel ?? 'web',
        reasons: reasonsFor(incoming.rating, incoming.reasons ?? []),
      },
    };
  }
  if (existing.serviceId !== incoming.serviceId) {
    return { result: { status: 'conflict', reason: 'other-service' } };
  }
  // Who sent it and through which channel are kept from the first post, as its day is.
  const merged: IngestedFeedback = {
    ...existing,
    rating: incoming.rating,
    lang: incoming.lang,
    comment: incoming.comment === undefined ? existing.comment : incoming.comment || null,
    outcome: incoming.outcome === undefined ? existing.outcome : incoming.outcome,
    step: incoming.step === undefined ? existing.step : incoming.step || null,
    page: incoming.page === undefined ? existing.page : incoming.page,
    // Redactions counted in a replaced comment no longer apply; a kept comment keeps its count.
    redactions: incoming.comment === undefined ? existing.redactions : incoming.redactions,
    reasons: reasonsFor(incoming.rating, incoming.reasons ?? existing.reasons),
    updatedAt: incoming.receivedAt,
  };
  if (sameContent(contentOf(existing), contentOf(merged))) {
    return { result: { status: 'unchanged' } };
  }
  if (incoming.receivedAt - existing.createdAt > UPDATE_WINDOW_MS) {
    return { result: { status: 'conflict', reason: 'window-closed' } };
  }
  return { result: { status: 'updated' }, record: merged };
}
