CREATE TABLE `daily_channel_rollups` (
	`service_id` text NOT NULL,
	`day` text NOT NULL,
	`channel` text NOT NULL,
	`rating_1` integer DEFAULT 0 NOT NULL,
	`rating_2` integer DEFAULT 0 NOT NULL,
	`rating_3` integer DEFAULT 0 NOT NULL,
	`rating_4` integer DEFAULT 0 NOT NULL,
	`rating_5` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`service_id`, `day`, `channel`)
);
--> statement-breakpoint
CREATE TABLE `daily_reason_counts` (
	`service_id` text NOT NULL,
	`day` text NOT NULL,
	`reason` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`service_id`, `day`, `reason`)
);
--> statement-breakpoint
ALTER TABLE `feedback` ADD `channel` text DEFAULT 'web' NOT NULL;--> statement-breakpoint
ALTER TABLE `feedback` ADD `reasons` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `help_url` text;--> statement-breakpoint
ALTER TABLE `services` ADD `reasons` text;--> statement-breakpoint
-- Every submission from before channels were recorded came through the web: its counts move into
-- the channel rollup as 'web', so that byChannel covers the whole history.
INSERT INTO daily_channel_rollups (service_id, day, channel, rating_1, rating_2, rating_3, rating_4, rating_5)
  SELECT service_id, day, 'web', sum(rating_1), sum(rating_2), sum(rating_3), sum(rating_4), sum(rating_5)
    FROM daily_rollups GROUP BY service_id, day;