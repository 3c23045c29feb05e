CREATE TABLE `daily_language_rollups` (
	`service_id` text NOT NULL,
	`day` text NOT NULL,
	`lang` text NOT NULL,
	`rating_1` integer DEFAULT 0 NOT NULL,
	`rating_2` integer DEFAULT 0 NOT NULL,
	`rating_3` integer DEFAULT 0 NOT NULL,
	`rating_4` integer DEFAULT 0 NOT NULL,
	`rating_5` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`service_id`, `day`, `lang`)
);
--> statement-breakpoint
CREATE TABLE `daily_step_rollups` (
	`service_id` text NOT NULL,
	`day` text NOT NULL,
	`step` text NOT NULL,
	`rating_1` integer DEFAULT 0 NOT NULL,
	`rating_2` integer DEFAULT 0 NOT NULL,
	`rating_3` integer DEFAULT 0 NOT NULL,
	`rating_4` integer DEFAULT 0 NOT NULL,
	`rating_5` integer DEFAULT 0 NOT NULL,
	`with_outcome` integer DEFAULT 0 NOT NULL,
	`not_completed` integer DEFAULT 0 NOT NULL,
	`first_seen` integer NOT NULL,
	PRIMARY KEY(`service_id`, `day`, `step`)
);
--> statement-breakpoint
ALTER TABLE `organisations` ADD `policy_domain` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `kind` text;--> statement-breakpoint
ALTER TABLE `services` ADD `target` real;--> statement-breakpoint
-- The submissions from before languages and steps were counted: their language and step rollups
-- from the rows themselves, so that byLanguage and byStep cover the whole history.
INSERT INTO daily_language_rollups (service_id, day, lang, rating_1, rating_2, rating_3, rating_4, rating_5)
  SELECT service_id, day, lang,
         sum(CASE WHEN rating = 1 THEN 1 ELSE 0 END), sum(CASE WHEN rating = 2 THEN 1 ELSE 0 END),
         sum(CASE WHEN rating = 3 THEN 1 ELSE 0 END), sum(CASE WHEN rating = 4 THEN 1 ELSE 0 END),
         sum(CASE WHEN rating = 5 THEN 1 ELSE 0 END)
    FROM feedback GROUP BY service_id, day, lang;--> statement-breakpoint
INSERT INTO daily_step_rollups (service_id, day, step, rating_1, rating_2, rating_3, rating_4, rating_5, with_outcome, not_completed, first_seen)
  SELECT service_id, day, step,
         sum(CASE WHEN rating = 1 THEN 1 ELSE 0 END), sum(CASE WHEN rating = 2 THEN 1 ELSE 0 END),
         sum(CASE WHEN rating = 3 THEN 1 ELSE 0 END), sum(CASE WHEN rating = 4 THEN 1 ELSE 0 END),
         sum(CASE WHEN rating = 5 THEN 1 ELSE 0 END),
         sum(CASE WHEN outcome IS NOT NULL THEN 1 ELSE 0 END),
         sum(CASE WHEN outcome IN ('rejected', 'error') THEN 1 ELSE 0 END),
         min(created_at)
    FROM feedback WHERE step IS NOT NULL GROUP BY service_id, day, step;
