ALTER TABLE "commitments" ADD COLUMN "proposed_status" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "proposed_note" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "proposal_state" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "proposed_by" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "proposed_at" timestamp with time zone;
