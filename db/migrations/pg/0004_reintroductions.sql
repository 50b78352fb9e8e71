CREATE TABLE "reintroductions" (
	"profile_id" integer NOT NULL,
	"state" jsonb NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	CONSTRAINT "reintroductions_profile_id_pk" PRIMARY KEY("profile_id")
);
--> statement-breakpoint
ALTER TABLE "reintroductions" ADD CONSTRAINT "reintroductions_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;