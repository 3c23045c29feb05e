import type { Store } from '../domain/store.ts';

// A generated dataset with known answers, for the summary, the annual report and the public
// statistics. Two years and a bit of submissions for several services of three organisations,
// with edits within the 30-minute window, replays, late changes that must be refused, and
// submissions around midnight in Brussels: New Year's Eve at 23:30 UTC, both DST switches, month
// ends. The truth is computed here, from the generated events, with its own Brussels-time rule
// (the EU's: summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
// Sunday of October) — never with the collector's code.

export interface DatasetService {
  id: string;
  name: string;
  organisationId: string;
  /** Set inactive after the last event (it stays in reports, leaves the public list). */
  endsInactive?: boolean;
}

export const DATASET_ORGANISATIONS = [
  { id: 'org-a', name: 'Organisatie A' },
  { id: 'org-b', name: 'Organisatie B' },
  { id: 'org-c', name: 'Gemeente C' },
];

export const DATASET_SERVICES: DatasetService[] = [
  { id: 'dienst-a', name: 'Dienst A', organisationId: 'org-a' },
  { id: 'dienst-a2', name: 'Omgevingsloket A', organisationId: 'org-a' },
  { id: 'dienst-b', name: 'Dienst B', organisationId: 'org-b' },
  { id: 'dienst-c', name: 'Kleine dienst C', organisationId: 'org-c' },
  { id: 'dienst-c-oud', name: 'Oude dienst C', organisationId: 'org-c', endsInactive: true },
];

/** The collector's clock when every event has been posted: Saturday 28 November 2026, 12:00. */
export const DATASET_NOW = Date.UTC(2026, 10, 28, 11, 0, 0);

export interface Content {
  rating: number;
  comment?: string;
  lang: 'nl' | 'fr' | 'en' | 'de';
  outcome?: 'completed' | 'rejected' | 'error' | 'info';
}

export type DatasetEvent =
  | {
      kind: 'post';
      at: number;
      id: string;
      serviceId: string;
      body: Content;
      expectedStatus: 201 | 200 | 409;
    }
  | { kind: 'impression'; at: number; serviceId: string };

/** The final state of a submission: what every aggregate must count. */
export interface Truth {
  id: string;
  serviceId: string;
  firstPostAt: number;
  /** Brussels day of the first post, by the EU rule above. */
  day: string;
  rating: number;
  comment: string | null;
  outcome: string | null;
}

export interface Dataset {
  events: DatasetEvent[];
  truths: Truth[];
  impressions: { serviceId: string; day: string }[];
}

// ---------------------------------------------------------------------------------------------
// Brussels time by the EU rule

function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1, 0, 0);
}

/** The Brussels calendar day of an instant, by the EU summer-time rule. */
export function oracleBrusselsDay(instant: number): string {
  const year = new Date(instant).getUTCFullYear();
  const summer = instant >= lastSundayUtc(year, 2) && instant < lastSundayUtc(year, 9);
  return new Date(instant + (summer ? 2 : 1) * 3_600_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Generation

/** mulberry32: small, seeded, good enough to spread test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUID from the generator, so that a seed gives the same dataset every time. */
function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(next() * 4)]!;
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Phrases citizens write; the planted themes ("wachttijd", "te lang", "werkt niet") recur. */
const PHRASES = [
  'De wachttijd was veel te lang.',
  'Het formulier is te lang en de wachttijd ook.',
  'De knop werkt niet op mijn gsm.',
  'Duidelijke uitleg, vlot geregeld.',
  'Ik vond de bijlage niet terug.',
  'La procédure était trop longue.',
  'The upload button does not work.',
  'Das Formular ist zu kompliziert.',
  'Snel en eenvoudig, top!',
  'Inloggen met itsme werkt niet altijd.',
  'Graag een bevestiging per post; ik heb geen computer thuis.',
  'Prima; "snel" afgehandeld',
  'Eerste regel\nTweede regel met; puntkomma',
  '=HYPERLINK("http://example.test","klik")',
  '+ meer uitleg over de kosten',
  '- de pagina laadt traag',
  '@dienst: antwoord sneller aub',
];

const OUTCOMES = ['completed', 'rejected', 'error', 'info', undefined] as const;
const LANGS = ['nl', 'nl', 'nl', 'fr', 'en', 'de'] as const;

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

function content(next: () => number): Content {
  const body: Content = {
    rating: 1 + Math.floor(next() * 5),
    lang: pick(next, LANGS),
  };
  const outcome = pick(next, OUTCOMES);
  if (outcome) body.outcome = outcome;
  if (next() < 0.45) body.comment = pick(next, PHRASES);
  return body;
}

const MINUTE = 60_000;

/** Instants around Brussels midnight that a careless implementation counts in the wrong day. */
const EDGE_INSTANTS = [
  '2024-12-31T22:30:00Z', // 23:30 on 31 December 2024 in Brussels: year 2024
  '2024-12-31T23:30:00Z', // 00:30 on 1 January 2025 in Brussels: year 2025
  '2025-03-30T00:30:00Z', // 01:30 CET, the night summer time starts (2025)
  '2025-03-30T01:30:00Z', // 03:30 CEST, same day
  '2025-05-31T21:59:59Z', // 23:59:59 on 31 May: May
  '2025-05-31T22:00:00Z', // 00:00 on 1 June: June
  '2025-10-25T22:30:00Z', // 00:30 CEST on 26 October 2025
  '2025-10-26T22:30:00Z', // 23:30 CET on 26 October 2025
  '2025-11-28T22:30:00Z', // 23:30 on 28 November 2025: in the like-for-like previous period
  '2025-11-28T23:30:00Z', // 00:30 on 29 November 2025: after it
  '2025-12-31T22:59:59Z', // 23:59:59 on 31 December 2025: year 2025
  '2025-12-31T23:30:00Z', // 00:30 on 1 January 2026 in Brussels: year 2026
  '2026-03-28T23:30:00Z', // 00:30 CET on 29 March 2026
  '2026-03-29T00:59:59Z', // 01:59:59 CET, one second before summer time
  '2026-03-29T01:00:00Z', // 03:00 CEST
  '2026-10-24T21:59:59Z', // 23:59:59 CEST on 24 October 2026
  '2026-10-24T22:30:00Z', // 00:30 CEST on 25 October 2026
  '2026-10-25T22:30:00Z', // 23:30 CET on 25 October 2026
  '2026-10-25T23:00:00Z', // 00:00 CET on 26 October 2026
  '2026-11-27T23:30:00Z', // 00:30 today (28 November 2026)
].map((iso) => Date.parse(iso));

/** Submissions per service and period: enough for figures, one service small on purpose. */
const VOLUME: Record<string, { from: string; to: string; count: number }[]> = {
  'dienst-a': [
    { from: '2025-01-01', to: '2026-11-27', count: 240 },
    { from: '2026-06-01', to: '2026-06-30', count: 30 },
  ],
  'dienst-a2': [{ from: '2025-03-01', to: '2026-11-27', count: 120 }],
  'dienst-b': [{ from: '2025-01-01', to: '2026-11-27', count: 170 }],
  // Below MIN_PUBLIC_N (10) in 2026, above it in 2025.
  'dienst-c': [
    { from: '2025-02-01', to: '2025-12-20', count: 14 },
    { from: '2026-02-01', to: '2026-11-20', count: 7 },
  ],
  'dienst-c-oud': [{ from: '2025-01-10', to: '2025-12-15', count: 30 }],
};

/**
 * Generates the events, posts included, in the order they are sent, and the truth they must
 * leave behind.
 */
export function generateDataset(seed = 20261128): Dataset {
  const next = random(seed);
  const posts: { at: number; serviceId: string; body: Content; edits: boolean }[] = [];
  for (const [serviceId, spans] of Object.entries(VOLUME)) {
    for (const span of spans) {
      const start = Date.parse(`${span.from}T00:00:00Z`);
      const end = Date.parse(`${span.to}T20:00:00Z`);
      for (let i = 0; i < span.count; i += 1) {
        const at = start + Math.floor(next() * (end - start));
        posts.push({ at: at - (at % 1000), serviceId, body: content(next), edits: true });
      }
    }
  }
  EDGE_INSTANTS.forEach((at, i) => {
    posts.push({
      at,
      serviceId: i % 2 ? 'dienst-a' : 'dienst-b',
      body: content(next),
      // Edges are posted once: an edit must not move them, and the test reads them as they are.
      edits: false,
    });
  });

  const events: DatasetEvent[] = [];
  const truths: Truth[] = [];
  for (const post of posts) {
    const id = uuid(next);
    events.push({
      kind: 'post',
      at: post.at,
      id,
      serviceId: post.serviceId,
      body: post.body,
      expectedStatus: 201,
    });
    const truth: Truth = {
      id,
      serviceId: post.serviceId,
      firstPostAt: post.at,
      day: oracleBrusselsDay(post.at),
      rating: post.body.rating,
      comment: post.body.comment ?? null,
      outcome: post.body.outcome ?? null,
    };
    if (post.edits) {
      const roll = next();
      if (roll < 0.15) {
        // Changed within the window: the citizen changes the rating and adds a comment.
        const edited: Content = {
          ...post.body,
          rating: 1 + ((post.body.rating + 1) % 5),
          comment: post.body.comment ?? pick(next, PHRASES),
        };
        events.push({
          kind: 'post',
          at: post.at + (5 + Math.floor(next() * 20)) * MINUTE,
          id,
          serviceId: post.serviceId,
          body: edited,
          expectedStatus: 200,
        });
        truth.rating = edited.rating;
        truth.comment = edited.comment ?? null;
      } else if (roll < 0.2) {
        // An offline queue replays the same content hours later: unchanged.
        events.push({
          kind: 'post',
          at: post.at + 3 * 60 * MINUTE,
          id,
          serviceId: post.serviceId,
          body: post.body,
          expectedStatus: 200,
        });
      } else if (roll < 0.23) {
        // A different rating after the window: refused, nothing changes.
        events.push({
          kind: 'post',
          at: post.at + 45 * MINUTE,
          id,
          serviceId: post.serviceId,
          body: { ...post.body, rating: 1 + (post.body.rating % 5) },
          expectedStatus: 409,
        });
      }
    }
    truths.push(truth);
  }
  // An edit across midnight: first posted at 23:50 on 31 December 2025 in Brussels, changed at
  // 00:10 on 1 January 2026. It counts, changed, on the day of its first post.
  const lateId = uuid(next);
  const lateAt = Date.parse('2025-12-31T22:50:00Z');
  events.push(
    {
      kind: 'post',
      at: lateAt,
      id: lateId,
      serviceId: 'dienst-a',
      body: { rating: 2, lang: 'nl', outcome: 'completed' },
      expectedStatus: 201,
    },
    {
      kind: 'post',
      at: lateAt + 20 * MINUTE,
      id: lateId,
      serviceId: 'dienst-a',
      body: { rating: 5, lang: 'nl', outcome: 'completed', comment: 'Toch gelukt, dank u.' },
      expectedStatus: 200,
    },
  );
  truths.push({
    id: lateId,
    serviceId: 'dienst-a',
    firstPostAt: lateAt,
    day: oracleBrusselsDay(lateAt),
    rating: 5,
    comment: 'Toch gelukt, dank u.',
    outcome: 'completed',
  });

  // Impressions: the widget is shown more often than it is answered.
  const impressions: { serviceId: string; day: string }[] = [];
  for (const post of posts) {
    const shown = 1 + Math.floor(next() * 4);
    for (let i = 0; i < shown; i += 1) {
      const at = post.at + i * 1000 + 500;
      events.push({ kind: 'impression', at, serviceId: post.serviceId });
      impressions.push({ serviceId: post.serviceId, day: oracleBrusselsDay(at) });
    }
  }

  // Sent in time order, as a clock moves.
  events.sort((a, b) => a.at - b.at);
  return { events, truths, impressions };
}

// ---------------------------------------------------------------------------------------------
// Loading it into a collector through its HTTP API

export interface LoadTarget {
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> };
  store: Store;
  clock: { now: number };
}

/** Creates the dataset's organisations and services that the test collector lacks. */
export async function registerDatasetServices(store: Store): Promise<void> {
  const existing = new Set((await store.listOrganisations()).map((o) => o.id));
  for (const organisation of DATASET_ORGANISATIONS) {
    if (!existing.has(organisation.id)) await store.createOrganisation(organisation);
  }
  for (const service of DATASET_SERVICES) {
    if (await store.getService(service.id)) continue;
    await store.createService({
      id: service.id,
      name: service.name,
      organisationId: service.organisationId,
      allowedOrigins: [],
      active: true,
      publicServiceUri: null,
    });
  }
}

/**
 * Posts every event through the HTTP API with the clock at its instant, checks each answer, and
 * leaves the clock at DATASET_NOW.
 */
export async function loadDataset(target: LoadTarget, dataset: Dataset): Promise<void> {
  await registerDatasetServices(target.store);
  for (const event of dataset.events) {
    target.clock.now = event.at;
    const body =
      event.kind === 'post'
        ? { id: event.id, serviceId: event.serviceId, ...event.body }
        : { serviceId: event.serviceId };
    const response = await target.app.request(
      event.kind === 'post' ? '/api/v1/feedback' : '/api/v1/impressions',
      {
        method: 'POST',
        // The widget on a page of the collector's own origin, which every service allows: its
        // answers count in the response rate, and its impressions are accepted.
        headers: { 'content-type': 'application/json', origin: 'http://localhost' },
        body: JSON.stringify(body),
      },
    );
    const expected = event.kind === 'post' ? event.expectedStatus : 204;
    if (response.status !== expected) {
      throw new Error(
        `${event.kind} at ${new Date(event.at).toISOString()} answered ${response.status}, expected ${expected}: ${await response.text()}`,
      );
    }
  }
  for (const service of DATASET_SERVICES) {
    if (service.endsInactive) await target.store.updateService(service.id, { active: false });
  }
  target.clock.now = DATASET_NOW;
}
