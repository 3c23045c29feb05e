import type { Summary } from '@vo-feedback/shared';
import { summarise } from '../domain/aggregation.ts';
import type { Period } from '../domain/period.ts';
import type { Store } from '../domain/store.ts';

/**
 * The summary of one service over a period, from its rollups: what `GET
 * /api/v1/services/:id/summary` answers and what a digest mail reports, one computation for both.
 */
export async function serviceSummary(
  store: Store,
  serviceId: string,
  period: Period,
): Promise<Summary> {
  const [rollups, impressions, channels, reasons, languages, steps] = await Promise.all([
    store.monthlyRollups(serviceId, period.from, period.to),
    store.monthlyImpressions(serviceId, period.from, period.to),
    store.channelRollups(serviceId, period.from, period.to),
    store.reasonCounts(serviceId, period.from, period.to),
    store.languageRollups(serviceId, period.from, period.to),
    store.stepRollups(serviceId, period.from, period.to),
  ]);
  return summarise(serviceId, period, rollups, impressions, channels, reasons, languages, steps);
}
