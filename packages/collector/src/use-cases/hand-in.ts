import { createHash } from 'node:crypto';
import type { AnnualReport, ReportSubmission, ReportSubmissions } from '@vo-feedback/shared';
import type { FrozenReportRecord, SubmissionRecord } from '../domain/acting-store.ts';
import type { Store } from '../domain/store.ts';
import { handInDeadline, handInRows } from '../domain/hand-in.ts';
import { notFound } from '../domain/problems.ts';
import { annualReportHtml } from '../views/report-html.ts';
import { recordAudit } from './audit.ts';
import type { Acting } from './actions.ts';
import { annualReport } from './reports.ts';

// The hand-in: an organisation freezes its annual report of a year as it is now, as a numbered
// version, JSON and HTML byte for byte. Feedback that arrives later, an erasure or a new
// explanation change the live report, never a version handed in.

/**
 * The annual report's JSON as the report route answers it (Hono's `c.json` is JSON.stringify
 * of the same object): what a version freezes, and what its sha256 is taken of.
 */
export function annualReportJson(report: AnnualReport): string {
  return JSON.stringify(report);
}

/** SHA-256 of a text's UTF-8 bytes, in hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function submissionOf(record: SubmissionRecord): ReportSubmission {
  return {
    organisationId: record.organisationId,
    year: record.year,
    version: record.version,
    submittedAt: new Date(record.submittedAt).toISOString(),
    sha256: record.sha256,
    submittedBy: record.submittedBy,
  };
}

/**
 * Freezes the organisation's annual report of `year` as its next version. Throws what the report
 * throws: 400 for a year that has not begun, 404 for an unknown organisation.
 */
export async function handInReport(
  store: Store,
  request: {
    organisationId: string;
    year: number;
    /** MIN_PUBLIC_N, which the frozen report carries like the live one. */
    minimum: number;
  },
  acting: Acting,
): Promise<ReportSubmission> {
  const report = await annualReport(store, {
    year: request.year,
    organisationId: request.organisationId,
    now: acting.now,
    minimum: request.minimum,
  });
  const json = annualReportJson(report);
  const frozen: Omit<FrozenReportRecord, 'version'> = {
    organisationId: request.organisationId,
    year: request.year,
    submittedAt: acting.now,
    submittedBy: acting.actor,
    sha256: sha256Hex(json),
    json,
    html: annualReportHtml(report),
  };
  const version = await store.addReportSubmission(frozen);
  await recordAudit(
    store,
    {
      actor: acting.actor,
      action: 'report.submitted',
      target: `organisation:${request.organisationId}`,
      details: {
        organisationId: request.organisationId,
        year: request.year,
        version,
        sha256: frozen.sha256,
      },
    },
    acting.now,
  );
  return submissionOf({ ...frozen, version });
}

/**
 * The hand-ins of a year: an organisation's own versions (oldest first), or — `organisationId`
 * null, the steering committee — one row per organisation: on time, late or missing.
 */
export async function reportSubmissions(
  store: Store,
  request: { year: number; organisationId: string | null; deadline: string },
): Promise<ReportSubmissions> {
  const deadline = handInDeadline(request.year, request.deadline);
  if (request.organisationId !== null) {
    const versions = await store.reportSubmissions(request.year, request.organisationId);
    return {
      year: request.year,
      deadline,
      versions: versions.map(submissionOf),
      organisations: [],
    };
  }
  const [organisations, submissions] = await Promise.all([
    store.listOrganisations(),
    store.reportSubmissions(request.year),
  ]);
  return {
    year: request.year,
    deadline,
    versions: [],
    organisations: handInRows(organisations, submissions, deadline),
  };
}

/** One frozen version, or 404. */
export async function frozenReport(
  store: Store,
  request: { organisationId: string; year: number; version: number },
): Promise<FrozenReportRecord> {
  const found = await store.reportSubmission(request.organisationId, request.year, request.version);
  if (!found) {
    throw notFound(
      'This organisation handed in no such version of that year’s report; see GET /api/v1/reports/annual/{year}/submissions.',
      'unknown-report-version',
    );
  }
  return found;
}
