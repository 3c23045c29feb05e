import { sql, type SQL } from 'drizzle-orm';
import type {
  ActionRecord,
  AuditRecord,
  ExplanationRecord,
  ExplanationScope,
  FrozenReportRecord,
} from '../domain/acting-store.ts';
import type { TriageStatus } from '@vo-feedback/shared';

// The SQL of triage, erasure, improvement actions, explanations, hand-in and audit, shared by
// SQLite and PostgreSQL like queries.ts. JSON lists are stored as text on both.

const list = (chunks: SQL[]) => sql.join(chunks, sql`, `);

// Triage

/** The triage of these submissions (rows for those that have one). */
export const triageOf = (ids: string[]) =>
  sql`select feedback_id as "feedbackId", status, note from feedback_triage
       where feedback_id in (${list(ids.map((id) => sql`${id}`))})`;

/** The tags of these submissions, in the order they were given. */
export const tagsOf = (ids: string[]) =>
  sql`select feedback_id as "feedbackId", tag from feedback_tags
       where feedback_id in (${list(ids.map((id) => sql`${id}`))}) order by feedback_id, tag`;

export const upsertTriage = (
  feedbackId: string,
  serviceId: string,
  status: TriageStatus,
  note: string | null,
  at: number,
) =>
  sql`insert into feedback_triage (feedback_id, service_id, status, note, updated_at)
      values (${feedbackId}, ${serviceId}, ${status}, ${note}, ${at})
      on conflict (feedback_id) do update
        set status = excluded.status, note = excluded.note, updated_at = excluded.updated_at`;

export const deleteTags = (feedbackId: string) =>
  sql`delete from feedback_tags where feedback_id = ${feedbackId}`;

export const insertTags = (feedbackId: string, serviceId: string, tags: string[]) =>
  sql`insert into feedback_tags (feedback_id, service_id, tag)
      values ${list(tags.map((tag) => sql`(${feedbackId}, ${serviceId}, ${tag})`))}`;

/** Tags in use on the comments of an organisation's services, most used first. */
export const tagCounts = (organisationId: string) =>
  sql`select t.tag, cast(count(*) as integer) as count
        from feedback_tags t join services s on s.id = t.service_id
       where s.organisation_id = ${organisationId}
       group by t.tag order by count desc, t.tag limit 100`;

/** The listing's conditions on triage, for the `feedback` table's rows. */
export function triageConditions(status?: TriageStatus, tag?: string): SQL[] {
  const conditions: SQL[] = [];
  if (status === 'new') {
    conditions.push(
      sql`not exists (select 1 from feedback_triage tr
                       where tr.feedback_id = feedback.id and tr.status <> 'new')`,
    );
  } else if (status !== undefined) {
    conditions.push(
      sql`exists (select 1 from feedback_triage tr
                   where tr.feedback_id = feedback.id and tr.status = ${status})`,
    );
  }
  if (tag !== undefined) {
    conditions.push(
      sql`exists (select 1 from feedback_tags tg
                   where tg.feedback_id = feedback.id and tg.tag = ${tag})`,
    );
  }
  return conditions;
}

// Erasure

export const deleteFeedback = (id: string) => sql`delete from feedback where id = ${id}`;
export const deleteTriage = (id: string) =>
  sql`delete from feedback_triage where feedback_id = ${id}`;
export const insertErased = (id: string, serviceId: string, at: number) =>
  sql`insert into erased_feedback (id, service_id, erased_at) values (${id}, ${serviceId}, ${at})
      on conflict (id) do nothing`;
export const erased = (id: string) => sql`select id from erased_feedback where id = ${id}`;
/** A provider's redaction: the new text, and the hash of the text as sent, kept from the first. */
export const setComment = (
  id: string,
  comment: string,
  redactions: number,
  at: number,
  sentHash: string,
) =>
  sql`update feedback set comment = ${comment}, redactions = ${redactions}, updated_at = ${at},
         comment_hash = coalesce(comment_hash, ${sentHash})
       where id = ${id}`;

// Improvement actions

const ACTION_FIELDS = sql.raw(
  'id, service_id as "serviceId", title, description, status, public, themes, ' +
    'feedback_ids as "feedbackIds", planned_on as "plannedOn", done_on as "doneOn", ' +
    'created_at as "createdAt", updated_at as "updatedAt"',
);

/** An action's row: booleans as 0/1 on SQLite, JSON lists as text on both. */
export type ActionRow = Omit<ActionRecord, 'public' | 'themes' | 'feedbackIds'> & {
  public: boolean | number;
  themes: string;
  feedbackIds: string;
};

export const toAction = (row: ActionRow): ActionRecord => ({
  ...row,
  public: Boolean(row.public),
  themes: JSON.parse(row.themes) as string[],
  feedbackIds: JSON.parse(row.feedbackIds) as string[],
});

export const insertAction = (a: ActionRecord) =>
  sql`insert into improvement_actions (id, service_id, title, description, status, public, themes,
        feedback_ids, planned_on, done_on, created_at, updated_at)
      values (${a.id}, ${a.serviceId}, ${a.title}, ${a.description}, ${a.status}, ${a.public ? 1 : 0},
        ${JSON.stringify(a.themes)}, ${JSON.stringify(a.feedbackIds)}, ${a.plannedOn}, ${a.doneOn},
        ${a.createdAt}, ${a.updatedAt})`;

export const updateAction = (a: ActionRecord) =>
  sql`update improvement_actions set title = ${a.title}, description = ${a.description},
        status = ${a.status}, public = ${a.public ? 1 : 0}, themes = ${JSON.stringify(a.themes)},
        feedback_ids = ${JSON.stringify(a.feedbackIds)}, planned_on = ${a.plannedOn},
        done_on = ${a.doneOn}, updated_at = ${a.updatedAt}
      where id = ${a.id} and service_id = ${a.serviceId}`;

export const actions = (serviceId: string, id?: string) =>
  sql`select ${ACTION_FIELDS} from improvement_actions where service_id = ${serviceId}
      ${id === undefined ? sql`order by created_at desc, id desc` : sql`and id = ${id}`}`;

export const deleteAction = (serviceId: string, id: string) =>
  sql`delete from improvement_actions where service_id = ${serviceId} and id = ${id}`;

// Explanations

export const upsertExplanation = (e: ExplanationRecord) =>
  sql`insert into explanations (scope, subject_id, year, text, updated_at, updated_by)
      values (${e.scope}, ${e.subjectId}, ${e.year}, ${e.text}, ${e.updatedAt}, ${e.updatedBy})
      on conflict (scope, subject_id, year) do update
        set text = excluded.text, updated_at = excluded.updated_at,
            updated_by = excluded.updated_by`;

export const deleteExplanation = (scope: ExplanationScope, subjectId: string, year: number) =>
  sql`delete from explanations
       where scope = ${scope} and subject_id = ${subjectId} and year = ${year}`;

export const explanations = (scope: ExplanationScope, subjectIds: string[], year: number) =>
  sql`select scope, subject_id as "subjectId", year, text, updated_at as "updatedAt",
             updated_by as "updatedBy"
        from explanations
       where scope = ${scope} and year = ${year}
         and subject_id in (${list(subjectIds.map((id) => sql`${id}`))})
       order by subject_id`;

// Hand-in

const SUBMISSION_FIELDS =
  'organisation_id as "organisationId", year, version, submitted_at as "submittedAt", ' +
  'submitted_by as "submittedBy", sha256';

export const nextVersion = (organisationId: string, year: number) =>
  sql`select cast(coalesce(max(version), 0) + 1 as integer) as version from report_submissions
       where organisation_id = ${organisationId} and year = ${year}`;

export const insertSubmission = (r: FrozenReportRecord) =>
  sql`insert into report_submissions
        (organisation_id, year, version, submitted_at, submitted_by, sha256, json, html)
      values (${r.organisationId}, ${r.year}, ${r.version}, ${r.submittedAt}, ${r.submittedBy},
              ${r.sha256}, ${r.json}, ${r.html})`;

export const submissions = (year: number, organisationId?: string) =>
  sql`select ${sql.raw(SUBMISSION_FIELDS)} from report_submissions where year = ${year}
      ${organisationId === undefined ? sql`` : sql`and organisation_id = ${organisationId}`}
      order by organisation_id, version`;

export const submission = (organisationId: string, year: number, version: number) =>
  sql`select ${sql.raw(SUBMISSION_FIELDS)}, json, html from report_submissions
       where organisation_id = ${organisationId} and year = ${year} and version = ${version}`;

// Audit

export const insertAudit = (e: AuditRecord) =>
  sql`insert into audit_log (id, at, actor, action, target, details)
      values (${e.id}, ${e.at}, ${e.actor}, ${e.action}, ${e.target}, ${JSON.stringify(e.details)})`;

export const auditEntries = (start: number, end: number, limit: number) =>
  sql`select id, at, actor, action, target, details from audit_log
       where at >= ${start} and at < ${end} order by at, id limit ${limit}`;
