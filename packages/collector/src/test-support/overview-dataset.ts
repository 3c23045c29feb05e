import { randomUUID } from 'node:crypto';
import { createApp } from '../app.ts';
import { issueToken } from '../use-cases/administration.ts';
import { handInReport } from '../use-cases/hand-in.ts';
import { openTestStore, rateLimitersFor } from './backend.ts';
import { seedOrganisation } from './seed.ts';

// A small known dataset for the steering committee's overview: three organisations (two policy
// domains and one without, Flemish and local), services with and without a target, two years of
// submissions with outcomes and reasons (one service also with steps, French and a contact
// centre's phone answers), impressions old and recent, and hand-ins on time, late and missing.
// Every figure is chosen by hand, so that a test can write the expected rows out.

/** The collector's clock when everything is in: Saturday 1 May 2027, 12:00 in Brussels. */
export const OVERVIEW_NOW = Date.UTC(2027, 4, 1, 10, 0, 0);
/** The year the overview is asked for: complete, its hand-in deadline (31 March 2027) past. */
export const OVERVIEW_YEAR = 2026;

const ORIGIN = 'https://www.overzicht.example';

/**
 * `count` submissions with this rating, outcome, reasons, and step, language or channel. A
 * channel other than the website's is posted by the organisation's contact centre with an ingest
 * token (no Origin): not the widget, so outside the response rate.
 */
type Group = [
  count: number,
  rating: number,
  outcome?: string,
  reasons?: string[],
  detail?: { step?: string; lang?: 'fr'; channel?: 'phone' },
];

export interface OverviewServiceSpec {
  id: string;
  name: string;
  organisationId: string;
  target: number | null;
  /** Deactivated after its submissions: out of the overview, in the annual report. */
  endsInactive?: boolean;
  submissions: Record<2025 | 2026, Group[]>;
  /** Impressions in 2026, and the Brussels days of later ones (the `silent` window). */
  impressions2026: number;
  laterImpressions: string[];
}

export const OVERVIEW_ORGANISATIONS = [
  { id: 'dep-omgeving', name: 'Departement Omgeving', policyDomain: 'Omgeving', kind: 'flemish' },
  {
    id: 'stad-gent',
    name: 'Stad Gent',
    policyDomain: 'Binnenlands Bestuur',
    kind: 'local',
  },
  { id: 'gemeente-kleinstad', name: 'Gemeente Kleinstad', policyDomain: null, kind: null },
] as const;

export const OVERVIEW_SERVICES: OverviewServiceSpec[] = [
  {
    // 20 of 24 satisfied: 83 %, under its target of 90 %, but the interval (64–93 %) reaches it.
    // 4 of them by phone through the contact centre: 20 widget answers on 40 impressions.
    id: 'omgevingsloket',
    name: 'Omgevingsloket',
    organisationId: 'dep-omgeving',
    target: 0.9,
    submissions: {
      2026: [
        [5, 4],
        [1, 3, undefined, ['unclear-information', 'technical-problem']],
        [2, 5, undefined, undefined, { channel: 'phone' }],
        [1, 4, undefined, undefined, { channel: 'phone', lang: 'fr' }],
        [1, 2, undefined, undefined, { channel: 'phone' }],
        // The steps last, in journey order: first seen in January, March and July.
        [4, 5, 'completed', undefined, { step: 'aanvraag' }],
        [2, 4, 'rejected', undefined, { step: 'betaling' }],
        [1, 2, 'rejected', ['too-slow'], { step: 'betaling', lang: 'fr' }],
        [1, 1, 'error', ['too-slow', 'unclear-information'], { step: 'betaling' }],
        [3, 5, 'completed', undefined, { step: 'bevestiging', lang: 'fr' }],
        [3, 4, 'completed', undefined, { step: 'bevestiging' }],
      ],
      2025: [
        [16, 5],
        [4, 3],
      ],
    },
    impressions2026: 40,
    laterImpressions: ['2027-04-20'],
  },
  {
    // 10 of 20: the interval (30–70 %) lies under the target of 80 %.
    id: 'bouwaanvraag',
    name: 'Bouwaanvraag',
    organisationId: 'dep-omgeving',
    target: 0.8,
    submissions: {
      2026: [
        [5, 4, 'completed'],
        [4, 2, 'rejected', ['technical-problem']],
        [1, 1, 'rejected', ['other']],
        [2, 5, 'info'],
        [3, 5],
        [5, 3],
      ],
      2025: [
        [12, 4],
        [8, 2],
      ],
    },
    impressions2026: 25,
    laterImpressions: ['2027-05-01'],
  },
  {
    // 12 of 30 after 27 of 30: this year's interval lies entirely under last year's.
    id: 'parkeerkaart',
    name: 'Parkeerkaart',
    organisationId: 'stad-gent',
    target: null,
    submissions: {
      2026: [
        [12, 4],
        [18, 1],
      ],
      2025: [
        [27, 5],
        [3, 2],
      ],
    },
    impressions2026: 60,
    laterImpressions: ['2027-04-20'],
  },
  {
    // 21 of 30 after 26 of 30: lower, but the intervals overlap. Its last impression is 31 days
    // before today: silent.
    id: 'afvalkalender',
    name: 'Afvalkalender',
    organisationId: 'stad-gent',
    target: null,
    submissions: {
      2026: [
        [21, 5, 'completed'],
        [3, 2, 'completed', ['could-not-find']],
        [6, 3, 'completed'],
      ],
      2025: [
        [26, 4],
        [4, 1],
      ],
    },
    impressions2026: 30,
    laterImpressions: ['2027-04-01'],
  },
  {
    // 4 responses, no impression in 2026; one on the first day of the silent window.
    id: 'kleine-dienst',
    name: 'Kleine dienst',
    organisationId: 'gemeente-kleinstad',
    target: 0.5,
    submissions: {
      2026: [
        [3, 5],
        [1, 1, 'error', ['needed-help']],
      ],
      2025: [],
    },
    impressions2026: 0,
    laterImpressions: ['2027-04-02'],
  },
  {
    id: 'oude-dienst',
    name: 'Oude dienst',
    organisationId: 'gemeente-kleinstad',
    target: null,
    endsInactive: true,
    submissions: {
      2026: [
        [6, 4],
        [6, 2],
      ],
      2025: [[10, 5]],
    },
    impressions2026: 24,
    laterImpressions: [],
  },
];

/** 10:00 UTC on the 10th of a month, the months taken in turn. */
const instantOf = (year: number, i: number) => Date.UTC(year, i % 12, 10, 9, 0, 0) + i * 1000;

/**
 * A collector on the backend under test with this dataset and nothing else: the overview's
 * organisations and services, a steering token and a provider token of the first two
 * organisations, the clock at OVERVIEW_NOW.
 */
export async function overviewWorld(deps: { adminToken?: string } = {}) {
  const store = await openTestStore();
  const clock = { now: Date.UTC(2025, 0, 1) };
  for (const organisation of OVERVIEW_ORGANISATIONS) {
    await seedOrganisation(
      store,
      organisation,
      OVERVIEW_SERVICES.filter((s) => s.organisationId === organisation.id).map((s) => ({
        id: s.id,
        name: s.name,
        target: s.target,
        allowedOrigins: [ORIGIN],
      })),
    );
  }
  // The contact centre of Departement Omgeving posts the answers it took by phone.
  const { token: ingestToken } = await issueToken(store, {
    label: 'contactcenter',
    role: 'ingest',
    organisationId: 'dep-omgeving',
  });
  const app = createApp({
    store,
    now: () => clock.now,
    rateLimitPerMinute: 0,
    rateLimiters: rateLimitersFor(store),
    ...deps,
  });
  for (const service of OVERVIEW_SERVICES) {
    for (const year of [2025, 2026] as const) {
      let i = 0;
      for (const [count, rating, outcome, reasons, detail = {}] of service.submissions[year]) {
        const sender: Record<string, string> = detail.channel
          ? { authorization: `Bearer ${ingestToken}` }
          : { origin: ORIGIN };
        for (let n = 0; n < count; n += 1, i += 1) {
          clock.now = instantOf(year, i);
          const response = await app.request('/api/v1/feedback', {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...sender },
            body: JSON.stringify({
              id: randomUUID(),
              serviceId: service.id,
              rating,
              lang: detail.lang ?? 'nl',
              ...(outcome ? { outcome } : {}),
              ...(reasons ? { reasons } : {}),
              ...(detail.step ? { step: detail.step } : {}),
              ...(detail.channel ? { channel: detail.channel } : {}),
            }),
          });
          if (response.status !== 201) {
            throw new Error(`${service.id}: ${response.status} ${await response.text()}`);
          }
        }
      }
    }
    for (let i = 0; i < service.impressions2026; i += 1) {
      await store.recordImpression(service.id, `2026-${String(1 + (i % 12)).padStart(2, '0')}-10`);
    }
    for (const day of service.laterImpressions) await store.recordImpression(service.id, day);
    if (service.endsInactive) await store.updateService(service.id, { active: false });
  }
  // The hand-ins of 2026: on time (before 1 April 2027), late, and none.
  await handInReport(
    store,
    { organisationId: 'dep-omgeving', year: OVERVIEW_YEAR, minimum: 10 },
    { actor: 'omgeving', now: Date.UTC(2027, 2, 15, 10) },
  );
  await handInReport(
    store,
    { organisationId: 'stad-gent', year: OVERVIEW_YEAR, minimum: 10 },
    { actor: 'gent', now: Date.UTC(2027, 3, 10, 10) },
  );
  const token = async (role: 'provider' | 'steering', organisationId?: string) =>
    (await issueToken(store, { label: organisationId ?? role, role, organisationId })).token;
  const tokens = {
    steering: await token('steering'),
    omgeving: await token('provider', 'dep-omgeving'),
    gent: await token('provider', 'stad-gent'),
  };
  clock.now = OVERVIEW_NOW;
  const get = (path: string, bearer?: string) =>
    app.request(path, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {});
  return { app, store, clock, tokens, get };
}
