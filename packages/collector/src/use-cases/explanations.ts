import type { Explanation } from '@vo-feedback/shared';
import type { ExplanationScope } from '../domain/acting-store.ts';
import type { Store } from '../domain/store.ts';
import { recordAudit } from './audit.ts';
import type { Acting } from './actions.ts';

// The "explain" of comply-or-explain: a provider's word on a year's figures, for one service or
// for its whole organisation. The annual report carries it; the audit records who set it, when,
// and its length — never the text.

export interface ExplanationSubject {
  scope: ExplanationScope;
  subjectId: string;
  year: number;
}

/** The explanation of a subject and year; text '' (and no author) when there is none. */
export async function getExplanation(
  store: Store,
  subject: ExplanationSubject,
): Promise<Explanation> {
  const [found] = await store.explanations(subject.scope, [subject.subjectId], subject.year);
  return {
    ...subject,
    text: found?.text ?? '',
    updatedAt: found ? new Date(found.updatedAt).toISOString() : null,
    updatedBy: found?.updatedBy ?? null,
  };
}

/**
 * Sets the explanation (surrounding white space dropped); a text that is empty then removes it.
 * Answers the explanation as it now is.
 */
export async function setExplanation(
  store: Store,
  subject: ExplanationSubject,
  text: string,
  acting: Acting,
): Promise<Explanation> {
  const kept = text.trim();
  await store.setExplanation({
    ...subject,
    text: kept,
    updatedAt: acting.now,
    updatedBy: acting.actor,
  });
  await recordAudit(
    store,
    {
      actor: acting.actor,
      action: 'explanation.set',
      target: `${subject.scope}:${subject.subjectId}`,
      details: { ...subject, length: kept.length },
    },
    acting.now,
  );
  return getExplanation(store, subject);
}
