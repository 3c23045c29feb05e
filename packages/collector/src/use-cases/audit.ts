import { randomUUID } from 'node:crypto';
import type { AuditLog } from '@vo-feedback/shared';
import type { AuditRecord } from '../domain/acting-store.ts';
import { periodInstants, requirePeriod } from '../domain/period.ts';
import type { Store } from '../domain/store.ts';

// The audit: who did what, when, on what — every triage change, erasure, improvement action,
// explanation, hand-in and admin action. Ids, field names, statuses and counts; never the text of
// a comment, a note, an explanation or an action (`details` must hold none).

export interface AuditEvent {
  /** `person:<e-mail>`, `token:<id>`, `admin` (ADMIN_TOKEN) or `cli` (domain/actors.ts). */
  actor: string;
  /** A dotted name: `feedback.triaged`, `feedback.erased`, `action.created`, … */
  action: string;
  /** What it was done on: `feedback:<id>`, `service:<id>`, `organisation:<id>`, `token:<id>`. */
  target: string;
  details?: Record<string, unknown>;
}

/** Records one event at `now` (ms since the epoch). */
export async function recordAudit(store: Store, event: AuditEvent, now: number): Promise<void> {
  const entry: AuditRecord = {
    id: randomUUID(),
    at: now,
    actor: event.actor,
    action: event.action,
    target: event.target,
    details: event.details ?? {},
  };
  await store.recordAudit(entry);
}

/** At most this many entries in one answer; `truncated` says when the period holds more. */
export const AUDIT_PAGE = 10_000;

/** The audit of a period (`?from&to` as days in Brussels, defaults as every period), oldest first. */
export async function auditLog(
  store: Store,
  query: { from?: string | undefined; to?: string | undefined },
  now: number,
  names?: { from: string; to: string },
): Promise<AuditLog> {
  const period = requirePeriod(query, now, names);
  const { start, end } = periodInstants(period);
  // One more than a page: whether the period holds more than it answers.
  const entries = await store.auditEntries(start, end, AUDIT_PAGE + 1);
  return {
    from: period.from,
    to: period.to,
    truncated: entries.length > AUDIT_PAGE,
    entries: entries
      .slice(0, AUDIT_PAGE)
      .map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })),
  };
}
