import { randomUUID } from 'node:crypto';
import { WebhookPayloadSchema } from '@vo-feedback/shared';
import { alertWindows } from '../domain/alerts.ts';
import { addDays, brusselsDayStart } from '../domain/period.ts';
import type { Store } from '../domain/store.ts';
import { brusselsDay } from '../domain/time.ts';
import type { WebhookRecord } from '../domain/webhooks.ts';
import { sqlRows } from './sql.ts';

// A known dataset for alerts: 63 days of answers (the 56 of the previous window, the 7 of the
// recent one) for a service, each day's ratings and comments chosen by hand, written through
// ingest so that the rollups are the real ones. The truth (answers and satisfied ones per window)
// is counted here from what was written, never with the collector's code.

/** The collector's clock of the alert tests: Monday 15 June 2026, 10:00 in Brussels. */
export const ALERT_NOW = Date.UTC(2026, 5, 15, 8, 0, 0);

/** One answer: its rating and, if any, its comment (Dutch). */
export type Answer = [rating: number, comment?: string];

/** Of the 8 weeks: 8 answers every 4 days, 6 of them satisfied (75 %). */
export const STEADY: Answer[][] = [
  [[5], [4]],
  [[5], [4]],
  [[4], [2]],
  [[5], [3]],
];

/** A clear drop: 1 of 3 satisfied every day (33 %). */
export const DROP: Answer[][] = [[[5], [2], [1]]];
/** A dip within the intervals: 2 of 3 satisfied every day (67 %). */
export const DIP: Answer[][] = [[[5], [4], [2]]];

/** The ratings of one window, as the truth. */
export interface WindowTruth {
  n: number;
  satisfied: number;
  comments: number;
}

/**
 * Writes a service's answers: on each day of the previous window the next day of `previous`
 * (cycled), on each recent day the next of `recent`; `recentDays` limits the recent window to its
 * last days (fewer answers). A day's answers from noon in Brussels, a minute apart, in their
 * order (the last is the newest). The truth of both windows.
 */
export async function seedAlertDays(
  store: Store,
  serviceId: string,
  now: number,
  pattern: { previous: Answer[][]; recent: Answer[][]; recentDays?: number },
): Promise<{ recent: WindowTruth; previous: WindowTruth }> {
  const windows = alertWindows(brusselsDay(now));
  const truth = {
    recent: { n: 0, satisfied: 0, comments: 0 },
    previous: { n: 0, satisfied: 0, comments: 0 },
  };
  const write = async (day: string, answers: Answer[], window: WindowTruth) => {
    // A day's answers at once (ingest commits them together), each a minute after the one before.
    const results = await Promise.all(
      answers.map(([rating, comment], i) =>
        store.ingest({
          id: randomUUID(),
          serviceId,
          rating,
          ...(comment === undefined ? {} : { comment }),
          lang: 'nl',
          redactions: 0,
          receivedAt: brusselsDayStart(day) + 12 * 3_600_000 + i * 60_000,
        }),
      ),
    );
    for (const [i, [rating, comment]] of answers.entries()) {
      if (results[i]!.status !== 'stored') throw new Error(`seed: ${results[i]!.status}`);
      window.n += 1;
      if (rating >= 4) window.satisfied += 1;
      if (comment !== undefined) window.comments += 1;
    }
  };
  for (let i = 0; i < 56; i += 1) {
    const day = addDays(windows.previous.from, i);
    await write(day, pattern.previous[i % pattern.previous.length]!, truth.previous);
  }
  const recentDays = pattern.recentDays ?? 7;
  for (let i = 7 - recentDays; i < 7; i += 1) {
    const day = addDays(windows.recent.from, i);
    await write(day, pattern.recent[i % pattern.recent.length]!, truth.recent);
  }
  return truth;
}

/** Of the 8 weeks: a comment a day, "Wachttijd aan de balie." every 7th day (8 of 56). */
export const STEADY_COMMENTS: Answer[][] = Array.from({ length: 7 }, (_, i) => [
  [5, i === 0 ? 'Wachttijd aan de balie.' : 'Alles prima.'],
  [4],
]);

/** Of the last week: three comments a day, two of them on the waiting time (14 of 21). */
export const RISING_WACHTTIJD: Answer[][] = [
  [
    [5, 'Wachttijd!'],
    [4, 'Wachttijd aan de telefoon.'],
    [4, 'Alles prima.'],
  ],
  [
    [5, 'Veel wachttijd.'],
    [5, 'Wachttijd bij het loket.'],
    [4, 'Alles prima.'],
  ],
];

/**
 * A busy service's comments: 20 a day, all rated 5. In the older 4 of the 8 weeks every other
 * one is on the waiting time (10 a day, the newest 10 of a day holding 5); in the newer 4 weeks
 * none is; in the last 7 days 5 of 20 (25 %, the share of the 8 weeks as a whole).
 */
export const BUSY_THEMED: Answer[] = Array.from({ length: 20 }, (_, i): Answer =>
  i % 2 === 0 ? [5, 'Wachttijd aan de balie.'] : [5, 'Alles prima.'],
);
export const BUSY_PLAIN: Answer[] = Array.from({ length: 20 }, (): Answer => [5, 'Alles prima.']);
export const BUSY_PREVIOUS: Answer[][] = [
  ...Array.from({ length: 28 }, () => BUSY_THEMED),
  ...Array.from({ length: 28 }, () => BUSY_PLAIN),
];
export const BUSY_RECENT: Answer[][] = [
  Array.from({ length: 20 }, (_, i): Answer =>
    i % 4 === 0 ? [5, 'Wachttijd aan de balie.'] : [5, 'Alles prima.'],
  ),
];

/** A webhook of org-a listening to alert.raised for all its services, unless told. */
export function alertWebhook(overrides: Partial<WebhookRecord> = {}): WebhookRecord {
  return {
    id: randomUUID(),
    organisationId: 'org-a',
    url: 'https://tickets.gemeente-a.be/hooks/vo',
    events: ['alert.raised'],
    serviceIds: null,
    includeComment: false,
    secret: 'whsec_dGVzdC1zZWNyZXQtb2YtMzItYnl0ZXMtZm9yLWhtYWM=',
    createdAt: ALERT_NOW,
    createdBy: 'a',
    failingSince: null,
    disabledAt: null,
    disabledReason: null,
    ...overrides,
  };
}

/** The outbox rows of `alert.raised`: webhook and parsed body. */
export async function alertDeliveries(store: Store) {
  const rows = await sqlRows(
    store,
    `select webhook_id as "webhookId", subject, payload from webhook_deliveries
      where event = 'alert.raised' order by created_at, webhook_id`,
  );
  return rows.map((row) => ({
    webhookId: String(row.webhookId),
    subject: String(row.subject),
    body: WebhookPayloadSchema.parse(JSON.parse(String(row.payload))),
  }));
}
