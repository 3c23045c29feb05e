// Fixture data of alerts: answers shaped by the shared contract, each parsed through its zod
// schema so that a fixture that drifts from what the collector answers fails here.
import { AlertListSchema, AlertSchema, type Alert, type AlertList } from '@vo-feedback/shared';

let next = 0;

/**
 * A satisfaction alert of the Omgevingsloket raised on the fixtures' today: 7 of 21 satisfied
 * this week against 84 of 112 in the 8 weeks before.
 */
export function alert(overrides: Partial<Alert> = {}): Alert {
  const n = next++;
  return AlertSchema.parse({
    id: `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    serviceId: 'omgevingsloket',
    serviceName: 'Omgevingsloket',
    organisationId: 'org-a',
    kind: 'satisfaction',
    day: '2026-06-15',
    theme: null,
    recent: { from: '2026-06-09', to: '2026-06-15', n: 21, share: 1 / 3, interval: [0.172, 0.55] },
    previous: {
      from: '2026-04-14',
      to: '2026-06-08',
      n: 112,
      share: 0.75,
      interval: [0.662, 0.82],
    },
    raisedAt: '2026-06-15T08:00:00.000Z',
    ...overrides,
  });
}

/** A theme alert: "wachttijd" in 14 of 21 comments this week against 8 of 56 before. */
export function themeAlert(overrides: Partial<Alert> = {}): Alert {
  return alert({
    kind: 'theme',
    theme: 'wachttijd',
    day: '2026-06-14',
    recent: { from: '2026-06-08', to: '2026-06-14', n: 21, share: 2 / 3, interval: [0.454, 0.828] },
    previous: {
      from: '2026-04-13',
      to: '2026-06-07',
      n: 56,
      share: 1 / 7,
      interval: [0.074, 0.257],
    },
    raisedAt: '2026-06-14T08:00:00.000Z',
    ...overrides,
  });
}

export function alertList(alerts: Alert[]): AlertList {
  return AlertListSchema.parse({ alerts });
}
