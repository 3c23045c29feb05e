-- Monthly rollups (schema.*.ts): the daily rollups summed per month, so that a report of a year
-- reads 12 rows per service and dimension instead of 365. drizzle-kit wrote the tables; the rest
-- is by hand: each table is filled from its daily table (an upgraded database reports the same
-- figures), then kept equal to it by triggers on the daily table, which add every insert, update
-- and delete of a daily row to its month in the same statement. A month's step `first_seen` is the
-- earliest of its days that still count a rating; a decrement or a recount recomputes it from them.
CREATE TABLE "monthly_channel_rollups" (
	"service_id" text NOT NULL,
	"month" text NOT NULL,
	"channel" text NOT NULL,
	"rating_1" integer DEFAULT 0 NOT NULL,
	"rating_2" integer DEFAULT 0 NOT NULL,
	"rating_3" integer DEFAULT 0 NOT NULL,
	"rating_4" integer DEFAULT 0 NOT NULL,
	"rating_5" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "monthly_channel_rollups_service_id_month_channel_pk" PRIMARY KEY("service_id","month","channel")
);
--> statement-breakpoint
CREATE TABLE "monthly_impressions" (
	"service_id" text NOT NULL,
	"month" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "monthly_impressions_service_id_month_pk" PRIMARY KEY("service_id","month")
);
--> statement-breakpoint
CREATE TABLE "monthly_language_rollups" (
	"service_id" text NOT NULL,
	"month" text NOT NULL,
	"lang" text NOT NULL,
	"rating_1" integer DEFAULT 0 NOT NULL,
	"rating_2" integer DEFAULT 0 NOT NULL,
	"rating_3" integer DEFAULT 0 NOT NULL,
	"rating_4" integer DEFAULT 0 NOT NULL,
	"rating_5" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "monthly_language_rollups_service_id_month_lang_pk" PRIMARY KEY("service_id","month","lang")
);
--> statement-breakpoint
CREATE TABLE "monthly_reason_counts" (
	"service_id" text NOT NULL,
	"month" text NOT NULL,
	"reason" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "monthly_reason_counts_service_id_month_reason_pk" PRIMARY KEY("service_id","month","reason")
);
--> statement-breakpoint
CREATE TABLE "monthly_rollups" (
	"service_id" text NOT NULL,
	"month" text NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"rating_1" integer DEFAULT 0 NOT NULL,
	"rating_2" integer DEFAULT 0 NOT NULL,
	"rating_3" integer DEFAULT 0 NOT NULL,
	"rating_4" integer DEFAULT 0 NOT NULL,
	"rating_5" integer DEFAULT 0 NOT NULL,
	"comments" integer DEFAULT 0 NOT NULL,
	"widget_responses" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "monthly_rollups_service_id_month_outcome_pk" PRIMARY KEY("service_id","month","outcome")
);
--> statement-breakpoint
CREATE TABLE "monthly_step_rollups" (
	"service_id" text NOT NULL,
	"month" text NOT NULL,
	"step" text NOT NULL,
	"rating_1" integer DEFAULT 0 NOT NULL,
	"rating_2" integer DEFAULT 0 NOT NULL,
	"rating_3" integer DEFAULT 0 NOT NULL,
	"rating_4" integer DEFAULT 0 NOT NULL,
	"rating_5" integer DEFAULT 0 NOT NULL,
	"with_outcome" integer DEFAULT 0 NOT NULL,
	"not_completed" integer DEFAULT 0 NOT NULL,
	"first_seen" bigint NOT NULL,
	CONSTRAINT "monthly_step_rollups_service_id_month_step_pk" PRIMARY KEY("service_id","month","step")
);

--> statement-breakpoint
insert into monthly_rollups (service_id, month, outcome, rating_1, rating_2, rating_3, rating_4, rating_5, comments, widget_responses) select service_id, left(day, 7), outcome, sum(rating_1), sum(rating_2), sum(rating_3), sum(rating_4), sum(rating_5), sum(comments), sum(widget_responses) from daily_rollups group by 1, 2, 3;
--> statement-breakpoint
insert into monthly_channel_rollups (service_id, month, channel, rating_1, rating_2, rating_3, rating_4, rating_5) select service_id, left(day, 7), channel, sum(rating_1), sum(rating_2), sum(rating_3), sum(rating_4), sum(rating_5) from daily_channel_rollups group by 1, 2, 3;
--> statement-breakpoint
insert into monthly_language_rollups (service_id, month, lang, rating_1, rating_2, rating_3, rating_4, rating_5) select service_id, left(day, 7), lang, sum(rating_1), sum(rating_2), sum(rating_3), sum(rating_4), sum(rating_5) from daily_language_rollups group by 1, 2, 3;
--> statement-breakpoint
insert into monthly_step_rollups (service_id, month, step, rating_1, rating_2, rating_3, rating_4, rating_5, with_outcome, not_completed, first_seen) select service_id, left(day, 7), step, sum(rating_1), sum(rating_2), sum(rating_3), sum(rating_4), sum(rating_5), sum(with_outcome), sum(not_completed), coalesce(min(case when rating_1 + rating_2 + rating_3 + rating_4 + rating_5 > 0 then first_seen end), 0) from daily_step_rollups group by 1, 2, 3;
--> statement-breakpoint
insert into monthly_reason_counts (service_id, month, reason, count) select service_id, left(day, 7), reason, sum(count) from daily_reason_counts group by 1, 2, 3;
--> statement-breakpoint
insert into monthly_impressions (service_id, month, count) select service_id, left(day, 7), sum(count) from daily_impressions group by 1, 2;
--> statement-breakpoint
CREATE FUNCTION daily_rollups_monthly() RETURNS trigger LANGUAGE plpgsql AS $$
begin
  if tg_op = 'INSERT' then
    insert into monthly_rollups (service_id, month, outcome, rating_1, rating_2, rating_3, rating_4, rating_5, comments, widget_responses) values (new.service_id, left(new.day, 7), new.outcome, new.rating_1, new.rating_2, new.rating_3, new.rating_4, new.rating_5, new.comments, new.widget_responses) on conflict (service_id, month, outcome) do update set rating_1 = monthly_rollups.rating_1 + excluded.rating_1, rating_2 = monthly_rollups.rating_2 + excluded.rating_2, rating_3 = monthly_rollups.rating_3 + excluded.rating_3, rating_4 = monthly_rollups.rating_4 + excluded.rating_4, rating_5 = monthly_rollups.rating_5 + excluded.rating_5, comments = monthly_rollups.comments + excluded.comments, widget_responses = monthly_rollups.widget_responses + excluded.widget_responses;
  elsif tg_op = 'UPDATE' then
    insert into monthly_rollups (service_id, month, outcome, rating_1, rating_2, rating_3, rating_4, rating_5, comments, widget_responses) values (new.service_id, left(new.day, 7), new.outcome, new.rating_1 - old.rating_1, new.rating_2 - old.rating_2, new.rating_3 - old.rating_3, new.rating_4 - old.rating_4, new.rating_5 - old.rating_5, new.comments - old.comments, new.widget_responses - old.widget_responses) on conflict (service_id, month, outcome) do update set rating_1 = monthly_rollups.rating_1 + excluded.rating_1, rating_2 = monthly_rollups.rating_2 + excluded.rating_2, rating_3 = monthly_rollups.rating_3 + excluded.rating_3, rating_4 = monthly_rollups.rating_4 + excluded.rating_4, rating_5 = monthly_rollups.rating_5 + excluded.rating_5, comments = monthly_rollups.comments + excluded.comments, widget_responses = monthly_rollups.widget_responses + excluded.widget_responses;
  else
    insert into monthly_rollups (service_id, month, outcome, rating_1, rating_2, rating_3, rating_4, rating_5, comments, widget_responses) values (old.service_id, left(old.day, 7), old.outcome, -old.rating_1, -old.rating_2, -old.rating_3, -old.rating_4, -old.rating_5, -old.comments, -old.widget_responses) on conflict (service_id, month, outcome) do update set rating_1 = monthly_rollups.rating_1 + excluded.rating_1, rating_2 = monthly_rollups.rating_2 + excluded.rating_2, rating_3 = monthly_rollups.rating_3 + excluded.rating_3, rating_4 = monthly_rollups.rating_4 + excluded.rating_4, rating_5 = monthly_rollups.rating_5 + excluded.rating_5, comments = monthly_rollups.comments + excluded.comments, widget_responses = monthly_rollups.widget_responses + excluded.widget_responses;
  end if;
  return null;
end $$;
--> statement-breakpoint
CREATE TRIGGER daily_rollups_monthly AFTER INSERT OR UPDATE OR DELETE ON daily_rollups FOR EACH ROW EXECUTE FUNCTION daily_rollups_monthly();
--> statement-breakpoint
CREATE FUNCTION daily_channel_rollups_monthly() RETURNS trigger LANGUAGE plpgsql AS $$
begin
  if tg_op = 'INSERT' then
    insert into monthly_channel_rollups (service_id, month, channel, rating_1, rating_2, rating_3, rating_4, rating_5) values (new.service_id, left(new.day, 7), new.channel, new.rating_1, new.rating_2, new.rating_3, new.rating_4, new.rating_5) on conflict (service_id, month, channel) do update set rating_1 = monthly_channel_rollups.rating_1 + excluded.rating_1, rating_2 = monthly_channel_rollups.rating_2 + excluded.rating_2, rating_3 = monthly_channel_rollups.rating_3 + excluded.rating_3, rating_4 = monthly_channel_rollups.rating_4 + excluded.rating_4, rating_5 = monthly_channel_rollups.rating_5 + excluded.rating_5;
  elsif tg_op = 'UPDATE' then
    insert into monthly_channel_rollups (service_id, month, channel, rating_1, rating_2, rating_3, rating_4, rating_5) values (new.service_id, left(new.day, 7), new.channel, new.rating_1 - old.rating_1, new.rating_2 - old.rating_2, new.rating_3 - old.rating_3, new.rating_4 - old.rating_4, new.rating_5 - old.rating_5) on conflict (service_id, month, channel) do update set rating_1 = monthly_channel_rollups.rating_1 + excluded.rating_1, rating_2 = monthly_channel_rollups.rating_2 + excluded.rating_2, rating_3 = monthly_channel_rollups.rating_3 + excluded.rating_3, rating_4 = monthly_channel_rollups.rating_4 + excluded.rating_4, rating_5 = monthly_channel_rollups.rating_5 + excluded.rating_5;
  else
    insert into monthly_channel_rollups (service_id, month, channel, rating_1, rating_2, rating_3, rating_4, rating_5) values (old.service_id, left(old.day, 7), old.channel, -old.rating_1, -old.rating_2, -old.rating_3, -old.rating_4, -old.rating_5) on conflict (service_id, month, channel) do update set rating_1 = monthly_channel_rollups.rating_1 + excluded.rating_1, rating_2 = monthly_channel_rollups.rating_2 + excluded.rating_2, rating_3 = monthly_channel_rollups.rating_3 + excluded.rating_3, rating_4 = monthly_channel_rollups.rating_4 + excluded.rating_4, rating_5 = monthly_channel_rollups.rating_5 + excluded.rating_5;
  end if;
  return null;
end $$;
--> statement-breakpoint
CREATE TRIGGER daily_channel_rollups_monthly AFTER INSERT OR UPDATE OR DELETE ON daily_channel_rollups FOR EACH ROW EXECUTE FUNCTION daily_channel_rollups_monthly();
--> statement-breakpoint
CREATE FUNCTION daily_language_rollups_monthly() RETURNS trigger LANGUAGE plpgsql AS $$
begin
  if tg_op = 'INSERT' then
    insert into monthly_language_rollups (service_id, month, lang, rating_1, rating_2, rating_3, rating_4, rating_5) values (new.service_id, left(new.day, 7), new.lang, new.rating_1, new.rating_2, new.rating_3, new.rating_4, new.rating_5) on conflict (service_id, month, lang) do update set rating_1 = monthly_language_rollups.rating_1 + excluded.rating_1, rating_2 = monthly_language_rollups.rating_2 + excluded.rating_2, rating_3 = monthly_language_rollups.rating_3 + excluded.rating_3, rating_4 = monthly_language_rollups.rating_4 + excluded.rating_4, rating_5 = monthly_language_rollups.rating_5 + excluded.rating_5;
  elsif tg_op = 'UPDATE' then
    insert into monthly_language_rollups (service_id, month, lang, rating_1, rating_2, rating_3, rating_4, rating_5) values (new.service_id, left(new.day, 7), new.lang, new.rating_1 - old.rating_1, new.rating_2 - old.rating_2, new.rating_3 - old.rating_3, new.rating_4 - old.rating_4, new.rating_5 - old.rating_5) on conflict (service_id, month, lang) do update set rating_1 = monthly_language_rollups.rating_1 + excluded.rating_1, rating_2 = monthly_language_rollups.rating_2 + excluded.rating_2, rating_3 = monthly_language_rollups.rating_3 + excluded.rating_3, rating_4 = monthly_language_rollups.rating_4 + excluded.rating_4, rating_5 = monthly_language_rollups.rating_5 + excluded.rating_5;
  else
    insert into monthly_language_rollups (service_id, month, lang, rating_1, rating_2, rating_3, rating_4, rating_5) values (old.service_id, left(old.day, 7), old.lang, -old.rating_1, -old.rating_2, -old.rating_3, -old.rating_4, -old.rating_5) on conflict (service_id, month, lang) do update set rating_1 = monthly_language_rollups.rating_1 + excluded.rating_1, rating_2 = monthly_language_rollups.rating_2 + excluded.rating_2, rating_3 = monthly_language_rollups.rating_3 + excluded.rating_3, rating_4 = monthly_language_rollups.rating_4 + excluded.rating_4, rating_5 = monthly_language_rollups.rating_5 + excluded.rating_5;
  end if;
  return null;
end $$;
--> statement-breakpoint
CREATE TRIGGER daily_language_rollups_monthly AFTER INSERT OR UPDATE OR DELETE ON daily_language_rollups FOR EACH ROW EXECUTE FUNCTION daily_language_rollups_monthly();
--> statement-breakpoint
CREATE FUNCTION daily_step_rollups_monthly() RETURNS trigger LANGUAGE plpgsql AS $$
begin
  if tg_op = 'INSERT' then
    insert into monthly_step_rollups (service_id, month, step, rating_1, rating_2, rating_3, rating_4, rating_5, with_outcome, not_completed, first_seen) values (new.service_id, left(new.day, 7), new.step, new.rating_1, new.rating_2, new.rating_3, new.rating_4, new.rating_5, new.with_outcome, new.not_completed, case when new.rating_1 + new.rating_2 + new.rating_3 + new.rating_4 + new.rating_5 > 0 then new.first_seen else 0 end) on conflict (service_id, month, step) do update set rating_1 = monthly_step_rollups.rating_1 + excluded.rating_1, rating_2 = monthly_step_rollups.rating_2 + excluded.rating_2, rating_3 = monthly_step_rollups.rating_3 + excluded.rating_3, rating_4 = monthly_step_rollups.rating_4 + excluded.rating_4, rating_5 = monthly_step_rollups.rating_5 + excluded.rating_5, with_outcome = monthly_step_rollups.with_outcome + excluded.with_outcome, not_completed = monthly_step_rollups.not_completed + excluded.not_completed, first_seen = case when new.rating_1 + new.rating_2 + new.rating_3 + new.rating_4 + new.rating_5 <= 0 then monthly_step_rollups.first_seen when monthly_step_rollups.rating_1 + monthly_step_rollups.rating_2 + monthly_step_rollups.rating_3 + monthly_step_rollups.rating_4 + monthly_step_rollups.rating_5 = 0 or excluded.first_seen < monthly_step_rollups.first_seen then excluded.first_seen else monthly_step_rollups.first_seen end;
  elsif tg_op = 'UPDATE' then
    insert into monthly_step_rollups (service_id, month, step, rating_1, rating_2, rating_3, rating_4, rating_5, with_outcome, not_completed, first_seen) values (new.service_id, left(new.day, 7), new.step, new.rating_1 - old.rating_1, new.rating_2 - old.rating_2, new.rating_3 - old.rating_3, new.rating_4 - old.rating_4, new.rating_5 - old.rating_5, new.with_outcome - old.with_outcome, new.not_completed - old.not_completed, case when new.rating_1 + new.rating_2 + new.rating_3 + new.rating_4 + new.rating_5 > 0 then new.first_seen else 0 end) on conflict (service_id, month, step) do update set rating_1 = monthly_step_rollups.rating_1 + excluded.rating_1, rating_2 = monthly_step_rollups.rating_2 + excluded.rating_2, rating_3 = monthly_step_rollups.rating_3 + excluded.rating_3, rating_4 = monthly_step_rollups.rating_4 + excluded.rating_4, rating_5 = monthly_step_rollups.rating_5 + excluded.rating_5, with_outcome = monthly_step_rollups.with_outcome + excluded.with_outcome, not_completed = monthly_step_rollups.not_completed + excluded.not_completed, first_seen = case when new.rating_1 + new.rating_2 + new.rating_3 + new.rating_4 + new.rating_5 <= 0 then monthly_step_rollups.first_seen when monthly_step_rollups.rating_1 + monthly_step_rollups.rating_2 + monthly_step_rollups.rating_3 + monthly_step_rollups.rating_4 + monthly_step_rollups.rating_5 = 0 or excluded.first_seen < monthly_step_rollups.first_seen then excluded.first_seen else monthly_step_rollups.first_seen end;
    if new.rating_1 + new.rating_2 + new.rating_3 + new.rating_4 + new.rating_5 < old.rating_1 + old.rating_2 + old.rating_3 + old.rating_4 + old.rating_5 or new.first_seen > old.first_seen then
      update monthly_step_rollups set first_seen = coalesce((select min(first_seen) from daily_step_rollups where service_id = new.service_id and day >= left(new.day, 7) || '-01' and day <= left(new.day, 7) || '-31' and step = new.step and rating_1 + rating_2 + rating_3 + rating_4 + rating_5 > 0), 0) where service_id = new.service_id and month = left(new.day, 7) and step = new.step;
    end if;
  else
    insert into monthly_step_rollups (service_id, month, step, rating_1, rating_2, rating_3, rating_4, rating_5, with_outcome, not_completed, first_seen) values (old.service_id, left(old.day, 7), old.step, -old.rating_1, -old.rating_2, -old.rating_3, -old.rating_4, -old.rating_5, -old.with_outcome, -old.not_completed, case when old.rating_1 + old.rating_2 + old.rating_3 + old.rating_4 + old.rating_5 > 0 then old.first_seen else 0 end) on conflict (service_id, month, step) do update set rating_1 = monthly_step_rollups.rating_1 + excluded.rating_1, rating_2 = monthly_step_rollups.rating_2 + excluded.rating_2, rating_3 = monthly_step_rollups.rating_3 + excluded.rating_3, rating_4 = monthly_step_rollups.rating_4 + excluded.rating_4, rating_5 = monthly_step_rollups.rating_5 + excluded.rating_5, with_outcome = monthly_step_rollups.with_outcome + excluded.with_outcome, not_completed = monthly_step_rollups.not_completed + excluded.not_completed, first_seen = case when old.rating_1 + old.rating_2 + old.rating_3 + old.rating_4 + old.rating_5 <= 0 then monthly_step_rollups.first_seen when monthly_step_rollups.rating_1 + monthly_step_rollups.rating_2 + monthly_step_rollups.rating_3 + monthly_step_rollups.rating_4 + monthly_step_rollups.rating_5 = 0 or excluded.first_seen < monthly_step_rollups.first_seen then excluded.first_seen else monthly_step_rollups.first_seen end;
    update monthly_step_rollups set first_seen = coalesce((select min(first_seen) from daily_step_rollups where service_id = old.service_id and day >= left(old.day, 7) || '-01' and day <= left(old.day, 7) || '-31' and step = old.step and rating_1 + rating_2 + rating_3 + rating_4 + rating_5 > 0), 0) where service_id = old.service_id and month = left(old.day, 7) and step = old.step;
  end if;
  return null;
end $$;
--> statement-breakpoint
CREATE TRIGGER daily_step_rollups_monthly AFTER INSERT OR UPDATE OR DELETE ON daily_step_rollups FOR EACH ROW EXECUTE FUNCTION daily_step_rollups_monthly();
--> statement-breakpoint
CREATE FUNCTION daily_reason_counts_monthly() RETURNS trigger LANGUAGE plpgsql AS $$
begin
  if tg_op = 'INSERT' then
    insert into monthly_reason_counts (service_id, month, reason, count) values (new.service_id, left(new.day, 7), new.reason, new.count) on conflict (service_id, month, reason) do update set count = monthly_reason_counts.count + excluded.count;
  elsif tg_op = 'UPDATE' then
    insert into monthly_reason_counts (service_id, month, reason, count) values (new.service_id, left(new.day, 7), new.reason, new.count - old.count) on conflict (service_id, month, reason) do update set count = monthly_reason_counts.count + excluded.count;
  else
    insert into monthly_reason_counts (service_id, month, reason, count) values (old.service_id, left(old.day, 7), old.reason, -old.count) on conflict (service_id, month, reason) do update set count = monthly_reason_counts.count + excluded.count;
  end if;
  return null;
end $$;
--> statement-breakpoint
CREATE TRIGGER daily_reason_counts_monthly AFTER INSERT OR UPDATE OR DELETE ON daily_reason_counts FOR EACH ROW EXECUTE FUNCTION daily_reason_counts_monthly();
--> statement-breakpoint
CREATE FUNCTION daily_impressions_monthly() RETURNS trigger LANGUAGE plpgsql AS $$
begin
  if tg_op = 'INSERT' then
    insert into monthly_impressions (service_id, month, count) values (new.service_id, left(new.day, 7), new.count) on conflict (service_id, month) do update set count = monthly_impressions.count + excluded.count;
  elsif tg_op = 'UPDATE' then
    insert into monthly_impressions (service_id, month, count) values (new.service_id, left(new.day, 7), new.count - old.count) on conflict (service_id, month) do update set count = monthly_impressions.count + excluded.count;
  else
    insert into monthly_impressions (service_id, month, count) values (old.service_id, left(old.day, 7), -old.count) on conflict (service_id, month) do update set count = monthly_impressions.count + excluded.count;
  end if;
  return null;
end $$;
--> statement-breakpoint
CREATE TRIGGER daily_impressions_monthly AFTER INSERT OR UPDATE OR DELETE ON daily_impressions FOR EACH ROW EXECUTE FUNCTION daily_impressions_monthly();
