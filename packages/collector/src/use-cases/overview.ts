import type { AlertBrief, Overview, OverviewRow, PolicyDomainSummary } from '@vo-feedback/shared';
import { alertWindows } from '../domain/alerts.ts';
import { DEFAULT_REPORT_DEADLINE, handInDeadline, handInRows } from '../domain/hand-in.ts';
import {
  compareRows,
  overviewEntry,
  policyDomainSummaries,
  silentWindow,
  type OverviewEntry,
} from '../domain/overview.ts';
import { requireReportYear, type Period } from '../domain/period.ts';
import type { ServiceRecord, Store } from '../domain/store.ts';
import { brusselsDay } from '../domain/time.ts';

// The overview of services side by side (GET /api/v1/overview, and the comparison table that
// opens the annual report of all organisations), from the rollups of each service.

export interface OverviewRequest {
  year: number;
  /** A provider's organisation; null: every organisation (steering). */
  organisationId: string | null;
  now: number;
  /** MIN_PUBLIC_N: under it a row is flagged `few-responses`. */
  minimum: number;
  /** REPORT_DEADLINE (`MM-DD`): what makes a hand-in late. */
  deadline: string;
}

const sum = (rows: readonly { count: number }[]) => rows.reduce((n, row) => n + row.count, 0);

/**
 * The rows of these services, by organisation name then service name, with the count behind each
 * csat (for the policy-domain summary).
 */
export async function overviewEntries(
  store: Store,
  request: OverviewRequest & {
    services: readonly ServiceRecord[];
    period: Period;
    previousPeriod: Period;
  },
): Promise<OverviewEntry[]> {
  const [organisations, submissions] = await Promise.all([
    store.listOrganisations(),
    store.reportSubmissions(request.year, request.organisationId ?? undefined),
  ]);
  const statuses = new Map(
    handInRows(organisations, submissions, handInDeadline(request.year, request.deadline)).map(
      (row) => [row.organisationId, row.status],
    ),
  );
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  const recent = silentWindow(brusselsDay(request.now));
  const { period, previousPeriod } = request;
  // Each kind of rollup in one query for all the services.
  const ids = request.services.map((service) => service.id);
  const [current, previous, recentImpressions] = await Promise.all([
    store.serviceRollups(ids, period.from, period.to, ['outcomes', 'impressions', 'reasons']),
    store.serviceRollups(ids, previousPeriod.from, previousPeriod.to, ['outcomes']),
    store.serviceRollups(ids, recent.from, recent.to, ['impressions']),
  ]);
  const entries = request.services.map((service) => {
    const now = current.get(service.id)!;
    return overviewEntry(
      {
        service,
        organisation: byId.get(service.organisationId),
        current: now.outcomes,
        previous: previous.get(service.id)!.outcomes,
        impressions: sum(now.impressions),
        recentImpressions: sum(recentImpressions.get(service.id)!.impressions),
        reasons: now.reasons,
        reportStatus: statuses.get(service.organisationId) ?? 'missing',
      },
      request.minimum,
    );
  });
  return entries.sort((a, b) => compareRows(a.row, b.row));
}

/**
 * `GET /api/v1/overview`: every active service (steering, `organisationId` null) or the active
 * services of one organisation (a provider). Throws 400 for a year that has not begun.
 */
export async function overview(store: Store, request: OverviewRequest): Promise<Overview> {
  const span = requireReportYear(request.year, request.now);
  const services = (await store.listServices(request.organisationId ?? undefined)).filter(
    (service) => service.active,
  );
  const entries = await overviewEntries(store, { ...request, services, ...span });
  const alerts = await recentAlerts(store, request, services.length);
  return {
    year: request.year,
    from: span.period.from,
    to: span.period.to,
    minimum: request.minimum,
    rows: entries.map((entry) => ({
      ...entry.row,
      alert: alerts.get(entry.row.serviceId) ?? null,
    })),
  };
}

/**
 * Each service's most recent alert of the last 7 days (the window an alert looks at), whatever
 * the overview's year: what is wrong now. Of the services of the organisation as they are now (a
 * provider's) or all (steering). Steering is told that a theme rose, not which: a theme's words
 * are citizens' words, for the service's providers only, as the themes API is.
 */
async function recentAlerts(
  store: Store,
  request: Pick<OverviewRequest, 'organisationId' | 'now'>,
  services: number,
): Promise<Map<string, AlertBrief>> {
  const { recent } = alertWindows(brusselsDay(request.now));
  const alerts = await store.listAlerts({
    ...recent,
    organisationId: request.organisationId ?? undefined,
    // At most two a day (one per kind) per service, inactive ones included.
    limit: Math.max(1, services * 2 * 7 + 100),
  });
  const latest = new Map<string, AlertBrief>();
  // Newest first: the first of each service is its most recent.
  for (const alert of alerts) {
    if (!latest.has(alert.serviceId)) {
      const theme = request.organisationId === null ? null : alert.theme;
      latest.set(alert.serviceId, { kind: alert.kind, day: alert.day, theme });
    }
  }
  return latest;
}

/**
 * The comparison table that opens the annual report of all organisations (`organisationId`
 * null): a row per service of the report, inactive ones included (they may have had responses
 * that year), and the summary per policy domain. Null for the report of one organisation.
 */
export async function reportComparison(
  store: Store,
  request: { year: number; organisationId: string | null; now: number; minimum: number } & Partial<
    Pick<OverviewRequest, 'deadline'>
  >,
  services: readonly ServiceRecord[],
  span: { period: Period; previousPeriod: Period },
): Promise<{ rows: OverviewRow[]; byPolicyDomain: PolicyDomainSummary[] } | null> {
  if (request.organisationId !== null) return null;
  const entries = await overviewEntries(store, {
    ...request,
    deadline: request.deadline ?? DEFAULT_REPORT_DEADLINE,
    services,
    ...span,
  });
  return {
    rows: entries.map((entry) => entry.row),
    byPolicyDomain: policyDomainSummaries(entries),
  };
}
