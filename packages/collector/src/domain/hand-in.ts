import type { HandInRow } from '@vo-feedback/shared';
import type { SubmissionRecord } from './acting-store.ts';
import type { OrganisationRecord } from './store.ts';
import { brusselsDayStart, nextDay } from './period.ts';

// The hand-in of the annual report: each organisation freezes its report of a year, once or in
// several versions; the steering committee sees who handed in on time, late or not at all.

/** REPORT_DEADLINE by default: 31 March of the following year. */
export const DEFAULT_REPORT_DEADLINE = '03-31';

/** The last day to hand in the report of `year` on time: `REPORT_DEADLINE` of the next year. */
export function handInDeadline(year: number, monthDay: string): string {
  return `${year + 1}-${monthDay}`;
}

/**
 * Steering's row per organisation. The first version decides on time or late (a correction
 * handed in later does not make a report late); late is after the deadline day has ended in
 * Brussels. `version` is the newest one.
 */
export function handInRows(
  organisations: readonly OrganisationRecord[],
  submissions: readonly SubmissionRecord[],
  deadline: string,
): HandInRow[] {
  const lateFrom = brusselsDayStart(nextDay(deadline));
  return organisations.map((organisation) => {
    const versions = submissions.filter((s) => s.organisationId === organisation.id);
    if (versions.length === 0) {
      return {
        organisationId: organisation.id,
        organisationName: organisation.name,
        status: 'missing',
        version: null,
        submittedAt: null,
      };
    }
    const first = versions.reduce((a, b) => (b.version < a.version ? b : a));
    const newest = versions.reduce((a, b) => (b.version > a.version ? b : a));
    return {
      organisationId: organisation.id,
      organisationName: organisation.name,
      status: first.submittedAt >= lateFrom ? 'late' : 'submitted',
      version: newest.version,
      submittedAt: new Date(first.submittedAt).toISOString(),
    };
  });
}
