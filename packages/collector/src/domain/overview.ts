import type {
  AnnualReport,
  HandInRow,
  Overview,
  OverviewFlag,
  OverviewRow,
  PolicyDomainSummary,
  RatingCounts,
} from '@vo-feedback/shared';
import {
  reasonFigures,
  responseRate,
  type MonthlyRollup,
  type ReasonCount,
} from './aggregation.ts';
import { csvDocument, type CsvCell } from './csv.ts';
import type { Period } from './period.ts';
import { emptyRatingCounts, figuresFrom, wilsonInterval } from './statistics.ts';
import type { OrganisationRecord, ServiceRecord } from './store.ts';

// The steering committee's overview: one row per service with the figures that compare services
// and the flags that say where to look. The flags are decided with the Wilson intervals, never
// with the point estimates: 2 answers out of 2 is not "100 % and above target".

/** How many days without an impression make a service `silent`: these, up to and including today. */
export const SILENT_DAYS = 30;

/** The days the `silent` flag looks at: the SILENT_DAYS days that end today (Brussels). */
export function silentWindow(today: string): Period {
  const from = new Date(`${today}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - (SILENT_DAYS - 1));
  return { from: from.toISOString().slice(0, 10), to: today };
}

/** What a service's row is computed from: its records and the rollups of both periods. */
export interface OverviewInput {
  service: Pick<ServiceRecord, 'id' | 'name' | 'organisationId' | 'target'>;
  organisation: Pick<OrganisationRecord, 'name' | 'policyDomain' | 'kind'> | undefined;
  /** The year's (to today while it runs) and the same span of the previous year. */
  current: readonly MonthlyRollup[];
  previous: readonly MonthlyRollup[];
  /** Impressions in the year's span, and in the silentWindow. */
  impressions: number;
  recentImpressions: number;
  reasons: readonly ReasonCount[];
  reportStatus: HandInRow['status'];
}

/** A row and the count behind its csat, which a group of rows (a policy domain) adds up. */
export interface OverviewEntry {
  row: OverviewRow;
  satisfied: number;
}

interface Totals {
  ratings: RatingCounts;
  widgetResponses: number;
  /** Responses whose host page gave an outcome, and of those the rejected and failed ones. */
  withOutcome: number;
  notCompleted: number;
}

function totalsOf(rollups: readonly MonthlyRollup[]): Totals {
  const totals: Totals = {
    ratings: emptyRatingCounts(),
    widgetResponses: 0,
    withOutcome: 0,
    notCompleted: 0,
  };
  for (const row of rollups) {
    let responses = 0;
    for (const key of ['1', '2', '3', '4', '5'] as const) {
      totals.ratings[key] += row.ratings[key];
      responses += row.ratings[key];
    }
    totals.widgetResponses += row.widgetResponses;
    if (row.outcome !== '') totals.withOutcome += responses;
    if (row.outcome === 'rejected' || row.outcome === 'error') totals.notCompleted += responses;
  }
  return totals;
}

/**
 * The flags of a row, in the order of OVERVIEW_FLAGS:
 * - `below-target`: a target is set and the interval's upper bound is under it (a point estimate
 *   under the target whose interval still reaches it is not flagged);
 * - `falling`: both years have an interval and this year's upper bound is under last year's lower
 *   bound (intervals that overlap are not flagged);
 * - `few-responses`: fewer responses than `minimum`;
 * - `silent`: no impression in the silentWindow.
 */
export function overviewFlags(
  figures: {
    responses: number;
    csatInterval: readonly [number, number] | null;
    previousCsatInterval: readonly [number, number] | null;
    target: number | null;
    recentImpressions: number;
  },
  minimum: number,
): OverviewFlag[] {
  const { csatInterval: current, previousCsatInterval: previous, target } = figures;
  const flags: OverviewFlag[] = [];
  if (target !== null && current !== null && current[1] < target) flags.push('below-target');
  if (current !== null && previous !== null && current[1] < previous[0]) flags.push('falling');
  if (figures.responses < minimum) flags.push('few-responses');
  if (figures.recentImpressions === 0) flags.push('silent');
  return flags;
}

/** The row of one service. */
export function overviewEntry(input: OverviewInput, minimum: number): OverviewEntry {
  const current = totalsOf(input.current);
  const previous = totalsOf(input.previous);
  const figures = figuresFrom(current.ratings, 0);
  const previousFigures = figuresFrom(previous.ratings, 0);
  const target = input.service.target ?? null;
  return {
    satisfied: current.ratings['4'] + current.ratings['5'],
    row: {
      serviceId: input.service.id,
      serviceName: input.service.name,
      organisationId: input.service.organisationId,
      organisationName: input.organisation?.name ?? input.service.organisationId,
      policyDomain: input.organisation?.policyDomain ?? null,
      kind: input.organisation?.kind ?? null,
      responses: figures.responses,
      csat: figures.csat,
      csatInterval: figures.csatInterval,
      previousCsat: previousFigures.csat,
      previousCsatInterval: previousFigures.csatInterval,
      responseRate: responseRate(current.widgetResponses, input.impressions),
      shareNotCompleted:
        current.withOutcome === 0 ? null : current.notCompleted / current.withOutcome,
      topReason: reasonFigures(input.reasons, current.ratings)[0]?.reason ?? null,
      target,
      reportStatus: input.reportStatus,
      flags: overviewFlags(
        {
          responses: figures.responses,
          csatInterval: figures.csatInterval,
          previousCsatInterval: previousFigures.csatInterval,
          target,
          recentImpressions: input.recentImpressions,
        },
        minimum,
      ),
    },
  };
}

/** Rows by organisation name, then service name (Dutch collation), then ids. */
export function compareRows(a: OverviewRow, b: OverviewRow): number {
  return (
    a.organisationName.localeCompare(b.organisationName, 'nl') ||
    a.serviceName.localeCompare(b.serviceName, 'nl') ||
    a.organisationId.localeCompare(b.organisationId) ||
    a.serviceId.localeCompare(b.serviceId)
  );
}

/**
 * The services of each policy domain together: their number, their responses, and the csat of
 * all those responses with its interval. By domain name; organisations without a domain last.
 */
export function policyDomainSummaries(entries: readonly OverviewEntry[]): PolicyDomainSummary[] {
  const groups = new Map<
    string | null,
    { services: number; responses: number; satisfied: number }
  >();
  for (const { row, satisfied } of entries) {
    const group = groups.get(row.policyDomain) ?? { services: 0, responses: 0, satisfied: 0 };
    group.services += 1;
    group.responses += row.responses;
    group.satisfied += satisfied;
    groups.set(row.policyDomain, group);
  }
  return [...groups]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'nl')))
    .map(([policyDomain, group]) => ({
      policyDomain,
      services: group.services,
      responses: group.responses,
      csat: group.responses === 0 ? null : group.satisfied / group.responses,
      csatInterval: wilsonInterval(group.satisfied, group.responses),
    }));
}

// ---------------------------------------------------------------------------------------------
// CSV: the rows of the JSON, one per service, codes as the JSON gives them (kind, hand-in status,
// flags separated by ", ", the kind of the most recent alert of the last 7 days). Text an administrator or provider typed (names, domains) goes through
// csvCell, which neutralises a formula.

export const OVERVIEW_CSV_HEADER = [
  'jaar',
  'van',
  'tot en met',
  'organisatie',
  'organisatie naam',
  'beleidsdomein',
  'soort',
  'dienst',
  'dienst naam',
  'antwoorden',
  'tevredenheid',
  'tevredenheid ondergrens (95%)',
  'tevredenheid bovengrens (95%)',
  'vorig jaar: tevredenheid',
  'vorig jaar: ondergrens (95%)',
  'vorig jaar: bovengrens (95%)',
  'responsgraad',
  'aandeel niet voltooid',
  'meest aangeduide reden',
  'doel',
  'jaarrapport',
  'signalen',
  'alarm (7 dagen)',
  'alarm dag',
  'alarm thema',
];

/** The overview as a CSV document for Belgian Excel. */
export function overviewCsv(overview: Overview): string {
  const rows: CsvCell[][] = [OVERVIEW_CSV_HEADER];
  for (const row of overview.rows) {
    rows.push([
      overview.year,
      overview.from,
      overview.to,
      row.organisationId,
      row.organisationName,
      row.policyDomain,
      row.kind,
      row.serviceId,
      row.serviceName,
      row.responses,
      row.csat,
      row.csatInterval?.[0],
      row.csatInterval?.[1],
      row.previousCsat,
      row.previousCsatInterval?.[0],
      row.previousCsatInterval?.[1],
      row.responseRate,
      row.shareNotCompleted,
      row.topReason,
      row.target,
      row.reportStatus,
      row.flags.join(', '),
      row.alert?.kind,
      row.alert?.day,
      row.alert?.theme,
    ]);
  }
  return csvDocument(rows);
}

/** The columns the annual report's CSV gains for the comparison, after its own. */
export const COMPARISON_CSV_HEADINGS = ['beleidsdomein', 'soort', 'doel', 'signalen'];

/**
 * The annual report's CSV rows (header first) with the comparison of the report of all
 * organisations: its service rows of the year gain the policy domain, kind, target and flags of
 * their overview row, and a row per policy domain (level `beleidsdomein`: responses and
 * satisfaction) follows the total. The report of one organisation keeps the columns, empty.
 * Columns are found by their heading, so that columns added before these do not shift them.
 */
export function withComparison(report: AnnualReport, rows: readonly CsvCell[][]): CsvCell[][] {
  const [header, ...body] = rows;
  const heading = [...(header as string[]), ...COMPARISON_CSV_HEADINGS];
  const column = (name: string) => heading.indexOf(name);
  const overviewRows = new Map((report.overview ?? []).map((row) => [row.serviceId, row]));
  const extended = body.map((row): CsvCell[] => {
    const found =
      row[column('niveau')] === 'dienst' && row[column('periode')] === String(report.year)
        ? overviewRows.get(String(row[column('dienst')]))
        : undefined;
    return found
      ? [...row, found.policyDomain, found.kind, found.target, found.flags.join(', ')]
      : [...row, ...COMPARISON_CSV_HEADINGS.map(() => null)];
  });
  const domainRows = (report.byPolicyDomain ?? []).map((domain) => {
    const row: CsvCell[] = heading.map(() => null);
    row[column('niveau')] = 'beleidsdomein';
    row[column('periode')] = String(report.year);
    row[column('beleidsdomein')] = domain.policyDomain ?? 'zonder beleidsdomein';
    row[column('antwoorden')] = domain.responses;
    row[column('tevredenheid')] = domain.csat;
    row[column('tevredenheid ondergrens (95%)')] = domain.csatInterval?.[0];
    row[column('tevredenheid bovengrens (95%)')] = domain.csatInterval?.[1];
    return row;
  });
  // After the total's rows (the year and its months), before the first organisation.
  const firstOrganisation = extended.findIndex((row) => row[column('niveau')] !== 'totaal');
  const at = firstOrganisation === -1 ? extended.length : firstOrganisation;
  return [heading, ...extended.slice(0, at), ...domainRows, ...extended.slice(at)];
}
