ALTER TABLE `feedback` ADD `comment_pruned` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `feedback` ADD `comment_hash` text;