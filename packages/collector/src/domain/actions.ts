import type {
  Action,
  ActionChange,
  ActionCreate,
  ActionStatus,
  Improvement,
} from '@vo-feedback/shared';
import type { ActionRecord } from './acting-store.ts';

// Improvement actions ("Wat we verbeteren") as the API, the annual report and the public see them.

/** An action as the provider's API and the annual report give it. */
export function actionItem(record: ActionRecord): Action {
  return {
    id: record.id,
    serviceId: record.serviceId,
    title: record.title,
    description: record.description,
    status: record.status,
    public: record.public,
    themes: record.themes,
    feedbackIds: record.feedbackIds,
    plannedOn: record.plannedOn,
    doneOn: record.doneOn,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
  };
}

/**
 * The actions that belong to a year's report: begun by the end of the year (created then, on the
 * Brussels day `createdDay`) and not done before it began.
 */
export function actionsOfYear(
  actions: readonly ActionRecord[],
  year: number,
  createdDay: (record: ActionRecord) => string,
): ActionRecord[] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return actions.filter(
    (action) => createdDay(action) <= last && (action.doneOn === null || action.doneOn >= first),
  );
}

/** What the public sees: public actions that are done, the most recent first. */
export function improvementsOf(actions: readonly ActionRecord[]): Improvement[] {
  return actions
    .filter((action) => action.public && action.status === 'done' && action.doneOn !== null)
    .map((action) => ({
      title: action.title,
      description: action.description,
      doneOn: action.doneOn!,
    }))
    .sort((a, b) => b.doneOn.localeCompare(a.doneOn));
}

/**
 * The day an action was done: what the provider gave, else today when it is done, else none. An
 * action that is done always has a day (the public sees "done on"); one that is not keeps a day
 * only when it is given.
 */
function doneDay(status: ActionStatus, given: string | null | undefined, today: string) {
  const day = given ?? null;
  return status === 'done' && day === null ? today : day;
}

/** A new action of `serviceId` from what the provider posted (the shared schema's output). */
export function newAction(
  input: ActionCreate,
  at: { id: string; serviceId: string; now: number; today: string },
): ActionRecord {
  return {
    id: at.id,
    serviceId: at.serviceId,
    title: input.title,
    description: input.description || null,
    status: input.status,
    public: input.public,
    themes: input.themes,
    feedbackIds: input.feedbackIds,
    plannedOn: input.plannedOn ?? null,
    doneOn: doneDay(input.status, input.doneOn, at.today),
    createdAt: at.now,
    updatedAt: at.now,
  };
}

/**
 * An action with a change applied: only the fields given change. Moving away from done clears
 * the done day unless the change gives one; becoming done without one makes it today.
 */
export function changedAction(
  action: ActionRecord,
  change: ActionChange,
  at: { now: number; today: string },
): ActionRecord {
  const status = change.status ?? action.status;
  const keptDay = action.status === 'done' && status !== 'done' ? null : action.doneOn;
  return {
    ...action,
    title: change.title ?? action.title,
    description: change.description === undefined ? action.description : change.description || null,
    status,
    public: change.public ?? action.public,
    themes: change.themes ?? action.themes,
    feedbackIds: change.feedbackIds ?? action.feedbackIds,
    plannedOn: change.plannedOn === undefined ? action.plannedOn : change.plannedOn,
    doneOn: doneDay(status, change.doneOn === undefined ? keptDay : change.doneOn, at.today),
    updatedAt: at.now,
  };
}
