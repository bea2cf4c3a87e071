CREATE TABLE "areas" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"type" text NOT NULL,
	"parent_code" text,
	"region" text,
	"nation" text,
	"population" integer,
	"lat" double precision,
	"lng" double precision,
	"fictional" boolean DEFAULT false NOT NULL,
	"end_date" text
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "commitment_evidence" (
	"commitment_id" text NOT NULL,
	"entry_id" text NOT NULL,
	CONSTRAINT "commitment_evidence_commitment_id_entry_id_pk" PRIMARY KEY("commitment_id","entry_id")
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"outcome_id" text,
	"entry_id" text,
	"text" text NOT NULL,
	"due_text" text,
	"due_start" text,
	"due_end" text,
	"status" text DEFAULT 'open' NOT NULL,
	"workflow_state" text DEFAULT 'draft' NOT NULL,
	"document_id" text,
	"source_start" integer,
	"source_end" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comparator_group_members" (
	"group_id" text NOT NULL,
	"area_code" text NOT NULL,
	CONSTRAINT "comparator_group_members_group_id_area_code_pk" PRIMARY KEY("group_id","area_code")
);
--> statement-breakpoint
CREATE TABLE "comparator_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"anchor_area_code" text,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"plan_id" text,
	"text" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" text
);
--> statement-breakpoint
CREATE TABLE "entries" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"outcome_id" text,
	"theme_id" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"date" text,
	"period_key" text,
	"service" text,
	"partners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text,
	"workflow_state" text DEFAULT 'draft' NOT NULL,
	"source_section" text,
	"position" integer DEFAULT 0 NOT NULL,
	"document_id" text,
	"source_start" integer,
	"source_end" integer,
	"review_comment" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "entry_places" (
	"entry_id" text NOT NULL,
	"name" text NOT NULL,
	"area_code" text,
	CONSTRAINT "entry_places_entry_id_name_pk" PRIMARY KEY("entry_id","name")
);
--> statement-breakpoint
CREATE TABLE "facts" (
	"id" text PRIMARY KEY NOT NULL,
	"entry_id" text NOT NULL,
	"kind" text NOT NULL,
	"value" double precision,
	"value_max" double precision,
	"unit" text NOT NULL,
	"text" text NOT NULL,
	"start" integer,
	"end" integer,
	"approximate" boolean DEFAULT false NOT NULL,
	"date_start" text,
	"date_end" text
);
--> statement-breakpoint
CREATE TABLE "financial_figures" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"period_key" text NOT NULL,
	"label" text NOT NULL,
	"amount" double precision NOT NULL,
	"unit" text NOT NULL,
	"note" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"unit" text NOT NULL,
	"decimal_places" integer DEFAULT 1 NOT NULL,
	"polarity" text NOT NULL,
	"frequency" text NOT NULL,
	"outcome_id" text,
	"theme_id" text,
	"source" text,
	"definition" text,
	"change_tolerance" double precision DEFAULT 0 NOT NULL,
	"owner_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"indicator_id" text NOT NULL,
	"area_code" text NOT NULL,
	"period_key" text NOT NULL,
	"value" double precision,
	"status" text DEFAULT 'final' NOT NULL,
	"note" text,
	"workflow_state" text DEFAULT 'published' NOT NULL,
	"document_id" text,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observations_indicator_id_area_code_period_key_pk" PRIMARY KEY("indicator_id","area_code","period_key")
);
--> statement-breakpoint
CREATE TABLE "outcomes" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"owner_id" text
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"council_code" text NOT NULL,
	"start_date" text NOT NULL,
	"end_date" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_artifacts" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"period_key" text NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"draft" boolean NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "reporting_duties" (
	"id" text PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"period_key" text NOT NULL,
	"owner_id" text,
	"due_date" text NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "section_mappings" (
	"plan_id" text NOT NULL,
	"section" text NOT NULL,
	"outcome_id" text,
	"theme_id" text,
	CONSTRAINT "section_mappings_plan_id_section_pk" PRIMARY KEY("plan_id","section")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" text PRIMARY KEY NOT NULL,
	"indicator_id" text NOT NULL,
	"area_code" text NOT NULL,
	"period_key" text NOT NULL,
	"value" double precision NOT NULL,
	"tolerance" double precision DEFAULT 0 NOT NULL,
	"tolerance_kind" text DEFAULT 'absolute' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"id" text PRIMARY KEY NOT NULL,
	"outcome_id" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"services" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outcome_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commitment_evidence" ADD CONSTRAINT "commitment_evidence_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_evidence" ADD CONSTRAINT "commitment_evidence_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_outcome_id_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparator_group_members" ADD CONSTRAINT "comparator_group_members_group_id_comparator_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."comparator_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparator_group_members" ADD CONSTRAINT "comparator_group_members_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparator_groups" ADD CONSTRAINT "comparator_groups_anchor_area_code_areas_code_fk" FOREIGN KEY ("anchor_area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_outcome_id_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_places" ADD CONSTRAINT "entry_places_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_places" ADD CONSTRAINT "entry_places_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_figures" ADD CONSTRAINT "financial_figures_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_outcome_id_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_council_code_areas_code_fk" FOREIGN KEY ("council_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_artifacts" ADD CONSTRAINT "report_artifacts_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_artifacts" ADD CONSTRAINT "report_artifacts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_duties" ADD CONSTRAINT "reporting_duties_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_mappings" ADD CONSTRAINT "section_mappings_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_mappings" ADD CONSTRAINT "section_mappings_outcome_id_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_mappings" ADD CONSTRAINT "section_mappings_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_outcome_id_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "areas_parent_idx" ON "areas" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "areas_type_idx" ON "areas" USING btree ("type");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "commitments_plan_idx" ON "commitments" USING btree ("plan_id","due_start");--> statement-breakpoint
CREATE INDEX "commitments_entry_idx" ON "commitments" USING btree ("entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "comparator_groups_name_idx" ON "comparator_groups" USING btree ("name",coalesce("anchor_area_code", ''));--> statement-breakpoint
CREATE UNIQUE INDEX "documents_sha_plan_idx" ON "documents" USING btree ("sha256","plan_id");--> statement-breakpoint
CREATE INDEX "entries_plan_idx" ON "entries" USING btree ("plan_id","outcome_id","position");--> statement-breakpoint
CREATE INDEX "entries_period_idx" ON "entries" USING btree ("period_key");--> statement-breakpoint
CREATE INDEX "entries_state_idx" ON "entries" USING btree ("workflow_state");--> statement-breakpoint
CREATE INDEX "entries_document_idx" ON "entries" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "entry_places_area_idx" ON "entry_places" USING btree ("area_code");--> statement-breakpoint
CREATE INDEX "facts_entry_idx" ON "facts" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "financial_figures_plan_idx" ON "financial_figures" USING btree ("plan_id","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_idx" ON "indicators" USING btree ("code");--> statement-breakpoint
CREATE INDEX "indicators_outcome_idx" ON "indicators" USING btree ("outcome_id");--> statement-breakpoint
CREATE INDEX "login_attempts_key_idx" ON "login_attempts" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "observations_area_idx" ON "observations" USING btree ("area_code","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "outcomes_plan_slug_idx" ON "outcomes" USING btree ("plan_id","slug");--> statement-breakpoint
CREATE INDEX "report_artifacts_plan_idx" ON "report_artifacts" USING btree ("plan_id","period_key","format");--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_duties_key_idx" ON "reporting_duties" USING btree ("subject_type","subject_id","period_key");--> statement-breakpoint
CREATE INDEX "reporting_duties_owner_idx" ON "reporting_duties" USING btree ("owner_id","due_date");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "targets_key_idx" ON "targets" USING btree ("indicator_id","area_code","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "themes_outcome_slug_idx" ON "themes" USING btree ("outcome_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree (lower("email"));