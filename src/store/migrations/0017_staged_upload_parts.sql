-- A staged upload's bytes move into parts written one statement each. Uploads waiting for
-- confirmation (kept 30 minutes at most) are dropped: their previews must be uploaded again.
DELETE FROM "staged_uploads";--> statement-breakpoint
ALTER TABLE "staged_uploads" DROP COLUMN "content";--> statement-breakpoint
CREATE TABLE "staged_upload_parts" (
	"upload_id" text NOT NULL,
	"part" integer NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "staged_upload_parts_upload_id_part_pk" PRIMARY KEY("upload_id","part")
);
--> statement-breakpoint
ALTER TABLE "staged_upload_parts" ADD CONSTRAINT "staged_upload_parts_upload_id_staged_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."staged_uploads"("id") ON DELETE cascade ON UPDATE no action;
