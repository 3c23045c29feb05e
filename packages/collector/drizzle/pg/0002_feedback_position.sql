-- Export pages break ties within a millisecond on the order of insertion, as SQLite does with its
-- rowid; the index carries it so that every page is read in index order without a sort.
DROP INDEX "feedback_service_created";--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "position" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "feedback_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
CREATE INDEX "feedback_service_created" ON "feedback" USING btree ("service_id","created_at","position");