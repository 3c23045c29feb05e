import type { OverviewRow, Reason } from '@vo-feedback/shared';
import { mapLimited, type DashboardApi } from '../api.ts';
import { isAbort } from '../errors.ts';

/** Each row's top reason with its labels in every language, by service id. */
export type TopReasonLabels = Map<string, Reason['labels']>;

/**
 * The labels of the rows' top reasons, from the services' public configuration. One
 * configuration names the reasons most services share (the default list); only a row whose code
 * it does not know asks its own service (a list of its own), four at a time. A configuration that
 * cannot be read leaves its rows with their codes: no reason to hide the table.
 */
export async function topReasonLabels(
  api: DashboardApi,
  rows: readonly OverviewRow[],
  signal: AbortSignal,
): Promise<TopReasonLabels> {
  const labels: TopReasonLabels = new Map();
  const asked = rows.filter((row) => row.topReason !== null);
  if (asked.length === 0) return labels;
  const reasonsOf = async (serviceId: string): Promise<readonly Reason[] | undefined> => {
    try {
      return (await api.serviceConfig(serviceId, signal)).reasons;
    } catch (error) {
      if (isAbort(error)) throw error;
      return undefined;
    }
  };
  const first = await reasonsOf(asked[0]!.serviceId);
  if (!first) return labels;
  const known = new Map(first.map((reason) => [reason.code, reason.labels]));
  const unknown: OverviewRow[] = [];
  for (const row of asked) {
    const found = known.get(row.topReason!);
    if (found) labels.set(row.serviceId, found);
    else unknown.push(row);
  }
  await mapLimited(unknown, 4, async (row) => {
    const own = (await reasonsOf(row.serviceId))?.find((reason) => reason.code === row.topReason);
    if (own) labels.set(row.serviceId, own.labels);
  });
  return labels;
}
