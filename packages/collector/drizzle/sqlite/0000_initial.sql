CREATE TABLE `daily_impressions` (
	`service_id` text NOT NULL,
	`day` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`service_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `daily_rollups` (
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
);
--> statement-breakpoint
CREATE TABLE `feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`rating` integer NOT NULL,
	`comment` text,
	`lang` text NOT NULL,
	`outcome` text,
	`step` text,
	`page` text,
	`redactions` integer DEFAULT 0 NOT NULL,
	`day` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `feedback_service_created` ON `feedback` (`service_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`organisation_id` text NOT NULL,
	`allowed_origins` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`public_service_uri` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`role` text NOT NULL,
	`organisation_id` text,
	`hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tokens_hash_unique` ON `tokens` (`hash`);