CREATE TABLE "entry_links" (
	"id" text PRIMARY KEY NOT NULL,
	"entry_id" text NOT NULL,
	"earlier_entry_id" text,
	"commitment_id" text,
	"score" double precision NOT NULL,
	"reason" text NOT NULL,
	"shared_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'suggested' NOT NULL,
	"scheme_id" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schemes" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "entry_links" ADD CONSTRAINT "entry_links_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_links" ADD CONSTRAINT "entry_links_earlier_entry_id_entries_id_fk" FOREIGN KEY ("earlier_entry_id") REFERENCES "public"."entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_links" ADD CONSTRAINT "entry_links_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_links" ADD CONSTRAINT "entry_links_scheme_id_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."schemes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_links" ADD CONSTRAINT "entry_links_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "entry_links_pair_idx" ON "entry_links" USING btree ("entry_id",coalesce("earlier_entry_id", ''),coalesce("commitment_id", ''));--> statement-breakpoint
CREATE INDEX "entry_links_earlier_idx" ON "entry_links" USING btree ("earlier_entry_id");--> statement-breakpoint
CREATE INDEX "entry_links_commitment_idx" ON "entry_links" USING btree ("commitment_id");--> statement-breakpoint
CREATE INDEX "entry_links_scheme_idx" ON "entry_links" USING btree ("scheme_id");--> statement-breakpoint
CREATE INDEX "entry_links_state_idx" ON "entry_links" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "schemes_slug_idx" ON "schemes" USING btree ("slug");