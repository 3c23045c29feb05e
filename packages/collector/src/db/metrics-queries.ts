import { sql } from 'drizzle-orm';

// The counts GET /metrics reads at each scrape, shared by SQLite and PostgreSQL like queries.ts.
// Each is a count over an index (webhook_deliveries_due, mail_outbox_due): cheap at every scrape.

/** Webhook deliveries per status. */
export const deliveriesByStatus = () =>
  sql`select status, count(*) as count from webhook_deliveries group by status`;

/** Digest e-mails sent. */
export const digestsSent = () =>
  sql`select count(*) as count from mail_outbox where status = 'sent' and kind = 'digest'`;

/** A count as the driver gives it: a number on SQLite, a string (bigint) on PostgreSQL. */
export type CountRow = { count: number | string };
