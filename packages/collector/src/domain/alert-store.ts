import type { AlertRecord, StoredAlert } from './alerts.ts';
import type { ThemeComment } from './themes.ts';
import type { OutboxEvent } from './webhooks.ts';

// What the store keeps of alerts: at most one per service, kind and day (Brussels). Part of the
// Store interface (store.ts).

/** Which alerts to read: raised on days in [from, to], newest first. */
export interface AlertListQuery {
  from: string;
  to: string;
  /**
   * Only the alerts of this organisation's services: of the organisation a service belongs to
   * now (a service moved to another organisation takes its alerts along), or, for a service that
   * no longer exists, of the one it belonged to when the alert was raised.
   */
  organisationId?: string | undefined;
  /** Only this service's. */
  serviceId?: string | undefined;
  /** At most this many. */
  limit: number;
}

/** Which comments the theme check reads: the newest `perDay` of each of these days. */
export interface CommentSampleQuery {
  serviceId: string;
  /** Each day's instants, [start, end) in ms: the Brussels days of a window. */
  days: readonly { start: number; end: number }[];
  /** At most this many comments of each day, its newest. */
  perDay: number;
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
  /**
   * The newest `perDay` comments of each day (in one query): a sample spread over the whole
   * window, so that a busy service's share of a theme is not that of its last days only. Comments
   * that retention removed are not there. In no particular order.
   */
  sampleComments(query: CommentSampleQuery): Promise<ThemeComment[]>;
}
