CREATE TABLE "derived_measures" (
	"indicator_id" text PRIMARY KEY NOT NULL,
	"formula" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_budget_gaps" (
	"plan_id" text NOT NULL,
	"period_key" text NOT NULL,
	"gap_pence" bigint NOT NULL,
	"note" text,
	CONSTRAINT "finance_budget_gaps_plan_id_period_key_pk" PRIMARY KEY("plan_id","period_key")
);
--> statement-breakpoint
CREATE TABLE "finance_narratives" (
	"plan_id" text NOT NULL,
	"period_key" text NOT NULL,
	"body" text NOT NULL,
	"funding_model" text,
	CONSTRAINT "finance_narratives_plan_id_period_key_pk" PRIMARY KEY("plan_id","period_key")
);
--> statement-breakpoint
CREATE TABLE "finance_pressures" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"period_key" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_savings" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"period_key" text NOT NULL,
	"title" text NOT NULL,
	"target_pence" bigint NOT NULL,
	"delivered_pence" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_models" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"total_indicator" text NOT NULL,
	"period_key" text NOT NULL,
	"scope" text NOT NULL,
	"weights" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
ALTER TABLE "derived_measures" ADD CONSTRAINT "derived_measures_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_budget_gaps" ADD CONSTRAINT "finance_budget_gaps_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_narratives" ADD CONSTRAINT "finance_narratives_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_pressures" ADD CONSTRAINT "finance_pressures_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_savings" ADD CONSTRAINT "finance_savings_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_models" ADD CONSTRAINT "funding_models_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finance_pressures_plan_idx" ON "finance_pressures" USING btree ("plan_id","period_key");--> statement-breakpoint
CREATE INDEX "finance_savings_plan_idx" ON "finance_savings" USING btree ("plan_id","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_models_name_idx" ON "funding_models" USING btree ("name","version");