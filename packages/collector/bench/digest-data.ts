// The digest benchmark's database (bench/digest.ts): services in organisations, each with the
// same number of submissions a week over the last weeks, stored through the store's own ingest
// (group commit, every rollup as in production), impressions, and weekly digest subscriptions.
import { DEFAULT_REASONS, LANGUAGES, type Outcome } from '@vo-feedback/shared';
import { SqliteStore } from '../src/db/sqlite-store.ts';
import { newUnsubscribeToken } from '../src/domain/mail.ts';

export interface DigestDataSizes {
  services: number;
  organisations: number;
  perWeek: number;
  weeks: number;
  subscribers: number;
}

const WEEK_MS = 7 * 86_400_000;
const OUTCOMES: (Outcome | undefined)[] = [
  'completed',
  'completed',
  'completed',
  'rejected',
  'error',
  'info',
  undefined,
];
const STEPS = ['start', 'gegevens', 'betaling', 'bevestiging'];
const COMMENTS = [
  'Het formulier was duidelijk maar de betaling duurde lang.',
  'Ik vond de knop om mijn attest te downloaden niet.',
  'Vlot verlopen, bedankt!',
  'De pagina gaf een foutmelding bij het opladen van mijn document.',
  'Waarom moet ik mijn gegevens opnieuw invullen? Dat staat toch al in mijn dossier.',
  'Duidelijke uitleg over de kostprijs, maar de termijn is te lang.',
  'La procédure était claire mais le paiement a pris du temps.',
  'Inloggen met itsme lukte pas na drie pogingen.',
];
const REASON_CODES = DEFAULT_REASONS.map((reason) => reason.code);

/** A v7-shaped UUID from a millisecond timestamp and a counter: time-ordered, like the widget's. */
function uuid7(ms: number, n: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  const tail = n.toString(16).padStart(15, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${tail.slice(0, 3)}-8${tail.slice(3, 6)}-${tail.slice(3, 15)}`;
}

/** A small seeded generator: the same data every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ratings skewed to the satisfied, as answers to a finished transaction are: 1 to 5. */
const ratingOf = (r: number) => (r < 0.08 ? 1 : r < 0.15 ? 2 : r < 0.27 ? 3 : r < 0.52 ? 4 : 5);

/**
 * Writes the database to `file` (SQLite): ratings, outcomes, four languages, steps, reasons on the
 * low ratings, a comment on one in three; impressions four times the answers; `subscribers`
 * weekly subscriptions spread over the organisations, each following all of its services, made
 * `now`, after the digest schedule's last run (a server's own schedule queues none of them).
 */
export async function generateDigestData(
  file: string,
  now: number,
  sizes: DigestDataSizes,
): Promise<{ rows: number; seconds: number }> {
  const { services: serviceCount, organisations, perWeek, weeks, subscribers } = sizes;
  const started = performance.now();
  const store = new SqliteStore(`file:${file}`);
  for (let o = 0; o < organisations; o += 1) {
    await store.createOrganisation({ id: `org-${o}`, name: `Organisatie ${o}` });
  }
  const service = (id: string, name: string, organisationId: string) =>
    store.createService({
      id,
      name,
      organisationId,
      allowedOrigins: [],
      active: true,
      publicServiceUri: null,
      helpUrl: null,
      reasons: null,
    });
  for (let s = 0; s < serviceCount; s += 1) {
    await service(`dienst-${s}`, `Dienst ${s}`, `org-${s % organisations}`);
  }
  // wrk's submissions (bench/post.lua) go to demo-dienst, of an organisation without subscribers.
  await store.createOrganisation({ id: 'demo', name: 'Demogemeente' });
  await service('demo-dienst', 'Demo e-loket', 'demo');

  // The submissions, through the store's ingest: concurrent calls share a transaction.
  const rows = serviceCount * perWeek * weeks;
  const start = now - weeks * WEEK_MS;
  const CHUNK = 2_000;
  const random = mulberry32(19);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  for (let from = 0; from < rows; from += CHUNK) {
    const batch: Promise<unknown>[] = [];
    for (let i = from; i < Math.min(rows, from + CHUNK); i += 1) {
      const at = start + Math.floor((i / rows) * weeks * WEEK_MS);
      const rating = ratingOf(random());
      batch.push(
        store.ingest({
          id: uuid7(at, i),
          serviceId: `dienst-${i % serviceCount}`,
          rating,
          comment: random() < 1 / 3 ? pick(COMMENTS) : undefined,
          lang: random() < 0.9 ? 'nl' : pick(LANGUAGES),
          outcome: pick(OUTCOMES),
          step: pick(STEPS),
          redactions: 0,
          receivedAt: at,
          widget: true,
          reasons: rating <= 3 ? [pick(REASON_CODES)] : undefined,
        }),
      );
    }
    await Promise.all(batch);
  }
  store.sqlite.exec(`insert into daily_impressions (service_id, day, count)
           select service_id, day, sum(rating_1 + rating_2 + rating_3 + rating_4 + rating_5) * 4
             from daily_rollups group by 1, 2`);

  // Created now, after the schedule's last run: the server's own schedule queues none of them.
  for (let n = 0; n < subscribers; n += 1) {
    const created = await store.createSubscription({
      id: `sub-${n}`,
      organisationId: `org-${n % organisations}`,
      email: `medewerker-${n}@example.test`,
      frequency: 'weekly',
      serviceIds: null,
      unsubscribeToken: newUnsubscribeToken(),
      createdAt: Date.now(),
      createdBy: 'bench',
    });
    if (!created) throw new Error('subscription not created');
  }
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  return { rows, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
