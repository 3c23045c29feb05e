import { Placeholder, sql, type SQL } from 'drizzle-orm';
import type {
  CommentQuery,
  IngestedFeedback,
  OrganisationRecord,
  ServiceRecord,
  TokenRecord,
} from '../domain/store.ts';
import { triageConditions } from './acting-queries.ts';
import { ORGANISATION_COLUMNS, ROLLUP_COUNTS, SERVICE_COLUMNS, serviceValue } from './records.ts';

export * from './rollup-queries.ts';

// The SQL that SQLite and PostgreSQL share, written once. drizzle's `sql` renders each value as
// the dialect's placeholder (`?` or `$n`); names are quoted where PostgreSQL would fold them.

/** The columns of a FeedbackRecord (and of ingest's `widget`), in the order of an insert. */
const FEEDBACK_COLUMNS = {
  id: 'id',
  serviceId: 'service_id',
  rating: 'rating',
  comment: 'comment',
  lang: 'lang',
  outcome: 'outcome',
  step: 'step',
  page: 'page',
  redactions: 'redactions',
  day: 'day',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  channel: 'channel',
  reasons: 'reasons',
  widget: 'widget',
} as const satisfies Record<keyof IngestedFeedback, string>;

/** Every column of the `feedback` table but PostgreSQL's `position`, in the order of an insert. */
export const FEEDBACK_TABLE_COLUMNS = Object.values(FEEDBACK_COLUMNS);

const selected = (columns: Record<string, string>) =>
  Object.entries(columns)
    .map(([field, column]) => (field === column ? column : `${column} as "${field}"`))
    .join(', ');

/** `select` columns that read a FeedbackRecord, named as its fields. */
export const FEEDBACK_FIELDS = selected(
  Object.fromEntries(Object.entries(FEEDBACK_COLUMNS).filter(([field]) => field !== 'widget')),
);

const SERVICE_FIELDS = sql.raw(selected(SERVICE_COLUMNS));
const TOKEN_FIELDS = sql.raw(
  'id, label, role, organisation_id as "organisationId", hash, created_at as "createdAt", ' +
    'revoked_at as "revokedAt"',
);
const list = (chunks: SQL[]) => sql.join(chunks, sql`, `);

export const anyOrganisation = () => sql`select id from organisations limit 1`;

export const insertOrganisation = (organisation: OrganisationRecord, createdAt: number) =>
  sql`insert into organisations (id, name, policy_domain, kind, created_at)
      values (${organisation.id}, ${organisation.name}, ${organisation.policyDomain ?? null},
              ${organisation.kind ?? null}, ${createdAt})`;

/** One organisation, or every one in the order of their ids. */
export const organisations = (id?: string) =>
  sql`select ${sql.raw(selected(ORGANISATION_COLUMNS))} from organisations
      ${id === undefined ? sql`order by id` : sql`where id = ${id}`}`;

/** Sets the given fields of an organisation; `changes` holds at least one. */
export function updateOrganisation(
  id: string,
  changes: Partial<Omit<OrganisationRecord, 'id'>>,
): SQL {
  const set = (Object.keys(changes) as (keyof typeof changes)[]).map(
    (field) => sql`${sql.raw(ORGANISATION_COLUMNS[field])} = ${changes[field] ?? null}`,
  );
  return sql`update organisations set ${list(set)} where id = ${id}`;
}

export function insertService(service: ServiceRecord, createdAt: number): SQL {
  const fields = Object.keys(SERVICE_COLUMNS) as (keyof ServiceRecord)[];
  return sql`insert into services (${sql.raw(Object.values(SERVICE_COLUMNS).join(', '))}, created_at)
    values (${list(fields.map((field) => sql`${serviceValue(field, service[field])}`))}, ${createdAt})`;
}

/** Sets the given fields of a service; `changes` holds at least one. */
export function updateService(id: string, changes: Partial<Omit<ServiceRecord, 'id'>>): SQL {
  const set = (Object.keys(changes) as (keyof typeof changes)[]).map(
    (field) =>
      sql`${sql.raw(SERVICE_COLUMNS[field])} = ${serviceValue(field, changes[field] ?? null)}`,
  );
  return sql`update services set ${list(set)} where id = ${id}`;
}

/** One service by id, or the services of an organisation (or all), in the order of their ids. */
export const services = (where: { id: string } | { organisationId?: string | undefined }) =>
  sql`select ${SERVICE_FIELDS} from services ${
    'id' in where
      ? sql`where id = ${where.id}`
      : where.organisationId
        ? sql`where organisation_id = ${where.organisationId} order by id`
        : sql`order by id`
  }`;

export const insertToken = (token: TokenRecord) =>
  sql`insert into tokens (id, label, role, organisation_id, hash, created_at, revoked_at)
      values (${token.id}, ${token.label}, ${token.role}, ${token.organisationId}, ${token.hash},
              ${token.createdAt}, ${token.revokedAt})`;

/** The token with this hash, or every token, oldest first. */
export const tokens = (where: { hash?: string; id?: string } = {}) =>
  sql`select ${TOKEN_FIELDS} from tokens ${
    where.hash !== undefined
      ? sql`where hash = ${where.hash}`
      : where.id !== undefined
        ? sql`where id = ${where.id}`
        : sql`order by created_at`
  }`;

export const revokeToken = (id: string, at: number) =>
  sql`update tokens set revoked_at = ${at} where id = ${id} and revoked_at is null`;

/** A stored submission; `withErasure` adds what an erasure needs: `widget` and `commentPruned`. */
export const feedbackById = (id: string, options: { withErasure?: boolean } = {}) =>
  sql`select ${sql.raw(FEEDBACK_FIELDS)}${sql.raw(
    options.withErasure ? ', widget, comment_pruned as "commentPruned"' : '',
  )}
        from feedback where id = ${id}`;

/** Whether a submission id was erased: a replay of it stores nothing. */
export const ERASED_BY_ID = sql`select id from erased_feedback where id = ${sql.placeholder('id')}`;

export const recordImpression = (serviceId: string, day: string) =>
  sql`insert into daily_impressions (service_id, day, count) values (${serviceId}, ${day}, 1)
      on conflict (service_id, day) do update set count = daily_impressions.count + 1`;

/** The rollup totals of the whole database, 0 when it has none (what a copy must preserve). */
export const ROLLUP_TOTALS = `select ${ROLLUP_COUNTS.map(
  ([column, name]) => `coalesce(sum(${column}), 0) as ${name}`,
).join(', ')} from daily_rollups`;

export function comments(query: CommentQuery): SQL {
  // The range on (service_id, created_at) uses the feedback_service_created index; the other
  // conditions filter the rows it yields. No index of their own: each would slow every insert.
  // With a cursor, the range on created_at ends at the cursor's instant itself: SQLite uses one
  // upper bound of a range, and the period's end would make every page scan down from it.
  const conditions = [
    sql`service_id = ${query.serviceId}`,
    sql`created_at >= ${query.start}`,
    query.before
      ? // A cursor from beyond the period (another query's) still ends the range at the period.
        sql`created_at <= ${Math.min(query.before.createdAt, query.end - 1)}`
      : sql`created_at < ${query.end}`,
    sql`comment is not null`,
  ];
  if (query.rating !== undefined) conditions.push(sql`rating = ${query.rating}`);
  if (query.outcome === null) conditions.push(sql`outcome is null`);
  else if (query.outcome !== undefined) conditions.push(sql`outcome = ${query.outcome}`);
  conditions.push(...triageConditions(query.status, query.tag));
  if (query.before) {
    conditions.push(sql`(created_at < ${query.before.createdAt} or id < ${query.before.id})`);
  }
  return sql`select ${sql.raw(FEEDBACK_FIELDS)} from feedback where ${sql.join(conditions, sql` and `)}
    order by created_at desc, id desc limit ${query.limit}`;
}

// Ingest: statements with named placeholders, rendered once per dialect (see `statement`).

export const named = (names: readonly string[]) =>
  list(names.map((name) => sql`${sql.placeholder(name)}`));

/** The stored submission with this `id`, as ingest reads it. */
export const INGESTED_BY_ID = sql`select ${sql.raw(FEEDBACK_FIELDS)}, widget,
    comment_hash as "commentHash" from feedback
  where id = ${sql.placeholder('id')}`;

/** A new submission: every field of an IngestedFeedback. */
export const INSERT_FEEDBACK = sql`insert into feedback (${sql.raw(FEEDBACK_TABLE_COLUMNS.join(', '))})
  values (${named(Object.keys(FEEDBACK_COLUMNS))})`;

/**
 * A first post, in one statement: nothing happens when the id is stored already (then read it) or
 * was erased (then acknowledge it, storing nothing). SQLite's ingest; PostgreSQL's checks the
 * erasure after the insert, in its transaction, against an erasure on another instance.
 */
export const INSERT_NEW_FEEDBACK = sql`insert into feedback (${sql.raw(FEEDBACK_TABLE_COLUMNS.join(', '))})
  select ${named(Object.keys(FEEDBACK_COLUMNS))}
   where not exists (select 1 from erased_feedback where id = ${sql.placeholder('id')})
  on conflict (id) do nothing`;

/** What an update may change: the fields of the content and `updatedAt`, by `id`. */
export const UPDATE_FEEDBACK = sql`update feedback set ${list(
  (
    [
      'rating',
      'comment',
      'lang',
      'outcome',
      'step',
      'page',
      'redactions',
      'reasons',
      'updatedAt',
    ] as const
  ).map((field) => sql`${sql.raw(FEEDBACK_COLUMNS[field])} = ${sql.placeholder(field)}`),
)} where id = ${sql.placeholder('id')}`;

/** Adds a RollupDelta (records.ts) to its day's rollup, creating the row when missing. */
export const ADD_TO_ROLLUP = sql`insert into daily_rollups (service_id, day, outcome, ${sql.raw(
  ROLLUP_COUNTS.map(([column]) => column).join(', '),
)}) values (${named(['serviceId', 'day', 'outcome', ...ROLLUP_COUNTS.map(([, name]) => name)])})
  on conflict (service_id, day, outcome) do update set ${sql.raw(
    ROLLUP_COUNTS.map(
      ([column]) => `${column} = daily_rollups.${column} + excluded.${column}`,
    ).join(', '),
  )}`;

/** Adds a channelDelta (records.ts) to its day's channel rollup, creating the row when missing. */
export const ADD_TO_CHANNEL_ROLLUP = sql`insert into daily_channel_rollups
  (service_id, day, channel, rating_1, rating_2, rating_3, rating_4, rating_5)
  values (${named(['serviceId', 'day', 'channel', 'r1', 'r2', 'r3', 'r4', 'r5'])})
  on conflict (service_id, day, channel) do update set ${sql.raw(
    [1, 2, 3, 4, 5]
      .map((n) => `rating_${n} = daily_channel_rollups.rating_${n} + excluded.rating_${n}`)
      .join(', '),
  )}`;

const addRatings = (table: string) =>
  [1, 2, 3, 4, 5].map((n) => `rating_${n} = ${table}.rating_${n} + excluded.rating_${n}`);

/** Adds a languageDelta (records.ts) to its day's language rollup, creating the row when missing. */
export const ADD_TO_LANGUAGE_ROLLUP = sql`insert into daily_language_rollups
  (service_id, day, lang, rating_1, rating_2, rating_3, rating_4, rating_5)
  values (${named(['serviceId', 'day', 'lang', 'r1', 'r2', 'r3', 'r4', 'r5'])})
  on conflict (service_id, day, lang) do update set ${sql.raw(
    addRatings('daily_language_rollups').join(', '),
  )}`;

/**
 * Adds a stepDelta (records.ts) to its day's step rollup, creating the row when missing. The row
 * keeps the earliest first post; a row that updates and erasures left empty takes the new one.
 * (Every expression of the update reads the row as it was before it.)
 */
export const ADD_TO_STEP_ROLLUP = sql`insert into daily_step_rollups
  (service_id, day, step, rating_1, rating_2, rating_3, rating_4, rating_5, with_outcome,
   not_completed, first_seen)
  values (${named([
    'serviceId',
    'day',
    'step',
    'r1',
    'r2',
    'r3',
    'r4',
    'r5',
    'withOutcome',
    'notCompleted',
    'firstSeen',
  ])})
  on conflict (service_id, day, step) do update set ${sql.raw(
    [
      ...addRatings('daily_step_rollups'),
      'with_outcome = daily_step_rollups.with_outcome + excluded.with_outcome',
      'not_completed = daily_step_rollups.not_completed + excluded.not_completed',
      `first_seen = case
         when ${[1, 2, 3, 4, 5].map((n) => `daily_step_rollups.rating_${n}`).join(' + ')} = 0
           or excluded.first_seen < daily_step_rollups.first_seen
         then excluded.first_seen else daily_step_rollups.first_seen end`,
    ].join(', '),
  )}`;

/**
 * Sets a step rollup's first post to the earliest of the submissions still at that step that day
 * (0 when none is left): after one left it (see stepLeft in records.ts), by the feedback rows.
 */
export const RECOUNT_STEP_FIRST_SEEN = sql`update daily_step_rollups set first_seen = coalesce(
    (select min(created_at) from feedback
      where service_id = ${sql.placeholder('serviceId')}
        and created_at >= ${sql.placeholder('start')} and created_at < ${sql.placeholder('end')}
        and day = ${sql.placeholder('day')} and step = ${sql.placeholder('step')}), 0)
  where service_id = ${sql.placeholder('serviceId')} and day = ${sql.placeholder('day')}
    and step = ${sql.placeholder('step')}`;

/** Adds one of reasonDeltas (records.ts) to its day's count, creating the row when missing. */
export const ADD_TO_REASON_COUNT = sql`insert into daily_reason_counts (service_id, day, reason, count)
  values (${named(['serviceId', 'day', 'reason', 'count'])})
  on conflict (service_id, day, reason) do update set count = daily_reason_counts.count + excluded.count`;

/**
 * A statement of named placeholders as one dialect writes it: its text, to prepare once, and the
 * values in the order of its placeholders.
 */
export function statement(
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } },
  query: SQL,
): { text: string; values(named: object): unknown[] } {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const names = params.map((param) => {
    if (!(param instanceof Placeholder)) throw new Error('statement: use named placeholders only');
    return param.name as string;
  });
  return {
    text,
    values: (values) => names.map((name) => (values as Record<string, unknown>)[name]),
  };
}
