CREATE TABLE "audit_log" (
	"id" text PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"target" text NOT NULL,
	"details" text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "erased_feedback" (
	"id" text PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"erased_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "explanations" (
	"scope" text NOT NULL,
	"subject_id" text NOT NULL,
	"year" integer NOT NULL,
	"text" text NOT NULL,
	"updated_at" bigint NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "explanations_scope_subject_id_year_pk" PRIMARY KEY("scope","subject_id","year")
);
--> statement-breakpoint
CREATE TABLE "feedback_tags" (
	"feedback_id" text NOT NULL,
	"service_id" text NOT NULL,
	"tag" text NOT NULL,
	CONSTRAINT "feedback_tags_feedback_id_tag_pk" PRIMARY KEY("feedback_id","tag")
);
--> statement-breakpoint
CREATE TABLE "feedback_triage" (
	"feedback_id" text PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"note" text,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"status" text NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"themes" text DEFAULT '[]' NOT NULL,
	"feedback_ids" text DEFAULT '[]' NOT NULL,
	"planned_on" text,
	"done_on" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_submissions" (
	"organisation_id" text NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"submitted_at" bigint NOT NULL,
	"submitted_by" text NOT NULL,
	"sha256" text NOT NULL,
	"json" text NOT NULL,
	"html" text NOT NULL,
	CONSTRAINT "report_submissions_organisation_id_year_version_pk" PRIMARY KEY("organisation_id","year","version")
);
--> statement-breakpoint
CREATE INDEX "audit_log_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "feedback_tags_service_tag" ON "feedback_tags" USING btree ("service_id","tag");--> statement-breakpoint
CREATE INDEX "feedback_triage_service_status" ON "feedback_triage" USING btree ("service_id","status");--> statement-breakpoint
CREATE INDEX "improvement_actions_service" ON "improvement_actions" USING btree ("service_id");