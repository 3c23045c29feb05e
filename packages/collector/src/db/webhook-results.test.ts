import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Store } from '../domain/store.ts';
import { DISABLE_AFTER_MS, type AttemptResult, type ClaimedDelivery } from '../domain/webhooks.ts';
import { submission, testCollector } from '../test-support/fixtures.ts';
import { sqlRows } from '../test-support/sql.ts';
import { createSubscription } from '../use-cases/subscriptions.ts';
import { createWebhook } from '../use-cases/webhooks.ts';

// A claimed batch's results recorded in one transaction (recordAttempts, what the worker does)
// leave exactly the rows that recording them one by one (recordAttempt) leaves: the same
// deliveries, the same failing streaks and disablings, the same notice queued.

const REASON = 'Every delivery failed for 5 days.';
/** The same submissions in both stores, so that their rows compare. */
const SUBMISSIONS: string[] = Array.from({ length: 4 }, () => randomUUID());
const [S1, S2, S3, S4] = SUBMISSIONS as [string, string, string, string];
const ONE = 'http://127.0.0.1:9/one';
const TWO = 'http://127.0.0.1:9/two';

/**
 * Webhook ONE fails S1's first attempt at the start; five days later webhook TWO is added and
 * S2–S4 are posted. Every due delivery is claimed then: ONE's S1–S4 and TWO's S2–S4.
 */
async function fiveDaysOfFailure(start: number) {
  const clock = { now: start };
  const { store, post } = await testCollector({
    now: () => clock.now,
    allowInsecureWebhooks: true,
  });
  const acting = () => ({ actor: 'a', now: clock.now, allowInsecure: true });
  const add = (url: string) =>
    createWebhook(store, 'org-a', { url, events: ['feedback.created'] } as never, acting());
  await add(ONE);
  await createSubscription(
    store,
    'org-a',
    { email: 'it@gemeente-a.be', frequency: 'weekly' },
    acting(),
  );
  expect((await post(submission({ id: S1 }))).status).toBe(201);
  const [first] = await store.claimDeliveries(clock.now, clock.now + 20_000, 10);
  await store.recordAttempt(
    result(first!, { statusCode: 500, next: clock.now + 5_000 }, clock.now),
    clock.now - DISABLE_AFTER_MS,
    REASON,
  );
  clock.now += DISABLE_AFTER_MS;
  await add(TWO);
  for (const id of [S2, S3, S4]) expect((await post(submission({ id }))).status).toBe(201);
  const claimed = await store.claimDeliveries(clock.now, clock.now + 20_000, 100);
  expect(claimed).toHaveLength(7);
  return { store, claimed, now: clock.now };
}

function result(
  delivery: ClaimedDelivery,
  outcome: { statusCode?: number; error?: string; next: number | null; attempts?: number },
  now: number,
): AttemptResult {
  const delivered = outcome.statusCode !== undefined && outcome.statusCode < 300;
  const error = delivered ? null : (outcome.error ?? `HTTP ${outcome.statusCode}`);
  return {
    delivery: { ...delivery, attempts: outcome.attempts ?? delivery.attempts },
    history: [
      ...delivery.history,
      { attempt: delivery.attempts, at: now, statusCode: outcome.statusCode ?? null, error, ms: 3 },
    ],
    statusCode: outcome.statusCode ?? null,
    error,
    delivered,
    nextAttemptAt: delivered ? null : outcome.next,
    now,
  };
}

/** A batch of every kind of outcome, in the order they came in. */
function mixedResults(claimed: ClaimedDelivery[], now: number): AttemptResult[] {
  const find = (url: string, id: string) =>
    claimed.find(
      (d) => d.url === url && (JSON.parse(d.payload) as { data: { id: string } }).data.id === id,
    )!;
  return [
    // Out of attempts: failed, and ONE has failed for 5 days now: disabled, its notice queued.
    result(find(ONE, S1), { statusCode: 500, next: null }, now),
    result(find(TWO, S2), { statusCode: 204, next: null }, now + 1),
    // A success ends ONE's streak (it stays disabled); the next failure starts a new one.
    result(find(ONE, S2), { statusCode: 200, next: null }, now + 2),
    result(find(ONE, S3), { statusCode: 503, next: now + 5_003 }, now + 3),
    // A claim that outlived its lease: a later one owns the delivery, this result is dropped.
    result(find(TWO, S3), { statusCode: 204, next: null, attempts: 0 }, now + 4),
    result(find(ONE, S4), { error: 'ECONNREFUSED: connect', next: now + 300_005 }, now + 5),
  ];
}

/** What the store holds of the webhooks, their deliveries and the mail they queued. */
async function rows(store: Store) {
  const order = (row: Record<string, unknown>) =>
    `${String(row.url)} ${SUBMISSIONS.indexOf(String(row.subject))}`;
  return {
    deliveries: (
      await sqlRows(
        store,
        `select w.url, d.subject, d.status, d.attempts, d.round_attempts as "roundAttempts",
              d.next_attempt_at as "nextAttemptAt", d.locked_until as "lockedUntil",
              d.last_status_code as "lastStatusCode", d.last_error as "lastError",
              d.delivered_at as "deliveredAt", d.history
         from webhook_deliveries d join webhooks w on w.id = d.webhook_id`,
      )
    ).sort((a, b) => order(a).localeCompare(order(b))),
    webhooks: await sqlRows(
      store,
      `select url, failing_since as "failingSince", disabled_at as "disabledAt",
              disabled_reason as "disabledReason" from webhooks order by url`,
    ),
    mail: await sqlRows(store, 'select kind, to_address as "to", status from mail_outbox'),
  };
}

describe('recording a batch of webhook attempts', () => {
  it('leaves the same rows in one transaction as one by one', async () => {
    const start = Date.now();
    const single = await fiveDaysOfFailure(start);
    const batch = await fiveDaysOfFailure(start);

    const outcomes: { disabled: boolean }[] = [];
    for (const attempt of mixedResults(single.claimed, single.now)) {
      outcomes.push(
        await single.store.recordAttempt(attempt, attempt.now - DISABLE_AFTER_MS, REASON),
      );
    }
    const together = await batch.store.recordAttempts(
      mixedResults(batch.claimed, batch.now),
      DISABLE_AFTER_MS,
      REASON,
    );

    expect(together).toEqual(outcomes);
    expect(together.map((o) => o.disabled)).toEqual([true, false, false, false, false, false]);
    const expected = await rows(single.store);
    expect(await rows(batch.store)).toEqual(expected);
    // And they are what each outcome means.
    const now = single.now;
    expect(expected.webhooks).toEqual([
      { url: ONE, failingSince: now + 3, disabledAt: now, disabledReason: REASON },
      { url: TWO, failingSince: null, disabledAt: null, disabledReason: null },
    ]);
    expect(expected.mail).toEqual([{ kind: 'notice', to: 'it@gemeente-a.be', status: 'pending' }]);
    expect(
      expected.deliveries.map((d) => [d.url, d.subject, d.status, d.nextAttemptAt, d.lockedUntil]),
    ).toEqual([
      [ONE, S1, 'failed', null, null],
      [ONE, S2, 'delivered', null, null],
      [ONE, S3, 'pending', now + 5_003, null],
      [ONE, S4, 'pending', now + 300_005, null],
      [TWO, S2, 'delivered', null, null],
      // Untouched by the dropped result, and S4's attempt not recorded: both still claimed.
      [TWO, S3, 'pending', now, now + 20_000],
      [TWO, S4, 'pending', now, now + 20_000],
    ]);
  });

  it('records nothing for an empty batch', async () => {
    const { store } = await testCollector();
    expect(await store.recordAttempts([], DISABLE_AFTER_MS, REASON)).toEqual([]);
  });
});
