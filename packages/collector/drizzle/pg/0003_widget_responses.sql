-- The response rate counts the widget's answers only. Before this, every row counts as the
-- widget's, so that the rates of earlier periods stay as they were; the two updates are by hand.
ALTER TABLE "daily_rollups" ADD COLUMN "widget_responses" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "widget" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "feedback" SET "widget" = true;--> statement-breakpoint
UPDATE "daily_rollups" SET "widget_responses" = "rating_1" + "rating_2" + "rating_3" + "rating_4" + "rating_5";
