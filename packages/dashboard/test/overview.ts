// The overview's fixture data: a year of four services of three organisations (two policy domains
// and one without, Flemish and local), parsed through the shared zod schema so that a fixture that
// drifts from what the collector answers fails here.
import { OverviewSchema, type Overview, type OverviewRow } from '@vo-feedback/shared';

/** One row: a service of Departement Omgeving with 40 responses, nothing flagged, unless told. */
export function overviewRow(overrides: Partial<OverviewRow> = {}): OverviewRow {
  return {
    serviceId: 'omgevingsloket',
    serviceName: 'Omgevingsloket',
    organisationId: 'dep-omgeving',
    organisationName: 'Departement Omgeving',
    policyDomain: 'Omgeving',
    kind: 'flemish',
    responses: 40,
    csat: 0.85,
    csatInterval: [0.71, 0.93],
    previousCsat: 0.9,
    previousCsatInterval: [0.77, 0.96],
    responseRate: 0.2,
    shareNotCompleted: 0.1,
    topReason: 'too-slow',
    target: 0.8,
    reportStatus: 'submitted',
    flags: [],
    ...overrides,
  };
}

/**
 * The four services of 2026 in the collector's order (organisation name, then service name):
 * Bouwaanvraag (below target, late), Omgevingsloket (fine), Afvalkalender (no answers, no
 * domain, silent) and Parkeerkaart (4 answers, a reason of its own, local).
 */
export const OVERVIEW_ROWS: OverviewRow[] = [
  overviewRow({
    serviceId: 'bouwaanvraag',
    serviceName: 'Bouwaanvraag',
    responses: 20,
    csat: 0.5,
    csatInterval: [0.3, 0.7],
    previousCsat: 0.6,
    previousCsatInterval: [0.39, 0.78],
    responseRate: 0.8,
    shareNotCompleted: 0.42,
    topReason: 'technical-problem',
    reportStatus: 'late',
    flags: ['below-target'],
  }),
  overviewRow(),
  overviewRow({
    serviceId: 'afvalkalender',
    serviceName: 'Afvalkalender',
    organisationId: 'gemeente-kleinstad',
    organisationName: 'Gemeente Kleinstad',
    policyDomain: null,
    kind: null,
    responses: 0,
    csat: null,
    csatInterval: null,
    previousCsat: null,
    previousCsatInterval: null,
    responseRate: null,
    shareNotCompleted: null,
    topReason: null,
    target: 0.7,
    reportStatus: 'missing',
    flags: ['silent'],
  }),
  overviewRow({
    serviceId: 'parkeerkaart',
    serviceName: 'Parkeerkaart',
    organisationId: 'stad-gent',
    organisationName: 'Stad Gent',
    policyDomain: 'Binnenlands Bestuur',
    kind: 'local',
    responses: 4,
    csat: 0.75,
    csatInterval: [0.3, 0.95],
    previousCsat: null,
    previousCsatInterval: null,
    responseRate: null,
    shareNotCompleted: 0.5,
    topReason: 'parking-full',
    target: null,
    reportStatus: 'missing',
    flags: ['few-responses', 'silent'],
  }),
];

/** The overview of `year` (2026 by default, to the fixtures' today) with these rows. */
export function overview(rows: OverviewRow[] = OVERVIEW_ROWS, year = 2026): Overview {
  return OverviewSchema.parse({
    year,
    from: `${year}-01-01`,
    to: year === 2026 ? '2026-06-15' : `${year}-12-31`,
    minimum: 10,
    rows,
  });
}
