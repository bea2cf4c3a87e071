CREATE TABLE "narrative_blocks" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"outcome_id" text,
	"theme_id" text,
	"period_key" text,
	"position" integer NOT NULL,
	"heading" text,
	"paragraphs" jsonb NOT NULL,
	"document_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "narrative_blocks" ADD CONSTRAINT "narrative_blocks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "narrative_blocks" ADD CONSTRAINT "narrative_blocks_outcome_id_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "narrative_blocks" ADD CONSTRAINT "narrative_blocks_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "narrative_blocks" ADD CONSTRAINT "narrative_blocks_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "narrative_blocks" ADD CONSTRAINT "narrative_blocks_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "narrative_blocks_plan_idx" ON "narrative_blocks" USING btree ("plan_id","position");
