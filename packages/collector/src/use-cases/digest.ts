import { DEFAULT_REASONS } from '@vo-feedback/shared';
import type { Digest, DigestService } from '../domain/digest.ts';
import {
  previousDigestPeriod,
  type DigestPayload,
  type SubscriptionRecord,
} from '../domain/mail.ts';
import { periodInstants, type Period } from '../domain/period.ts';
import type { ServiceRecord, Store } from '../domain/store.ts';
import { listActions } from './actions.ts';
import { serviceThemes } from './reports.ts';
import { serviceSummary } from './summary.ts';
import { cachedFigures } from './theme-cache.ts';

// The figures of a digest mail, per service of the subscription, computed when it is sent with
// the very use cases of the API — the summary (`/summary`), the themes (`/themes`) and the actions
// (`/actions`) — so that a digest and the API agree by construction. Themes are words and their
// counts, never a comment: a digest carries no comment text.

/** How many reasons and themes a digest names per service. */
export const DIGEST_REASONS = 3;
export const DIGEST_THEMES = 5;

/** The services a subscription follows: those it names (still of its organisation), or every active one. */
async function servicesOf(store: Store, subscription: SubscriptionRecord) {
  // Those it names are its organisation's still, active or not (the schema makes them unique).
  const named = subscription.serviceIds && new Set(subscription.serviceIds);
  const services = (await store.listServices(subscription.organisationId)).filter((s) =>
    named ? named.has(s.id) : s.active,
  );
  return services.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id));
}

async function serviceDigest(
  store: Store,
  service: ServiceRecord,
  period: Period,
  previousPeriod: Period,
): Promise<DigestService> {
  const [summary, previous, actions] = await Promise.all([
    serviceSummary(store, service.id, period),
    serviceSummary(store, service.id, previousPeriod),
    listActions(store, service.id),
  ]);
  // After the summaries: the themes read comments through a cursor of their own.
  const themes = await serviceThemes(store, service.id, period, { examples: 0 });
  const labels = new Map(
    (service.reasons ?? DEFAULT_REASONS).map((reason) => [reason.code, reason.labels.nl]),
  );
  const { start, end } = periodInstants(period);
  return {
    serviceId: service.id,
    name: service.name,
    responses: summary.responses,
    csat: summary.csat,
    csatInterval: summary.csatInterval,
    impressions: summary.impressions,
    responseRate: summary.responseRate,
    previous: { responses: previous.responses, csat: previous.csat },
    change: summary.csat === null || previous.csat === null ? null : summary.csat - previous.csat,
    reasons: summary.byReason.slice(0, DIGEST_REASONS).map((reason) => ({
      code: reason.reason,
      label: labels.get(reason.reason) ?? reason.reason,
      count: reason.count,
    })),
    themes: themes.words.slice(0, DIGEST_THEMES).map(({ term, count }) => ({ term, count })),
    actions: actions.actions
      .filter((action) => {
        const created = Date.parse(action.createdAt);
        return created >= start && created < end;
      })
      .map(({ title, status }) => ({ title, status })),
  };
}

/**
 * A subscriber's digest of a period, computed now: `organisationName` as the mail's caller read
 * it, `minimum` MIN_PUBLIC_N.
 */
export async function buildDigest(
  store: Store,
  subscription: SubscriptionRecord,
  payload: DigestPayload,
  context: { organisationName: string; minimum: number; now?: number },
): Promise<Digest> {
  const { organisationName, minimum } = context;
  const previousPeriod = previousDigestPeriod(payload);
  const { period } = payload;
  const services: DigestService[] = [];
  // One service after the other: each reads its comments through a cursor (a pool connection).
  for (const service of await servicesOf(store, subscription)) {
    // A round mails the same service and period to each of its subscribers: counted once, and
    // forgotten with the service's themes when a provider erases or redacts (theme-cache.ts).
    const key = `digest|${service.id}|${period.from}|${period.to}|${previousPeriod.from}`;
    services.push(
      await cachedFigures(store, key, context.now ?? Date.now(), () =>
        serviceDigest(store, service, period, previousPeriod),
      ),
    );
    // Let submissions in between services: on SQLite the reads above never leave the event loop.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return {
    organisationName,
    frequency: payload.frequency,
    period: payload.period,
    previousPeriod,
    soFar: payload.soFar,
    minimum,
    services,
  };
}
