import type { AlertStore } from '../domain/alert-store.ts';
import { MailSqlStore } from './mail-sql-store.ts';

/**
 * Alerts: at most one per service, kind and day, written once for SQLite and PostgreSQL. SqlStore extends it; a store gives `rows`,
 * `run` and `transaction`.
 */
export abstract class AlertSqlStore extends MailSqlStore implements AlertStore {}
