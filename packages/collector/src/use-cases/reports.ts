import type {
  AnnualReport,
  PublicServiceStats,
  PublicStats,
  PublicStatsEntry,
  Themes,
  ThemeSort,
} from '@vo-feedback/shared';
import type { ServiceRecord, Store } from '../domain/store.ts';
import { buildAnnualReport, type Counts, type ServiceInput } from '../domain/annual-report.ts';
import {
  periodInstants,
  precedingPeriod,
  requireReportYear,
  type Period,
} from '../domain/period.ts';
import { notFound } from '../domain/problems.ts';
import {
  emptyRatingCounts,
  FIGURE_CSV_HEADINGS,
  figureCsvCells,
  figuresFrom,
} from '../domain/statistics.ts';
import { ThemeCounter, type ThemeOptions } from '../domain/themes.ts';
import { actionItem, actionsOfYear, improvementsOf } from '../domain/actions.ts';
import { brusselsDay } from '../domain/time.ts';
import { csvDocument, type CsvCell } from '../domain/csv.ts';
import { cachedFigures } from './theme-cache.ts';
import { keptServiceThemes } from './kept-themes.ts';
import { reportComparison } from './overview.ts';

// Reports, themes and public statistics from the store, for the HTTP routes and the CLI alike.

/**
 * Themes in the annual report: terms and counts only, never example comments — the report leaves
 * the provider's hands — and only terms that at least this many comments contain.
 */
export const REPORT_THEME_MINIMUM = 3;

/**
 * Themes come from counts kept per month (kept-themes.ts). While more than this many comments of a
 * service are not counted yet (just after an upgrade), its themes are counted from its newest
 * comments of the year, at most this many; the report says when the sample was capped.
 */
export const REPORT_THEME_SAMPLE = 1000;

/** Reads a period's comments into a counter: newest first, a page at a time, at most `max`. */
async function countThemes(
  store: Store,
  serviceId: string,
  period: Period,
  counter: ThemeCounter,
  max: number,
): Promise<ThemeCounter> {
  const { start, end } = periodInstants(period);
  reading: for await (const page of store.feedbackPages({
    serviceId,
    start,
    end,
    withComment: true,
    newestFirst: true,
    pageSize: Math.min(1000, max),
  })) {
    for (const record of page) {
      if (counter.comments >= max) break reading;
      if (record.comment) {
        counter.add({ comment: record.comment, lang: record.lang, rating: record.rating });
      }
    }
  }
  return counter;
}

/**
 * Themes of a service's comments in a period, each with its change since the previous period
 * (by default the one of the same length just before). The one figure not read from the
 * rollups: it streams both periods' comments through a counter.
 */
export async function serviceThemes(
  store: Store,
  serviceId: string,
  period: Period,
  options: ThemeOptions & { maxComments?: number; previousPeriod?: Period; sort?: ThemeSort } = {},
): Promise<Themes> {
  const max = options.maxComments ?? Infinity;
  const previousPeriod = options.previousPeriod ?? precedingPeriod(period);
  // One after the other: two cursors at once would hold two of a pool's connections.
  const current = await countThemes(store, serviceId, period, new ThemeCounter(options), max);
  const previous = await countThemes(
    store,
    serviceId,
    previousPeriod,
    new ThemeCounter({ examples: 0 }),
    max,
  );
  return {
    serviceId,
    from: period.from,
    to: period.to,
    ...current.result({ previous, sort: options.sort }),
    previous: { ...previousPeriod, comments: previous.comments },
  };
}

/** `jaarrapport-feedback-2026-org-a.html`; ids are lowercase letters, digits and "-". */
export function reportFilename(year: number, organisationId: string | null, format: string) {
  return `jaarrapport-feedback-${year}-${organisationId ?? 'alle-organisaties'}.${format}`;
}

/**
 * The annual report of one organisation, or of all (`organisationId` null, the steering
 * committee's view). Services of the organisation are all included, inactive ones too: they may
 * have had responses that year. Throws 400 for a year that has not begun, then 404
 * `unknown-organisation`.
 */
export async function annualReport(
  store: Store,
  request: {
    year: number;
    organisationId: string | null;
    now: number;
    /**
     * MIN_PUBLIC_N: the report carries it, and its HTML says "weinig antwoorden" beside a figure
     * counted on fewer answers; the comparison table of all organisations flags such rows.
     */
    minimum: number;
    /** REPORT_DEADLINE, for the hand-in status in the comparison table of all organisations. */
    deadline?: string;
  },
): Promise<AnnualReport> {
  const span = requireReportYear(request.year, request.now);
  const allOrganisations = await store.listOrganisations();
  const organisations =
    request.organisationId === null
      ? allOrganisations
      : allOrganisations.filter((o) => o.id === request.organisationId);
  if (organisations.length === 0 && request.organisationId !== null) {
    throw notFound('There is no such organisation.', 'unknown-organisation');
  }
  const services = await store.listServices(request.organisationId ?? undefined);
  const [serviceExplanations, organisationExplanations] = await Promise.all([
    store.explanations(
      'service',
      services.map((service) => service.id),
      request.year,
    ),
    store.explanations(
      'organisation',
      organisations.map((organisation) => organisation.id),
      request.year,
    ),
  ]);
  const explained = (list: typeof serviceExplanations, id: string) =>
    list.find((explanation) => explanation.subjectId === id)?.text ?? null;
  // Each kind of rollup in one query for all the services of the report.
  const ids = services.map((service) => service.id);
  const [currentRollups, previousRollups] = await Promise.all([
    store.serviceRollups(ids, span.period.from, span.period.to, [
      'monthly',
      'impressions',
      'channels',
      'reasons',
      'languages',
      'steps',
    ]),
    store.serviceRollups(ids, span.previousPeriod.from, span.previousPeriod.to, [
      'monthly',
      'impressions',
    ]),
  ]);
  // Themes from the kept counts, every service at once; a service whose comments are not all
  // counted yet (just after an upgrade) has its newest comments counted instead, as before.
  const kept = await keptServiceThemes(store, ids, span.period, span.previousPeriod, {
    limit: 5,
    minimumCount: REPORT_THEME_MINIMUM,
    maxPending: REPORT_THEME_SAMPLE,
  });
  const inputs: ServiceInput[] = [];
  for (const service of services) {
    const now = currentRollups.get(service.id)!;
    const before = previousRollups.get(service.id)!;
    const keptThemes = kept.get(service.id);
    const [themes, actions] = await Promise.all([
      keptThemes ??
        cachedFigures(
          store,
          `annual|${service.id}|${span.period.from}|${span.period.to}`,
          request.now,
          () =>
            serviceThemes(store, service.id, span.period, {
              limit: 5,
              minimumCount: REPORT_THEME_MINIMUM,
              examples: 0,
              maxComments: REPORT_THEME_SAMPLE,
              // Like every other figure of the report: against the same span of the year before.
              previousPeriod: span.previousPeriod,
            }),
        ),
      store.listActions(service.id),
    ]);
    const current: Counts = { rollups: now.monthly, impressions: now.impressions };
    const previous: Counts = { rollups: before.monthly, impressions: before.impressions };
    const { channels, reasons, languages, steps } = now;
    inputs.push({
      serviceId: service.id,
      name: service.name,
      organisationId: service.organisationId,
      active: service.active,
      current,
      previous,
      channels,
      reasons,
      languages,
      steps,
      themes: { comments: themes.comments, words: themes.words, pairs: themes.pairs },
      explanation: explained(serviceExplanations, service.id),
      actions: actionsOfYear(actions, request.year, (action) => brusselsDay(action.createdAt))
        .reverse()
        .map(actionItem),
    });
  }
  return buildAnnualReport({
    year: request.year,
    period: span.period,
    previousPeriod: span.previousPeriod,
    generatedAt: request.now,
    organisationId: request.organisationId,
    minimum: request.minimum,
    themeMinimum: REPORT_THEME_MINIMUM,
    themeSample: REPORT_THEME_SAMPLE,
    organisations: organisations.map((organisation) => ({
      ...organisation,
      explanation: explained(organisationExplanations, organisation.id),
    })),
    services: inputs,
    comparison: await reportComparison(store, request, services, span),
  });
}

// ---------------------------------------------------------------------------------------------
// Public statistics

/** A service's public figures for a year, or only the fact that they are suppressed. */
export async function publicServiceStats(
  store: Store,
  service: ServiceRecord,
  request: { year: number; period: Period; minimum: number },
): Promise<PublicServiceStats> {
  const rollups = await store.monthlyRollups(service.id, request.period.from, request.period.to);
  const ratings = emptyRatingCounts();
  for (const row of rollups) {
    for (const key of ['1', '2', '3', '4', '5'] as const) ratings[key] += row.ratings[key];
  }
  const figures = figuresFrom(ratings, 0);
  const improvements = improvementsOf(await store.listActions(service.id));
  if (figures.responses < request.minimum) {
    return {
      serviceId: service.id,
      year: request.year,
      suppressed: true,
      minimum: request.minimum,
      improvements,
    };
  }
  return {
    serviceId: service.id,
    year: request.year,
    suppressed: false,
    responses: figures.responses,
    ratings: figures.ratings,
    mean: figures.mean,
    csat: figures.csat,
    csatInterval: figures.csatInterval,
    improvements,
  };
}

/** Every active service's public figures for a year, over its `period` (see reportYear). */
export async function publicStats(
  store: Store,
  request: { year: number; period: Period; minimum: number },
): Promise<PublicStats> {
  const organisations = new Map(
    (await store.listOrganisations()).map((organisation) => [organisation.id, organisation.name]),
  );
  const services = (await store.listServices()).filter((service) => service.active);
  const entries: PublicStatsEntry[] = [];
  for (const service of services) {
    const stats = await publicServiceStats(store, service, request);
    entries.push({
      ...stats,
      name: service.name,
      organisationId: service.organisationId,
      organisationName: organisations.get(service.organisationId) ?? service.organisationId,
    });
  }
  return {
    year: request.year,
    from: request.period.from,
    to: request.period.to,
    minimum: request.minimum,
    services: entries,
  };
}

export const PUBLIC_STATS_CSV_HEADER = [
  'jaar',
  'van',
  'tot en met',
  'dienst',
  'dienst naam',
  'organisatie',
  'organisatie naam',
  'onderdrukt',
  ...FIGURE_CSV_HEADINGS,
];

/** The open-data CSV: a suppressed service has its row, with "ja" and no figure. */
export function publicStatsCsv(stats: PublicStats): string {
  const rows: CsvCell[][] = [PUBLIC_STATS_CSV_HEADER];
  for (const entry of stats.services) {
    const naming: CsvCell[] = [
      stats.year,
      stats.from,
      stats.to,
      entry.serviceId,
      entry.name,
      entry.organisationId,
      entry.organisationName,
    ];
    if (entry.suppressed) {
      rows.push([...naming, 'ja', ...FIGURE_CSV_HEADINGS.map(() => null)]);
      continue;
    }
    rows.push([...naming, 'nee', ...figureCsvCells(entry)]);
  }
  return csvDocument(rows);
}
