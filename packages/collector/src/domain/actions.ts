import type { Action, Improvement } from '@vo-feedback/shared';
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
