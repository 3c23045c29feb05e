-- Rollups are read by service and a range of days: stored WITHOUT ROWID, the table is the primary
-- key's B-tree, so one service's days lie together instead of scattered over the pages that were
-- current when each day was first written. Written by hand: drizzle-kit does not model WITHOUT ROWID.
CREATE TABLE `daily_rollups_clustered` (
	`service_id` text NOT NULL,
	`day` text NOT NULL,
	`outcome` text DEFAULT '' NOT NULL,
	`rating_1` integer DEFAULT 0 NOT NULL,
	`rating_2` integer DEFAULT 0 NOT NULL,
	`rating_3` integer DEFAULT 0 NOT NULL,
	`rating_4` integer DEFAULT 0 NOT NULL,
	`rating_5` integer DEFAULT 0 NOT NULL,
	`comments` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`service_id`, `day`, `outcome`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `daily_rollups_clustered`
  SELECT `service_id`, `day`, `outcome`, `rating_1`, `rating_2`, `rating_3`, `rating_4`, `rating_5`, `comments`
  FROM `daily_rollups`;
--> statement-breakpoint
DROP TABLE `daily_rollups`;
--> statement-breakpoint
ALTER TABLE `daily_rollups_clustered` RENAME TO `daily_rollups`;
--> statement-breakpoint
CREATE TABLE `daily_impressions_clustered` (
	`service_id` text NOT NULL,
	`day` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`service_id`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `daily_impressions_clustered` SELECT `service_id`, `day`, `count` FROM `daily_impressions`;
--> statement-breakpoint
DROP TABLE `daily_impressions`;
--> statement-breakpoint
ALTER TABLE `daily_impressions_clustered` RENAME TO `daily_impressions`;
