import type {
  Action,
  AnnualReport,
  OrganisationReport,
  OverviewRow,
  PolicyDomainSummary,
  ReportBlock,
  ReportChange,
  ReportFigures,
  ServiceReport,
  Summary,
  Theme,
} from '@vo-feedback/shared';
import {
  channelFigures,
  languageFigures,
  reasonFigures,
  stepFigures,
  summarise,
  type ChannelRollup,
  type LanguageRollup,
  type MonthlyImpressions,
  type MonthlyRollup,
  type ReasonCount,
  type StepRollup,
} from './aggregation.ts';
import { csvDocument, type CsvCell } from './csv.ts';
import { withComparison } from './overview.ts';
import { BREAKDOWN_CSV_HEADINGS, breakdownCells } from './report-breakdowns.ts';
import type { Period } from './period.ts';
import { FIGURE_CSV_HEADINGS, figureCsvCells } from './statistics.ts';

// The annual feedback report: per service, per organisation and in total, this year beside the
// same span of the previous year. Every figure comes from the rollups (whole months from the
// monthly ones, other days from the daily ones).

/** The rollups and impressions of one service (or a group of services) over one period. */
export interface Counts {
  rollups: readonly MonthlyRollup[];
  impressions: readonly MonthlyImpressions[];
}

export interface ServiceInput {
  serviceId: string;
  name: string;
  organisationId: string;
  active: boolean;
  current: Counts;
  previous: Counts;
  /** This year's ratings per channel and reason counts. */
  channels?: readonly ChannelRollup[];
  reasons?: readonly ReasonCount[];
  /** This year's ratings per language, and per step in journey order. */
  languages?: readonly LanguageRollup[];
  steps?: readonly StepRollup[];
  themes: { comments: number; words: Theme[]; pairs: Theme[] };
  /** The provider's explanation of the year, and the year's improvement actions. */
  explanation?: string | null;
  actions?: readonly Action[];
}

export interface AnnualReportInput {
  year: number;
  period: Period;
  previousPeriod: Period;
  generatedAt: number;
  /** null: the steering committee's report of every organisation. */
  organisationId: string | null;
  /** MIN_PUBLIC_N, which the report carries for its readers. */
  minimum: number;
  themeMinimum: number;
  themeSample: number;
  organisations: readonly { id: string; name: string; explanation?: string | null }[];
  services: readonly ServiceInput[];
  /** The report of all organisations: its comparison table and policy-domain summary. */
  comparison?: {
    rows: readonly OverviewRow[];
    byPolicyDomain: readonly PolicyDomainSummary[];
  } | null;
}

function merge(parts: readonly Counts[]): Counts {
  return {
    rollups: parts.flatMap((part) => part.rollups),
    impressions: parts.flatMap((part) => part.impressions),
  };
}

/** A period's counts summed: summarise is the summary endpoint's own arithmetic, so that a
 * report and a summary of the same period cannot disagree. */
const summaryOf = (period: Period, counts: Counts): Summary =>
  summarise('report', period, counts.rollups, counts.impressions);

function figuresOf(summary: Summary): ReportFigures {
  return {
    responses: summary.responses,
    ratings: summary.ratings,
    mean: summary.mean,
    csat: summary.csat,
    csatInterval: summary.csatInterval,
    comments: summary.comments,
    impressions: summary.impressions,
    responseRate: summary.responseRate,
  };
}

const difference = (a: number | null, b: number | null) =>
  a === null || b === null ? null : a - b;

function changeBetween(current: ReportFigures, previous: ReportFigures): ReportChange {
  return {
    responses: current.responses - previous.responses,
    mean: difference(current.mean, previous.mean),
    csat: difference(current.csat, previous.csat),
    responseRate: difference(current.responseRate, previous.responseRate),
    comments: current.comments - previous.comments,
  };
}

function block(current: Summary, previous: Summary): ReportBlock {
  const currentFigures = figuresOf(current);
  const previousFigures = figuresOf(previous);
  return {
    current: currentFigures,
    previous: previousFigures,
    change: changeBetween(currentFigures, previousFigures),
    // Both periods start on 1 January and end on the same day of the year: month i of one is
    // month i of the other.
    byMonth: current.byMonth.map((month, i) => ({
      month: month.month,
      current: month,
      previous: previous.byMonth[i]!,
    })),
  };
}

/** Builds the report from the counts of each service. */
export function buildAnnualReport(input: AnnualReportInput): AnnualReport {
  /** The figures of some services together, both periods. */
  const blockOf = (services: readonly ServiceInput[]) =>
    block(
      summaryOf(input.period, merge(services.map((s) => s.current))),
      summaryOf(input.previousPeriod, merge(services.map((s) => s.previous))),
    );
  const blocks: ReportBlock[] = [];
  const organisations: OrganisationReport[] = input.organisations.map((organisation) => {
    const services = input.services.filter((s) => s.organisationId === organisation.id);
    const serviceReports: ServiceReport[] = services.map((s) => {
      const current = summaryOf(input.period, s.current);
      const figures = block(current, summaryOf(input.previousPeriod, s.previous));
      return {
        serviceId: s.serviceId,
        name: s.name,
        organisationId: s.organisationId,
        active: s.active,
        byChannel: channelFigures(s.channels ?? []),
        byReason: reasonFigures(s.reasons ?? [], figures.current.ratings),
        byOutcome: current.byOutcome,
        byLanguage: languageFigures(s.languages ?? []),
        byStep: stepFigures(s.steps ?? []),
        ...figures,
        themes: s.themes,
        explanation: s.explanation ?? null,
        actions: [...(s.actions ?? [])],
      };
    });
    const figures = blockOf(services);
    blocks.push(figures);
    return {
      organisationId: organisation.id,
      name: organisation.name,
      explanation: organisation.explanation ?? null,
      ...figures,
      services: serviceReports,
    };
  });
  // One organisation's report: its total is the organisation's figures, summed from the same rows
  // (the same objects: nothing changes a report once built; the views and the hand-in only read).
  const total =
    blocks.length === 1 && organisations[0]!.services.length === input.services.length
      ? blocks[0]!
      : blockOf(input.services);
  return {
    year: input.year,
    period: input.period,
    previousPeriod: input.previousPeriod,
    generatedAt: new Date(input.generatedAt).toISOString(),
    organisationId: input.organisationId,
    minimum: input.minimum,
    themeMinimum: input.themeMinimum,
    themeSample: input.themeSample,
    total,
    overview: input.comparison ? [...input.comparison.rows] : null,
    byPolicyDomain: input.comparison ? [...input.comparison.byPolicyDomain] : null,
    organisations,
  };
}

// ---------------------------------------------------------------------------------------------
// CSV: one row per level (total, organisation, service) and period (the year, then each month),
// with the same period of the previous year and the change beside each figure. The year's row of
// an organisation or a service also carries its explanation and (a service) its actions.

const FIGURE_HEADERS = [...FIGURE_CSV_HEADINGS, 'opmerkingen', 'vertoningen', 'responsgraad'];

export const ANNUAL_REPORT_CSV_HEADER = [
  'niveau',
  'organisatie',
  'organisatie naam',
  'dienst',
  'dienst naam',
  'periode',
  ...FIGURE_HEADERS,
  'vorige periode',
  ...FIGURE_HEADERS.map((header) => `vorig jaar: ${header}`),
  'verschil antwoorden',
  'verschil gemiddelde score',
  'verschil tevredenheid',
  'verschil responsgraad',
  'verschil opmerkingen',
  "thema's",
  ...BREAKDOWN_CSV_HEADINGS,
  'kanalen',
  'redenen',
  'toelichting',
  'verbeteracties',
];

type FiguresLike = Omit<ReportFigures, 'responseRate' | 'impressions'> & {
  impressions: number;
  responseRate: number | null;
};

function figureCells(f: FiguresLike): CsvCell[] {
  return [...figureCsvCells(f), f.comments, f.impressions, f.responseRate];
}

function changeCells(current: FiguresLike, previous: FiguresLike): CsvCell[] {
  const change = changeBetween(current, previous);
  return [change.responses, change.mean, change.csat, change.responseRate, change.comments];
}

function themeList(themes: ServiceReport['themes'] | undefined): string {
  if (!themes) return '';
  return [...themes.words, ...themes.pairs].map((t) => `${t.term} (${t.count})`).join(', ');
}

/** `telefoon 12 (83 %)`-like: each channel's responses and satisfaction, in one cell. */
function channelList(service: ServiceReport | undefined): string {
  if (!service) return '';
  return service.byChannel
    .map(
      (c) =>
        `${c.channel} ${c.responses}${c.csat === null ? '' : ` (${Math.round(c.csat * 100)} %)`}`,
    )
    .join(', ');
}

/** Each reason's count and share of the responses rated 1–3, in one cell. */
function reasonList(service: ServiceReport | undefined): string {
  if (!service) return '';
  return service.byReason
    .map(
      (r) => `${r.reason} ${r.count}${r.share === null ? '' : ` (${Math.round(r.share * 100)} %)`}`,
    )
    .join(', ');
}

const ACTION_STATUS_NAMES: Record<Action['status'], string> = {
  planned: 'gepland',
  'in-progress': 'bezig',
  done: 'klaar',
};

/** `Formulier vereenvoudigd (klaar op 2026-03-01, publiek)`-like, each action in one cell. */
function actionList(service: ServiceReport | undefined): string {
  if (!service) return '';
  return service.actions
    .map((action) => {
      const status =
        action.status === 'done'
          ? `klaar${action.doneOn ? ` op ${action.doneOn}` : ''}`
          : action.plannedOn
            ? `${action.status === 'planned' ? '' : 'bezig, '}gepland tegen ${action.plannedOn}`
            : ACTION_STATUS_NAMES[action.status];
      return `${action.title} (${status}, ${action.public ? 'publiek' : 'intern'})`;
    })
    .join(' | ');
}

function blockRows(
  report: AnnualReport,
  level: 'totaal' | 'organisatie' | 'dienst',
  naming: [string, string, string, string],
  data: ReportBlock,
  themes?: ServiceReport['themes'],
  service?: ServiceReport,
  explanation?: string | null,
): CsvCell[][] {
  const yearRow: CsvCell[] = [
    level,
    ...naming,
    String(report.year),
    ...figureCells(data.current),
    String(report.year - 1),
    ...figureCells(data.previous),
    ...changeCells(data.current, data.previous),
    themeList(themes),
    ...breakdownCells(service),
    channelList(service),
    reasonList(service),
    explanation ?? '',
    actionList(service),
  ];
  const monthRows = data.byMonth.map((month): CsvCell[] => [
    level,
    ...naming,
    month.month,
    ...figureCells(month.current),
    month.previous.month,
    ...figureCells(month.previous),
    ...changeCells(month.current, month.previous),
    '',
    ...BREAKDOWN_CSV_HEADINGS.map(() => ''),
    '',
    '',
    '',
    '',
  ]);
  return [yearRow, ...monthRows];
}

/** The annual report as a CSV document for Belgian Excel. */
export function annualReportCsv(report: AnnualReport): string {
  const rows: CsvCell[][] = [ANNUAL_REPORT_CSV_HEADER];
  // A provider's report covers one organisation: its total is the organisation's own row.
  if (report.organisationId === null) {
    rows.push(...blockRows(report, 'totaal', ['', '', '', ''], report.total));
  }
  for (const organisation of report.organisations) {
    const orgNaming: [string, string] = [organisation.organisationId, organisation.name];
    rows.push(
      ...blockRows(
        report,
        'organisatie',
        [...orgNaming, '', ''],
        organisation,
        undefined,
        undefined,
        organisation.explanation,
      ),
    );
    for (const service of organisation.services) {
      rows.push(
        ...blockRows(
          report,
          'dienst',
          [...orgNaming, service.serviceId, service.name],
          service,
          service.themes,
          service,
          service.explanation,
        ),
      );
    }
  }
  return csvDocument(withComparison(report, rows));
}
