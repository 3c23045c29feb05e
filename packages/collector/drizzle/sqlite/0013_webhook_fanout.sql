-- Webhook fan-out on SQLite (schema-v2.sqlite.ts, sqlite-fanout.ts): ingest writes one row per
-- batch, the ids of its submissions whose organisation has a webhook; the worker writes their
-- events to the outbox off the request path and deletes the row in the same transaction.
CREATE TABLE `webhook_fanout` (
	`id` integer PRIMARY KEY NOT NULL,
	`feedback_ids` text NOT NULL,
	`created_at` integer NOT NULL
);
