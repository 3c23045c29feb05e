ALTER TABLE "feedback" ADD COLUMN "comment_pruned" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "comment_hash" text;