import { randomUUID } from 'node:crypto';
import type { Action, ActionChange, ActionCreate, ActionList } from '@vo-feedback/shared';
import type { ActionRecord } from '../domain/acting-store.ts';
import type { Store } from '../domain/store.ts';
import { actionItem, changedAction, newAction } from '../domain/actions.ts';
import { invalid, notFound } from '../domain/problems.ts';
import { brusselsDay } from '../domain/time.ts';
import { recordAudit } from './audit.ts';

// Improvement actions ("Wat we verbeteren"): what a provider changes because of its feedback.
// Every change is audited with ids, the status, whether it is public and the fields changed —
// never the title or the description.

/** Who acts, and when (ms since the epoch). */
export interface Acting {
  actor: string;
  now: number;
}

/** The comments an action links must be submissions of its own service: else 400 naming each. */
async function requireOwnFeedback(
  store: Store,
  serviceId: string,
  feedbackIds: readonly string[],
): Promise<void> {
  const records = await Promise.all(feedbackIds.map((id) => store.getFeedback(id.toLowerCase())));
  const errors = records.flatMap((record, i) =>
    record?.serviceId === serviceId
      ? []
      : [
          {
            path: `feedbackIds.${i}`,
            message: `There is no submission ${feedbackIds[i]} of this service; link comments from its listing.`,
          },
        ],
  );
  if (errors.length) throw invalid('The body is not valid; see errors.', errors);
}

async function audit(
  store: Store,
  acting: Acting,
  action: 'action.created' | 'action.updated' | 'action.deleted',
  record: ActionRecord,
  changed: string[],
): Promise<void> {
  await recordAudit(
    store,
    {
      actor: acting.actor,
      action,
      target: `action:${record.id}`,
      details: {
        serviceId: record.serviceId,
        status: record.status,
        public: record.public,
        changed,
      },
    },
    acting.now,
  );
}

export async function listActions(store: Store, serviceId: string): Promise<ActionList> {
  const actions = await store.listActions(serviceId);
  return { serviceId, actions: actions.map(actionItem) };
}

export async function createAction(
  store: Store,
  serviceId: string,
  input: ActionCreate,
  acting: Acting,
): Promise<Action> {
  const feedbackIds = input.feedbackIds.map((id) => id.toLowerCase());
  await requireOwnFeedback(store, serviceId, feedbackIds);
  const record = newAction(
    { ...input, feedbackIds },
    { id: randomUUID(), serviceId, now: acting.now, today: brusselsDay(acting.now) },
  );
  await store.createAction(record);
  await audit(store, acting, 'action.created', record, Object.keys(input).sort());
  return actionItem(record);
}

async function existingAction(
  store: Store,
  serviceId: string,
  actionId: string,
): Promise<ActionRecord> {
  const record = await store.getAction(serviceId, actionId.toLowerCase());
  if (!record) throw notFound('This service has no such action.', 'unknown-action');
  return record;
}

export async function changeAction(
  store: Store,
  serviceId: string,
  actionId: string,
  change: ActionChange,
  acting: Acting,
): Promise<Action> {
  const record = await existingAction(store, serviceId, actionId);
  const feedbackIds = change.feedbackIds?.map((id) => id.toLowerCase());
  if (feedbackIds) await requireOwnFeedback(store, serviceId, feedbackIds);
  const changed = changedAction(
    record,
    { ...change, ...(feedbackIds ? { feedbackIds } : {}) },
    { now: acting.now, today: brusselsDay(acting.now) },
  );
  await store.updateAction(changed);
  await audit(store, acting, 'action.updated', changed, Object.keys(change).sort());
  return actionItem(changed);
}

export async function deleteAction(
  store: Store,
  serviceId: string,
  actionId: string,
  acting: Acting,
): Promise<void> {
  const record = await existingAction(store, serviceId, actionId);
  // Gone already when another request deleted it in between: the same 404.
  if (!(await store.deleteAction(serviceId, record.id))) {
    throw notFound('This service has no such action.', 'unknown-action');
  }
  await audit(store, acting, 'action.deleted', record, []);
}
