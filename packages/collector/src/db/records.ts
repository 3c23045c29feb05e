import type { Reason } from '@vo-feedback/shared';
import type {
  ChannelRollup,
  LanguageRollup,
  MonthlyRollup,
  StepRollup,
} from '../domain/aggregation.ts';
import { brusselsDayStart, nextDay } from '../domain/period.ts';
import type {
  FeedbackRecord,
  IngestedFeedback,
  OrganisationRecord,
  ServiceRecord,
} from '../domain/store.ts';

// Rows as both stores' SQL returns them, and the records the domain gets from them. SQLite and
// PostgreSQL differ in two encodings only: a boolean is 0/1 or true/false, and the allowed
// origins are JSON text or jsonb (already parsed). Everything else reads alike.

/** A `services` row as `select` returns it on either database. */
export interface ServiceRow {
  id: string;
  name: string;
  organisationId: string;
  allowedOrigins: string[] | string;
  active: boolean | number;
  publicServiceUri: string | null;
  helpUrl: string | null;
  reasons: Reason[] | string | null;
  target: number | null;
}

const parsedJson = <T>(value: T | string): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : value;

export function toService(row: ServiceRow): ServiceRecord {
  return {
    id: row.id,
    name: row.name,
    organisationId: row.organisationId,
    allowedOrigins: parsedJson(row.allowedOrigins),
    active: row.active === true || row.active === 1,
    publicServiceUri: row.publicServiceUri,
    helpUrl: row.helpUrl,
    reasons: row.reasons === null ? null : parsedJson(row.reasons),
    target: row.target,
  };
}

/** A `feedback` row as both stores read it: the reasons are JSON text on both. */
export type FeedbackRow = Omit<FeedbackRecord, 'reasons'> & { reasons: string };

/** The record of a feedback row; other properties of the row (a page's position) are kept. */
export function toFeedback<R extends FeedbackRow>(
  row: R,
): Omit<R, 'reasons'> & { reasons: string[] } {
  return { ...row, reasons: JSON.parse(row.reasons) as string[] };
}

/**
 * A field of a service as it is written: SQLite binds no booleans (0/1 suit a PostgreSQL boolean
 * as well) and keeps the origins as JSON text (which PostgreSQL reads into its jsonb).
 */
export function serviceValue(field: keyof ServiceRecord, value: unknown): unknown {
  if (field === 'allowedOrigins') return JSON.stringify(value);
  if (field === 'reasons')
    return value === null || value === undefined ? null : JSON.stringify(value);
  if (field === 'active') return value ? 1 : 0;
  return value ?? null;
}

/** The column of each field of a service. */
export const SERVICE_COLUMNS = {
  id: 'id',
  name: 'name',
  organisationId: 'organisation_id',
  allowedOrigins: 'allowed_origins',
  active: 'active',
  publicServiceUri: 'public_service_uri',
  helpUrl: 'help_url',
  reasons: 'reasons',
  target: 'target',
} as const satisfies Record<keyof ServiceRecord, string>;

/** The column of each field of an organisation. */
export const ORGANISATION_COLUMNS = {
  id: 'id',
  name: 'name',
  policyDomain: 'policy_domain',
  kind: 'kind',
} as const satisfies Record<keyof OrganisationRecord, string>;

/**
 * The counts of a daily rollup: its column, and the name both stores' sums return it under
 * (`sum(rating_1) as r1`).
 */
export const ROLLUP_COUNTS = [
  ['rating_1', 'r1'],
  ['rating_2', 'r2'],
  ['rating_3', 'r3'],
  ['rating_4', 'r4'],
  ['rating_5', 'r5'],
  ['comments', 'comments'],
  ['widget_responses', 'widget'],
] as const;

type CountName = (typeof ROLLUP_COUNTS)[number][1];

/** A month's sums as both stores' SQL returns them. */
export type MonthlyRow = { month: string; outcome: string } & Record<CountName, number>;

export function monthlyRollupOf(row: MonthlyRow): MonthlyRollup {
  return {
    month: row.month,
    outcome: row.outcome,
    ratings: { '1': row.r1, '2': row.r2, '3': row.r3, '4': row.r4, '5': row.r5 },
    comments: row.comments,
    widgetResponses: row.widget,
  };
}

/** What one submission adds to (sign 1) or takes from (-1) the rollup of its day and outcome. */
export type RollupDelta = { serviceId: string; day: string; outcome: string } & Record<
  CountName,
  number
>;

export function rollupDelta(record: IngestedFeedback, sign: 1 | -1): RollupDelta {
  return {
    serviceId: record.serviceId,
    day: record.day,
    outcome: record.outcome ?? '',
    r1: record.rating === 1 ? sign : 0,
    r2: record.rating === 2 ? sign : 0,
    r3: record.rating === 3 ? sign : 0,
    r4: record.rating === 4 ? sign : 0,
    r5: record.rating === 5 ? sign : 0,
    comments: record.comment ? sign : 0,
    widget: record.widget ? sign : 0,
  };
}

/** A channel's sums as both stores' SQL returns them. */
export type ChannelRow = { channel: string } & Record<'r1' | 'r2' | 'r3' | 'r4' | 'r5', number>;

export function channelRollupOf(row: ChannelRow): ChannelRollup {
  return {
    channel: row.channel,
    ratings: { '1': row.r1, '2': row.r2, '3': row.r3, '4': row.r4, '5': row.r5 },
  };
}

type RatingSums = Record<'r1' | 'r2' | 'r3' | 'r4' | 'r5', number>;

/** A language's sums as both stores' SQL returns them. */
export type LanguageRow = { lang: string } & RatingSums;

export function languageRollupOf(row: LanguageRow): LanguageRollup {
  return {
    lang: row.lang,
    ratings: { '1': row.r1, '2': row.r2, '3': row.r3, '4': row.r4, '5': row.r5 },
  };
}

/** A step's sums as both stores' SQL returns them. */
export type StepRow = { step: string; withOutcome: number; notCompleted: number } & RatingSums;

export function stepRollupOf(row: StepRow): StepRollup {
  return {
    step: row.step,
    ratings: { '1': row.r1, '2': row.r2, '3': row.r3, '4': row.r4, '5': row.r5 },
    withOutcome: row.withOutcome,
    notCompleted: row.notCompleted,
  };
}

/** What one submission adds to (1) or takes from (-1) its day's channel rollup. */
export function channelDelta(record: IngestedFeedback, sign: 1 | -1) {
  const { serviceId, day, r1, r2, r3, r4, r5 } = rollupDelta(record, sign);
  return { serviceId, day, channel: record.channel, r1, r2, r3, r4, r5 };
}

/** What one submission adds to (1) or takes from (-1) its day's language rollup. */
export function languageDelta(record: IngestedFeedback, sign: 1 | -1) {
  const { serviceId, day, r1, r2, r3, r4, r5 } = rollupDelta(record, sign);
  return { serviceId, day, lang: record.lang, r1, r2, r3, r4, r5 };
}

/** The outcomes that say the citizen did not get through: the share "not completed" counts these. */
const NOT_COMPLETED: readonly (string | null)[] = ['rejected', 'error'];

/**
 * What one submission adds to (1) or takes from (-1) its day's rollup of its step; undefined
 * without a step. `firstSeen` is its first post: the row keeps the earliest (ADD_TO_STEP_ROLLUP).
 */
export function stepDelta(record: IngestedFeedback, sign: 1 | -1) {
  if (record.step === null) return undefined;
  const { serviceId, day, r1, r2, r3, r4, r5 } = rollupDelta(record, sign);
  return {
    serviceId,
    day,
    step: record.step,
    r1,
    r2,
    r3,
    r4,
    r5,
    withOutcome: record.outcome === null ? 0 : sign,
    notCompleted: NOT_COMPLETED.includes(record.outcome) ? sign : 0,
    firstSeen: record.createdAt,
  };
}

/**
 * The step rollup a submission left — it was erased, or an update moved it to another step —
 * whose first post must be recounted (RECOUNT_STEP_FIRST_SEEN); undefined when there is none.
 * `start` and `end` are the instants of its Brussels day, so that the recount reads that day of
 * the service only, through the (service, created) index.
 */
export function stepLeft(before: FeedbackRecord, after?: { step: string | null }) {
  if (before.step === null || before.step === after?.step) return undefined;
  return {
    serviceId: before.serviceId,
    day: before.day,
    step: before.step,
    start: brusselsDayStart(before.day),
    end: brusselsDayStart(nextDay(before.day)),
  };
}

/** What one submission adds to (1) or takes from (-1) its day's count of each of its reasons. */
export function reasonDeltas(record: IngestedFeedback, sign: 1 | -1) {
  return record.reasons.map((reason) => ({
    serviceId: record.serviceId,
    day: record.day,
    reason,
    count: sign,
  }));
}

/**
 * Deltas of one kind summed per row they add to (`keys`): one upsert for many submissions of a
 * batch. `earliest` is a field that keeps its minimum instead (a step's first post).
 */
export function summedDeltas<D extends object>(
  deltas: readonly D[],
  keys: readonly (keyof D & string)[],
  earliest?: keyof D & string,
): D[] {
  if (deltas.length < 2) return [...deltas];
  // Every delta of a kind has the same fields: the ones that are not keys are numbers to add.
  const counts = Object.keys(deltas[0]!).filter(
    (name) => !(keys as readonly string[]).includes(name) && name !== earliest,
  );
  const rows = new Map<string, Record<string, number | string>>();
  for (const delta of deltas) {
    const fields = delta as Record<string, number | string>;
    let key = '';
    for (const name of keys) key += `${fields[name]}\u0000`;
    const row = rows.get(key);
    if (!row) {
      rows.set(key, { ...fields });
      continue;
    }
    for (const name of counts) (row[name] as number) += fields[name] as number;
    if (earliest) row[earliest] = Math.min(row[earliest] as number, fields[earliest] as number);
  }
  return [...rows.values()] as D[];
}

/** The values an insert or update of a feedback row binds: the reasons as JSON text. */
export function feedbackValues(record: IngestedFeedback) {
  return { ...record, reasons: JSON.stringify(record.reasons) };
}
