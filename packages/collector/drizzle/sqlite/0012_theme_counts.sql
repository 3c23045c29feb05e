-- Themes kept as counts (schema-themes.*.ts): per service, month and stem, how many comments
-- contain each word and word pair, counted by the indexer off the request path. drizzle-kit wrote
-- the tables, the column and the index of comments still to count (every comment of an upgraded
-- database, counted after the upgrade); the triggers are by hand: a counted comment whose text,
-- language or rating changes (an edit, a redaction, retention) or whose row goes (an erasure) is
-- queued with its old values in theme_retractions, for the indexer to subtract, and is counted
-- again as it now is.
CREATE TABLE `theme_counts` (
	`service_id` text NOT NULL,
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`stem` text NOT NULL,
	`form` text DEFAULT '' NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`low` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`service_id`, `month`, `kind`, `stem`, `form`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `theme_retractions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_id` text NOT NULL,
	`month` text NOT NULL,
	`comment` text NOT NULL,
	`lang` text NOT NULL,
	`rating` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `feedback` ADD `themes_counted` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `feedback_themes_pending` ON `feedback` (`service_id`,`created_at`) WHERE themes_counted = false and comment is not null;--> statement-breakpoint
CREATE TRIGGER feedback_themes_changed AFTER UPDATE OF comment, lang, rating ON feedback
WHEN old.themes_counted AND (old.comment IS NOT new.comment OR old.lang IS NOT new.lang OR old.rating IS NOT new.rating)
BEGIN
  INSERT INTO theme_retractions (service_id, month, comment, lang, rating) VALUES (old.service_id, substr(old.day, 1, 7), old.comment, old.lang, old.rating);
  UPDATE feedback SET themes_counted = false WHERE id = old.id;
END;--> statement-breakpoint
CREATE TRIGGER feedback_themes_deleted AFTER DELETE ON feedback WHEN old.themes_counted
BEGIN
  INSERT INTO theme_retractions (service_id, month, comment, lang, rating) VALUES (old.service_id, substr(old.day, 1, 7), old.comment, old.lang, old.rating);
END;
