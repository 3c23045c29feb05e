import type { AlertRecord, StoredAlert } from './alerts.ts';
import type { OutboxEvent } from './webhooks.ts';

// What the store keeps of alerts: at most one per service, kind and day (Brussels). Part of the
// Store interface (store.ts).

/** Which alerts to read: raised on days in [from, to], newest first. */
export interface AlertListQuery {
  from: string;
  to: string;
  /** Only this organisation's services. */
  organisationId?: string | undefined;
  /** Only this service's. */
  serviceId?: string | undefined;
  /** At most this many. */
  limit: number;
}

export interface AlertStore {
  /**
   * Inserts the alert unless its service already has one of its kind on its day and, only when
   * it inserted it, writes `event` (its `alert.raised`) to the outbox: both in one transaction,
   * so that several instances checking at once, or a check repeated, raise it once. Whether it
   * was inserted.
   */
  raiseAlert(alert: AlertRecord, event: OutboxEvent): Promise<boolean>;
  /** Alerts raised on days in [from, to], by day, then raising instant, newest first. */
  listAlerts(query: AlertListQuery): Promise<StoredAlert[]>;
}
