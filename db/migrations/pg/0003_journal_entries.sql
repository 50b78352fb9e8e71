CREATE TABLE "journal_entries" (
	"profile_id" integer NOT NULL,
	"date" text NOT NULL,
	"symptoms" jsonb NOT NULL,
	"note" text,
	"meals" jsonb NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	CONSTRAINT "journal_entries_profile_id_date_pk" PRIMARY KEY("profile_id","date")
);
--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;