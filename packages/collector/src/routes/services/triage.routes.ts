import { z } from '@hono/zod-openapi';
import {
  FeedbackItemSchema,
  RedactRequestSchema,
  ServiceIdSchema,
  TagSuggestionsSchema,
  TriageChangeSchema,
} from '@vo-feedback/shared';
import {
  json,
  jsonBody,
  operations,
  problems,
  SECURITY,
  validationProblem,
} from '../../http/openapi.ts';
import { notFound } from '../../domain/problems.ts';
import type { queryHook } from './query.ts';

// A provider acting on one submission of its service: triage, erasure, redaction, and the tags to
// suggest while tagging. Registered by servicesRoutes, behind its token and provider-only access.

const serviceRoute = operations('Providers and steering', SECURITY.token);
const params = z.object({ serviceId: ServiceIdSchema });
const feedbackParams = z.object({
  serviceId: ServiceIdSchema,
  // Ids are stored in lower case, as ingest stores them.
  feedbackId: z.uuid({ message: 'Give the id of a submission (a UUID).' }).toLowerCase(),
});

/** Triage and redaction bodies are small: a note of 2,000 characters, ten tags, a phrase. */
export const ACTING_BODY_BYTES = 32 * 1024;

const FEEDBACK_404: [number, string] = [
  404,
  'No such service (`unknown-service`); no submission with this id in the service — never was, or erased (`unknown-feedback`); for triage and redaction, a submission without comment (`no-comment`).',
];

const BODY_PROBLEMS = problems(
  [
    400,
    'A field is invalid or unknown (`validation-error`, `errors` names it), or the body is not UTF-8 JSON (`invalid-body`).',
  ],
  401,
  [
    403,
    'A steering token, or a provider of another organisation: only the service’s provider acts on its feedback.',
  ],
  FEEDBACK_404,
  413,
  415,
);

export const triageRoute = serviceRoute({
  method: 'patch',
  path: '/{serviceId}/feedback/{feedbackId}',
  summary: 'Triage a comment: status, tags, internal note',
  description:
    'Only the fields given change: `status` (`new`, `read`, `in-progress`, `done`, `archived`), `tags` (replaces the list; at most 10, each 1–40 characters, once) and `note` (internal, at most 2,000 characters; empty or null removes it). Answers the comment as the listing shows it. Recorded in the audit as `feedback.triaged` with the fields changed, the status and the tags — never the note. Providers of the service’s organisation only.',
  request: { params: feedbackParams, body: jsonBody(TriageChangeSchema) },
  responses: {
    200: { description: 'The comment with its new triage.', content: json(FeedbackItemSchema) },
    ...BODY_PROBLEMS,
  },
});

export const tagsRoute = serviceRoute({
  method: 'get',
  path: '/{serviceId}/tags',
  summary: 'The tags in use in the service’s organisation, to suggest while tagging',
  description:
    'Every tag on a comment of any service of the organisation, with how many comments carry it, most used first. The comments’ themes (`GET …/themes`) are not mixed in: a client that wants to suggest them too has them already. Providers only.',
  request: { params },
  responses: {
    200: { description: 'The tags, most used first.', content: json(TagSuggestionsSchema) },
    ...problems(401, 403, 404),
  },
});

export const eraseRoute = serviceRoute({
  method: 'delete',
  path: '/{serviceId}/feedback/{feedbackId}',
  summary: 'Erase a submission (a data-subject request)',
  description:
    'Deletes the submission — rating, comment, triage and tags — with or without comment, for good. Every figure drops it at once: summary, annual report, public statistics, exports and listing (the daily rollups are corrected in the same transaction). A later post of the same id answers 200 `unchanged` and stores nothing. Recorded in the audit as `feedback.erased` with the id and the rating, no text. A backup taken before still holds it: see docs/redaction.md. Providers of the service’s organisation only.',
  request: { params: feedbackParams },
  responses: {
    204: { description: 'Erased.' },
    ...problems(
      401,
      [403, 'A steering token, or a provider of another organisation.'],
      FEEDBACK_404,
    ),
  },
});

export const redactRoute = serviceRoute({
  method: 'post',
  path: '/{serviceId}/feedback/{feedbackId}/redact',
  summary: 'Remove text from a comment',
  description:
    'Every occurrence of `text` in the comment, compared exactly as written (case, accents and spaces count), becomes `[verwijderd]`; the comment’s `redactions` count goes up by the number replaced. The figures do not change. A text that does not occur is a 422 `text-not-found` and changes nothing. Recorded in the audit as `feedback.redacted` with the number replaced, never the text. Providers of the service’s organisation only.',
  request: { params: feedbackParams, body: jsonBody(RedactRequestSchema) },
  responses: {
    200: { description: 'The comment with the text removed.', content: json(FeedbackItemSchema) },
    ...BODY_PROBLEMS,
    ...problems([
      422,
      'The text does not occur in the comment (`text-not-found`); nothing changed.',
    ]),
  },
});

/**
 * The validation hook of these routes. The service was found by the access check before; a
 * feedback id that is not a UUID is a submission nobody has (404). A body that breaks its schema
 * is 400 `validation-error` naming each field.
 */
export const actingHook: ReturnType<typeof queryHook> = (result) => {
  if (result.success) return undefined;
  if (result.target === 'param') {
    throw notFound('There is no submission with this id in this service.', 'unknown-feedback');
  }
  throw validationProblem(result.target, result.error);
};
