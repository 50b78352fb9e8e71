CREATE TABLE "plan_members" (
	"plan_id" integer NOT NULL,
	"profile_id" integer NOT NULL,
	"position" integer NOT NULL,
	"portion" double precision NOT NULL,
	CONSTRAINT "plan_members_plan_id_profile_id_pk" PRIMARY KEY("plan_id","profile_id")
);
--> statement-breakpoint
ALTER TABLE "plan_members" ADD CONSTRAINT "plan_members_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_members" ADD CONSTRAINT "plan_members_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_members_profile_idx" ON "plan_members" USING btree ("profile_id");