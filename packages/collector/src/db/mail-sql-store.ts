import type { MailStore } from '../domain/mail-store.ts';
import { WebhookSqlStore } from './webhook-sql-store.ts';

/**
 * E-mail subscriptions and the mail outbox (digests, alert mails, notices), written once for SQLite and PostgreSQL. SqlStore extends it; a store gives `rows`,
 * `run` and `transaction`.
 */
export abstract class MailSqlStore extends WebhookSqlStore implements MailStore {}
