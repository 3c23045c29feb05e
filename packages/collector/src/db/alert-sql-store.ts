import type { AlertListQuery, AlertStore, CommentSampleQuery } from '../domain/alert-store.ts';
import type { AlertRecord, StoredAlert } from '../domain/alerts.ts';
import type { ThemeComment } from '../domain/themes.ts';
import type { OutboxEvent } from '../domain/webhooks.ts';
import * as q from './alert-queries.ts';
import { MailSqlStore } from './mail-sql-store.ts';
import { enqueueIn } from './outbox.ts';

/**
 * Alerts: at most one per service, kind and day, written once for SQLite and PostgreSQL on the
 * shared queries (alert-queries.ts). SqlStore extends it; a store gives `rows`, `run` and
 * `transaction`.
 */
export abstract class AlertSqlStore extends MailSqlStore implements AlertStore {
  raiseAlert(alert: AlertRecord, event: OutboxEvent): Promise<boolean> {
    return this.transaction(async (tx) => {
      // On PostgreSQL a second instance's insert of the same service, kind and day waits for
      // the first one's commit, then writes nothing: the event is written by the one that won.
      if ((await tx.run(q.insertAlert(alert))) === 0) return false;
      await enqueueIn(tx, event);
      return true;
    });
  }

  async listAlerts(query: AlertListQuery): Promise<StoredAlert[]> {
    return (await this.rows<q.AlertRow>(q.alerts(query))).map(q.toStoredAlert);
  }

  async sampleComments(query: CommentSampleQuery): Promise<ThemeComment[]> {
    if (query.days.length === 0 || query.perDay < 1) return [];
    return this.rows<ThemeComment>(q.commentSample(query));
  }
}
