import { z } from 'zod';
import { DateSchema, OrganisationIdSchema, ServiceIdSchema } from './common.ts';
import {
  ACTION_STATUSES,
  MAX_EXPLANATION,
  MAX_NOTE,
  MAX_REDACT,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MIN_REDACT,
  TRIAGE_STATUSES,
} from './constants.ts';

// Acting on feedback: the triage of comments, improvement actions ("Wat we verbeteren"), the
// "explain" of comply-or-explain, the hand-in of the annual report and the audit of all of it.

// ---------------------------------------------------------------------------------------------
// Triage

export const TriageStatusSchema = z.enum(TRIAGE_STATUSES, {
  message: 'Use new, read, in-progress, done or archived.',
});
export type TriageStatus = z.infer<typeof TriageStatusSchema>;

/** A tag: 1–40 characters of text, trimmed, compared as written. */
export const TagSchema = z
  .string({ message: 'Give each tag as text.' })
  .trim()
  .min(1, 'Give each tag at least one character.')
  .max(MAX_TAG_LENGTH, `Shorten each tag to at most ${MAX_TAG_LENGTH} characters.`)
  .refine((tag) => !/[\p{Cc}]/u.test(tag), 'Leave control characters out of a tag.');

/** `PATCH /api/v1/services/:serviceId/feedback/:feedbackId`: only the fields given change. */
export const TriageChangeSchema = z
  .strictObject({
    status: TriageStatusSchema.optional(),
    /** Replaces the comment's tags; each at most once. */
    tags: z
      .array(TagSchema, { message: 'Give tags as a list of text.' })
      .max(MAX_TAGS, `Give at most ${MAX_TAGS} tags.`)
      .refine((tags) => new Set(tags).size === tags.length, { message: 'Give each tag once.' })
      .optional(),
    /** Internal: never shown to steering or the public. Empty or null removes it. */
    note: z
      .string({ message: 'Give the note as text.' })
      .max(MAX_NOTE, `Shorten the note to at most ${MAX_NOTE} characters.`)
      .nullable()
      .optional(),
  })
  .refine((change) => Object.keys(change).length > 0, {
    message: 'Give at least one of status, tags or note.',
  })
  .meta({ id: 'TriageChange' });
export type TriageChange = z.infer<typeof TriageChangeSchema>;

/** `GET /api/v1/services/:serviceId/tags`: the organisation's tags, most used first. */
export const TagSuggestionsSchema = z
  .object({
    /** Tags already in use in the organisation, with how many comments carry each. */
    tags: z.array(z.object({ tag: z.string(), count: z.number().int().nonnegative() })),
  })
  .meta({ id: 'TagSuggestions' });
export type TagSuggestions = z.infer<typeof TagSuggestionsSchema>;

// ---------------------------------------------------------------------------------------------
// Erasure

/** `POST /api/v1/services/:serviceId/feedback/:feedbackId/redact`. */
export const RedactRequestSchema = z
  .strictObject({
    /** Every occurrence of this text in the comment becomes `[verwijderd]`. */
    text: z
      .string({ message: 'Give the text to remove from the comment.' })
      .min(MIN_REDACT, 'Give at least two characters to remove.')
      .max(MAX_REDACT, `Give at most ${MAX_REDACT} characters to remove.`),
  })
  .meta({ id: 'RedactRequest' });
export type RedactRequest = z.infer<typeof RedactRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Improvement actions

export const ActionStatusSchema = z.enum(ACTION_STATUSES, {
  message: 'Use planned, in-progress or done.',
});
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

const actionFields = {
  title: z
    .string({ message: 'Give the action a title.' })
    .trim()
    .min(1, 'Give the action a title.')
    .max(200, 'Shorten the title to at most 200 characters.'),
  description: z
    .string({ message: 'Give the description as text.' })
    .trim()
    .max(2000, 'Shorten the description to at most 2,000 characters.')
    .nullable(),
  status: ActionStatusSchema,
  /** Shown on /transparantie and in the public statistics once done. */
  public: z.boolean({ message: 'Give public as true or false.' }),
  /** The themes that led to it. */
  themes: z
    .array(z.string().trim().min(1).max(80), { message: 'Give themes as a list of text.' })
    .max(10, 'Give at most 10 themes.'),
  /** The comments that led to it (their ids). */
  feedbackIds: z
    .array(z.uuid({ message: 'Give each comment by its id (a UUID).' }))
    .max(50, 'Link at most 50 comments.'),
  /** When it is planned to be done (YYYY-MM-DD). */
  plannedOn: DateSchema.nullable(),
  /** When it was done (YYYY-MM-DD); set to today when the status becomes done without it. */
  doneOn: DateSchema.nullable(),
};

/** `POST /api/v1/services/:serviceId/actions`. */
export const ActionCreateSchema = z
  .strictObject({
    title: actionFields.title,
    description: actionFields.description.optional(),
    status: actionFields.status.default('planned'),
    public: actionFields.public.default(false),
    themes: actionFields.themes.default([]),
    feedbackIds: actionFields.feedbackIds.default([]),
    plannedOn: actionFields.plannedOn.optional(),
    doneOn: actionFields.doneOn.optional(),
  })
  .meta({ id: 'ActionCreate' });
export type ActionCreate = z.infer<typeof ActionCreateSchema>;

/** `PATCH /api/v1/services/:serviceId/actions/:actionId`: only the fields given change. */
export const ActionChangeSchema = z
  .strictObject({
    title: actionFields.title.optional(),
    description: actionFields.description.optional(),
    status: actionFields.status.optional(),
    public: actionFields.public.optional(),
    themes: actionFields.themes.optional(),
    feedbackIds: actionFields.feedbackIds.optional(),
    plannedOn: actionFields.plannedOn.optional(),
    doneOn: actionFields.doneOn.optional(),
  })
  .refine((change) => Object.keys(change).length > 0, { message: 'Give at least one field.' })
  .meta({ id: 'ActionChange' });
export type ActionChange = z.infer<typeof ActionChangeSchema>;

/** An improvement action as the provider's API answers it. */
export const ActionSchema = z
  .object({
    id: z.uuid(),
    serviceId: ServiceIdSchema,
    title: z.string(),
    description: z.string().nullable(),
    status: ActionStatusSchema,
    public: z.boolean(),
    themes: z.array(z.string()),
    feedbackIds: z.array(z.string()),
    plannedOn: DateSchema.nullable(),
    doneOn: DateSchema.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Action' });
export type Action = z.infer<typeof ActionSchema>;

/** `GET /api/v1/services/:serviceId/actions`: newest first. */
export const ActionListSchema = z
  .object({ serviceId: ServiceIdSchema, actions: z.array(ActionSchema) })
  .meta({ id: 'ActionList' });
export type ActionList = z.infer<typeof ActionListSchema>;

/** A public, done action as the public sees it: "Dankzij uw feedback …". */
export const ImprovementSchema = z.object({
  title: z.string(),
  description: z.string().nullable(),
  doneOn: DateSchema,
});
export type Improvement = z.infer<typeof ImprovementSchema>;

// ---------------------------------------------------------------------------------------------
// Explanations

/** `PUT …/explanations/:year {text}`: plain text; empty removes it. */
export const ExplanationRequestSchema = z
  .strictObject({
    text: z
      .string({ message: 'Give the explanation as text.' })
      .max(MAX_EXPLANATION, `Shorten the explanation to at most ${MAX_EXPLANATION} characters.`),
  })
  .meta({ id: 'ExplanationRequest' });

/** An explanation as stored: for a service or an organisation, and a year. */
export const ExplanationSchema = z
  .object({
    scope: z.enum(['service', 'organisation']),
    subjectId: ServiceIdSchema,
    year: z.number().int(),
    /** Empty when there is none. */
    text: z.string(),
    updatedAt: z.iso.datetime().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'Explanation' });
export type Explanation = z.infer<typeof ExplanationSchema>;

// ---------------------------------------------------------------------------------------------
// Hand-in

/** One frozen version of an organisation's annual report. */
export const ReportSubmissionSchema = z
  .object({
    organisationId: OrganisationIdSchema,
    year: z.number().int(),
    version: z.number().int().positive(),
    submittedAt: z.iso.datetime(),
    /** SHA-256 (hex) of the frozen JSON, byte for byte as the version's JSON answers it. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Who handed it in: `person:<e-mail>`, or `token:<id>` for a bearer token. */
    submittedBy: z.string(),
  })
  .meta({ id: 'ReportSubmission' });
export type ReportSubmission = z.infer<typeof ReportSubmissionSchema>;

export const HAND_IN_STATUSES = ['submitted', 'late', 'missing'] as const;

/** Steering's row per organisation: handed in on time, late, or not at all. */
export const HandInRowSchema = z.object({
  organisationId: OrganisationIdSchema,
  organisationName: z.string(),
  status: z.enum(HAND_IN_STATUSES),
  /** The newest version, or null when missing. */
  version: z.number().int().positive().nullable(),
  /** When the first version was handed in (what makes it on time or late), or null. */
  submittedAt: z.iso.datetime().nullable(),
});
export type HandInRow = z.infer<typeof HandInRowSchema>;

/** `GET /api/v1/reports/annual/:year/submissions`: a provider's versions, or steering's overview. */
export const ReportSubmissionsSchema = z
  .object({
    year: z.number().int(),
    /** The day after which a first hand-in is late (REPORT_DEADLINE of the following year). */
    deadline: DateSchema,
    /** A provider: its organisation's versions, oldest first. Steering: empty. */
    versions: z.array(ReportSubmissionSchema),
    /** Steering: one row per organisation. A provider: empty. */
    organisations: z.array(HandInRowSchema),
  })
  .meta({ id: 'ReportSubmissions' });
export type ReportSubmissions = z.infer<typeof ReportSubmissionsSchema>;

// ---------------------------------------------------------------------------------------------
// Audit

/** One recorded action: who, what, when, on what. Never comment text or a note. */
export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    /**
     * `person:<e-mail>` for a signed-in person, `token:<id>` for a bearer token (never its label),
     * `admin` for ADMIN_TOKEN, `cli` for the command line, `unsubscribe-link` for a one-click
     * unsubscribe.
     */
    actor: z.string(),
    /** e.g. `feedback.triaged`, `feedback.deleted`, `action.created`, `report.submitted`. */
    action: z.string(),
    /** e.g. `feedback:<id>`, `service:<id>`, `organisation:<id>`, `token:<id>`. */
    target: z.string(),
    /** Field names, statuses, versions: never free text a citizen or provider wrote. */
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** `GET /api/v1/admin/audit?from&to`: oldest first, at most 10,000; `truncated`: there are more. */
export const AuditLogSchema = z
  .object({
    from: DateSchema,
    to: DateSchema,
    /** The period holds more entries than these: ask for a shorter one. */
    truncated: z.boolean(),
    entries: z.array(AuditEntrySchema),
  })
  .meta({ id: 'AuditLog' });
export type AuditLog = z.infer<typeof AuditLogSchema>;
