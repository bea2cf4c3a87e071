CREATE TABLE "plan_outcome_maps" (
	"from_plan_id" text NOT NULL,
	"to_plan_id" text NOT NULL,
	"from_outcome_id" text NOT NULL,
	"to_outcome_id" text NOT NULL,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_outcome_maps_from_outcome_id_to_outcome_id_pk" PRIMARY KEY("from_outcome_id","to_outcome_id")
);
--> statement-breakpoint
ALTER TABLE "plan_outcome_maps" ADD CONSTRAINT "plan_outcome_maps_from_plan_id_plans_id_fk" FOREIGN KEY ("from_plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_outcome_maps" ADD CONSTRAINT "plan_outcome_maps_to_plan_id_plans_id_fk" FOREIGN KEY ("to_plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_outcome_maps" ADD CONSTRAINT "plan_outcome_maps_from_outcome_id_outcomes_id_fk" FOREIGN KEY ("from_outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_outcome_maps" ADD CONSTRAINT "plan_outcome_maps_to_outcome_id_outcomes_id_fk" FOREIGN KEY ("to_outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_outcome_maps" ADD CONSTRAINT "plan_outcome_maps_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_outcome_maps_plans_idx" ON "plan_outcome_maps" USING btree ("from_plan_id","to_plan_id");--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "period_key" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "status_set_on" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "status_note" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "due_basis" text DEFAULT 'stated' NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "period_key" text;--> statement-breakpoint
UPDATE "documents" d SET "period_key" = (SELECT min(e."period_key") FROM "entries" e WHERE e."document_id" = d."id");--> statement-breakpoint
UPDATE "commitments" c SET "period_key" = (SELECT e."period_key" FROM "entries" e WHERE e."id" = c."entry_id");
