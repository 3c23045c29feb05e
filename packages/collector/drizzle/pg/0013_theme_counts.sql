-- Themes kept as counts (schema-themes.*.ts): per service, month and stem, how many comments
-- contain each word and word pair, counted by the indexer off the request path. drizzle-kit wrote
-- the tables, the column and the index of comments still to count (every comment of an upgraded
-- database, counted after the upgrade); the triggers are by hand: a counted comment whose text,
-- language or rating changes (an edit, a redaction, retention) or whose row goes (an erasure) is
-- queued with its old values in theme_retractions, for the indexer to subtract, and is counted
-- again as it now is.
CREATE TABLE "theme_counts" (
	"service_id" text NOT NULL,
	"month" text NOT NULL,
	"kind" text NOT NULL,
	"stem" text NOT NULL,
	"form" text DEFAULT '' NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"low" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "theme_counts_service_id_month_kind_stem_form_pk" PRIMARY KEY("service_id","month","kind","stem","form")
);
--> statement-breakpoint
CREATE TABLE "theme_retractions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"month" text NOT NULL,
	"comment" text NOT NULL,
	"lang" text NOT NULL,
	"rating" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "themes_counted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "feedback_themes_pending" ON "feedback" USING btree ("service_id","created_at") WHERE themes_counted = false and comment is not null;--> statement-breakpoint
CREATE FUNCTION feedback_themes_retract() RETURNS trigger LANGUAGE plpgsql AS $$
begin
  insert into theme_retractions (service_id, month, comment, lang, rating) values (old.service_id, left(old.day, 7), old.comment, old.lang, old.rating);
  if tg_op = 'UPDATE' then
    new.themes_counted := false;
    return new;
  end if;
  return old;
end $$;--> statement-breakpoint
CREATE TRIGGER feedback_themes_changed BEFORE UPDATE OF comment, lang, rating ON feedback FOR EACH ROW WHEN (old.themes_counted AND (old.comment IS DISTINCT FROM new.comment OR old.lang IS DISTINCT FROM new.lang OR old.rating IS DISTINCT FROM new.rating)) EXECUTE FUNCTION feedback_themes_retract();--> statement-breakpoint
CREATE TRIGGER feedback_themes_deleted AFTER DELETE ON feedback FOR EACH ROW WHEN (old.themes_counted) EXECUTE FUNCTION feedback_themes_retract();
